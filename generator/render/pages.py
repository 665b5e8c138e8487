"""The model as Markdown pages: one template per page type, rendered deterministically.

Knows the content model and Markdown; knows nothing about MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..model.content import Content
from ..model.items import INSTRUMENT_LABELS, LEVEL_LABELS, NORM_LEVEL_LABELS, PROVENANCE_LABELS, TRACK_LABELS
from ..model.kinds import ALL_KINDS, KIND_BY_FOLDER, title_of
from ..model.paths import alternate_url, edition_link, edition_path, in_edition, md_url, own_page_kinds, page_path, qr_path, short_url, url_path
from ..model.translations import DEFAULT_LANGUAGE, LANGUAGES
from ..options import OFFLINE_DOWNLOAD, SiteOptions
from .diagram import process_diagram
from .fields import field_reference
from .handout import entries
from .help_links import tel_links
from .laender_map import laender_map, statuses
from .language import Language
from .links import Linker
from .page_extras import Extras
from .phone import tel_link
from .reads import Read, Tracked, affected, changes
from .templates import TEMPLATES, new_environment
from .text import escape_text, finalize, markdown_field, plain


@dataclass
class PageSpec:
    path: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    source_file: str | None = None
    source_line: int | None = None
    hide: list[str] = field(default_factory=list)
    changed: dt.date | None = None  # last commit touching the source file ("Stand")
    appendix: bool = True  # video links, search words and abbreviations below the text
    permalink: str = ""  # the address the print footer shows (short URL when there is one)
    block: dict[str, Any] | None = None  # the "Link und QR-Code" block of an active item page
    alternates: dict[str, str] = field(default_factory=dict)  # the same page in each edition (served URL), for the switcher


@dataclass(frozen=True)
class DataSet:
    """One open-data export as the data page lists it."""

    kind: str
    label: str
    stem: str
    count: int


def data_sets(content: Content) -> list[DataSet]:
    return [DataSet(kind, spec.label, spec.data_name, len(content.items(kind))) for kind, spec in ALL_KINDS.items()]


def permalink(item: Any, md_path: str, options: SiteOptions) -> tuple[str, str | None]:
    """(the page's full address, its full short URL or None) under the site's public address."""
    canonical = options.absolute(md_url(edition_path(md_path, options.language)))
    short = short_url(item) if item is not None else None
    return canonical, options.absolute(short) if short else None


def german_date(value: Any) -> str:
    """2018-10-18 → 18. Oktober 2018; 2018-06 → Juni 2018; 2019 → 2019."""
    return Language().date(value)


def german_number(value: int | float) -> str:
    return Language().number(value)


# The national help numbers (a hand-written page); Land and service pages point there when no local contact is known.
HELP_PAGE = "hilfe/index.md"
# Where the Servicestelle gegen Zwangsarbeit introduces its per-Land overview (for Länder whose own page is not sourced).
SERVICESTELLE_OVERVIEW = "https://www.servicestelle-gegen-zwangsarbeit.de/aktuelles/richtige-ansprechpersonen-bundesland/"


@functools.lru_cache(maxsize=len(LANGUAGES))
def environment(lang: str = DEFAULT_LANGUAGE) -> jinja2.Environment:
    """One environment per edition and process: templates compile once (the live preview renders on
    every save); the loader still notices edited template files (``auto_reload``)."""
    # autoescape makes macro output Markup; the escaping itself is ``finalize`` (Markdown-aware)
    env = new_environment("markdown", TEMPLATES, lang, finalize=finalize)
    language = env.globals["LANG"]
    env.tests["contains"] = lambda seq, value: value in seq
    env.filters.update(md=markdown_field, date=language.date, number=language.number, plain=plain, text=escape_text, tel=tel_link,
                       tel_links=tel_links)
    env.globals.update(
        PROVENANCE=PROVENANCE_LABELS, TRACKS=TRACK_LABELS, LEVELS=LEVEL_LABELS, NORM_LEVELS=NORM_LEVEL_LABELS,
        INSTRUMENTS=INSTRUMENT_LABELS, KINDS=ALL_KINDS, title_of=title_of, url_path=url_path, raw=Markup,
        process_diagram=process_diagram, laender_map=laender_map, land_statuses=statuses,
        KIND_BY_FOLDER=KIND_BY_FOLDER, HELP_PAGE=HELP_PAGE, SERVICESTELLE_OVERVIEW=SERVICESTELLE_OVERVIEW,
        OFFLINE_DOWNLOAD=OFFLINE_DOWNLOAD,
    )
    env.globals["handout_entries"] = entries  # seminar pages list their items as a handout
    return env


def _item_pages(content: Content) -> list[PageSpec]:
    pages = []
    for kind_name, spec in ALL_KINDS.items():
        if spec.single or not spec.own_pages:
            continue
        for item in content.items(kind_name).values():
            origin = content.origins.get((kind_name, item.id))
            template = "withdrawn.md.j2" if item.status == "withdrawn" else f"{kind_name}.md.j2"
            if (kind_name, item.id) in content.untranslated and item.status != "withdrawn":
                template = "untranslated.md.j2"
            description = (getattr(item, spec.description) if spec.description else None) or ""
            pages.append(PageSpec(
                page_path(kind_name, item.id), template, title_of(item),
                {"item": item, "kind": spec, "kind_name": kind_name}, plain(description),
                origin.file if origin else None, origin.line if origin else None,
            ))
    return pages


def _index_pages(content: Content) -> list[PageSpec]:
    say = Language(content.language).gettext
    origin = content.origins
    doc = content.single("document")
    video = content.single("video")
    pages = [
        PageSpec("index.md", "start.md.j2", say("Bundeskooperationskonzept: Schutz von Kindern vor Handel und Ausbeutung"),
                 description=say("Wie Jugendamt, Polizei, Fachberatungsstellen und Justiz zusammenarbeiten, "
                                 "um Kinder als Opfer von Menschenhandel zu erkennen und zu schützen."), hide=["toc"]),
        *(PageSpec(f"{kind.folder}/index.md", kind.index[0], say(kind.index[1]), {"kind": kind}) for kind in ALL_KINDS.values() if kind.index),
        PageSpec("empfehlungen/nach-akteur.md", "recommendation_by_actor.md.j2", say("Empfehlungen nach Akteur")),
        PageSpec("empfehlungen/nach-phase.md", "recommendation_by_phase.md.j2", say("Empfehlungen nach Phase")),
        PageSpec("indikatoren/nach-ausbeutungsform.md", "indicator_by_form.md.j2", say("Indikatoren nach Ausbeutungsform")),
        PageSpec("empfehlungen/uebersicht.md", "recommendation_matrix.md.j2", say("Empfehlungen: Akteure und Phasen im Überblick")),
        PageSpec("indikatoren/uebersicht.md", "indicator_matrix.md.j2", say("Indikatoren: Kategorien und Ausbeutungsformen im Überblick")),
        PageSpec("redaktion/felder.md", "field_reference.md.j2", "Felder der Inhaltsarten", {"kinds": field_reference()},
                 "Alle Felder jeder Inhaltsart mit Bedeutung, erzeugt aus dem Datenmodell."),
    ]
    if doc:
        o = origin.get(("document", doc.id))
        pages.append(PageSpec("bkk/index.md", "document.md.j2", doc.short_title, {"item": doc}, plain(doc.summary),
                              o.file if o else None, o.line if o else None))
    if video:
        o = origin.get(("video", video.id))
        pages.append(PageSpec("video/index.md", "video.md.j2", video.title, {"item": video}, plain(video.description),
                              o.file if o else None, o.line if o else None))
    return pages + _action_pages(content)


def _action_pages(content: Content) -> list[PageSpec]:
    """What a reader with a suspicion acts on: help numbers, the steps and one checklist per role,
    the page for young people (each only when its content file exists), and the Leichte Sprache
    pages the header links to (always: they explain the site itself)."""
    say = Language(content.language).gettext
    pages = [
        PageSpec("leichte-sprache/index.md", "leichte_sprache.md.j2", "Leichte Sprache: Was steht auf dieser Website?",
                 description="Diese Website in Leichter Sprache erklärt."),
        PageSpec("leichte-sprache/navigation.md", "leichte_sprache_navigation.md.j2", "Leichte Sprache: So finden Sie sich zurecht",
                 description="So benutzen Sie diese Website. In Leichter Sprache."),
        PageSpec("leichte-sprache/barrierefreiheit.md", "leichte_sprache_barrierefreiheit.md.j2",
                 "Leichte Sprache: Erklärung zur Barriere-Freiheit", description="Wie gut ist diese Website für alle nutzbar? In Leichter Sprache."),
    ]
    help_info, guide = content.single("help"), content.single("suspicion")
    if help_info:
        o = content.origins.get(("help", help_info.id))
        where = (o.file, o.line) if o else (None, None)
        pages.append(PageSpec("hilfe/index.md", "help.md.j2", help_info.title, {"item": help_info},
                              plain(help_info.intro), *where))
        if help_info.young_people:
            pages.append(PageSpec("jugendliche/index.md", "young_people.md.j2", say("Bist du in Gefahr?"),
                                  {"item": help_info, "young": help_info.young_people},
                                  say("Hilfe für Kinder und Jugendliche: kostenlos und anonym reden."), *where))
    if guide:
        o = content.origins.get(("suspicion", guide.id))
        where = (o.file, o.line) if o else (None, None)
        pages.append(PageSpec("verdacht/index.md", "suspicion.md.j2", guide.title, {"item": guide},
                              plain(guide.intro), *where))
        for role in guide.roles:
            pages.append(PageSpec(f"verdacht/{role.id}.md", "suspicion_role.md.j2", f"{guide.title} {role.title}",
                                  {"item": guide, "role": role}, say("Checkliste für {audience}").format(audience=role.audience), *where,
                                  hide=["navigation", "toc"]))
    return pages


_LINK = re.compile(r"\]\(([^)\s]+)\)")  # a Markdown link's target, as templates and content write them
_ANGLES = str.maketrans({"<": "＜", ">": "＞"})


def front_matter(spec: PageSpec) -> str:
    """JSON is valid YAML: quoting is never a question, whatever the title holds.

    Themes print ``title`` and ``description`` unescaped (MkDocs' Jinja has no autoescape, and
    ``striptags`` un-escapes entities), so angle brackets are swapped for look-alikes here.
    """
    meta: dict[str, Any] = {"title": spec.title.translate(_ANGLES)}
    if spec.description:
        # Material prints it inside content="…": quotes must not end the attribute (a meta refresh could follow)
        meta["description"] = html.escape(spec.description.translate(_ANGLES), quote=True)
    if spec.source_file:
        meta["source_file"] = spec.source_file
        meta["source_line"] = spec.source_line
    if spec.hide:
        meta["hide"] = spec.hide
    if spec.permalink:
        meta["permalink"] = spec.permalink
    if spec.alternates:
        meta["alternates"] = spec.alternates
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


@dataclass
class RenderMemo:
    """The last render, kept by the live preview: what each page read and what it became."""

    content: Content | None = None
    options: SiteOptions | None = None
    extras: Extras | None = None
    templates: tuple = ()
    pages: dict[str, tuple[PageSpec, set[Read], str]] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)  # paths rendered by the last run, not reused


def _template_stamp() -> tuple:
    """Edited templates (``mkdocs serve`` watches them) make every earlier render stale."""
    return tuple(sorted((e.name, e.stat().st_mtime_ns) for e in os.scandir(TEMPLATES)))


DATA_PAGE = "daten/index.md"


def _seminar_pages(content: Content) -> list[PageSpec]:
    say = Language(content.language).gettext
    specs = [PageSpec("seminare/index.md", "seminar_index.md.j2", say("Seminare und Handouts"), appendix=False)]
    for s in content.items("seminar").values():
        if s.status != "active":
            continue
        origin = content.origins.get(("seminar", s.id))
        specs.append(PageSpec(f"seminare/{s.id}/karte.md", "seminar_card.md.j2", say("QR-Karte: {title}").format(title=s.title),
                              {"item": s, "entries": entries(content, s.items)},
                              say("Alle Seiten des Seminars „{title}“ mit QR-Codes auf einer Seite.").format(title=s.title),
                              origin.file if origin else None, origin.line if origin else None, appendix=False))
    return specs


def _data_page(content: Content, options: SiteOptions) -> PageSpec:
    say = Language(content.language).gettext
    return PageSpec(DATA_PAGE, "open_data.md.j2", say("Offene Daten"), {"sets": data_sets(content), "licence": options.data_licence},
                    say("Alle Inhalte als JSON und CSV, mit JSON-Schema."), appendix=False)


def page_specs(content: Content, options: SiteOptions | None = None) -> list[PageSpec]:
    """Every generated Markdown page of the content's edition, in order, by German path: the one page
    list (the published-address check reads it too). Static titles are said in the edition's words."""
    options = options or SiteOptions()
    specs = _index_pages(content) + _item_pages(content) + _seminar_pages(content) + [_data_page(content, options)]
    if content.language != DEFAULT_LANGUAGE:
        specs = [spec for spec in specs if in_edition(spec.path, content.language)]
    for spec in specs:
        spec.alternates = {lang: alternate_url(spec.path, content.language, lang, options.directory_urls) for lang in LANGUAGES}
    return specs


def _item_of(content: Content) -> dict[str, Any]:
    return {page_path(kind, item.id): item for kind in own_page_kinds() for item in content.items(kind).values()}


def _with_permalinks(specs: list[PageSpec], content: Content, options: SiteOptions) -> None:
    """What trainers need goes into the spec before rendering: the footer's address, and on active
    item pages the block with address, copy buttons and QR code (``permalink.md.j2``)."""
    items = _item_of(content)
    for spec in specs:
        item = items.get(spec.path)
        canonical, short = permalink(item, spec.path, options)
        spec.permalink = short or canonical
        if item is not None and item.status == "active":
            spec.block = {"canonical": canonical, "short": short, "qr_target": spec.permalink,
                          "label": getattr(item, "label", None) or item.id,
                          "svg": qr_path(spec.path, "svg"), "png": qr_path(spec.path, "png")}


def render_pages(content: Content, options: SiteOptions | None = None, changed: dict[Path, dt.date] | None = None,
                 memo: RenderMemo | None = None) -> dict[str, str]:
    """Every generated Markdown page, keyed by its path below the docs folder.

    ``changed`` maps source files to their last commit date (see ``history``) for "Stand" lines.
    With a ``memo`` (live preview), a page is rendered again only when its spec or something it
    read changed since the memo's run; the output is the same as without one.
    """
    options = options or SiteOptions()
    content = content.in_language(options.language)
    env = environment(options.language)
    env.globals["site"] = options
    extras = Extras.of(content)
    stamp = _template_stamp()
    reuse = (memo is not None and memo.content is not None and memo.options == options and memo.extras == extras
             and memo.templates == stamp)
    diff = changes(memo.content, content) if reuse else set()
    out: dict[str, str] = {}
    kept: dict[str, tuple[PageSpec, set[Read], str]] = {}
    rendered = []
    specs = page_specs(content, options)
    _with_permalinks(specs, content, options)
    block = env.get_template("permalink.md.j2")
    for spec in specs:
        if changed and spec.source_file:
            spec.changed = changed.get(Path(spec.source_file).resolve())
        before = memo.pages.get(spec.path) if reuse else None
        if before is not None and before[0] == spec and not affected(before[1], diff):
            kept[spec.path] = before
            out[spec.path] = before[2]
            continue
        reads: set[Read] = set()
        tracked = Tracked(content, reads)
        linker = Linker(spec.path, tracked)
        body = env.get_template(spec.template).render(c=tracked, L=linker, page=spec, **spec.context).strip()
        if spec.appendix:
            body += extras.appendix(spec.path, body, spec.context.get("item"), linker)
        if spec.block is not None:
            plain_linker = Linker(spec.path, content)
            body = body.rstrip("\n") + "\n\n" + block.render(
                L=plain_linker, svg_href=plain_linker.href(spec.block["svg"]), png_href=plain_linker.href(spec.block["png"]),
                **spec.block).strip()
        if options.language != DEFAULT_LANGUAGE:
            body = _LINK.sub(lambda m, here=spec.path: f"]({edition_link(m.group(1), here, options.language, options.directory_urls)})", body)
        out[spec.path] = front_matter(spec) + body + "\n"
        kept[spec.path] = (spec, reads, out[spec.path])
        rendered.append(spec.path)
    if memo is not None:
        memo.content, memo.options, memo.extras, memo.templates = content, options, extras, stamp
        memo.pages, memo.rendered = kept, rendered
    return out
