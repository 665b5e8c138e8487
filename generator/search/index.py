"""Rewrite Material's search index: keep reading content, weigh it, add lemmas and compound parts.

Material writes one entry per page and per section (``location``, ``title``, ``text``, optional
``boost``). Editor, operations and data pages keep only one short, weak entry each, so that a
query about editing still finds them but no reader query does; trainer blocks are dropped.
Every entry gets two extra fields that the browser's search indexes but never shows: the lemmas
and compound parts of its title words (weighted like titles) and of its text words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .german import German
from .words import plain, tokens

TITLE_FIELD = "title_words"
TEXT_FIELD = "text_words"
FIELDS = {TITLE_FIELD: 500.0, TEXT_FIELD: 1.0}  # Material's own: title 1000, text 1, tags 1e6


@dataclass(frozen=True)
class PageWeight:
    """How the entries of the pages under ``prefix`` count."""

    prefix: str
    boost: float
    whole_page: bool = True  # sections kept; else one short entry for the page
    words: str = ""  # extra words that lead to the page (about editing, say)


WEIGHTS = (
    PageWeight("redaktion/", 0.1, False, "Redaktion Inhalte bearbeiten ändern pflegen eintragen YAML Vorlage Felder"),
    PageWeight("betrieb/", 0.1, False, "Betrieb Technik Sicherheit Leistung Funktionen"),
    PageWeight("daten/", 0.05, False, "Daten herunterladen Download CSV JSON"),
    PageWeight("quellen/", 0.2),
    PageWeight("impressum/", 0.1, False),
    PageWeight("datenschutz/", 0.1, False),
    PageWeight("barrierefreiheit/", 0.1, False),
    PageWeight("seminare/", 0.3),
    PageWeight("chronik/", 0.5),
)
DROPPED_SECTIONS = frozenset({"Link und QR-Code"})  # trainer blocks: a URL, buttons, downloads
SECTION_BOOST = {"Quellen": 0.2, "Wird genannt in": 0.3}  # lists of other pages' titles
SHORT_TEXT = 300
MIN_DERIVED = 4  # shorter lemmas are articles and auxiliaries (der, ein, sein), which search ignores
FUNCTION_WORDS = frozenset(["eine", "einer", "eines", "haben", "sein", "werden", "nicht", "oder", "aber", "auch", "noch", "kein", "keine"])


@dataclass
class Entry:
    location: str
    title: str
    text: str
    extra: dict[str, Any] = field(default_factory=dict)  # tags, boost, … as Material wrote them

    @classmethod
    def of(cls, doc: dict[str, Any]) -> Entry:
        rest = {k: v for k, v in doc.items() if k not in ("location", "title", "text")}
        return cls(str(doc.get("location", "")), str(doc.get("title", "")), str(doc.get("text", "")), rest)

    @property
    def page(self) -> str:
        return self.location.split("#", 1)[0]

    def json(self) -> dict[str, Any]:
        return {"location": self.location, "title": self.title, "text": self.text, **self.extra}


@dataclass(frozen=True)
class Alternatives:
    """What a word form is also found as."""

    lemma: str | None = None  # lowercase, only when it differs from the form
    parts: tuple[str, ...] = ()  # compound parts and their lemmas, lowercase

    def all(self) -> list[str]:
        return ([self.lemma] if self.lemma else []) + list(self.parts)


@dataclass
class Vocabulary:
    """What the site says, for the browser: forms with their lemma and parts, and word counts."""

    forms: dict[str, Alternatives] = field(default_factory=dict)  # lowercase form → lemma and parts
    counts: Counter[str] = field(default_factory=Counter)  # lowercase lemma → entries using it
    titles: set[str] = field(default_factory=set)  # lowercase words of titles


def weight_of(location: str) -> PageWeight | None:
    return next((w for w in WEIGHTS if location.startswith(w.prefix)), None)


def clean(entries: list[Entry]) -> list[Entry]:
    """Only reading content at full weight; see WEIGHTS and DROPPED_SECTIONS."""
    out = []
    for entry in entries:
        if entry.title in DROPPED_SECTIONS and "#" in entry.location:
            continue
        weight = weight_of(entry.location)
        if weight is not None:
            if not weight.whole_page:
                if "#" in entry.location:
                    continue
                entry.text = _shorten(entry.text)
                if weight.words:
                    entry.extra[TITLE_FIELD] = weight.words.lower()
            entry.extra["boost"] = min(float(entry.extra.get("boost", 1.0)), weight.boost)
        elif entry.title in SECTION_BOOST and "#" in entry.location:
            entry.extra["boost"] = SECTION_BOOST[entry.title]
        out.append(entry)
    return out


def _shorten(text: str) -> str:
    words = plain(text).split()
    shown = " ".join(words)
    if len(shown) <= SHORT_TEXT:
        return f"<p>{_escape(shown)}</p>"
    return f"<p>{_escape(shown[:SHORT_TEXT].rsplit(' ', 1)[0])} …</p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def derived(words: list[str], german: German, vocab: Vocabulary) -> list[str]:
    """Lemmas and compound parts of ``words`` that they do not already contain."""
    present = {w.lower() for w in words}
    out: list[str] = []
    for word in words:
        low = word.lower()
        alternatives = vocab.forms.get(low)
        if alternatives is None:
            alternatives = _alternatives(word, german)
            vocab.forms[low] = alternatives
        for alt in alternatives.all():
            if alt not in present:
                present.add(alt)
                out.append(alt)
    return out


def _alternatives(word: str, german: German) -> Alternatives:
    low = word.lower()
    if word.isupper() or any(c.isdigit() for c in word):  # KOK, GRETA, 8a: names, not word forms
        return Alternatives()
    lemma: str | None = german.lemma(word)
    if lemma == low or len(lemma) < MIN_DERIVED or lemma in FUNCTION_WORDS:
        lemma = None
    parts: list[str] = []
    for part in german.parts(word):
        for alt in (part, german.lemma(part[0].upper() + part[1:])):
            if alt not in parts and alt not in (low, lemma) and len(alt) >= MIN_DERIVED:
                parts.append(alt)
    return Alternatives(lemma, tuple(parts))


_KEYWORDS = re.compile(r"<p>(?:<em>)?Stichwörter:(?:</em>)?(.*?)</p>", re.S)  # generator/render/page_extras.py


def page_keywords(entries: list[Entry]) -> dict[str, str]:
    """An item's keywords („Stichwörter“, at the end of the page, so in its last section)."""
    found: dict[str, str] = {}
    for entry in entries:
        for text in _KEYWORDS.findall(entry.text):
            found[entry.page] = (found.get(entry.page, "") + " " + plain(text)).strip()
    return found


