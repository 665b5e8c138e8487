"""The kinds of content, declared as data: everything that differs between kinds is stated here once.

Each ``Kind`` row says where its files live, where its pages go, which field is its title, its
body and its lead, how its items are ordered, whether its items sit inside another kind's
files (an indicator inside its category), what its page lists of the items naming it, and which
warnings it gets. The rest of the code reads these rows and never tests a kind by name, so a new
kind is one model class, one row and one template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .items import (
    Actor,
    BkkDocument,
    Event,
    ExploitationForm,
    GlossaryTerm,
    HelpInfo,
    Indicator,
    IndicatorCategory,
    Item,
    KeyFigure,
    Land,
    LegalNorm,
    Network,
    Phase,
    Recommendation,
    Seminar,
    Service,
    Source,
    SuspicionGuide,
    Video,
)


def by_order(item: Any) -> tuple:
    """Listed by ``order``, then by title (phases, actors, categories …)."""
    return (item.order, item.title)


_LEVEL_ORDER = {"international": 0, "eu": 1, "federal": 2, "state": 3}


def by_norm_level(norm: LegalNorm) -> tuple:
    return (_LEVEL_ORDER[norm.level], norm.instrument, norm.id)


@dataclass(frozen=True)
class PageLinks:
    """What an item's page links besides the items it references and the links in its texts.

    The check works out from these which pages are linked from more than the overviews
    (``model/linking.py``) without rendering; a test compares that with the rendered pages.
    """

    lists: tuple[str, ...] = ()  # kinds whose items naming this one its page lists (an actor: its recommendations)
    mentions: bool = False  # its page lists every item that names it ("Wird genannt in")
    plain: tuple[str, ...] = ()  # fields whose references its pages show as plain text, not as links (printable checklists)
    handout: str | None = None  # the page-reference field its page shows as a handout: each page's body text too


@dataclass(frozen=True)
class Unlinked:
    """``bkk-site check`` warns about an active item of this kind that only the overviews link to."""

    subject: str  # how the warning names the item: "Dieser Indikator"
    fields: tuple[str, ...]  # the fields the hint suggests for linking it from other pages


@dataclass(frozen=True)
class Kind:
    """Where a kind lives in content/ and on the site, and how its items read."""

    name: str
    model: type[Item] | type[Source]
    folder: str  # content/<folder>/*.yaml, or content/<folder>.yaml when single; the URL section too
    label: str
    sort: Callable[[Any], Any] | None  # order of items in lists and pages (None: single kinds)
    single: bool = False
    own_pages: bool = True  # one page per item at /<folder>/<id>/, else anchors on /<folder>/
    title: str = "title"  # the field that names an item
    title_prefix: str | None = None  # a field shown before the title ("§ 232 StGB: Menschenhandel")
    lead: str | None = None  # a handout's first line (when the title field is not the name)
    body: tuple[str, ...] = ()  # the fields that carry an item's substance, first one present wins
    parent: str | None = None  # the kind whose files hold these items …
    parent_field: str | None = None  # … in this list field
    plural: str | None = None  # the label in the plural, where a message speaks of them all ("Indikatoren")
    holder: str | None = None  # a kind holding items of another: what a message calls one of its items ("Kategorie", feminine)
    anchors_on: str | None = None  # items are anchors on this page, which another kind's items own
    description: str | None = None  # the field that gives an item page its meta description
    index: tuple[str, str] | None = None  # (template, title) of the page at /<folder>/ that lists the kind
    data_stem: str | None = None  # file name of the open-data export, when not the folder
    counted: bool = False  # part of the "n Einträge geprüft" total of ``bkk-site check``
    sections: dict[str, str] = field(default_factory=dict)  # the folder's name in each other edition's URLs
    links: PageLinks = PageLinks()  # what its page links besides its references and texts
    warn_unlinked: Unlinked | None = None  # warn when only the overviews link to an item of it

    @property
    def data_name(self) -> str:
        """File name (without extension) of the kind's open-data export: ``daten/<data_name>.json``."""
        return self.data_stem or self.folder


