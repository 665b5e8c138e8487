"""The BKK content model: one typed definition per kind, with German descriptions.

This module knows the BKK (kinds, fields, ids, references, provenance) and nothing about
YAML files, Markdown or MkDocs. The JSON Schema that editors get is derived from it.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
RESERVED_IDS = {"index", "nach-akteur", "nach-phase", "nach-kategorie", "nach-ausbeutungsform", "uebersicht"}


@dataclass(frozen=True)
class RefTo:
    """Marks a field as a reference to an item of another kind (checked after loading)."""

    kind: str


def _check_slug(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"Die ID „{value}“ ist für Übersichtsseiten reserviert")
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    AfterValidator(_check_slug),
    Field(description="Kennung aus Kleinbuchstaben a–z, Ziffern und Bindestrichen, z. B. „jugendamt“."),
]


def Ref(kind: str, what: str) -> Any:  # noqa: N802 - reads like a type in field declarations
    return Annotated[Slug, RefTo(kind), Field(description=f"ID eines Eintrags der Art „{what}“.")]


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]

_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M)
_ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _check_markdown(value: str) -> str:
    """Markdown fields may format text and link, but never carry HTML or script links."""
    tag = _RAW_HTML.search(value)
    if tag:
        raise ValueError(f"HTML ist in Textfeldern nicht erlaubt (gefunden: {tag.group(0)[:40]})")
    for match in _LINK_TARGET.finditer(value):
        target = (match.group(1) or match.group(2) or "").strip()
        if _SCHEME.match(target) and not target.lower().startswith(_ALLOWED_SCHEMES):
            raise ValueError(f"Link-Ziel „{target[:60]}“ ist nicht erlaubt: nur http(s)-, mailto- und interne Links")
    return value


Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000),
    AfterValidator(_check_markdown),
    Field(description="Text mit Markdown-Formatierung (Absätze, Listen, **fett**, [Link](https://…)); kein HTML."),
]


def _check_url(value: str) -> str:
    if not value.lower().startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise ValueError("Eine Adresse muss mit https:// oder http:// beginnen und darf keine Leerzeichen enthalten")
    return value


Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_check_url),
                Field(description="Webadresse, beginnend mit https://")]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _partial_date(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        m = _PARTIAL_DATE.match(value)
        if not m:
            raise ValueError(f"„{value}“ ist kein Datum: erlaubt sind JJJJ, JJJJ-MM oder JJJJ-MM-TT")
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"„{value}“ ist kein gültiges Datum") from None
    return value


PartialDate = Annotated[str, BeforeValidator(_partial_date),
                        Field(description="Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT (z. B. 2018-10-18).")]

Provenance = Literal["bkk", "law", "related", "unverified"]
PROVENANCE_LABELS = {
    "bkk": "Quelle über das BKK selbst",
    "law": "Gesetz oder völkerrechtlicher Vertrag",
    "related": "Verwandte Fachempfehlung, nicht Wortlaut des BKK",
    "unverified": "Nicht bestätigt",
}


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(Model):
    """What every content item carries: identity, provenance and editorial state."""

    id: Slug = Field(description="Stabile Kennung; bestimmt die Adresse der Seite. Nie wiederverwenden.")
    former_ids: list[Slug] = Field(default=[], description="Frühere IDs: alte Adressen leiten hierher weiter.")
    sources: list[Ref("source", "Quelle")] = Field(  # type: ignore[valid-type]
        min_length=1, description="IDs der Quellen (Ordner content/quellen), auf denen der Eintrag beruht.")
    provenance: Provenance = Field(description="Art der Quelle: bkk (über das BKK selbst), law (Gesetz), "
                                               "related (verwandte Fachempfehlung), unverified (nicht bestätigt).")
    status: Literal["active", "withdrawn"] = Field(
        default="active", description="withdrawn: zurückgezogen; die Seite bleibt als Hinweis bestehen.")
    replaced_by: Slug | None = Field(default=None, description="Bei withdrawn: ID des Nachfolge-Eintrags derselben Art.")
    keywords: list[Text] = Field(default=[], description="Suchwörter und Synonyme, die Leser eintippen könnten.")
    reviewed: dt.date | None = Field(default=None, description="Datum der letzten fachlichen Prüfung (JJJJ-MM-TT).")
    note: Markdown | None = Field(default=None, description="Hinweis zur Herkunft oder Einordnung, sichtbar auf der Seite.")


class Source(Model):
    """An entry of the sources registry: every fact on the site points to one or more."""

    id: Slug
    former_ids: list[Slug] = []
    title: Text = Field(description="Titel der Quelle.")
    publisher: Text = Field(description="Herausgeber oder Autor:in.")
    date: PartialDate | None = Field(default=None, description="Veröffentlichungsdatum.")
    url: Url | None = Field(default=None, description="Adresse der Quelle.")
    accessed: dt.date | None = Field(default=None, description="Abrufdatum der Adresse (JJJJ-MM-TT).")
    provenance: Provenance = Field(description="Art der Quelle: bkk, law, related oder unverified.")
    note: Markdown | None = None


class Edition(Model):
    language: Text = Field(description="Sprache der Ausgabe, z. B. „Englisch“.")
    title: Text
    date: PartialDate | None = None
    note: Markdown | None = None
    sources: list[Ref("source", "Quelle")] = Field(min_length=1)  # type: ignore[valid-type]


class BkkDocument(Item):
    """The Bundeskooperationskonzept itself (content/bkk.yaml)."""

    title: Text = Field(description="Vollständiger Titel.")
    short_title: Text = Field(description="Kurzname, z. B. „Bundeskooperationskonzept (BKK)“.")
    title_variants: list[Text] = []
    commissioned_by: Text
    authors: list[Text] = Field(min_length=1)
    partners: list[Text] = []
    pages: int | None = Field(default=None, ge=1)
    published: Markdown = Field(description="Was die Quellen zur Veröffentlichung sagen (auch Widersprüche).")
    presented: dt.date | None = Field(default=None, description="Datum der öffentlichen Vorstellung.")
    editions: list[Edition] = []
    summary: Markdown
    topics: list[Text] = []
    goals: list[Text] = []
    target_groups: list[Text] = []
    legal_status: Markdown


Track = Literal["main", "criminal_proceedings", "residence_law"]
TRACK_LABELS = {"main": "Schutzverlauf", "criminal_proceedings": "Strafverfahren (parallel)",
                "residence_law": "Aufenthaltsrecht (parallel)"}


class Phase(Item):
    """A step of the protection process, or a parallel track beside it."""

    title: Text
    order: int = Field(ge=0, le=999, description="Reihenfolge im Ablauf (aufsteigend).")
    track: Track = Field(default="main", description="main, criminal_proceedings oder residence_law.")
    summary: Text = Field(description="Ein Satz, worum es in dieser Phase geht.")
    body: Markdown | None = None
    legal_norms: list[Ref("legal_norm", "Rechtsnorm")] = []  # type: ignore[valid-type]


ActorLevel = Literal["federal", "state", "local", "justice", "ngo", "profession"]
LEVEL_LABELS = {"federal": "Bund", "state": "Land", "local": "Kommune", "justice": "Justiz",
                "ngo": "Zivilgesellschaft", "profession": "Berufsgruppe"}


class Actor(Item):
    """An authority, service or profession that takes part in protecting a child."""

    title: Text
    short: Text | None = Field(default=None, description="Abkürzung, z. B. „FBS“.")
    level: ActorLevel
    summary: Text = Field(description="Ein Satz zur Rolle.")
    role: Markdown = Field(description="Rolle und Aufgaben, mit Quellen belegt.")
    role_prompt: Text | None = Field(default=None, description="Einstieg auf der Startseite, z. B. „Ich arbeite im Jugendamt“.")
    order: int = Field(default=100, ge=0, le=999)
    phases: list[Ref("phase", "Phase")] = []  # type: ignore[valid-type]
    legal_norms: list[Ref("legal_norm", "Rechtsnorm")] = []  # type: ignore[valid-type]


class Recommendation(Item):
    """A recommendation for practice, always with the kind of source it comes from."""

    label: Annotated[str, StringConstraints(pattern=r"^E-\d{2,3}$")] = Field(
        description="Kurzzeichen wie „E-07“: eindeutig, nie wiederverwenden.")
    title: Text
    text: Markdown
    actors: list[Ref("actor", "Akteur")] = Field(min_length=1)  # type: ignore[valid-type]
    phases: list[Ref("phase", "Phase")] = []  # type: ignore[valid-type]
    legal_norms: list[Ref("legal_norm", "Rechtsnorm")] = []  # type: ignore[valid-type]


class Indicator(Item):
    """A sign that may point to trafficking or exploitation; never proof on its own."""

    label: Annotated[str, StringConstraints(pattern=r"^I-\d{2,3}$")] = Field(
        description="Kurzzeichen wie „I-23“: eindeutig, nie wiederverwenden.")
    text: Text = Field(description="Das Anzeichen in einem Satz.")
    detail: Markdown | None = None
    exploitation_forms: list[Ref("exploitation_form", "Ausbeutungsform")] = []  # type: ignore[valid-type]
    actors: list[Ref("actor", "Akteur")] = Field(default=[], description="Wer das Anzeichen typischerweise bemerkt.")  # type: ignore[valid-type]


class IndicatorCategory(Item):
    """A group of indicators; one file per category keeps diffs small."""

    title: Text
    order: int = Field(default=100, ge=0, le=999)
    summary: Markdown | None = None
    indicators: list[Indicator] = Field(min_length=1)


class ExploitationForm(Item):
    title: Text
    summary: Text
    body: Markdown | None = None
    order: int = Field(default=100, ge=0, le=999)
    legal_norms: list[Ref("legal_norm", "Rechtsnorm")] = []  # type: ignore[valid-type]


NormLevel = Literal["international", "eu", "federal", "state"]
NORM_LEVEL_LABELS = {"international": "Völkerrecht", "eu": "EU-Recht", "federal": "Bundesrecht", "state": "Landesrecht"}


class LegalNorm(Item):
    title: Text = Field(description="Bezeichnung, z. B. „Menschenhandel“.")
    citation: Text = Field(description="Genaue Fundstelle, z. B. „§ 232 StGB“.")
    instrument: Text = Field(description="Gesetz oder Vertrag, z. B. „Strafgesetzbuch (StGB)“.")
    level: NormLevel
    summary: Markdown = Field(description="Kurze Wiedergabe in eigenen Worten.")
    url: Url | None = None


class GlossaryTerm(Item):
    term: Text
    abbreviation: Text | None = Field(default=None, description="Abkürzung, die auf allen Seiten erklärt wird.")
    definition: Markdown
    synonyms: list[Text] = []
    see_also: list[Ref("glossary", "Glossarbegriff")] = []  # type: ignore[valid-type]


InstrumentType = Literal["agreement", "guideline", "concept_in_progress", "round_table",
                         "counselling_minors", "kickoff", "parliamentary_question", "other"]
INSTRUMENT_LABELS = {
    "agreement": "Kooperationsvereinbarung", "guideline": "Leitfaden", "concept_in_progress": "Konzept in Arbeit",
    "round_table": "Runder Tisch", "counselling_minors": "Beratung für Minderjährige", "kickoff": "Auftaktveranstaltung",
    "parliamentary_question": "Parlamentarische Anfrage", "other": "Sonstiges",
}


class Instrument(Model):
    """Something a Land has done or started, each with its own sources."""

    type: InstrumentType
    title: Text
    date: PartialDate | None = None
    description: Markdown
    sources: list[Ref("source", "Quelle")] = Field(min_length=1)  # type: ignore[valid-type]
    provenance: Provenance


class Land(Item):
    name: Text
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(description="Kürzel, z. B. „BE“.")
    summary: Markdown | None = None
    instruments: list[Instrument] = []


class Network(Item):
    """A regional network against child trafficking (only entries a source names)."""

    name: Text
    land: Ref("land", "Land")  # type: ignore[valid-type]
    region: Text | None = None
    founded: PartialDate | None = None
    partners: list[Text] = []
    description: Markdown
    url: Url | None = None


class Service(Item):
    """A counselling or contact service; contact data only as published by a source."""

    name: Text
    land: Ref("land", "Land")  # type: ignore[valid-type]
    serves_minors: bool = Field(description="true, wenn die Stelle ausdrücklich Minderjährige berät.")
    operator: Text | None = None
    started: PartialDate | None = None
    description: Markdown
    url: Url | None = None
    phone: Text | None = None
    email: Text | None = None


class KeyFigure(Item):
    title: Text = Field(description="Was gezählt wurde.")
    value: int | float
    qualifier: Literal["exact", "about", "at_least"] = "exact"
    unit: Text | None = None
    as_of: PartialDate = Field(description="Stichtag der Zahl.")
    description: Markdown | None = None
    order: int = Field(default=100, ge=0, le=999)


class Event(Item):
    date: PartialDate
    date_note: Text | None = Field(default=None, description="Ungefähre Angabe, z. B. „Frühjahr 2024“.")
    title: Text
    description: Markdown
    laender: list[Ref("land", "Land")] = []  # type: ignore[valid-type]


_TIMESTAMP = r"^(\d{1,2}:)?\d{1,2}:\d{2}$"
PAGE_REF = r"^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$"


class Chapter(Model):
    start: Annotated[str, StringConstraints(pattern=_TIMESTAMP)] = Field(description="Beginn, z. B. „01:30“.")
    title: Text
    pages: list[Annotated[str, StringConstraints(pattern=PAGE_REF), RefTo("page")]] = Field(
        default=[], description="Seiten, die das Kapitel behandelt, z. B. „akteure/jugendamt“.")


class Video(Item):
    title: Text
    announced: PartialDate | None = None
    provider: Literal["none", "youtube", "file"] = Field(
        default="none", description="none (noch keine Adresse), youtube (youtube-nocookie) oder file (eigene Datei).")
    youtube_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{11}$")] | None = None
    file: Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9_./-]+\.(mp4|webm)$")] | None = None
    captions: Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9_./-]+\.vtt$")] | None = None
    duration: Annotated[str, StringConstraints(pattern=_TIMESTAMP)] | None = None
    description: Markdown
    chapters: list[Chapter] = []
    transcript: Markdown | None = None


class Seminar(Item):
    """A trainer's selection of pages for one seminar; becomes a printable handout with QR codes.

    Like every item it names sources and provenance: they cover the seminar's own description;
    each listed page keeps and shows its own sources on the handout."""

    title: Text
    audience: Text = Field(description="Für wen, z. B. „Fachkräfte im Jugendamt“.")
    date: PartialDate | None = Field(default=None, description="Termin, falls es einen festen gibt.")
    description: Markdown = Field(description="Worum es im Seminar geht (erscheint oben auf dem Handout).")
    items: list[Annotated[str, StringConstraints(pattern=PAGE_REF), RefTo("page")]] = Field(
        min_length=1, description="Seiten in der Reihenfolge des Handouts, z. B. „empfehlungen/frueh-austauschen“, "
                                  "„indikatoren/keine-papiere“, „akteure/jugendamt“, „glossar/inobhutnahme“.")


@dataclass(frozen=True)
class Kind:
    """Where a kind lives in content/ and on the site."""

    name: str
    model: type[Item] | type[Source]
    folder: str  # content/<folder>/*.yaml, or content/<folder>.yaml when single
    label: str
    single: bool = False
    own_pages: bool = True  # one page per item at /<folder>/<id>/, else anchors on /<folder>/


KINDS: dict[str, Kind] = {k.name: k for k in [
    Kind("source", Source, "quellen", "Quelle", own_pages=False),
    Kind("document", BkkDocument, "bkk", "Dokument", single=True),
    Kind("phase", Phase, "phasen", "Phase"),
    Kind("actor", Actor, "akteure", "Akteur"),
    Kind("recommendation", Recommendation, "empfehlungen", "Empfehlung"),
    Kind("indicator_category", IndicatorCategory, "indikatoren", "Indikatorenkategorie", own_pages=False),
    Kind("exploitation_form", ExploitationForm, "ausbeutungsformen", "Ausbeutungsform"),
    Kind("legal_norm", LegalNorm, "recht", "Rechtsnorm"),
    Kind("glossary", GlossaryTerm, "glossar", "Glossarbegriff", own_pages=False),
    Kind("land", Land, "laender", "Land"),
    Kind("network", Network, "netzwerke", "Netzwerk"),
    Kind("service", Service, "beratungsstellen", "Beratungsstelle"),
    Kind("key_figure", KeyFigure, "kennzahlen", "Kennzahl", own_pages=False),
    Kind("event", Event, "chronik", "Ereignis", own_pages=False),
    Kind("video", Video, "video", "Erklärvideo", single=True),
    Kind("seminar", Seminar, "seminare", "Seminar"),
]}
# Indicators live inside category files but have pages of their own at /indikatoren/<id>/.
INDICATOR = Kind("indicator", Indicator, "indikatoren", "Indikator")
ALL_KINDS: dict[str, Kind] = {**KINDS, "indicator": INDICATOR}
KIND_BY_FOLDER = {k.folder: k for k in ALL_KINDS.values() if k.name != "indicator_category"}


def ref_kind(annotation: Any) -> tuple[str | None, bool]:
    """(referenced kind, is list) for a field annotation, or (None, …) when it is no reference."""
    origin = typing.get_origin(annotation)
    if origin is list:
        inner, _ = ref_kind(typing.get_args(annotation)[0])
        return inner, True
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for arg in typing.get_args(annotation):
            found, many = ref_kind(arg)
            if found:
                return found, many
        return None, False
    if origin is Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, RefTo):
                return meta.kind, False
        return ref_kind(typing.get_args(annotation)[0])
    return None, False


def iter_refs(obj: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Every reference in an item as (path inside the file, kind, id), nested models included."""
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if value is None:
            continue
        kind, many = ref_kind(info.annotation)
        if not kind:  # pydantic moves a top-level Annotated's metadata into ``info.metadata``
            kind = next((m.kind for m in info.metadata if isinstance(m, RefTo)), None)
        if kind:
            for i, v in enumerate(value) if many else [(None, value)]:
                yield ((*path, name, i) if many else (*path, name)), kind, v
        elif isinstance(value, BaseModel):
            yield from iter_refs(value, (*path, name))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, BaseModel):
                    yield from iter_refs(v, (*path, name, i))
