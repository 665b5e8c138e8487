"""The BKK content model: one typed definition per kind of item, with German descriptions.

This module knows the BKK (fields, ids, references, provenance) and nothing about YAML files,
Markdown or MkDocs; ``kinds`` says where each kind lives. The JSON Schema that editors get is
derived from it.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, create_model, model_validator

M = TypeVar("M", bound=BaseModel)
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
RESERVED_IDS = {"index", "nach-akteur", "nach-phase", "nach-kategorie", "nach-ausbeutungsform", "uebersicht"}
# Names Windows cannot use as file names: an editor on Windows could not check out the page.
DEVICE_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class RefTo:
    """Marks a field as a reference to an item of another kind (checked after loading)."""

    kind: str


def _check_slug(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"Die ID „{value}“ ist für Übersichtsseiten reserviert")
    if value in DEVICE_NAMES:
        raise ValueError(f"Die ID „{value}“ ist unter Windows ein reservierter Dateiname; wählen Sie eine längere ID")
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    AfterValidator(_check_slug),
    Field(description="Kennung aus Kleinbuchstaben a–z, Ziffern und Bindestrichen, z. B. „jugendamt“."),
]


# One type per referenced kind: the field declarations read like types and type checkers accept them.
SourceRef = Annotated[Slug, RefTo("source"), Field(description="ID eines Eintrags der Art „Quelle“.")]
PhaseRef = Annotated[Slug, RefTo("phase"), Field(description="ID eines Eintrags der Art „Phase“.")]
ActorRef = Annotated[Slug, RefTo("actor"), Field(description="ID eines Eintrags der Art „Akteur“.")]
LegalNormRef = Annotated[Slug, RefTo("legal_norm"), Field(description="ID eines Eintrags der Art „Rechtsnorm“.")]
ExploitationFormRef = Annotated[Slug, RefTo("exploitation_form"), Field(description="ID eines Eintrags der Art „Ausbeutungsform“.")]
GlossaryRef = Annotated[Slug, RefTo("glossary"), Field(description="ID eines Eintrags der Art „Glossarbegriff“.")]
LandRef = Annotated[Slug, RefTo("land"), Field(description="ID eines Eintrags der Art „Land“.")]
IndicatorRef = Annotated[Slug, RefTo("indicator"), Field(description="ID eines Eintrags der Art „Indikator“.")]
RecommendationRef = Annotated[Slug, RefTo("recommendation"), Field(description="ID eines Eintrags der Art „Empfehlung“.")]


_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Invisible characters (Unicode categories Cc and Cf): control codes, zero-width and soft hyphen,
# and the bidirectional controls that make text display differently from what it says.
_INVISIBLE_CATEGORIES = ("Cc", "Cf")
# Markdown keeps line breaks and tabs, but no other control and no bidi embedding/override/isolate.
_MARKDOWN_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _char_name(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" ({unicodedata.name(char)})" if unicodedata.name(char, "") else "")


def _check_one_line(value: str) -> str:
    """A title, name or term is one visible line: a break would cut the page's <title> and a
    bidi control would make it display differently from what it says."""
    if _LINE_BREAKS.search(value):
        raise ValueError("Zeilenumbrüche sind in diesem einzeiligen Feld nicht erlaubt; schreiben Sie den Text in eine Zeile")
    if value.isprintable():  # fast path: no Cc, Cf (nor other invisible) characters at all
        return value
    hidden = next((c for c in value if unicodedata.category(c) in _INVISIBLE_CATEGORIES), None)
    if hidden:
        raise ValueError(f"Das unsichtbare Steuer- oder Formatzeichen {_char_name(hidden)} ist nicht erlaubt")
    return value


def _check_markdown_characters(value: str) -> None:
    hidden = _MARKDOWN_FORBIDDEN.search(value)
    if hidden:
        raise ValueError(f"Das unsichtbare Steuerzeichen {_char_name(hidden.group(0))} ist nicht erlaubt "
                         "(Richtungszeichen lassen Text anders erscheinen, als er lautet)")


# One line of visible text: every title, name, term and label of the model.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), AfterValidator(_check_one_line)]

_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
_ATTR_LIST = re.compile(r"\{:?\s*(?:[#.][\w-]|[\w-]+\s*=)")
_ABBR_DEF = re.compile(r"^\s{0,3}\*\[[^\]]*\]:", re.M)
_ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\\]+")
_DANGEROUS = ("javascript:", "vbscript:", "data:", "file:")


def _normalised(target: str) -> str:
    """What a browser would see: entities and percent-escapes decoded, blanks and backslashes gone."""
    from urllib.parse import unquote

    previous = None
    while previous != target:  # undo nested encodings like &amp;#x61;
        previous = target
        target = unquote(html.unescape(target))
    return _INVISIBLE.sub("", target).lower()


def _check_markdown(value: str) -> str:
    """Markdown fields may format text and link, but never carry HTML, script links or page-wide syntax."""
    _check_markdown_characters(value)
    autolink = _AUTOLINK.search(value)
    if autolink:
        raise ValueError(f"Links in spitzen Klammern ({autolink.group(0)[:40]}) sind nicht erlaubt; "
                         "schreiben Sie [Linktext](https://…)")
    tag = _RAW_HTML.search(value)
    if tag:
        raise ValueError(f"HTML ist in Textfeldern nicht erlaubt (gefunden: {tag.group(0)[:40]})")
    for match in _LINK_TARGET.finditer(value):
        target = _normalised(match.group(1) or match.group(2) or "")
        if _SCHEME.match(target) and not target.startswith(_ALLOWED_SCHEMES):
            raise ValueError(f"Link-Ziel „{target[:60]}“ ist nicht erlaubt: nur http(s)-, mailto- und interne Links")
    flat = _normalised(value)
    for scheme in _DANGEROUS:
        if scheme in flat:
            raise ValueError(f"„{scheme}“-Adressen sind nicht erlaubt: nur http(s)-, mailto- und interne Links")
    if _IMAGE.search(value):
        raise ValueError("Bilder sind in Textfeldern nicht erlaubt (sie würden beim Lesen fremde Server abfragen)")
    attr = _ATTR_LIST.search(value)
    if attr:
        raise ValueError(f"Attribute in geschweiften Klammern („{attr.group(0)}…“) sind nicht erlaubt")
    if _ABBR_DEF.search(value):
        raise ValueError("Abkürzungs-Definitionen („*[…]:“) gelten für die ganze Seite; tragen Sie Abkürzungen im Glossar ein")
    return value


Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000),
    AfterValidator(_check_markdown),
    Field(description="Text mit Markdown-Formatierung (Absätze, Listen, **fett**, [Link](https://…)); kein HTML."),
]


@dataclass(frozen=True)
class Translated:
    """Marks a field that other editions give in their own words, in the item's ``en:`` block."""


