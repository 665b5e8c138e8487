"""Make German compounds findable: split them into known parts and name the parts as keywords.

The site search (lunr with the German stemmer) matches whole words and their beginnings, so
„Fachkraft“ does not find „Kinderschutzfachkraft“. We add the parts of long words as visible
keywords. Parts come only from a known vocabulary (the words below plus single words from the
content's terms, synonyms, keywords and titles), so the split is deterministic and never
invents nonsense parts such as „Inobhut“.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model.content import Content

# Common heads and modifiers of compounds in child protection, migration and criminal law.
BASE_WORDS = """
Alter Amt Anhörung Arbeit Asyl Aufenthalt Ausbeutung Ausländer Aussage Begleitung Behörde Beratung Bericht
Betreuung Betroffene Bund Dienst Dolmetscher Einrichtung Einschätzung Entscheidung Ermittlung Fachkraft Fachkräfte
Fachberatung Fall Familie Flucht Frist Gefahr Gefährdung Gericht Gesetz Gesundheit Handel Heim Hilfe Identifizierung
Jugend Jugendhilfe Kind Kinder Kinderschutz Konferenz Konzept Kooperation Kriminalität Leitfaden Menschen
Menschenhandel Migration Minderjährige Netzwerk Obhut Opfer Opferschutz Pflege Plan Polizei Prozess Recht Richtlinie
Schule Schutz Sozialarbeit Staat Stelle Strafe Straftat Täter Träger Unterbringung Unterkunft Verdacht Verfahren
Vereinbarung Vertretung Verwaltung Vormund Vormundschaft Wohl Zeuge Zeugen Zwang
""".split()  # noqa: SIM905 - a word list reads best as text

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
MIN_PART = 4  # shortest word that may split a compound (Kind, Wohl, Plan)
MIN_KEYWORD = 5  # shortest part worth naming as a keyword (Fall, Amt would only add noise)
MIN_WORD = 8


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def vocabulary(content: Content) -> dict[str, str]:
    """Known words (casefolded → as written) from the word list and from the content itself."""
    phrases: list[str] = list(BASE_WORDS)
    for term in content.items("glossary").values():
        phrases += [term.term, *term.synonyms]
    for kind, item in content.all_items():
        phrases += list(getattr(item, "keywords", []))
        if kind in ("actor", "phase", "exploitation_form"):
            phrases.append(item.title)
    vocab: dict[str, str] = {}
    for phrase in phrases:
        for word in words(phrase):
            if len(word) >= MIN_PART and not word.isupper():
                vocab.setdefault(word.casefold(), word[0].upper() + word[1:])
    return vocab


def parts(word: str, vocab: dict[str, str]) -> list[str]:
    """Known parts of a compound, e.g. Kinderschutzfachkraft → Kinderschutz, Fachkraft, Kinder, Schutz."""
    found: list[str] = []
    _split(word.casefold(), vocab, found, whole=True)
    return found


def _split(low: str, vocab: dict[str, str], found: list[str], whole: bool = False) -> None:
    if not whole and low in vocab and vocab[low] not in found:
        found.append(vocab[low])
    for cut in range(MIN_PART - 1, len(low) - MIN_PART + 1):  # head (right part) must be a known word
        head, rest = low[cut:], low[:cut]
        if head not in vocab:
            continue
        _split(head, vocab, found)  # the head itself, then its own parts (Beratungsstelle → Stelle)
        for modifier in (rest, rest[:-1] if rest.endswith("s") else None):  # Fugen-s: Aufenthalts|recht
            if modifier and len(modifier) >= MIN_PART - 1 and modifier in vocab:
                _split(modifier, vocab, found)
                break
        else:
            if len(rest) >= MIN_WORD:
                _split(rest, vocab, found)
        return


def compound_keywords(texts: Iterable[str], vocab: dict[str, str], known: Iterable[str] = ()) -> list[str]:
    """Parts of the long words in ``texts`` that do not already stand on their own there."""
    present = {w.casefold() for text in texts for w in words(text)} | {k.casefold() for k in known}
    out: list[str] = []
    seen: set[str] = set()
    for text in texts:
        for word in words(text):
            if len(word) < MIN_WORD:
                continue
            for part in parts(word, vocab):
                key = part.casefold()
                if len(key) < MIN_KEYWORD:
                    continue
                if key not in present and key not in seen:
                    seen.add(key)
                    out.append(part)
    return sorted(out, key=str.casefold)