def enrich(entries: list[Entry], separator: re.Pattern[str], german: German,
           keywords: dict[str, str] | None = None) -> tuple[list[Entry], Vocabulary]:
    """Add the lemma and compound fields to every entry; collect the site's vocabulary.

    A page's keywords count like its title (in the page's own entry, not its sections)."""
    vocab = Vocabulary()
    keywords = keywords or {}
    for entry in entries:
        extra = tokens(keywords.get(entry.page, ""), separator) if "#" not in entry.location else []
        title = tokens(entry.title, separator) + extra
        text = tokens(entry.text, separator)
        vocab.titles.update(w.lower() for w in title)
        title_words = derived(title, german, vocab)
        title_words += [w.lower() for w in extra if w.lower() not in title_words]
        text_words = [w for w in derived(text, german, vocab) if w not in title_words]
        for word in {*(w.lower() for w in title + text), *title_words, *text_words}:
            vocab.counts[word] += 1
        if title_words:
            entry.extra[TITLE_FIELD] = " ".join([entry.extra.get(TITLE_FIELD, ""), *title_words]).strip()
        if text_words:
            entry.extra[TEXT_FIELD] = " ".join([entry.extra.get(TEXT_FIELD, ""), *text_words]).strip()
    return entries, vocab


def rewrite(index: dict[str, Any], german: German) -> tuple[dict[str, Any], Vocabulary]:
    """The whole index: config with the two extra fields, entries cleaned and enriched."""
    config = dict(index.get("config", {}))
    separator = re.compile(config.get("separator") or r"[\s\-]+")
    fields = dict(config.get("fields") or {})
    for name, boost in FIELDS.items():
        fields.setdefault(name, {"boost": boost})
    config["fields"] = fields
    entries = [Entry.of(doc) for doc in index.get("docs", [])]
    keywords = page_keywords(entries)
    entries, vocab = enrich(clean(entries), separator, german, keywords)
    return {**index, "config": config, "docs": [e.json() for e in entries]}, vocab
