"""Everything trainers need, as extra files of the generated tree.

Takes the rendered pages and adds: the permalink block (address, copy button, QR code) on
item pages, the ``permalink`` front-matter key the print footer shows, QR codes, redirect
pages for short URLs and former ids, seminar handouts, and the open-data downloads.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import jinja2

from ..model.content import Content
from ..model.items import TRANSLATIONS
from ..model.paths import edition_path, file_relative_url, html_file, md_url, own_page_kinds, page_path, page_url
from ..options import SiteOptions
from ..render.handout import entries
from ..render.pages import page_specs, permalink
from ..render.templates import new_environment
from . import opendata, qr
from .redirects import redirects


@functools.lru_cache(maxsize=4)
def _html_environment(lang: str) -> jinja2.Environment:
    """Compiled once per process and edition (the live preview asks after every save); edited templates still reload."""
    return new_environment("html", lang=lang)


def redirect_pages(content: Content, options: SiteOptions) -> dict[str, str]:
    """Plain HTML pages (copied verbatim by the site engine) that forward without JavaScript."""
    template = _html_environment(options.language).get_template("redirect.html.j2")
    out: dict[str, str] = {}
    for r in redirects(content):
        # Short URLs keep their folder form in every copy (/e/7/ is typed, never linked); former ids
        # follow the page style, so old links inside an offline copy still land.
        file = html_file(r.url, options.directory_urls or r.short)
        there = edition_path(r.target_md, options.language)
        href = file_relative_url(page_url(there, options.directory_urls), file)
        canonical = options.absolute(md_url(there)) if options.site_url else href
        out[file] = template.render(r=r, href=href, canonical=canonical)
    return out


def published_urls(pages: dict[str, Any], content: Content) -> set[str]:
    """Every address the site answers from content: pages, short URLs, former ids."""
    return {md_url(path) for path in pages if path.endswith(".md")} | {r.url for r in redirects(content)}


def trainer_files(content: Content, pages: dict[str, str], options: SiteOptions, assets: bool = True,
                  codes: qr.Codes | None = None, exports: opendata.Exported | None = None) -> dict[str, str | bytes]:
    """The files beside the pages: QR codes (one per page, at its permalink), redirect pages,
    the QR codes of handout entries and the open-data downloads; ``assets=False``: redirects only.

    ``codes`` and ``exports`` are a session's (see ``qr.Codes``, ``opendata.data_files``).
    """
    codes = codes or qr.Codes()
    data = content  # the exports carry every edition's text (the items' ``en:`` blocks)
    content = content.in_language(options.language)
    items = _item_of(content)
    out: dict[str, str | bytes] = {}
    if assets:
        for path in pages:
            if path.endswith(".md"):
                item = items.get(path)
                canonical, short = permalink(item, path, options)
                out.update(codes.files(path, short or canonical, with_png=item is not None))
    out.update(redirect_pages(content, options))
    if assets:
        for s in content.items("seminar").values():  # anchors (e.g. glossary terms) get codes of their own
            for e in entries(content, s.items):
                if e.qr_svg not in out:
                    out[e.qr_svg] = codes.svg(options.absolute(e.url))
        out.update(opendata.data_files(data, exports))
    return out


def hand_written_codes(pages: Iterable[str], options: SiteOptions, codes: qr.Codes) -> dict[str, bytes]:
    """QR codes of the hand-written pages (by their path in the edition), so every printed page
    carries one in its footer; no PNG, as they are on no handout."""
    return {rel: data for path in pages if path.endswith(".md")
            for rel, data in codes.files(path, options.absolute(md_url(path)), with_png=False).items()}


def current_urls(content: Content, editions: tuple[str, ...] | set[str] = ("de",)) -> set[str]:
    """Every address the content gives the online site (directory URLs) in the editions built, without
    rendering or writing anything. The other editions' addresses begin with ``/<lang>/``."""
    urls = published_urls(dict.fromkeys(page_paths(content)), content)
    for lang in TRANSLATIONS:
        if lang not in editions:
            continue
        edition = content.in_language(lang)
        pages = dict.fromkeys(edition_path(path, lang) for path in page_paths(edition))
        urls |= {f"/{lang}{url}" for url in published_urls(pages, edition)}
    return urls


def page_paths(content: Content) -> list[str]:
    """Every Markdown page a run writes, without rendering one (for the check of published addresses)."""
    return [spec.path for spec in page_specs(content)]


def _item_of(content: Content) -> dict[str, Any]:
    return {page_path(kind, item.id): item for kind in own_page_kinds() for item in content.items(kind).values()}
