"""The browser's half: a small script that maps a query the way the index was built.

Written as ``search/bkk-terms.js`` (a script, not JSON, so that the offline copy can load it
from file:// like Material's own ``search_index.js``). It holds only the site's vocabulary:
each word form that has a lemma or compound parts, the reviewed synonyms, the words worth
suggesting when nothing is found, and the help pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..check.synonyms import Synonyms
from .index import Vocabulary

GLOBAL = "__bkkSearch"
FILE = "search/bkk-terms.js"
MIN_SUGGEST = 5  # suggested words: at least this long …
SUGGEST_COUNT = 2  # … and used by at least this many entries (or in a title)


@dataclass(frozen=True)
class HelpLink:
    label: str
    path: str  # site-relative, e.g. "verdacht/"


HELP = (
    HelpLink("Verdacht – was tun?", "verdacht/"),
    HelpLink("Hilfe und Notrufnummern", "hilfe/"),
    HelpLink("Glossar: Begriffe erklärt", "glossar/"),
)


def help_href(link: HelpLink, directory_urls: bool) -> str:
    return link.path if directory_urls else link.path + "index.html"


def terms(vocab: Vocabulary, synonyms: Synonyms, separator: str, directory_urls: bool) -> dict:
    """Everything the browser script needs, as plain JSON-able data."""
    lemmas = {form: alts.lemma for form, alts in sorted(vocab.forms.items()) if alts.lemma}
    parts = {form: list(alts.parts) for form, alts in sorted(vocab.forms.items()) if alts.parts}
    suggest = sorted(w for w, n in vocab.counts.items()
                     if len(w) >= MIN_SUGGEST and w.isalpha() and (n >= SUGGEST_COUNT or w in vocab.titles))
    return {
        "separator": separator,
        "lemmas": lemmas,
        "parts": parts,
        "synonyms": synonyms.expansions(),
        "words": suggest,
        "help": [{"label": h.label, "href": help_href(h, directory_urls)} for h in HELP],
    }


def script(data: dict) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"// Erzeugt von bkk-site (generator/search): Wortformen, Synonyme und Hilfe für die Suche.\nvar {GLOBAL} = {body};\n"
