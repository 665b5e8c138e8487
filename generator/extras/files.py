"""Everything trainers need, as extra files of the generated tree.

Takes the rendered pages and adds: the permalink block (address, copy button, QR code) on
item pages, the ``permalink`` front-matter key the print footer shows, QR codes, redirect
pages for short URLs and former ids, seminar handouts, and the open-data downloads.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..model.content import Content
from ..model.paths import file_relative_url, html_file, md_url, own_page_kinds, page_path, page_url, short_url
from ..options import SiteOptions
from ..render.handout import entries
from ..render.links import Linker
from ..render.pages import PageSpec, environment, front_matter, page_specs
from . import opendata, qr
from .redirects import redirects

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@functools.lru_cache(maxsize=1)
def _html_environment() -> jinja2.Environment:
    """Compiled once per process (the live preview asks after every save); edited templates still reload."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def redirect_pages(content: Content, options: SiteOptions) -> dict[str, str]:
    """Plain HTML pages (copied verbatim by the site engine) that forward without JavaScript."""
    template = _html_environment().get_template("redirect.html.j2")
    out: dict[str, str] = {}
    for r in redirects(content):
        # Short URLs keep their folder form in every copy (/e/7/ is typed, never linked); former ids
        # follow the page style, so old links inside an offline copy still land.
        file = html_file(r.url, options.directory_urls or r.short)
        href = file_relative_url(page_url(r.target_md, options.directory_urls), file)
        canonical = options.absolute(md_url(r.target_md)) if options.site_url else href
        out[file] = template.render(r=r, href=href, canonical=canonical)
    return out


def published_urls(pages: dict[str, Any], content: Content) -> set[str]:
    """Every address the site answers from content: pages, short URLs, former ids."""
    return {md_url(path) for path in pages if path.endswith(".md")} | {r.url for r in redirects(content)}


def _with_meta(page: str, key: str, value: str) -> str:
    """Add one front-matter key (JSON is valid YAML, as in ``front_matter``)."""
    head, sep, rest = page.partition("\n---\n")
    return f"{head}\n{key}: {json.dumps(value, ensure_ascii=False)}{sep}{rest}"


def _permalink(item: Any, md_path: str, options: SiteOptions) -> tuple[str, str | None]:
    canonical = options.absolute(md_url(md_path))
    short = short_url(item) if item is not None else None
    return canonical, options.absolute(short) if short else None


def _item_of(content: Content) -> dict[str, tuple[str, Any]]:
    found = {}
    for kind in own_page_kinds():
        for item in content.items(kind).values():
            found[page_path(kind, item.id)] = (kind, item)
    return found


@dataclass
class TrainerMemo:
    """Per page, the last input and output, so the live preview redoes only pages that changed."""

    options: SiteOptions | None = None
    pages: dict[str, tuple[str, Any, str]] = field(default_factory=dict)


def trainer_files(content: Content, pages: dict[str, str], options: SiteOptions, assets: bool = True,
                  memo: TrainerMemo | None = None, cache: Path | None = None) -> dict[str, str | bytes]:
    """New and changed files; ``assets=False`` skips QR codes and data (for a quick check).

    ``cache`` is a folder where QR codes are kept between runs (see ``qr.Codes``).
    """
    codes = qr.Codes(cache)
    env = environment()
    block = env.get_template("permalink.md.j2")
    items = _item_of(content)
    out: dict[str, str | bytes] = {}
    if memo is not None and memo.options != options:
        memo.options, memo.pages = options, {}
    done = memo.pages if memo is not None else {}

    extra = _seminar_pages(content, options, env) + [_data_page(content, options, env)]
    pages = {**pages, **{spec.path: body for spec, body in extra}}

    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        kind, item = items.get(path, (None, None))
        canonical, short = _permalink(item, path, options)
        link = short or canonical
        before = done.get(path)
        if before is not None and before[0] is text and before[1] is item:  # the renderer kept this page
            out[path] = before[2]
        else:
            out[path] = _with_permalink(text, path, item, content, block, canonical, short)
            if memo is not None:
                done[path] = (text, item, out[path])
        if assets:
            out.update(codes.files(path, link, with_png=item is not None))
    out.update(redirect_pages(content, options))
    if assets:
        for s in content.items("seminar").values():  # anchors (e.g. glossary terms) get codes of their own
            for e in entries(content, s.items):
                if e.qr_svg not in out:
                    out[e.qr_svg] = codes.svg(options.absolute(e.url))
        out.update(opendata.data_files(content))
    return out


def _with_permalink(text: str, path: str, item: Any, content: Content, block: jinja2.Template,
                    canonical: str, short: str | None) -> str:
    """The ``permalink`` front-matter key, and on active item pages the block with address and QR code."""
    link = short or canonical
    text = _with_meta(text, "permalink", link)
    if item is not None and item.status == "active":
        linker = Linker(path, content)
        text = text.rstrip("\n") + "\n\n" + block.render(
            L=linker, canonical=canonical, short=short, qr_target=link, label=getattr(item, "label", None) or item.id,
            svg_href=linker.href(qr.qr_path(path, "svg")), png_href=linker.href(qr.qr_path(path, "png")),
        ).strip() + "\n"
    return text


def _seminar_specs(content: Content) -> list[PageSpec]:
    specs = [PageSpec("seminare/index.md", "seminar_index.md.j2", "Seminare und Handouts")]
    for s in content.items("seminar").values():
        if s.status != "active":
            continue
        origin = content.origins.get(("seminar", s.id))
        specs.append(PageSpec(f"seminare/{s.id}/karte.md", "seminar_card.md.j2", f"QR-Karte: {s.title}",
                              {"item": s, "entries": entries(content, s.items)}, f"Alle Seiten des Seminars „{s.title}“ mit QR-Codes auf einer Seite.",
                              origin.file if origin else None, origin.line if origin else None))
    return specs


def _seminar_pages(content: Content, options: SiteOptions, env: jinja2.Environment) -> list[tuple[PageSpec, str]]:
    return [(spec, _render(spec, content, options, env)) for spec in _seminar_specs(content)]


DATA_PAGE = "daten/index.md"


def _data_page(content: Content, options: SiteOptions, env: jinja2.Environment) -> tuple[PageSpec, str]:
    spec = PageSpec(DATA_PAGE, "open_data.md.j2", "Offene Daten",
                    {"sets": opendata.data_sets(content), "licence": options.data_licence},
                    "Alle Inhalte als JSON und CSV, mit JSON-Schema.")
    return spec, _render(spec, content, options, env)


def current_urls(content: Content) -> set[str]:
    """Every address the content gives the online site (directory URLs), without rendering or writing anything."""
    return published_urls(dict.fromkeys(page_paths(content)), content)


def page_paths(content: Content) -> list[str]:
    """Every Markdown page a run writes, without rendering one (for the check of published addresses)."""
    return [spec.path for spec in page_specs(content)] + [spec.path for spec in _seminar_specs(content)] + [DATA_PAGE]


def _render(spec: PageSpec, content: Content, options: SiteOptions, env: jinja2.Environment) -> str:
    body = env.get_template(spec.template).render(c=content, L=Linker(spec.path, content), page=spec, site=options, **spec.context)
    return front_matter(spec) + body.strip() + "\n"

