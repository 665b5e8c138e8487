"""What differs between the editions when a page is rendered: the words the templates say, dates,
numbers, and the section names in paths.

Templates are written in German and mark what they say with ``_("…")`` or ``{% trans %}``
(Jinja's i18n extension); the English words are in gettext catalogs (``generator/locales/en/*.po``,
read with Babel), so a translator edits a standard file and a test finds every text that lacks
a translation. German needs no catalog: the templates' own words are the German edition.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import get_month_names
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from ..model.kinds import ALL_KINDS
from ..model.translations import DEFAULT_LANGUAGE

LOCALES = Path(__file__).resolve().parent.parent / "locales"
_BABEL_LOCALE = {"de": "de_DE", "en": "en_GB"}

# Section names of pages that belong to no kind, and page names inside a section, per edition.
# Kinds declare their own (``Kind.sections``). Chosen once: they are published addresses.
SECTIONS = {
    "en": {"hilfe": "help", "jugendliche": "young-people", "verdacht": "suspicion", "daten": "data", "qr": "qr",
           "e": "e", "i": "i"},
}
PAGE_NAMES = {
    "en": {"nach-akteur": "by-actor", "nach-phase": "by-phase", "nach-ausbeutungsform": "by-form",
           "uebersicht": "overview", "karte": "card", "ueber": "about", "impressum": "legal-notice",
           "datenschutz": "privacy", "barrierefreiheit": "accessibility", "schule": "school",
           "kita-jugendhilfe": "childcare-youth-welfare", "gesundheitswesen": "health-care", "polizei": "police",
           "jugendamt": "youth-welfare-office", "ehrenamt-sport-verein": "volunteers-sports-clubs"},
}
# Pages only the German edition has: Leichte Sprache is German by nature, the editors' pages are for
# the (German-speaking) editorial team. The English switcher leads to the English start page instead.
GERMAN_ONLY = ("leichte-sprache/", "redaktion/", "betrieb/")


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """German text → its translation, from every ``.po`` file of the edition's folder."""
    found: dict[str, str] = {}
    for po in sorted((LOCALES / lang).glob("*.po")):
        with po.open("rb") as f:
            for message in read_po(f, locale=_BABEL_LOCALE[lang]):
                if message.id and message.string:
                    found[message.id] = message.string
    return found


@dataclass(frozen=True)
class Language:
    """One edition as the renderer sees it."""

    code: str = DEFAULT_LANGUAGE

    @property
    def default(self) -> bool:
        return self.code == DEFAULT_LANGUAGE

    def gettext(self, text: str) -> str:
        """The edition's words for a German text (the German itself in the German edition)."""
        if self.default:
            return text
        return catalog(self.code).get(text, text)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def date(self, value: Any) -> str:
        """2018-10-18 → 18. Oktober 2018 / 18 October 2018; 2018-06 → Juni 2018 / June 2018; 2019 → 2019."""
        if value is None:
            return ""
        if isinstance(value, dt.date):
            value = value.isoformat()
        parts = str(value).split("-")
        if len(parts) == 1:
            return parts[0]
        month = _months(self.code)[int(parts[1])]
        if len(parts) == 2:
            return f"{month} {parts[0]}"
        return f"{int(parts[2])}. {month} {parts[0]}" if self.default else f"{int(parts[2])} {month} {parts[0]}"

    def number(self, value: int | float) -> str:
        """1800 → 1.800 / 1,800; 2.5 → 2,5 / 2.5."""
        if isinstance(value, float) and not value.is_integer():
            return format_decimal(value, format="#,##0.0", locale=_BABEL_LOCALE[self.code])
        return format_decimal(int(value), format="#,##0", locale=_BABEL_LOCALE[self.code])

    def path(self, md_path: str) -> str:
        """The edition's path of a page given by its German path (``empfehlungen/x.md`` →
        ``recommendations/x.md``); ids stay the same across editions, section names do not."""
        if self.default:
            return md_path
        file, hash_, anchor = md_path.partition("#")
        parts = file.split("/")
        sections = {**SECTIONS[self.code], **{k.folder: k.sections[self.code] for k in ALL_KINDS.values() if self.code in k.sections}}
        if len(parts) > 1:
            parts[0] = sections.get(parts[0], parts[0])
        stem, dot, ext = parts[-1].rpartition(".")
        if dot and stem in PAGE_NAMES[self.code]:
            parts[-1] = PAGE_NAMES[self.code][stem] + "." + ext
        return "/".join(parts) + hash_ + anchor

    def has_page(self, md_path: str) -> bool:
        """Whether this edition has the page (German-only pages are not translated)."""
        return self.default or not md_path.startswith(GERMAN_ONLY)


@functools.cache
def _months(lang: str) -> dict[int, str]:
    return dict(get_month_names("wide", locale=_BABEL_LOCALE[lang]))


def german_path(lang: Language, md_path: str, german_pages: list[str]) -> str | None:
    """The German page whose ``lang`` path is ``md_path`` (the switcher's way back), if any."""
    return next((p for p in german_pages if lang.path(p) == md_path), None)


def across(here: str, there: str, directory_urls: bool = True, up: int = 1) -> str:
    """A served URL from a page of one edition to a page of the other, through the site root:
    ``up`` is how many folders the edition's tree lies below the root (``en/``: 1)."""
    from ..model.paths import page_url

    source = page_url(here, directory_urls)
    depth = source.count("/") + up
    if not directory_urls:
        depth = posixpath.dirname(source).count("/") + (1 if posixpath.dirname(source) else 0) + up
    return "../" * depth + page_url(there, directory_urls)