TRANSLATED = Translated()
# What a reader reads, and so what the English edition translates: one line, or Markdown.
Words = Annotated[Text, TRANSLATED]
Prose = Annotated[Markdown, TRANSLATED]
# The editions besides German (the default at /): each is a block of that name inside an item.
TRANSLATIONS = ("en",)
LANGUAGE_NAMES = {"en": "Englisch"}


def _marked(annotation: Any, metadata: list | tuple = ()) -> bool:
    """Whether a field (its annotation, and the metadata pydantic moved out of it) is ``Words`` or ``Prose``."""
    if TRANSLATED in metadata:
        return True
    if typing.get_origin(annotation) is Annotated and TRANSLATED in annotation.__metadata__:
        return True
    return any(_marked(arg) for arg in typing.get_args(annotation))


@functools.cache
def translated_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that other editions translate (computed once per model class)."""
    return tuple(name for name, info in model.model_fields.items() if _marked(info.annotation, info.metadata))


def translatable(cls: type[M]) -> type[M]:
    """The model with one optional block per edition (``en:``) that holds its translated fields.

    Ids, references, sources and provenance stay single: the block holds only ``Words`` and
    ``Prose`` fields, each optional, so an editor translates field by field; what is missing is
    listed by ``bkk-site check``, never filled in from German.
    """
    fields: dict[str, Any] = {}
    for name in translated_fields(cls):
        info = cls.model_fields[name]
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        fields[name] = (annotation | None,
                        Field(default=None, description=f"{info.description or name} (übersetzt)"))
    blocks: dict[str, Any] = {}
    for lang in TRANSLATIONS:
        block = create_model(f"{cls.__name__}_{lang}", __base__=Model, __doc__=f"{cls.__name__}: {LANGUAGE_NAMES[lang]}e Fassung.",
                             **fields)
        blocks[lang] = (block | None, Field(default=None, description=f"{LANGUAGE_NAMES[lang]}e Fassung der Textfelder "
                                                                       f"({', '.join(fields)}); Kennungen und Quellen bleiben oben."))
    return create_model(cls.__name__, __base__=cls, __module__=cls.__module__, __doc__=cls.__doc__, **blocks)


_URL_CHARS = re.compile(r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%\u00a1-\U0010ffff-]+$", re.I)


def _check_url(value: str) -> str:
    """Only characters a URL may hold (RFC 3986): the value goes into a Markdown autolink ``<…>``."""
    if not value.lower().startswith(("https://", "http://")) or any(c.isspace() for c in value):
        raise ValueError("Eine Adresse muss mit https:// oder http:// beginnen und darf keine Leerzeichen enthalten")
    if not _URL_CHARS.match(value):
        bad = next(c for c in value if not _URL_CHARS.match("http://" + c))
        raise ValueError(f"Das Zeichen „{bad}“ ist in einer Adresse nicht erlaubt; kodieren Sie es (z. B. %20 für ein Leerzeichen)")
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
                        # YAML reads a bare year as a number: the editor schema accepts both, like the model
                        WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                                                  {"type": "integer", "minimum": 1000, "maximum": 9999}]}),
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
    sources: list[SourceRef] = Field(
        min_length=1, description="IDs der Quellen (Ordner content/quellen), auf denen der Eintrag beruht.")
    provenance: Provenance = Field(description="Art der Quelle: bkk (über das BKK selbst), law (Gesetz), "
                                               "related (verwandte Fachempfehlung), unverified (nicht bestätigt).")
    status: Literal["active", "withdrawn"] = Field(
        default="active", description="withdrawn: zurückgezogen; die Seite bleibt als Hinweis bestehen.")
    replaced_by: Slug | None = Field(default=None, description="Bei withdrawn: ID des Nachfolge-Eintrags derselben Art.")
    keywords: list[Words] = Field(default=[], description="Suchwörter und Synonyme, die Leser eintippen könnten.")
    reviewed: dt.date | None = Field(default=None, description="Datum der letzten fachlichen Prüfung (JJJJ-MM-TT).")
    note: Prose | None = Field(default=None, description="Hinweis zur Herkunft oder Einordnung, sichtbar auf der Seite.")


@translatable
class Source(Model):
    """An entry of the sources registry: every fact on the site points to one or more."""

    id: Slug
    former_ids: list[Slug] = Field(default=[], description="Frühere IDs dieser Quelle (alte Verweise bleiben gültig).")
    title: Text = Field(description="Titel der Quelle.")
    publisher: Text = Field(description="Herausgeber oder Autor:in.")
    date: PartialDate | None = Field(default=None, description="Veröffentlichungsdatum.")
    url: Url | None = Field(default=None, description="Adresse der Quelle.")
    accessed: dt.date | None = Field(default=None, description="Abrufdatum der Adresse (JJJJ-MM-TT).")
    provenance: Provenance = Field(description="Art der Quelle: bkk, law, related oder unverified.")
    note: Prose | None = Field(default=None, description="Anmerkung zur Quelle, z. B. welcher Abschnitt gemeint ist.")


@translatable
class Edition(Model):
    language: Words = Field(description="Sprache der Ausgabe, z. B. „Englisch“.")
    title: Text = Field(description="Titel der Ausgabe.")
    date: PartialDate | None = Field(default=None, description="Erscheinungsdatum der Ausgabe.")
    note: Prose | None = Field(default=None, description="Anmerkung zur Ausgabe.")
    sources: list[SourceRef] = Field(description="IDs der Quellen, die diese Ausgabe belegen.", min_length=1)


@translatable
class BkkDocument(Item):
    """The Bundeskooperationskonzept itself (content/bkk.yaml)."""

    title: Words = Field(description="Vollständiger Titel.")
    short_title: Words = Field(description="Kurzname, z. B. „Bundeskooperationskonzept (BKK)“.")
    title_variants: list[Text] = Field(default=[], description="Andere Schreibweisen des Titels, die in Quellen vorkommen.")
    commissioned_by: Words = Field(description="Auftraggeber, z. B. das Bundesministerium.")
    authors: list[Text] = Field(description="Wer das Konzept erarbeitet hat.", min_length=1)
    partners: list[Text] = Field(default=[], description="Beteiligte Partner.")
    pages: int | None = Field(description="Seitenzahl des Dokuments.", default=None, ge=1)
    published: Prose = Field(description="Was die Quellen zur Veröffentlichung sagen (auch Widersprüche).")
    presented: dt.date | None = Field(default=None, description="Datum der öffentlichen Vorstellung.")
    editions: list[Edition] = Field(default=[], description="Weitere Ausgaben, z. B. Übersetzungen.")
    summary: Prose = Field(description="Zusammenfassung des Konzepts in eigenen Worten.")
    topics: list[Words] = Field(default=[], description="Themen, die das Konzept behandelt.")
    goals: list[Words] = Field(default=[], description="Ziele des Konzepts.")
    target_groups: list[Words] = Field(default=[], description="Zielgruppen, an die sich das Konzept richtet.")
    legal_status: Prose = Field(description="Rechtliche Verbindlichkeit des Konzepts.")


Track = Literal["main", "criminal_proceedings", "residence_law"]
TRACK_LABELS = {"main": "Schutzverlauf", "criminal_proceedings": "Strafverfahren (parallel)",
                "residence_law": "Aufenthaltsrecht (parallel)"}


@translatable
class Phase(Item):
    """A step of the protection process, or a parallel track beside it."""

    title: Words = Field(description="Name der Phase, z. B. „Identifizierung“.")
    order: int = Field(ge=0, le=999, description="Reihenfolge im Ablauf (aufsteigend).")
    track: Track = Field(default="main", description="main, criminal_proceedings oder residence_law.")
    summary: Words = Field(description="Ein Satz, worum es in dieser Phase geht.")
    body: Prose | None = Field(default=None, description="Ausführliche Beschreibung der Phase.")
    legal_norms: list[LegalNormRef] = Field(
        default=[], description="IDs der Rechtsnormen (Ordner content/recht), die in dieser Phase gelten.")


ActorLevel = Literal["federal", "state", "local", "justice", "ngo", "profession"]
LEVEL_LABELS = {"federal": "Bund", "state": "Land", "local": "Kommune", "justice": "Justiz",
                "ngo": "Zivilgesellschaft", "profession": "Berufsgruppe"}


@translatable
class Actor(Item):
    """An authority, service or profession that takes part in protecting a child."""

    title: Words = Field(description="Name der Stelle oder Berufsgruppe, z. B. „Jugendamt“.")
    short: Words | None = Field(default=None, description="Abkürzung, z. B. „FBS“.")
    level: ActorLevel = Field(
        description="Ebene: federal (Bund), state (Land), local (Kommune), justice (Justiz), ngo (Zivilgesellschaft), profession (Berufsgruppe).")
    summary: Words = Field(description="Ein Satz zur Rolle.")
    role: Prose = Field(description="Rolle und Aufgaben, mit Quellen belegt.")
    role_prompt: Words | None = Field(default=None, description="Einstieg auf der Startseite, z. B. „Ich arbeite im Jugendamt“.")
    order: int = Field(description="Reihenfolge in Listen (aufsteigend).", default=100, ge=0, le=999)
    phases: list[PhaseRef] = Field(
        default=[], description="IDs der Phasen (Ordner content/phasen), in denen der Akteur tätig ist.")
    legal_norms: list[LegalNormRef] = Field(
        default=[], description="IDs der Rechtsnormen, auf die sich die Rolle stützt.")


@translatable
class Recommendation(Item):
    """A recommendation for practice, always with the kind of source it comes from."""

    label: Annotated[str, StringConstraints(pattern=r"^E-\d{2,3}$")] = Field(
        description="Kurzzeichen wie „E-07“: eindeutig, nie wiederverwenden.")
    title: Words = Field(description="Kurzer Titel der Empfehlung.")
    text: Prose = Field(description="Die Empfehlung im Wortlaut der Quelle oder sinngemäß.")
    actors: list[ActorRef] = Field(
        description="IDs der Akteure (Ordner content/akteure), an die sich die Empfehlung richtet; mindestens einer.", min_length=1)
    phases: list[PhaseRef] = Field(
        default=[], description="IDs der Phasen (Ordner content/phasen), in denen die Empfehlung gilt.")
    legal_norms: list[LegalNormRef] = Field(
        default=[], description="IDs der Rechtsnormen (Ordner content/recht), auf die sich die Empfehlung stützt.")


@translatable
class Indicator(Item):
    """A sign that may point to trafficking or exploitation; never proof on its own."""

    label: Annotated[str, StringConstraints(pattern=r"^I-\d{2,3}$")] = Field(
        description="Kurzzeichen wie „I-23“: eindeutig, nie wiederverwenden.")
    text: Words = Field(description="Das Anzeichen in einem Satz.")
    detail: Prose | None = Field(default=None, description="Erläuterung: worauf achten, was das Anzeichen (nicht) bedeutet.")
    exploitation_forms: list[ExploitationFormRef] = Field(
        default=[], description="IDs der Ausbeutungsformen (Ordner content/ausbeutungsformen), auf die das Anzeichen hinweisen kann.")
    actors: list[ActorRef] = Field(default=[], description="Wer das Anzeichen typischerweise bemerkt.")


@translatable
class IndicatorCategory(Item):
    """A group of indicators; one file per category keeps diffs small."""

    title: Words = Field(description="Name der Kategorie, z. B. „Dokumente und Aufenthalt“.")
    order: int = Field(description="Reihenfolge der Kategorien (aufsteigend).", default=100, ge=0, le=999)
    summary: Prose | None = Field(default=None, description="Einleitung zur Kategorie.")
    indicators: list[Indicator] = Field(description="Die Indikatoren dieser Kategorie, jeder mit id, label, text, sources und provenance.", min_length=1)


@translatable
class ExploitationForm(Item):
    title: Words = Field(description="Name der Ausbeutungsform.")
    summary: Words = Field(description="Ein Satz, was diese Form der Ausbeutung ist.")
    body: Prose | None = Field(default=None, description="Ausführliche Beschreibung.")
    order: int = Field(description="Reihenfolge in Listen (aufsteigend).", default=100, ge=0, le=999)
    legal_norms: list[LegalNormRef] = Field(
        default=[], description="IDs der Rechtsnormen, die diese Form erfassen.")


NormLevel = Literal["international", "eu", "federal", "state"]
NORM_LEVEL_LABELS = {"international": "Völkerrecht", "eu": "EU-Recht", "federal": "Bundesrecht", "state": "Landesrecht"}


@translatable
class LegalNorm(Item):
    title: Words = Field(description="Bezeichnung, z. B. „Menschenhandel“.")
    citation: Words = Field(description="Genaue Fundstelle, z. B. „§ 232 StGB“.")
    instrument: Words = Field(description="Gesetz oder Vertrag, z. B. „Strafgesetzbuch (StGB)“.")
    level: NormLevel = Field(description="Ebene: international (Völkerrecht), eu (EU-Recht), federal (Bundesrecht), state (Landesrecht).")
    summary: Prose = Field(description="Kurze Wiedergabe in eigenen Worten.")
    url: Url | None = Field(default=None, description="Adresse des Gesetzestexts.")


@translatable
class GlossaryTerm(Item):
    term: Words = Field(description="Der Begriff, wie er im Glossar steht.")
    abbreviation: Text | None = Field(default=None, description="Abkürzung, die auf allen Seiten erklärt wird.")
    definition: Prose = Field(description="Erklärung in einfacher Sprache.")
    synonyms: list[Words] = Field(default=[], description="Andere Wörter für denselben Begriff.")
    see_also: list[GlossaryRef] = Field(default=[], description="IDs verwandter Glossarbegriffe.")


InstrumentType = Literal["agreement", "guideline", "concept_in_progress", "round_table",
                         "counselling_minors", "kickoff", "parliamentary_question", "other"]
INSTRUMENT_LABELS = {
    "agreement": "Kooperationsvereinbarung", "guideline": "Leitfaden", "concept_in_progress": "Konzept in Arbeit",
    "round_table": "Runder Tisch", "counselling_minors": "Beratung für Minderjährige", "kickoff": "Auftaktveranstaltung",
    "parliamentary_question": "Parlamentarische Anfrage", "other": "Sonstiges",
}


@translatable
class Instrument(Model):
    """Something a Land has done or started, each with its own sources."""

    type: InstrumentType = Field(
        description="Art: agreement, guideline, concept_in_progress, round_table, counselling_minors, kickoff, parliamentary_question oder other.")
    title: Words = Field(description="Bezeichnung des Vorhabens oder Dokuments.")
    date: PartialDate | None = Field(default=None, description="Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT).")
    description: Prose = Field(description="Beschreibung, mit Quellen belegt.")
    sources: list[SourceRef] = Field(description="IDs der Quellen, die dieses Vorhaben belegen.", min_length=1)
    provenance: Provenance = Field(description="Art der Quelle: bkk, law, related oder unverified.")


@translatable
class Land(Item):
    name: Words = Field(description="Name des Landes, z. B. „Berlin“.")
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(description="Kürzel, z. B. „BE“.")
    summary: Prose | None = Field(default=None, description="Überblick zur Umsetzung im Land.")
    instruments: list[Instrument] = Field(default=[], description="Was das Land getan oder begonnen hat, jeweils mit Quellen.")
    servicestelle_url: Url | None = Field(
        default=None, description="Adresse der Seite dieses Landes in der Bundesland-Übersicht der Servicestelle gegen "
                                  "Zwangsarbeit, nur wenn eine Quelle sie nennt (sonst verlinkt die Seite die Übersicht).")


@translatable
class Network(Item):
    """A regional network against child trafficking (only entries a source names)."""

    name: Text = Field(description="Name des Netzwerks.")
    land: LandRef = Field(description="ID des Landes (Ordner content/laender).")
    region: Text | None = Field(default=None, description="Region oder Stadt.")
    founded: PartialDate | None = Field(default=None, description="Gründungsdatum.")
    partners: list[Text] = Field(default=[], description="Beteiligte Stellen.")
    description: Prose = Field(description="Beschreibung des Netzwerks.")
    url: Url | None = Field(default=None, description="Webadresse des Netzwerks.")


_PHONE = re.compile(r"^\+?[0-9][0-9 ()/-]{1,30}[0-9]$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def _check_phone(value: str) -> str:
    if not _PHONE.match(value) or len(re.sub(r"\D", "", value)) < 3:
        raise ValueError(f"„{value}“ ist keine Telefonnummer: erlaubt sind Ziffern, Leerzeichen, „/“, „-“, Klammern "
                         "und ein führendes „+“, z. B. „030 123 456“ oder „+49 40 123456“")
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"„{value}“ ist keine E-Mail-Adresse")
    return value


Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40), AfterValidator(_check_phone)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(_check_email)]


@translatable
class Service(Item):
    """A counselling or contact service; contact data only as published by a source, with the
    day someone last saw it there (``checked``): a wrong number is worse than none."""

    name: Text = Field(description="Name der Beratungsstelle.")
    land: LandRef = Field(description="ID des Landes (Ordner content/laender).")
    serves_minors: bool = Field(description="true nur, wenn eine Quelle sagt, dass die Stelle Minderjährige (oder Mädchen) berät; "
                                            "false heißt: in den Quellen nicht genannt.")
    operator: Text | None = Field(default=None, description="Träger der Stelle.")
    city: Text | None = Field(default=None, description="Ort oder Orte, wie in der Quelle genannt.")
    started: PartialDate | None = Field(default=None, description="Seit wann es das Angebot gibt.")
    description: Prose = Field(description="Angebot der Stelle.")
    url: Url | None = Field(default=None, description="Webadresse der Stelle.")
    phone: Phone | None = Field(default=None, description="Telefonnummer mit Vorwahl, wie in der Quelle geschrieben; nur wenn eine Quelle sie veröffentlicht.")
    email: Email | None = Field(default=None, description="E-Mail-Adresse, nur wie von einer Quelle veröffentlicht.")
    checked: dt.date | None = Field(default=None, description="Tag, an dem Webadresse, Telefon und E-Mail zuletzt in der Quelle "
                                                             "nachgesehen wurden (JJJJ-MM-TT); Pflicht, sobald eine davon eingetragen ist.")
    contact_source: SourceRef | None = Field(
        default=None, description="ID der Quelle, in der die Kontaktdaten stehen.")

    @model_validator(mode="after")
    def _contact_needs_date_and_source(self) -> Service:
        if (self.url or self.phone or self.email) and not (self.checked and self.contact_source):
            raise ValueError("Kontaktdaten (url, phone, email) brauchen „checked: JJJJ-MM-TT“ (wann in der Quelle nachgesehen) "
                             "und „contact_source:“ (die Quelle, in der sie stehen)")
        return self


@translatable
class KeyFigure(Item):
    title: Words = Field(description="Was gezählt wurde.")
    value: int | float = Field(description="Die Zahl (ohne Tausenderpunkte, Dezimalpunkt statt Komma).")
    qualifier: Literal["exact", "about", "at_least"] = Field(default="exact", description="exact (genau), about (etwa) oder at_least (mindestens).")
    unit: Words | None = Field(default=None, description="Einheit, z. B. „Fälle“.")
    as_of: PartialDate = Field(description="Stichtag der Zahl.")
    description: Prose | None = Field(default=None, description="Erläuterung der Zahl und ihrer Grenzen.")
    order: int = Field(description="Reihenfolge in Listen (aufsteigend).", default=100, ge=0, le=999)


@translatable
class Event(Item):
    date: PartialDate = Field(description="Datum des Ereignisses (JJJJ, JJJJ-MM oder JJJJ-MM-TT).")
    date_note: Words | None = Field(default=None, description="Ungefähre Angabe, z. B. „Frühjahr 2024“.")
    title: Words = Field(description="Was geschah, in wenigen Worten.")
    description: Prose = Field(description="Beschreibung des Ereignisses.")
    laender: list[LandRef] = Field(default=[], description="IDs der betroffenen Länder (Ordner content/laender).")


_TIMESTAMP = r"^(\d{1,2}:)?\d{1,2}:\d{2}$"
PAGE_REF = r"^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$"


@translatable
class Chapter(Model):
    start: Annotated[str, StringConstraints(pattern=_TIMESTAMP)] = Field(description="Beginn, z. B. „01:30“.")
    title: Words = Field(description="Titel des Kapitels.")
    pages: list[Annotated[str, StringConstraints(pattern=PAGE_REF), RefTo("page")]] = Field(
        default=[], description="Seiten, die das Kapitel behandelt, z. B. „akteure/jugendamt“.")


@translatable
class Video(Item):
    title: Words = Field(description="Titel des Videos.")
    announced: PartialDate | None = Field(default=None, description="Datum der Ankündigung.")
    provider: Literal["none", "youtube", "file"] = Field(
        default="none", description="none (noch keine Adresse), youtube (youtube-nocookie) oder file (eigene Datei).")
    youtube_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{11}$")] | None = Field(
        default=None, description="Bei provider youtube: die elfstellige Video-ID.")
    file: Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9_./-]+\.(mp4|webm)$")] | None = Field(
        default=None, description="Bei provider file: Pfad zur Videodatei (.mp4 oder .webm).")
    captions: Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9_./-]+\.vtt$")] | None = Field(default=None, description="Pfad zur Untertiteldatei (.vtt).")
    duration: Annotated[str, StringConstraints(pattern=_TIMESTAMP)] | None = Field(default=None, description="Länge, z. B. „12:30“.")
    description: Prose = Field(description="Worum es im Video geht.")
    chapters: list[Chapter] = Field(default=[], description="Kapitel mit Startzeit und behandelten Seiten.")
    transcript: Prose | None = Field(default=None, description="Vollständiges Transkript (Textfassung für alle, die nicht hören oder sehen können).")


@translatable
class Seminar(Item):
    """A trainer's selection of pages for one seminar; becomes a printable handout with QR codes.

    Like every item it names sources and provenance: they cover the seminar's own description;
    each listed page keeps and shows its own sources on the handout."""

    title: Words = Field(description="Titel des Seminars, z. B. „Kinderhandel erkennen – Fortbildung Jugendamt“.")
    audience: Words = Field(description="Für wen, z. B. „Fachkräfte im Jugendamt“.")
    date: PartialDate | None = Field(default=None, description="Termin, falls es einen festen gibt.")
    description: Prose = Field(description="Worum es im Seminar geht (erscheint oben auf dem Handout).")
    items: list[Annotated[str, StringConstraints(pattern=PAGE_REF), RefTo("page")]] = Field(
        min_length=1, description="Seiten in der Reihenfolge des Handouts, z. B. „empfehlungen/frueh-austauschen“, "
                                  "„indikatoren/keine-papiere“, „akteure/jugendamt“, „glossar/inobhutnahme“.")


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


@functools.cache
def _ref_fields(model: type[BaseModel]) -> tuple[tuple[str, tuple[str | None, bool]], ...]:
    """(field name, (referenced kind, is list)) per field; computed once per model class."""
    fields = []
    for name, info in model.model_fields.items():
        kind, many = ref_kind(info.annotation)
        if not kind:  # pydantic moves a top-level Annotated's metadata into ``info.metadata``
            kind = next((m.kind for m in info.metadata if isinstance(m, RefTo)), None)
        fields.append((name, (kind, many)))
    return tuple(fields)


def iter_refs(obj: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Every reference in an item as (path inside the file, kind, id), nested models included."""
    for name, (kind, many) in _ref_fields(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if kind:
            for i, v in enumerate(value) if many else [(None, value)]:
                yield ((*path, name, i) if many else (*path, name)), kind, v
        elif isinstance(value, BaseModel):
            yield from iter_refs(value, (*path, name))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, BaseModel):
                    yield from iter_refs(v, (*path, name, i))


