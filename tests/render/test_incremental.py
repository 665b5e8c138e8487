"""The live preview's incremental generator gives exactly what a fresh run gives, edit after edit.

A ``Session`` re-renders only pages whose reads changed and writes only changed files. Each
step below edits the shipped content the way an editor would, then compares the session's
output tree byte for byte with a fresh generator run into another folder.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO

from bench.preview import set_title
from generator.generate import Session, generate
from generator.options import SiteOptions
from generator.problems import ContentError


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, f"{path.name}: {pattern} not found"
    path.write_text(new, encoding="utf-8")


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target)
    return target


def first(content: Path, folder: str) -> Path:
    return sorted((content / folder).glob("*.yaml"))[0]


def test_every_edit_gives_the_same_tree_as_a_fresh_run(shipped: Path, tmp_path: Path) -> None:
    session = Session.live()
    live, fresh = tmp_path / "live", tmp_path / "fresh"
    options = SiteOptions(site_url="https://bkk.example.org/")
    generate(shipped, live, options=options, session=session)
    total = len(session.render.rendered)
    rec, actor, event = first(shipped, "empfehlungen"), first(shipped, "akteure"), first(shipped, "chronik")

    def same_as_fresh(step: str, options: SiteOptions = options) -> None:
        result = generate(shipped, live, options=options, session=session)
        shutil.rmtree(fresh, ignore_errors=True)
        expected = generate(shipped, fresh, options=options)
        assert result.files == expected.files, step
        assert tree(live) == tree(fresh), step

    set_title(rec, "Ein ganz neuer Titel")
    same_as_fresh("title of a recommendation")
    rendered = set(session.render.rendered)
    assert f"empfehlungen/{rec.stem}.md" in rendered and "empfehlungen/index.md" in rendered
    assert len(rendered) < total / 5, "a title change should not re-render most pages"
    assert "laender/bayern.md" not in rendered

    edit(rec, r"^(actors: \[[^\]]*?), [^,\]]+\]$", r"\1]")
    same_as_fresh("one actor fewer (backlinks change)")
    edit(rec, r"^keywords: .*$", "keywords: [Prüfwortkombination]")
    same_as_fresh("keywords (the search vocabulary changes)")
    set_title(actor, "Umbenannter Akteur")
    same_as_fresh("title of an actor")
    rec.write_text(rec.read_text(encoding="utf-8") + "status: withdrawn\n", encoding="utf-8")
    same_as_fresh("withdrawn recommendation")
    shutil.copyfile(event, event.with_name("2099-01-neu.yaml"))
    edit(event.with_name("2099-01-neu.yaml"), r"^id: .*$", "id: 2099-01-neu")
    event.unlink()
    same_as_fresh("one event added, another removed")

    broken = event.with_name("2099-01-neu.yaml")
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good + "unbekannt: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        generate(shipped, live, options=options, session=session)
    broken.write_text(good, encoding="utf-8")
    set_title(broken, "Korrigiert nach einem Fehler")
    same_as_fresh("a broken save, then a fix")
    same_as_fresh("other site options", SiteOptions(site_url="https://anders.example.org/", directory_urls=False))


def test_a_session_removes_the_files_of_deleted_items(shipped: Path, tmp_path: Path) -> None:
    session, out = Session.live(), tmp_path / "live"
    extra = first(shipped, "empfehlungen").with_name("zum-loeschen.yaml")
    shutil.copyfile(first(shipped, "empfehlungen"), extra)
    edit(extra, r"^id: .*$", "id: zum-loeschen")
    edit(extra, r"^label: .*$", "label: E-99")
    generate(shipped, out, session=session)
    page, short = out / "empfehlungen" / "zum-loeschen.md", out / "e" / "99" / "index.html"
    assert page.is_file() and short.is_file()
    extra.unlink()
    generate(shipped, out, session=session)
    assert not page.exists() and not short.parent.exists()
    fresh = tmp_path / "fresh"
    generate(shipped, fresh)
    assert tree(out) == tree(fresh)


def test_qr_codes_come_from_the_cache_folder_in_the_next_run(content: Path, tmp_path: Path, monkeypatch) -> None:
    from generator.extras import qr

    cache = tmp_path / "cache"
    first_run = generate(content, tmp_path / "one", cache=cache)  # a fresh session: nothing in memory
    assert sorted(cache.rglob("*.svg")) and sorted(cache.rglob("*.png"))
    monkeypatch.setattr(qr, "_make", lambda code, url, ext: pytest.fail(f"encoded again: {url}"))
    second_run = generate(content, tmp_path / "two", cache=cache)
    assert second_run.files == first_run.files
