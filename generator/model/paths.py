"""Every path and URL question, answered once: where an item's page lives, how one page links to
another, which URL a Markdown file is served at (online or offline) and which file answers a URL.

Links between pages point at Markdown files (``../akteure/jugendamt.md``), so every
MkDocs-compatible engine resolves and checks them; raw HTML (SVG, redirect pages) and printed
addresses need the served URLs, computed here from the same paths.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from .items import RESERVED_IDS
from .kinds import ALL_KINDS
from .translations import DEFAULT_LANGUAGE

_LABEL = re.compile(r"^([A-Z])-(\d+)$")

# Section names of pages that belong to no kind, and names of fixed pages, per edition (kinds
# declare theirs in ``Kind.sections``). Chosen once: they are published addresses. Item ids stay
# the same in every edition.
SECTIONS = {
    "en": {"hilfe": "help", "jugendliche": "young-people", "verdacht": "suspicion", "daten": "data"},
}
PAGE_NAMES = {
    "en": {"nach-akteur": "by-actor", "nach-phase": "by-phase", "nach-ausbeutungsform": "by-form",
           "uebersicht": "overview", "karte": "card", "ueber": "about", "impressum": "legal-notice",
           "datenschutz": "privacy", "barrierefreiheit": "accessibility"},
}
# Pages only the German edition has: Leichte Sprache is German by nature, the operators' and
# editors' pages are for a German-speaking team. The switcher leads to the other start page.
GERMAN_ONLY = ("leichte-sprache/", "redaktion/", "betrieb/", "downloads/")  # the offline zip holds both editions


def edition_path(md_path: str, lang: str) -> str:
    """The path of a page in edition ``lang``, given its German path: ``empfehlungen/nach-akteur.md``
    → ``recommendations/by-actor.md``; ``#anchor`` and ids stay."""
    if lang == DEFAULT_LANGUAGE:
        return md_path
    file, hash_, anchor = md_path.partition("#")
    parts = file.split("/")
    if parts[0] == "qr" and len(parts) > 1:  # a page's QR code follows the page (``qr_path``)
        return "qr/" + edition_path("/".join(parts[1:]), lang) + hash_ + anchor
    if len(parts) > 1:
        kinds = {k.folder: k.sections[lang] for k in ALL_KINDS.values() if lang in k.sections}
        parts[0] = SECTIONS[lang].get(parts[0]) or kinds.get(parts[0]) or parts[0]
    stem, dot, ext = parts[-1].rpartition(".")
    if dot and stem in PAGE_NAMES[lang] and _fixed_page(parts, stem):
        parts[-1] = f"{PAGE_NAMES[lang][stem]}.{ext}"
    return "/".join(parts) + hash_ + anchor


def _fixed_page(parts: list[str], stem: str) -> bool:
    """A page with a fixed name, not an item: items lie at ``<folder>/<id>.md`` and keep their id in
    every edition; fixed pages are top-level, deeper, or carry a name no id may take."""
    return len(parts) != 2 or stem in RESERVED_IDS


def in_edition(md_path: str, lang: str) -> bool:
    """Whether edition ``lang`` has the page of this German path."""
    return lang == DEFAULT_LANGUAGE or not md_path.startswith(GERMAN_ONLY)


def german_path(md_path: str, lang: str) -> str:
    """The German path of a page of edition ``lang`` (the inverse of ``edition_path``)."""
    if lang == DEFAULT_LANGUAGE:
        return md_path
    file, hash_, anchor = md_path.partition("#")
    parts = file.split("/")
    if len(parts) > 1:
        kinds = {k.sections[lang]: k.folder for k in ALL_KINDS.values() if lang in k.sections}
        sections = {v: k for k, v in SECTIONS[lang].items()}
        parts[0] = sections.get(parts[0]) or kinds.get(parts[0]) or parts[0]
    stem, dot, ext = parts[-1].rpartition(".")
    names = {v: k for k, v in PAGE_NAMES[lang].items()}
    if dot and stem in names and _fixed_page(parts, names[stem]):
        parts[-1] = f"{names[stem]}.{ext}"
    return "/".join(parts) + hash_ + anchor


def site_path(md_path: str, lang: str) -> str:
    """Where a page of the German path ``md_path`` lies in the whole site: the default edition at
    the root, the others below ``<lang>/``."""
    return md_path if lang == DEFAULT_LANGUAGE else f"{lang}/{edition_path(md_path, lang)}"


def alternate_url(md_path: str, lang: str, other: str, directory_urls: bool = True) -> str:
    """Served URL from the page ``md_path`` (German path) of edition ``lang`` to the same page in
    edition ``other``, or to that edition's start page when it lacks the page (the switcher)."""
    there = md_path if in_edition(md_path, other) else "index.md"
    return relative_url(site_path(md_path, lang), site_path(there, other), directory_urls)


def edition_url(here: str, there: str, lang: str, directory_urls: bool = True) -> str:
    """Served URL between two pages of edition ``lang``, both given by their German path (for raw HTML)."""
    return relative_url(edition_path(here, lang), edition_path(there, lang), directory_urls)


