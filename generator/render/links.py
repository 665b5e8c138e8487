"""Where each item lives on the site, and relative Markdown links between pages.

Links point at Markdown files (``../akteure/jugendamt.md``), so every MkDocs-compatible
engine resolves and checks them and turns them into the URLs of the design contract.
"""

from __future__ import annotations

import posixpath
from typing import Any

from markupsafe import Markup

from ..model.items import ALL_KINDS
from .text import escape_text

# Kinds without pages of their own are anchors on one page of their folder.
_ANCHOR_PAGES = {"indicator_category": "indikatoren/index.md"}


def page_path(kind: str, item_id: str) -> str:
    """Markdown file of an item; an anchor is added by ``target`` for kinds without own pages."""
    if kind in _ANCHOR_PAGES:
        return _ANCHOR_PAGES[kind]
    spec = ALL_KINDS[kind]
    if spec.single or not spec.own_pages:
        return f"{spec.folder}/index.md"
    return f"{spec.folder}/{item_id}.md"


def target(kind: str, item_id: str) -> str:
    spec = ALL_KINDS[kind]
    path = page_path(kind, item_id)
    if kind in _ANCHOR_PAGES or (not spec.single and not spec.own_pages):
        return f"{path}#{item_id}"
    return path


def url_path(kind: str, item_id: str) -> str:
    """The public URL path (directory URLs), e.g. ``/empfehlungen/x/``."""
    path = target(kind, item_id)
    file, _, anchor = path.partition("#")
    base = "/" + file.removesuffix("index.md").removesuffix(".md")
    base = base if base.endswith("/") else base + "/"
    return base + (f"#{anchor}" if anchor else "")


def title_of(item: Any) -> str:
    citation = getattr(item, "citation", None)
    if citation:  # legal norms are recognised by their citation first
        return f"{citation}: {item.title}"
    for name in ("title", "name", "term", "text"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return item.id


def relative(target: str, start: str) -> str:
    """``posixpath.relpath`` for the docs tree's normalised relative paths, without its two
    ``os.getcwd()`` calls per link (a large share of the generator's time at thousands of links)."""
    to, here = target.split("/"), start.split("/") if start else []
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


class Linker:
    """Relative links from one page, so the same Markdown works under any base URL."""

    def __init__(self, here: str, content: Any):
        self.here = here
        self.content = content

    def href(self, path: str) -> str:
        file, _, anchor = path.partition("#")
        rel = relative(file, posixpath.dirname(self.here))
        if file == self.here and anchor:
            return f"#{anchor}"
        return rel + (f"#{anchor}" if anchor else "")

    def to(self, kind: str, item_id: str) -> str:
        return self.href(target(kind, item_id))

    def link(self, kind: str, item_id: str, text: str | None = None) -> Markup:
        item = self.content.get(kind, item_id)
        label = getattr(item, "label", None)
        shown = escape_text(text if text is not None else title_of(item))
        if label and text is None:
            shown = escape_text(label) + Markup(" ") + shown
        return Markup(f"[{shown}]({self.to(kind, item_id)})")

    def page(self, path: str, text: str) -> Markup:
        return Markup(f"[{escape_text(text)}]({self.href(path)})")


def page_url(md_path: str, directory_urls: bool = True) -> str:
    """URL of a Markdown file relative to the site root: ``phasen/index.md`` → ``phasen/``
    (or ``phasen/index.html`` in the offline copy, which has no directory URLs)."""
    file, _, anchor = md_path.partition("#")
    if directory_urls:
        base = file.removesuffix(".md")
        base = "" if base == "index" else base.removesuffix("/index") + "/"
    else:
        base = file.removesuffix(".md") + ".html"
    return base + (f"#{anchor}" if anchor else "")


def relative_url(here: str, there: str, directory_urls: bool = True) -> str:
    """URL from page ``here`` to page ``there`` (both Markdown paths, ``there`` may carry ``#anchor``).

    For raw HTML such as inline SVG: MkDocs rewrites Markdown links, but never links inside
    raw HTML, so these must already be the served URLs, relative so that the site works
    under any base path and from file://.
    """
    target, _, anchor = page_url(there, directory_urls).partition("#")
    source = page_url(here, directory_urls)
    if target == source:
        return f"#{anchor}" if anchor else ("./" if directory_urls else posixpath.basename(target))
    if not directory_urls:
        rel = posixpath.relpath(target, posixpath.dirname(source) or ".")
        return rel + (f"#{anchor}" if anchor else "")
    rel = posixpath.relpath("/" + target, "/" + source)
    rel = rel if rel.endswith("/") or not (target.endswith("/") or not target) else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")
