"""Every link in the built site points at a page that exists, and every #anchor at an id on it."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("name") and tag == "a":
            self.ids.add(values["name"] or "")
        if tag == "a" and values.get("href") is not None:
            self.hrefs.append(values["href"] or "")


def _parse(path: Path) -> _Collect:
    collect = _Collect()
    collect.feed(path.read_text(encoding="utf-8"))
    return collect


def _url_of(root: Path, file: Path) -> str:
    rel = file.relative_to(root).as_posix()
    return "/" + rel.removesuffix("index.html")


def _file_for(root: Path, url_path: str) -> Path | None:
    target = root / url_path.lstrip("/")
    if url_path.endswith("/") or url_path == "" or target.is_dir():  # ``..`` to an edition's start page is a folder
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(root: Path) -> list[str]:
    parsed = {file: _parse(file) for file in root.rglob("*.html")}
    problems = []
    for file, found in sorted(parsed.items()):
        here = _url_of(root, file)
        # 404.html uses links relative to its edition's root (/ or /en/)
        base = _url_of(root, file.parent / "index.html") if file.name == "404.html" else here
        for href in found.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            path = unquote(parts.path)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(base) if not base.endswith("/") else base, path))
            resolved = resolved + "/" if (path.endswith("/") or not path) and not resolved.endswith("/") else resolved
            target = file if not path else _file_for(root, resolved)
            if target is None:
                problems.append(f"{here}: Link ins Leere: {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed.get(target) or _parse(target)
                if unquote(parts.fragment) not in ids.ids:
                    problems.append(f"{here}: Anker fehlt: {href}")
    return problems


def test_no_broken_links_or_anchors(site):
    problems = broken_links(site.root)
    assert not problems, "\n".join(problems)


def test_no_broken_links_with_video_chapters(video_site):
    problems = broken_links(video_site.root)
    assert not problems, "\n".join(problems)


def test_the_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#da">ok</a><a href="b/">weg</a>'
                                         '<a href="a/#fehlt">anker</a><a href="#oben">oben</a><a href="https://x.example/">extern</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="da">Da</h2><a href="../">zurück</a><a href="../#oben">oben</a>')
    assert sorted(broken_links(tmp_path)) == ["/: Anker fehlt: #oben", "/: Anker fehlt: a/#fehlt", "/: Link ins Leere: b/",
                                              "/a/: Anker fehlt: ../#oben"]
