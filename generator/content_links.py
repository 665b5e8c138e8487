"""Internal links in Markdown fields, checked before anything is built.

A link in a Markdown field is written as MkDocs reads it, relative to the Markdown file of the
item's page, and from the folder level (``../akteure/jugendamt.md``,
``../glossar/index.md#inobhutnahme``): the same text also appears on overview pages, where
``#anker`` or ``index.md`` would lead elsewhere.
The pages the site will have come from the page list (no rendering); the headings of a page
are only worked out for pages an anchor points to: hand-written pages are read, a generated
page is rendered alone (its headings come from its template and the content it shows).
Each problem points at the link itself in the YAML file.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .check.validate import Located
from .model.content import Content
from .model.fields import markdown_values
from .model.items import _LINK_TARGET
from .model.paths import page_path
from .problems import Mark, Problem

_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_HEADING_ID = re.compile(r"\s*\{:?[^}]*?#([\w-]+)[^}]*\}\s*$")
_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*?#([\w-]+)[^}\n]*\}|\bid=\"([^\"]+)\"")
_ATTRS = re.compile(r"\s*\{:?[^}]*\}\s*$")  # a heading's attribute list ({: .klasse }) is not part of its text
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
HINT = ("Interne Links zeigen auf die Markdown-Datei der Seite, relativ zur Seite des Eintrags, "
        "z. B. [Jugendamt](../akteure/jugendamt.md) oder [Begriff](../glossar/index.md#inobhutnahme).")


def _anchors_in_markdown(text: str) -> set[str]:
    """Heading ids as MkDocs' toc extension makes them (our slugify, ``_1`` for repeats), plus explicit ids."""
    from .render.slugs import slugify

    found: set[str] = set()
    for match in _HEADING.finditer(text):
        title = match.group(2)
        explicit = _HEADING_ID.search(title)
        if explicit:
            found.add(explicit.group(1))
            continue
        title = _MD_LINK.sub(r"\1", _ATTRS.sub("", title)).replace("\\", "")
        slug = slugify(re.sub(r"[*_`]", "", title))
        candidate, n = slug, 0
        while candidate in found:
            n += 1
            candidate = f"{slug}_{n}"
        found.add(candidate)
    for match in _EXPLICIT_ID.finditer(text):
        found.add(match.group(1) or match.group(2))
    return found


@dataclass
class SitePages:
    """The pages the site will have, and (worked out on demand) the anchors of each."""

    content: Content
    docs: Path | None
    generated: set[str]
    written: set[str]  # hand-written Markdown pages below docs/
    _anchors: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, content: Content, docs: Path | None) -> SitePages:
        from .extras.files import page_paths

        written = set()
        if docs is not None and docs.is_dir():
            written = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.is_file() and not p.is_symlink()}
        return cls(content, docs, set(page_paths(content)), written)

    def has(self, page: str) -> bool:
        return page in self.generated or page in self.written

    def anchors(self, page: str) -> set[str]:
        if page not in self._anchors:
            if page in self.written and self.docs is not None:
                text = (self.docs / page).read_text(encoding="utf-8", errors="replace")
            else:
                text = _render_one(self.content, page)
            self._anchors[page] = _anchors_in_markdown(text)
        return self._anchors[page]


def _render_one(content: Content, page: str) -> str:
    """One generated page's Markdown, rendered alone: the only way to know its headings exactly."""
    from .options import SiteOptions
    from .render.links import Linker
    from .render.page_extras import Extras
    from .render.pages import _with_permalinks, environment, page_specs

    specs = page_specs(content)
    spec = next((s for s in specs if s.path == page), None)
    if spec is None:
        return ""
    _with_permalinks([spec], content, SiteOptions())
    env = environment()
    linker = Linker(spec.path, content)
    body = env.get_template(spec.template).render(c=content, L=linker, page=spec, **spec.context)
    if spec.appendix:
        body += Extras.of(content).appendix(spec.path, body, spec.context.get("item"), linker)
    if spec.block is not None:
        body += "\n\n## Link und QR-Code\n"  # the permalink block's heading (permalink.md.j2)
    return body