# A dialable number: E.164 (``+49…``), or a national short number that has no E.164 form
# (110, 116 111, 116 016 are dialled as they are; ``tel:+49110`` would not reach the police).
TelNumber = Annotated[str, StringConstraints(pattern=r"^(\+[1-9][0-9]{6,14}|11[0-9]{1,4})$"),
                      Field(description="Rufnummer für den tel:-Link: +49… (E.164) oder eine Kurzwahl (drei bis sechs Ziffern, beginnend mit 11).")]


@translatable
class HelpLine(Model):
    """A help number or contact point, shown only as a source states it, with the date it was checked."""

    id: Slug = Field(description="Kennung, z. B. „nummer-gegen-kummer“ (Anker auf der Hilfeseite).")
    name: Words = Field(description="Name des Angebots, z. B. „Nummer gegen Kummer“.")
    audience: Words = Field(description="Für wen das Angebot ist, wie die Quelle es sagt.")
    number: Text | None = Field(default=None, description="Die Nummer mit Leerzeichen, so wie die Quelle sie schreibt.")
    tel: TelNumber | None = Field(default=None, description="Dieselbe Nummer ohne Leerzeichen für den tel:-Link.")
    url: Url | None = Field(default=None, description="Webadresse des Angebots, nur wenn eine Quelle sie nennt.")
    offer: Prose = Field(description="Was das Angebot bietet (kostenlos, anonym, Zeiten), nur soweit die Quelle es sagt.")
    emergency: bool = Field(default=False, description="true für den Notruf: steht überall zuerst.")
    for_young_people: bool = Field(default=False, description="true: erscheint auf der Seite für Jugendliche.")
    on_checklist: bool = Field(default=True, description="true: erscheint auf den gedruckten Checklisten.")
    checked: dt.date = Field(description="Wann die Nummer zuletzt mit der Quelle verglichen wurde (JJJJ-MM-TT).")
    sources: list[SourceRef] = Field(min_length=1, description="IDs der Quellen, die Nummer und Angebot nennen.")
    provenance: Provenance = Field(description="Art der Quelle: bkk, law, related oder unverified.")

    @model_validator(mode="after")
    def _number_and_tel_together(self) -> HelpLine:
        if (self.number is None) != (self.tel is None):
            raise ValueError("„number“ und „tel“ gehören zusammen: beide angeben oder beide weglassen")
        if self.tel and "".join(c for c in self.number or "" if c.isdigit()) not in self.tel.replace("+49", "0"):
            raise ValueError(f"„tel“ ({self.tel}) ist nicht dieselbe Nummer wie „number“ ({self.number})")
        return self


