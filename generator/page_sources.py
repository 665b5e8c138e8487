"""Which YAML file and line each generated page comes from, so that whatever MkDocs or the
post-build checks say about a generated page can be said about the file the editor wrote."""

from __future__ import annotations

import re
from pathlib import Path

from .model.content import Content
from .problems import Mark

_DOC_FILE = re.compile(r"'([^']+\.md)'")
_QUOTED = re.compile(r"'([^']+)'")


def page_sources(content: Content) -> dict[str, Mark]:
    """Markdown path of every generated page with a source → the place of its item in the YAML."""
    from .render.pages import page_specs

    return {s.path: Mark(s.source_file, s.source_line or 1, 1) for s in page_specs(content) if s.source_file}


def _markdown_of(html_page: str) -> list[str]:
    """``x/index.html`` (directory URLs) may come from ``x.md`` or ``x/index.md``."""
    if html_page == "index.html":
        return ["index.md"]
    if html_page.endswith("/index.html"):
        base = html_page.removesuffix("/index.html")
        return [f"{base}.md", f"{base}/index.md"]
    return [html_page.removesuffix(".html") + ".md"]


def locate_message(message: str, sources: dict[str, Mark]) -> Mark | None:
    """The YAML place of the generated page a MkDocs message names (``Doc file 'x.md' …``): the
    line of the link it quotes when the item's file holds it, else the item's first line."""
    for name in _DOC_FILE.findall(message):
        if name in sources:
            quoted = [q for q in _QUOTED.findall(message) if q != name][:1]  # the link as written
            others = sorted({m.file for m in sources.values()} - {sources[name].file})
            # a field can be shown on another item's page: then the link is in that item's file
            for file in [sources[name].file, *others]:
                found = _find(file, quoted)
                if found:
                    return found
            return sources[name]
    return None


def _find(file: str, quoted: list[str]) -> Mark | None:
    try:
        text = Path(file).read_text(encoding="utf-8-sig")
    except (OSError, ValueError):
        return None
    for needle in quoted:
        at = text.find(f"]({needle}")
        if at >= 0:
            at += 2
            return Mark(file, text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
    return None


def locate_page(html_page: str, sources: dict[str, Mark]) -> Mark | None:
    """The YAML place of a built HTML page, for the post-build checks' findings."""
    return next((sources[md] for md in _markdown_of(html_page) if md in sources), None)
