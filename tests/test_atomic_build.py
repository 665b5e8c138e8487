"""A failed build leaves the previous site byte for byte as it was; a good build removes what was removed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, bkk, make_project


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("atomic"), FIXTURE, docs=REPO / "docs")
    done = bkk("build", cwd=root)
    assert done.returncode == 0, done.stderr
    return root


def _fails_and_keeps_site(project: Path, *expected: str) -> str:
    before = tree_hash(project / "site")
    done = bkk("build", cwd=project)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output
    for text in expected:
        assert text in output, output
    assert tree_hash(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site-")) == []  # no temporary folder left
    return output


def test_content_error_keeps_previous_site(project):
    path = project / "content" / "phasen" / "erkennen.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("order: 10", "order: zehn"), encoding="utf-8")
    try:
        _fails_and_keeps_site(project, "content/phasen/erkennen.yaml:3:8: error:")
    finally:
        path.write_text(good, encoding="utf-8")


def test_template_error_keeps_previous_site(project):
    path = project / "overrides" / "main.html"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "\n{% block kaputt %}\n", encoding="utf-8")
    try:
        line = good.count("\n") + 2  # the unclosed block, after the blank line
        _fails_and_keeps_site(project, "Build fehlgeschlagen", f"overrides/main.html:{line}: Fehler in der Vorlage")
    finally:
        path.write_text(good, encoding="utf-8")


def test_strict_warning_keeps_previous_site(project):
    page = project / "docs" / "kaputt.md"
    page.write_text("# Kaputt\n\n[Link ins Leere](gibt-es-nicht.md)\n", encoding="utf-8")
    try:
        _fails_and_keeps_site(project, "gibt-es-nicht.md", "Build fehlgeschlagen")
    finally:
        page.unlink()


def test_broken_link_in_html_fails_before_the_swap(project):
    """MkDocs does not check links written as HTML; the link checker does."""
    page = project / "docs" / "kaputt.md"
    page.write_text('# Kaputt\n\n<a href="../empfehlungen/gibt-es-nicht/">weg</a> <a href="../ueber/#kein-anker">Anker</a>\n', encoding="utf-8")
    try:
        output = _fails_and_keeps_site(project, "Defekte interne Links oder Anker (2)")
        assert "kaputt/index.html" in output and "../empfehlungen/gibt-es-nicht/" in output and "../ueber/#kein-anker" in output
    finally:
        page.unlink()


def test_inline_script_fails_before_the_swap(project):
    page = project / "docs" / "kaputt.md"
    page.write_text("# Kaputt\n\n<script>alert(1)</script>\n", encoding="utf-8")
    try:
        _fails_and_keeps_site(project, "Inline-Skript, das die Sicherheitsrichtlinie nicht erlaubt")
    finally:
        page.unlink()


def test_removed_item_leaves_no_page_behind(project):
    """The fixture's network references nothing and nothing references it: its removal is legitimate."""
    page = project / "site" / "netzwerke" / "netz-berlin" / "index.html"
    assert page.is_file()
    source = project / "content" / "netzwerke" / "netz-berlin.yaml"
    good = source.read_text(encoding="utf-8")
    source.unlink()
    # Published addresses must survive (issue 5); dropping this one from the list is the deliberate decision.
    listing = project / "content" / "published-urls.txt"
    published = listing.read_text(encoding="utf-8") if listing.exists() else None
    if published is not None:
        listing.write_text("".join(line for line in published.splitlines(keepends=True) if "/netzwerke/netz-berlin/" not in line),
                           encoding="utf-8")
    try:
        done = bkk("build", cwd=project)
        assert done.returncode == 0, done.stderr
        assert not page.exists() and not page.parent.exists()
        assert not (project / ".generated" / "pages" / "netzwerke" / "netz-berlin.md").exists()
        assert "netz-berlin" not in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    finally:
        source.write_text(good, encoding="utf-8")
        if published is not None:
            listing.write_text(published, encoding="utf-8")