@translatable
class YoungSign(Model):
    """A warning sign retold for young people; its facts and sources are the indicators'."""

    text: Words = Field(description="Das Anzeichen in Du-Form, kurz, z. B. „Er will, dass du deine Freunde nicht mehr triffst.“")
    indicators: list[IndicatorRef] = Field(min_length=1, description="IDs der Indikatoren, die dieser Satz wiedergibt.")


@translatable
class YoungPeople(Model):
    """The page „Bist du in Gefahr?“ for young people themselves (du-form, short sentences)."""

    intro: Prose = Field(description="Einleitung in Du-Form.")
    signs: list[YoungSign] = Field(min_length=1, description="Anzeichen in Du-Form, jedes mit den Indikatoren, die es belegen.")
    not_your_fault: Prose = Field(description="Dass es nicht deine Schuld ist, mit Beleg.")
    not_your_fault_sources: list[SourceRef] = Field(min_length=1, description="Quellen für diesen Absatz.")


@translatable
class HelpInfo(Item):
    """Help numbers and contact points (content/hilfe.yaml): /hilfe/, the checklists and /jugendliche/ read them."""

    title: Words = Field(description="Titel der Hilfeseite.")
    intro: Prose = Field(description="Einleitung der Hilfeseite.")
    lines: list[HelpLine] = Field(min_length=1, description="Die Hilfenummern, die wichtigste zuerst.")
    gaps: list[Prose] = Field(default=[], description="Was noch nicht belegt ist (z. B. eine Adresse ohne Quelle).")
    young_people: YoungPeople | None = Field(default=None, description="Inhalt der Seite für Jugendliche.")

    @model_validator(mode="after")
    def _one_emergency_first(self) -> HelpInfo:
        ids = [line.id for line in self.lines]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"Die ID „{twice[0]}“ steht mehrfach in „lines“")
        return self


