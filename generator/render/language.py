"""What differs between the editions when a page is rendered: the words the templates say, dates,
numbers and paths.

Templates are written in German and mark what they say with ``_("…")`` or ``{% trans %}``
(Jinja's i18n extension); the English words are in gettext catalogs (``generator/locales/en/*.po``,
read with Babel), so a translator edits a standard file and a test finds every text that lacks
a translation. German needs no catalog: the templates' own words are the German edition.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import get_month_names
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from ..model.paths import edition_path, in_edition
from ..model.translations import DEFAULT_LANGUAGE

LOCALES = Path(__file__).resolve().parent.parent / "locales"
_BABEL_LOCALE = {"de": "de_DE", "en": "en_GB"}

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
        """The edition's path of a page given by its German path (see ``model.paths.edition_path``)."""
        return edition_path(md_path, self.code)

    def has_page(self, md_path: str) -> bool:
        return in_edition(md_path, self.code)


@functools.cache
def _months(lang: str) -> dict[int, str]:
    return dict(get_month_names("wide", locale=_BABEL_LOCALE[lang]))