def link_problem(target: str, here: str, site: SitePages) -> str | None:
    """Why ``target``, written on page ``here``, leads nowhere; None when it resolves."""
    if not target or _EXTERNAL.match(target):
        return None
    file, _, anchor = target.partition("#")
    if file.startswith("/"):
        return f"Absolute Links wie „{target}“ sind nicht erlaubt (sie führen unter einer anderen Basisadresse ins Leere)"
    # A field is shown on its item's page and on overview pages: only a link from the folder level
    # (../<ordner>/<seite>.md) leads to the same place from all of them.
    if not file:
        return (f"Ein Anker ohne Seite („{target}“) ist in Textfeldern nicht eindeutig, weil der Text auch auf "
                f"Übersichtsseiten erscheint; schreiben Sie die Seite dazu: „../{here}{target}“")
    if not file.startswith("../"):
        return (f"Das Link-Ziel „{target}“ gilt nur auf Seiten im selben Ordner; der Text erscheint auch auf anderen Seiten. "
                f"Schreiben Sie „../{posixpath.normpath(posixpath.join(posixpath.dirname(here), file))}“")
    page = posixpath.normpath(posixpath.join(posixpath.dirname(here), file))
    if page.startswith("../"):
        return f"Das Link-Ziel „{target}“ gibt es auf der Website nicht"
    if file and not file.endswith(".md"):
        if "." in posixpath.basename(file.rstrip("/")):
            return None  # a download or image file: checked in the built site
        for candidate in (page + ".md", page + "/index.md", posixpath.join(page, "index.md")):
            if site.has(candidate):
                wanted = posixpath.relpath(candidate, posixpath.dirname(here))
                return f"Link-Ziel „{target}“: verlinken Sie die Markdown-Datei „{wanted}{'#' + anchor if anchor else ''}“"
        return f"Das Link-Ziel „{target}“ gibt es auf der Website nicht"
    if not site.has(page):
        return f"Das Link-Ziel „{target}“ gibt es auf der Website nicht"
    if anchor and anchor not in site.anchors(page):
        return f"Den Anker „#{anchor}“ gibt es auf der Seite „{page}“ nicht"
    return None


def _locate(mark: Mark, value: str, offset: int) -> Mark:
    """The place of ``value[offset:]`` in the file: found by searching the raw text after the value's start."""
    try:
        text = Path(mark.file).read_text(encoding="utf-8-sig")
    except (OSError, ValueError):
        return mark
    lines = text.split("\n")
    if not 1 <= mark.line <= len(lines):
        return mark
    start = sum(len(line) + 1 for line in lines[: mark.line - 1]) + mark.col - 1
    needle = value[offset:].split("\n", 1)[0][:40]
    if not needle:
        return mark
    # the same text may occur earlier in the value: skip as many occurrences as the value has before offset
    at = start - 1
    for _ in range(value[:offset].count(needle) + 1):
        at = text.find(needle, at + 1)
        if at < 0:
            return mark
    line = text.count("\n", 0, at) + 1
    return Mark(mark.file, line, at - (text.rfind("\n", 0, at) + 1) + 1)


def check_links(located: list[Located], site: SitePages) -> list[Problem]:
    """Every internal link and anchor in every Markdown field that leads nowhere."""
    problems = []
    for entry in located:
        here = page_path(entry.kind, entry.item.id)  # relative links start from the item's page
        for path, value in markdown_values(entry.item):
            for match in _LINK_TARGET.finditer(value):
                group = 1 if match.group(1) is not None else 2
                target = (match.group(group) or "").strip("<>")
                message = link_problem(target, here, site)
                if message:
                    mark = _locate(entry.doc.mark((*entry.path, *path)), value, match.start(group))
                    problems.append(Problem(mark, message + ".", HINT))
    return problems