KINDS: dict[str, Kind] = {k.name: k for k in [
    Kind("source", Source, "quellen", "Quelle", lambda s: s.title.casefold(), own_pages=False,
         index=("sources.md.j2", "Quellen"), sections={"en": "sources"}),
    Kind("document", BkkDocument, "bkk", "Dokument", None, single=True, body=("summary",), description="summary", sections={"en": "bkk"}),
    Kind("phase", Phase, "phasen", "Phase", by_order, body=("summary", "body"), description="summary", counted=True,
         index=("phase_index.md.j2", "Ablauf des Schutzprozesses"), sections={"en": "phases"},
         links=PageLinks(lists=("recommendation", "actor"))),
    Kind("actor", Actor, "akteure", "Akteur", by_order, body=("role", "summary"), description="summary", counted=True,
         index=("actor_index.md.j2", "Akteure"), sections={"en": "actors"}, links=PageLinks(lists=("recommendation", "indicator"))),
    Kind("recommendation", Recommendation, "empfehlungen", "Empfehlung", lambda r: (r.label, r.title), body=("text",),
         description="text", counted=True, index=("recommendation_index.md.j2", "Empfehlungen"), sections={"en": "recommendations"},
         links=PageLinks(mentions=True), warn_unlinked=Unlinked("Diese Empfehlung", ("phases", "legal_norms"))),
    Kind("indicator_category", IndicatorCategory, "indikatoren", "Indikatorenkategorie", by_order, own_pages=False,
         body=("summary",), description="summary", anchors_on="indikatoren/index.md", data_stem="indikatorkategorien", sections={"en": "indicators"},
         holder="Kategorie"),
    Kind("exploitation_form", ExploitationForm, "ausbeutungsformen", "Ausbeutungsform", by_order, body=("summary", "body"),
         description="summary", index=("exploitation_form_index.md.j2", "Ausbeutungsformen"), sections={"en": "forms-of-exploitation"},
         links=PageLinks(lists=("indicator",))),
    Kind("legal_norm", LegalNorm, "recht", "Rechtsnorm", by_norm_level, title_prefix="citation", body=("summary",),
         description="summary", counted=True, index=("legal_norm_index.md.j2", "Rechtsgrundlagen"), sections={"en": "law"},
         links=PageLinks(mentions=True)),
    Kind("glossary", GlossaryTerm, "glossar", "Glossarbegriff", lambda t: t.term.casefold(), own_pages=False,
         title="term", body=("definition",), counted=True, index=("glossary.md.j2", "Glossar"), sections={"en": "glossary"}),
    Kind("land", Land, "laender", "Land", lambda land: land.name, title="name", body=("summary",), description="summary",
         counted=True, index=("land_index.md.j2", "Länder"), sections={"en": "states"}, links=PageLinks(mentions=True)),
    Kind("network", Network, "netzwerke", "Netzwerk", lambda n: n.name, title="name", body=("description",),
         index=("network_index.md.j2", "Regionale Netzwerke"), sections={"en": "networks"}),
    Kind("service", Service, "beratungsstellen", "Beratungsstelle", lambda s: s.name, title="name", body=("description",),
         index=("service_index.md.j2", "Beratungsstellen"), sections={"en": "counselling-services"}),
    Kind("key_figure", KeyFigure, "kennzahlen", "Kennzahl", by_order, own_pages=False, body=("description",),
         index=("key_figures.md.j2", "Kennzahlen"), sections={"en": "key-figures"}),
    Kind("event", Event, "chronik", "Ereignis", lambda e: (e.date, e.id), own_pages=False, body=("description",),
         index=("timeline.md.j2", "Chronik 2017–2025"), sections={"en": "timeline"}),
    Kind("video", Video, "video", "Erklärvideo", None, single=True, body=("description",), description="description", sections={"en": "video"}),
    Kind("seminar", Seminar, "seminare", "Seminar", lambda s: (str(s.date), s.title), body=("description",), sections={"en": "seminars"},
         links=PageLinks(handout="items")),
    # What a reader with a suspicion acts on; their pages are listed in render/pages.py (_action_pages).
    Kind("help", HelpInfo, "hilfe", "Hilfenummern", None, single=True, body=("intro",), description="intro", sections={"en": "help"}),
    Kind("suspicion", SuspicionGuide, "verdacht", "Verdacht – was tun?", None, single=True, body=("intro",),
         description="intro", sections={"en": "suspicion"}, links=PageLinks(plain=("roles",))),
]}
# Indicators live inside category files but have pages of their own at /indikatoren/<id>/.
INDICATOR = Kind("indicator", Indicator, "indikatoren", "Indikator", lambda i: (i.label, i.id), title="text", lead="text",
                 body=("detail",), description="text", parent="indicator_category", parent_field="indicators", plural="Indikatoren",
                 counted=True, index=("indicator_index.md.j2", "Indikatoren"), sections={"en": "indicators"},
                 links=PageLinks(mentions=True), warn_unlinked=Unlinked("Dieser Indikator", ("actors", "exploitation_forms")))
ALL_KINDS: dict[str, Kind] = {**KINDS, "indicator": INDICATOR}
# A file in content/ that is not a kind: the search's reviewed synonyms (checked by generator/check/synonyms.py).
SEARCH_SYNONYMS = "suche.yaml"
# The kind whose pages a folder holds (a folder's anchor kind does not own it).
KIND_BY_FOLDER = {k.folder: k for k in ALL_KINDS.values() if k.anchors_on is None}
_KIND_OF_MODEL = {k.model: k for k in ALL_KINDS.values()}


def page_ref(ref: str) -> tuple[Kind | None, str]:
    """The kind and id a page reference names (``"akteure/jugendamt"``); no kind for an unknown folder."""
    folder, _, item_id = ref.partition("/")
    return KIND_BY_FOLDER.get(folder), item_id


def children(kind: str) -> list[Kind]:
    """Kinds whose items are written inside the files of ``kind``."""
    return [k for k in ALL_KINDS.values() if k.parent == kind]


def body_of(kind: Kind, item: Any) -> str | None:
    """An item's substance: the first of its kind's ``body`` fields it fills (a handout shows it)."""
    return next((value for name in kind.body if isinstance(value := getattr(item, name), str)), None)


def listing_order() -> list[str]:
    """Single kinds first, then the rest in table order, each child kind right after its parent."""
    order = [k.name for k in ALL_KINDS.values() if k.single]
    for k in ALL_KINDS.values():
        if not k.single and k.parent is None:
            order += [k.name, *(c.name for c in children(k.name))]
    return order


def title_of(item: Any) -> str:
    """An item's name as lists and links show it, from its kind's declared title field."""
    kind = _KIND_OF_MODEL.get(type(item))
    if kind is None:  # not an item of a kind (e.g. a nested model): the first name-like field
        return next((v for n in ("title", "name", "term", "text") if isinstance(v := getattr(item, n, None), str)), item.id)
    title = getattr(item, kind.title)
    prefix = getattr(item, kind.title_prefix) if kind.title_prefix else None
    return f"{prefix}: {title}" if prefix else title
