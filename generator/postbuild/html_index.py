"""Read every HTML page of a built site once: its ids, links, scripts and attributes."""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import multiprocessing
import os
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
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


def parse_page(path: str, text: str) -> Page:
    """The page at ``path`` (relative to the site root) from its HTML text."""
    page = Page(path)
    parser = _Parser(page)
    parser.feed(text)
    parser.close()
    return page


def read_page(site: Path, path: Path) -> Page:
    return parse_page(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8", errors="replace"))


def _read_many(site: Path, files: list[Path]) -> list[Page]:
    return [read_page(site, f) for f in files]


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def read_site(site: Path, workers: int | None = None, known: dict[str, tuple[Page, bytes]] | None = None) -> dict[str, Page]:
    """Every ``*.html`` below ``site``, keyed by its relative path.

    html.parser is pure Python (about 10 ms for a Material page), so large sites are read on
    all cores; the result is the same as reading them one by one. ``known`` are pages already
    parsed from the text that was written (``Reader``), with the digest of its bytes: a file
    with those bytes is not parsed again, any other file is.
    """
    site = Path(site)
    known = known or {}
    found: dict[str, Page] = {}
    files = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in known and known[rel][1] == digest(path.read_bytes()):
            found[rel] = known[rel][0]
        else:
            files.append(path)
    return dict(sorted({**found, **_read_files(site, files, workers)}.items()))


def _read_files(site: Path, files: list[Path], workers: int | None) -> dict[str, Page]:
    workers = workers or min(os.cpu_count() or 1, 8)
    if workers < 2 or len(files) < 200:
        return {p.path: p for p in _read_many(site, files)}
    chunks = [files[i::workers * 4] for i in range(workers * 4)]
    with _pool(workers) as pool:
        pages = [page for part in pool.map(_read_many, [site] * len(chunks), chunks) for page in part]
    return {p.path: p for p in sorted(pages, key=lambda p: p.path)}


def _die_with_parent() -> None:
    """A worker of a build that was killed must not live on (holding its output open): on Linux,
    ask the kernel to kill it with its parent; elsewhere it ends when its task queue closes."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_die_with_parent)


class Reader:
    """Parses pages while the site is still being built, on the cores the build leaves idle.

    MkDocs renders on one core; each finished page's text goes to a worker process here, so
    the check after the build finds most pages already read (``read_site(known=…)``). With one
    core there are no workers and nothing is read early.
    """

    def __init__(self, workers: int | None = None):
        workers = (os.cpu_count() or 1) - 1 if workers is None else workers
        self._pool = _pool(workers) if workers > 0 else None
        self._pending: dict[str, tuple[Future[Page], bytes]] = {}

    def add(self, path: str, text: str) -> None:
        """The page ``path`` (relative to the site root) as it is written: ``text``, UTF-8 encoded."""
        if self._pool is not None:
            written = digest(text.encode("utf-8", errors="xmlcharrefreplace"))  # the bytes MkDocs writes
            self._pending[path] = (self._pool.submit(parse_page, path, text), written)

    def pages(self) -> dict[str, tuple[Page, bytes]]:
        """Every page read so far, with the digest of its bytes."""
        return {path: (future.result(), written) for path, (future, written) in self._pending.items()}

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