@translatable
class Step(Model):
    """One step after a suspicion, with its legal basis or source and how sure that is."""

    id: Slug = Field(description="Kennung des Schritts (Anker auf der Seite).")
    title: Words = Field(description="Der Schritt als Aufforderung, z. B. „Bei akuter Gefahr: 110 anrufen“.")
    short: Words = Field(description="Eine Zeile für die gedruckte Checkliste.")
    text: Prose = Field(description="Was zu tun ist und wann.")
    basis: Words = Field(description="Rechtsgrundlage oder Quelle in Kurzform, z. B. „§ 4 Abs. 3 KKG“.")
    roles: list[Slug] = Field(default=[], description="Nur für diese Rollen (IDs aus „roles“); leer: für alle.")
    legal_norms: list[LegalNormRef] = Field(default=[], description="IDs der Rechtsnormen.")
    recommendations: list[RecommendationRef] = Field(default=[], description="IDs passender Empfehlungen.")
    sources: list[SourceRef] = Field(default=[], description="IDs der Quellen; leer nur bei provenance unverified.")
    provenance: Provenance = Field(description="law (Gesetz), related (verwandte Fachempfehlung), bkk oder unverified (ohne Beleg).")
    note: Prose | None = Field(default=None, description="Einordnung, z. B. welcher Teil des Schritts belegt ist und welcher nicht.")

    @model_validator(mode="after")
    def _sourced_unless_unverified(self) -> Step:
        if not self.sources and self.provenance != "unverified":
            raise ValueError("Ein Schritt ohne Quellen muss „provenance: unverified“ haben")
        if self.provenance == "unverified" and not self.note:
            raise ValueError("Ein unbelegter Schritt braucht eine „note“, die sagt, was fehlt")
        return self


