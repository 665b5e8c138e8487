"""Whole builds with MkDocs + Material in strict mode: the fixture and the shipped content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def build(content: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_fixture_builds_strict(content, tmp_path):
    site = tmp_path / "site"
    done = build(content, site)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr
    page = (site / "empfehlungen/frueh-austauschen/index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in page and "E-01: Früh austauschen" in page
    assert 'href="../../akteure/jugendamt/"' in page
    assert "frame-src 'none'" in page  # no page may frame another host …
    video = (site / "video/index.html").read_text(encoding="utf-8")
    assert "frame-src https://www.youtube-nocookie.com" in video  # … except the player, after the reader's click


@pytest.mark.skipif(not (ROOT / "content").is_dir(), reason="no shipped content")
def test_shipped_content_builds_strict_with_a_page_per_item(tmp_path):
    from generator.check.validate import load_content
    from generator.model.kinds import ALL_KINDS
    from generator.model.paths import url_path

    site = tmp_path / "site"
    done = build(ROOT / "content", site)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr
    content = load_content(ROOT / "content")
    for kind, item in content.all_items():
        path = url_path(kind, item.id).partition("#")[0]
        assert (site / path.strip("/") / "index.html").is_file(), f"{kind} {item.id}: {path}"
    assert all(ALL_KINDS[k] for k, _ in content.all_items())


def test_failed_build_keeps_previous_site(content, tmp_path):
    site = tmp_path / "site"
    assert build(content, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (content / "akteure/polizei.yaml").write_text("id: polizei\nlevel: [\n", encoding="utf-8")
    done = build(content, site)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
