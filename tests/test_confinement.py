"""No file outside the project's folders is ever read: every symbolic link is refused, by name, and
nothing of what it points to reaches the output (text, json or GitHub annotations)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, bkk, make_project, overlay

from generator.problems import Mark, source_line, source_snippet

SECRET = "GEHEIM-7f3a-nicht-ausgeben"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every project folder, shaped like content so that reading it would show it."""
    path = tmp_path / "outside" / "geheim.yaml"
    path.parent.mkdir()
    path.write_text(f"id: {SECRET}\ntitle: {SECRET}\n", encoding="utf-8")
    return path


def _project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    overlay(content, FIXTURE)
    return tmp_path


def _refused(tmp_path: Path, *args: str) -> str:
    for fmt in ("text", "json", "github"):
        done = bkk("check", "--content", "content", "--format", fmt, *args, cwd=tmp_path, timeout=60)
        output = done.stdout + done.stderr
        assert done.returncode == 1, output
        assert "Traceback" not in output
        assert SECRET not in output, f"--format {fmt} zeigt den Inhalt des Link-Ziels:\n{output}"
        assert "outside" not in output, f"--format {fmt} nennt das Link-Ziel:\n{output}"
    return bkk("check", "--content", "content", *args, cwd=tmp_path, timeout=60).stderr


def test_link_to_a_file_outside_is_refused_and_not_shown(tmp_path, secret):
    root = _project(tmp_path)
    (root / "content" / "empfehlungen" / "frueh-austauschen.yaml").unlink()
    (root / "content" / "empfehlungen" / "frueh-austauschen.yaml").symlink_to(secret)
    stderr = _refused(root)
    assert re.search(r"^content/empfehlungen/frueh-austauschen\.yaml:1:1: error: .*symbolischer Link", stderr, re.M), stderr


def test_link_to_a_file_inside_is_refused_too(tmp_path):
    root = _project(tmp_path)
    (root / "content" / "glossar" / "kopie.yaml").symlink_to("inobhutnahme.yaml")
    stderr = bkk("check", "--content", "content", cwd=root, timeout=60).stderr
    assert re.search(r"^content/glossar/kopie\.yaml:1:1: error: .*symbolischer Link", stderr, re.M), stderr


def test_linked_folder_is_refused_and_not_read(tmp_path, secret):
    root = _project(tmp_path)
    (root / "content" / "quellen-extra").symlink_to(secret.parent)
    stderr = _refused(root)
    assert re.search(r"^content/quellen-extra:1:1: error: .*symbolischer Link", stderr, re.M), stderr


def test_linked_content_folder_option_is_refused(tmp_path):
    root = _project(tmp_path)
    (root / "inhalt").symlink_to(root / "content")
    done = bkk("check", "--content", "inhalt", cwd=root, timeout=60)
    assert done.returncode == 1
    assert re.search(r"^inhalt:1:1: error: .*symbolischer Link", done.stderr, re.M), done.stderr


def test_linked_published_list_is_neither_read_nor_written(tmp_path, secret):
    root = _project(tmp_path)
    listing = secret.parent / "urls.txt"
    listing.write_text(f"/{SECRET}/\n", encoding="utf-8")
    (root / "content" / "published-urls.txt").symlink_to(listing)
    stderr = _refused(root)
    assert re.search(r"^content/published-urls\.txt:1:1: error: .*symbolischer Link", stderr, re.M), stderr
    (root / "content" / "published-urls.txt").unlink()
    (root / "liste.txt").symlink_to(listing)
    stderr = _refused(root, "--published", "liste.txt")
    assert re.search(r"^liste\.txt:1:1: error: .*symbolischer Link", stderr, re.M), stderr
    project = make_project(tmp_path / "p", FIXTURE)
    (project / "liste.txt").symlink_to(listing)
    done = bkk("build", "--published", "liste.txt", cwd=project)
    assert done.returncode == 1 and listing.read_text(encoding="utf-8") == f"/{SECRET}/\n"


def test_snippets_never_follow_a_link(tmp_path, secret):
    link = tmp_path / "link.yaml"
    link.symlink_to(secret)
    assert source_line(str(link), 1) is None
    assert source_snippet(Mark(str(link), 1, 1)) == ""


def test_generate_refuses_a_link_in_the_docs_folder(tmp_path, secret):
    root = _project(tmp_path)
    (root / "docs").mkdir()
    (root / "docs" / "seite.md").symlink_to(secret)
    done = bkk("generate", "--content", "content", "--docs", "docs", "--out", "out", cwd=root, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert SECRET not in output and "Traceback" not in output
    assert re.search(r"^docs/seite\.md:1:1: error: .*symbolischer Link", done.stderr, re.M), output
    assert not (root / "out" / "seite.md").exists()


def test_build_refuses_links_in_docs_and_overrides(tmp_path, secret):
    root = make_project(tmp_path / "p", FIXTURE, docs=REPO / "docs")
    (root / "overrides" / "partials" / "geheim.html").symlink_to(secret)
    (root / "docs" / "geheim.md").symlink_to(secret)
    done = bkk("build", cwd=root)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert SECRET not in output and "Traceback" not in output
    assert re.search(r"docs/geheim\.md:1:1: error: .*symbolischer Link", output), output
    assert re.search(r"overrides/partials/geheim\.html:1:1: error: .*symbolischer Link", output), output
    assert not (root / "site").exists()