@translatable
class RoleChecklist(Model):
    """The suspicion steps for one role, printable as one A4 page at /verdacht/<id>/."""

    id: Slug = Field(description="Kennung der Rolle; bestimmt die Adresse /verdacht/<id>/.")
    title: Words = Field(description="Name der Rolle, z. B. „Schule“.")
    audience: Words = Field(description="Wer gemeint ist, z. B. „Lehrkräfte, Schulsozialarbeit, Schulleitung“.")
    actors: list[ActorRef] = Field(default=[], description="Akteursseiten, die auf diese Checkliste verweisen.")
    indicators: list[IndicatorRef] = Field(
        min_length=1, max_length=10, description="Anzeichen zum Ankreuzen (IDs der Indikatoren), höchstens 10 für eine Seite.")


@translatable
class SuspicionGuide(Item):
    """„Verdacht – was tun?“ (content/verdacht.yaml): the steps and one checklist per role."""

    title: Words = Field(description="Titel der Seite.")
    intro: Prose = Field(description="Einleitung.")
    steps: list[Step] = Field(min_length=1, description="Die Schritte in ihrer Reihenfolge.")
    roles: list[RoleChecklist] = Field(min_length=1, description="Eine Checkliste je Rolle.")
    not_found: list[Prose] = Field(default=[], description="Was gesucht, aber in keiner Quelle gefunden wurde.")

    @model_validator(mode="after")
    def _known_roles(self) -> SuspicionGuide:
        roles = [r.id for r in self.roles]
        for what, ids in (("roles", roles), ("steps", [s.id for s in self.steps])):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            if twice:
                raise ValueError(f"Die ID „{twice[0]}“ steht mehrfach in „{what}“")
        for step in self.steps:
            unknown = [r for r in step.roles if r not in roles]
            if unknown:
                raise ValueError(f"Schritt „{step.id}“ nennt die unbekannte Rolle „{unknown[0]}“; bekannt: {', '.join(roles)}")
        return self

    def steps_for(self, role: str | None) -> list[Step]:
        """Steps for everyone, plus those for ``role``, in the file's order."""
        return [s for s in self.steps if not s.roles or role in s.roles]
