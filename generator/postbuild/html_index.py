"""Read every HTML page of a built site once: its ids, links, scripts and attributes."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Attributes that hold a URL the browser follows or loads.
URL_ATTRS = {("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("iframe", "src"),
             ("source", "src"), ("source", "srcset"), ("img", "srcset"), ("video", "src"), ("video", "poster"),
             ("audio", "src"), ("track", "src"), ("embed", "src"), ("object", "data"), ("form", "action"),
             ("input", "formaction"), ("button", "formaction"), ("use", "href"), ("image", "href")}


@dataclass
class Ref:
    tag: str
    attr: str
    url: str
    line: int
    rel: str = ""


@dataclass
class Page:
    path: str  # relative to the site root, POSIX
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)
    inline_scripts: list[tuple[str, int, str]] = field(default_factory=list)  # (type, line, text)
    handlers: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, attribute, line)
    duplicates: list[tuple[str, str, int]] = field(default_factory=list)  # an attribute twice: text broke out of a value
    refreshes: list[tuple[str, int]] = field(default_factory=list)  # <meta http-equiv=refresh> targets
    csp: str | None = None


class _Parser(HTMLParser):
    # Raw-text elements, as the browser parses them: a "<script>" inside <title> is text.
    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._script: tuple[str, int] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {k: v or "" for k, v in attrs}
        if len(values) < len(attrs):
            seen: set[str] = set()
            for name, _ in attrs:
                if name in seen:
                    self.page.duplicates.append((tag, name, line))
                seen.add(name)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.page.refreshes.append((values.get("content", "").partition("url=")[2].strip(" '\""), line))
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.page.ids.add(values[name])
        for name, value in values.items():
            if name.startswith("on"):
                self.page.handlers.append((tag, name, line))
            elif (tag, name) in URL_ATTRS or name in ("href", "src", "xlink:href", "action", "formaction"):
                for url in _split_srcset(value) if name == "srcset" else [value]:
                    self.page.refs.append(Ref(tag, name, url, line, values.get("rel", "").lower()))
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.page.csp = values.get("content", "")
        if tag == "script" and "src" not in values:
            self._script = (values.get("type", ""), line)
            self._script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            kind, line = self._script
            self.page.inline_scripts.append((kind, line, "".join(self._script_text)))
            self._script = None


def _split_srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def read_page(site: Path, path: Path) -> Page:
    page = Page(path.relative_to(site).as_posix())
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return page


def _read_many(site: Path, files: list[Path]) -> list[Page]:
    return [read_page(site, f) for f in files]


def read_site(site: Path, workers: int | None = None) -> dict[str, Page]:
    """Every ``*.html`` below ``site``, keyed by its relative path.

    html.parser is pure Python (about 10 ms for a Material page), so large sites are read on
    all cores; the result is the same as reading them one by one.
    """
    site = Path(site)
    files = sorted(site.rglob("*.html"))
    workers = workers or min(os.cpu_count() or 1, 8)
    if workers < 2 or len(files) < 200:
        return {p.path: p for p in _read_many(site, files)}
    chunks = [files[i::workers * 4] for i in range(workers * 4)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pages = [page for part in pool.map(_read_many, [site] * len(chunks), chunks) for page in part]
    return {p.path: p for p in sorted(pages, key=lambda p: p.path)}