def edition_link(link: str, here: str, lang: str, directory_urls: bool = True) -> str:
    """A Markdown link target written between German paths (``../laender/index.md#x`` on the page
    ``here``), as edition ``lang`` must write it: its own page's path, or the served URL of a
    German page when the edition lacks that page. Links elsewhere (``https:``, ``#x``) stay."""
    if lang == DEFAULT_LANGUAGE or not link or link.startswith(("#", "/")) or ":" in link.split("/")[0]:
        return link
    file, hash_, anchor = link.partition("#")
    there = posixpath.normpath(posixpath.join(posixpath.dirname(here), file))
    if file.endswith("/") or there.startswith("../"):
        return link  # already a served URL (into the other edition): the renderer computed it for this page
    if not in_edition(there, lang):
        if there.endswith(".md"):
            return relative_url(site_path(here, lang), there + hash_ + anchor, directory_urls)
        return posixpath.relpath(there, posixpath.dirname(page_url(site_path(here, lang), directory_urls)) or ".")
    return md_link(edition_path(here, lang), edition_path(there, lang) + hash_ + anchor)


def page_path(kind: str, item_id: str) -> str:
    """Markdown file of an item (for kinds without own pages: the page that holds its anchor)."""
    spec = ALL_KINDS[kind]
    if spec.anchors_on:
        return spec.anchors_on
    if spec.single or not spec.own_pages:
        return f"{spec.folder}/index.md"
    return f"{spec.folder}/{item_id}.md"


def target(kind: str, item_id: str) -> str:
    """What a link to an item points at: its Markdown file, plus ``#id`` when it is an anchor."""
    spec = ALL_KINDS[kind]
    path = page_path(kind, item_id)
    if spec.anchors_on or (not spec.single and not spec.own_pages):
        return f"{path}#{item_id}"
    return path


def own_page_kinds() -> list[str]:
    """Kinds whose items each have a page (and so a permanent address of their own)."""
    return [name for name, spec in ALL_KINDS.items() if spec.own_pages and not spec.single]


def page_url(md_path: str, directory_urls: bool = True) -> str:
    """Served URL of a Markdown file relative to the site root: ``phasen/index.md`` → ``phasen/``
    (or ``phasen/index.html`` in the offline copy, which has no directory URLs); keeps ``#anchor``."""
    file, _, anchor = md_path.partition("#")
    if directory_urls:
        base = file.removesuffix(".md")
        base = "" if base == "index" else base.removesuffix("/index") + "/"
    else:
        base = file.removesuffix(".md") + ".html"
    return base + (f"#{anchor}" if anchor else "")


def md_url(md_path: str) -> str:
    """The public (directory-style) address of a Markdown page: ``empfehlungen/x.md`` → ``/empfehlungen/x/``."""
    return "/" + page_url(md_path)


def url_path(kind: str, item_id: str) -> str:
    """The public address of an item, e.g. ``/empfehlungen/x/`` or ``/glossar/#inobhutnahme``."""
    return md_url(target(kind, item_id))


def short_url(item: Any) -> str | None:
    """``E-07`` → ``/e/7/``; items without a label have no short URL."""
    m = _LABEL.match(getattr(item, "label", None) or "")
    return f"/{m.group(1).lower()}/{int(m.group(2))}/" if m else None


def html_file(url: str, directory_urls: bool) -> str:
    """The file that answers a URL: ``/empfehlungen/x/`` → ``empfehlungen/x/index.html`` (or ``x.html``)."""
    path = url.strip("/")
    if not path:
        return "index.html"
    return f"{path}/index.html" if directory_urls else f"{path}.html"


def relative(target: str, start: str) -> str:
    """``posixpath.relpath`` for the docs tree's normalised relative paths, without its two
    ``os.getcwd()`` calls per link (a large share of the generator's time at thousands of links)."""
    to, here = target.split("/"), start.split("/") if start else []
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def md_link(here: str, there: str) -> str:
    """Markdown link from page ``here`` to ``there`` (both Markdown paths, ``there`` may carry ``#anchor``)."""
    file, _, anchor = there.partition("#")
    if file == here and anchor:
        return f"#{anchor}"
    return relative(file, posixpath.dirname(here)) + (f"#{anchor}" if anchor else "")


def relative_url(here: str, there: str, directory_urls: bool = True) -> str:
    """Served URL from page ``here`` to page ``there`` (both Markdown paths, ``there`` may carry ``#anchor``).

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


def file_relative_url(url: str, from_file: str) -> str:
    """Served URL from a built file (a redirect page) to a site-root-relative URL (keeps a trailing slash)."""
    rel = posixpath.relpath(url or ".", posixpath.dirname(from_file) or ".")
    if url.endswith("/") or url == "":
        rel = rel.rstrip("/") + "/"
    return rel


def qr_path(md_path: str, ext: str = "svg") -> str:
    """The QR code file of a page: ``empfehlungen/x.md`` → ``qr/empfehlungen/x.svg``."""
    return "qr/" + md_path.removesuffix(".md") + "." + ext
