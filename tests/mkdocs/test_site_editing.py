"""Edit/view links to the YAML source and "Stand" dates, checked in the built HTML."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.history import last_changed
from generator.mkdocs.edit_links import edit_and_view

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "content"
REPO = "https://github.com/bkk-site/bkk-site"


def _git(*args: str, cwd: Path, date: str = "2026-05-03T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Test",
           "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _project(tmp: Path) -> Path:
    project = tmp / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "generator"):
        src = ROOT / name
        (shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__")) if src.is_dir()
         else shutil.copy2(src, project / name))
    shutil.copytree(FIXTURE, project / "content")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory.mktemp("site"))
    _git("init", "-q", "-b", "main", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "-m", "Inhalt", cwd=project, date="2025-10-18T09:00:00+00:00")
    f = project / "content" / "empfehlungen" / "frueh-austauschen.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "reviewed: 2026-04-01\n", encoding="utf-8")
    _git("commit", "-q", "-am", "Geprüft", cwd=project, date="2026-05-03T12:00:00+00:00")
    env = {**os.environ, "PYTHONPATH": str(project)}
    done = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--site-dir", "site"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


def _links(html: str) -> dict[str, str]:
    found = {}
    for tag in re.findall(r"<a [^>]*md-content__button[^>]*>", html):
        href = re.search(r'href="([^"]+)"', tag).group(1)
        found["edit" if 'rel="edit"' in tag else "view"] = href
    return found


def test_item_page_links_to_its_yaml_file(built: Path) -> None:
    links = _links((built / "empfehlungen" / "frueh-austauschen" / "index.html").read_text(encoding="utf-8"))
    assert links == {"edit": f"{REPO}/edit/main/content/empfehlungen/frueh-austauschen.yaml",
                     "view": f"{REPO}/blob/main/content/empfehlungen/frueh-austauschen.yaml#L1"}


def test_indicator_page_links_to_the_line_in_its_category_file(built: Path) -> None:
    links = _links((built / "indikatoren" / "keine-papiere" / "index.html").read_text(encoding="utf-8"))
    assert links["edit"].endswith("/edit/main/content/indikatoren/dokumente.yaml")
    assert links["view"].endswith("/blob/main/content/indikatoren/dokumente.yaml#L6")


def test_no_page_links_to_generated_markdown(built: Path) -> None:
    for page in built.rglob("*.html"):
        for href in _links(page.read_text(encoding="utf-8")).values():
            path = href.split("/main/", 1)[1].split("#")[0]
            assert (built.parent / path).is_file(), (page, href)  # a file that exists in the repository
            assert path.startswith("docs/") or path.endswith(".yaml"), (page, href)


def test_hand_written_page_links_to_docs(built: Path) -> None:
    links = _links((built / "ueber" / "index.html").read_text(encoding="utf-8"))
    assert links == {"edit": f"{REPO}/edit/main/docs/ueber.md", "view": f"{REPO}/blob/main/docs/ueber.md"}


def test_generated_overview_has_no_edit_button(built: Path) -> None:
    assert _links((built / "empfehlungen" / "index.html").read_text(encoding="utf-8")) == {}


def test_stand_dates_in_german(built: Path) -> None:
    html = (built / "empfehlungen" / "frueh-austauschen" / "index.html").read_text(encoding="utf-8")
    assert "Stand: 3. Mai 2026 · fachlich geprüft am 1. April 2026." in html
    html = (built / "akteure" / "polizei" / "index.html").read_text(encoding="utf-8")
    assert "Stand: 18. Oktober 2025." in html


def test_history_outside_git_is_empty(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "content")
    env_dir = tmp_path / "content"
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path)
    try:
        assert last_changed(env_dir) == {}
    finally:
        del os.environ["GIT_CEILING_DIRECTORIES"]
    assert last_changed(tmp_path / "missing") == {}


def test_history_one_pass(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "content")
    _git("init", "-q", cwd=tmp_path)
    _git("add", "-A", cwd=tmp_path)
    _git("commit", "-q", "-m", "a", cwd=tmp_path, date="2024-01-02T00:00:00+00:00")
    (tmp_path / "content" / "bkk.yaml").write_text((tmp_path / "content" / "bkk.yaml").read_text() + "\n")
    _git("commit", "-q", "-am", "b", cwd=tmp_path, date="2025-02-03T00:00:00+00:00")
    dates = last_changed(tmp_path / "content")
    assert dates[(tmp_path / "content" / "bkk.yaml").resolve()] == dt.date(2025, 2, 3)
    assert dates[(tmp_path / "content" / "akteure" / "polizei.yaml").resolve()] == dt.date(2024, 1, 2)


@pytest.mark.parametrize(("repo", "edit_uri", "expected"), [
    (REPO, "edit/main/docs/", (f"{REPO}/edit/main/content/a/b.yaml", f"{REPO}/blob/main/content/a/b.yaml#L4")),
    ("https://gitlab.example/x/y", "-/edit/main/docs/", ("https://gitlab.example/x/y/-/edit/main/content/a/b.yaml",
                                                        "https://gitlab.example/x/y/-/blob/main/content/a/b.yaml#L4")),
    (REPO, None, (None, None)),
])
def test_edit_and_view_urls(tmp_path: Path, repo: str, edit_uri: str | None, expected: tuple) -> None:
    source = tmp_path / "content" / "a" / "b.yaml"
    assert edit_and_view(repo, edit_uri, tmp_path, str(source), 4, None, str(tmp_path / "docs")) == expected
