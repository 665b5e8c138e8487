"""German word forms and compounds, from two well-kept libraries, remembered between builds.

``simplemma`` (MIT, pure Python) gives the lemma of a word form („Fachkräfte“ → „Fachkraft“);
``compound_split`` (CharSplit, pure Python, n-gram statistics of German) splits a compound at
its most probable joint („Kinderschutzfachkraft“ → „Kinderschutz“ + „Fachkraft“). Both load
large tables (seconds), so answers are kept in a small JSON cache and the libraries are only
imported when a word is new.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

MIN_SPLIT = 9  # shorter words are rarely compounds worth splitting (Jugendamt is 9)
MIN_PART = 4  # shorter parts (Amt, Tat) would match too much as a prefix
SCORE = 0.5  # CharSplit's score of a confident split
KNOWN_SCORE = -0.7  # a weaker split is still taken when both parts are known German words
FUGEN = ("s", "es", "n", "en", "e")
# Prefixes and suffixes the statistics take for words: „Unter|stützung“, „Minder|jährige“, „Anwalt|schaft“.
NOT_PARTS = frozenset("""
unter über fest minder nach gegen wider voll hinter durch miss ober zurück weiter wieder aller selbst
schaft heit keit ungen lich chen
""".split())  # noqa: SIM905 - a word list reads best as text
_LIBRARIES = ("simplemma", "compound-split")


ALGORITHM = 2  # raise when the splitting rules change: cached splits are then recomputed


def _versions() -> str:
    out = [f"rules={ALGORITHM}"]
    for name in _LIBRARIES:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}==?")
    return ",".join(out)


@dataclass
class German:
    """Lemma and compound parts of a word, with a cache file (None: no cache)."""

    cache: Path | None = None
    lemmas: dict[str, str] = field(default_factory=dict)
    splits: dict[str, list[str]] = field(default_factory=dict)
    _lemmatize: Any = None
    _known: Any = None
    _split: Any = None
    _dirty: bool = False

    @classmethod
    def open(cls, cache: Path | None) -> German:
        self = cls(cache)
        if cache is not None and cache.is_file():
            try:
                data = json.loads(cache.read_text(encoding="utf-8"))
            except ValueError:
                data = {}
            if data.get("versions") == _versions():
                self.lemmas, self.splits = data.get("lemmas", {}), data.get("splits", {})
        return self

    def save(self) -> None:
        if self.cache is None or not self._dirty:
            return
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        data = {"versions": _versions(), "lemmas": self.lemmas, "splits": self.splits}
        self.cache.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    def _simplemma(self) -> None:
        if self._lemmatize is None:
            import simplemma

            self._lemmatize = simplemma.lemmatize
            self._known = simplemma.is_known

    def lemma(self, word: str) -> str:
        """Lowercase lemma of a word as written (capitals matter: „Papiere“ is a noun)."""
        if word not in self.lemmas:
            self._simplemma()
            self.lemmas[word] = self._lemmatize(word, lang="de").lower()
            self._dirty = True
        return self.lemmas[word]

    def known(self, word: str) -> bool:
        self._simplemma()
        return bool(self._known(word, lang="de"))

    def parts(self, word: str) -> list[str]:
        """Every part of a compound, lowercase, outer parts first; [] for a simple word."""
        key = word.lower()
        if key not in self.splits:
            found: list[str] = []
            self._parts(word[0].upper() + word[1:], found, depth=0)
            self.splits[key] = found + self._heads(key, found)
            self._dirty = True
        return self.splits[key]

    @staticmethod
    def _heads(word: str, found: list[str]) -> list[str]:
        """Inner compounds that end the word: „Fachberatungsstelle“ → „Beratungsstelle“."""
        heads = []
        for part in found:
            rest = word[len(part):] if word.startswith(part) else ""
            for fuge in ("", *FUGEN):
                if rest.startswith(fuge) and rest[len(fuge):] in found:
                    rest = ""
            if len(rest) >= MIN_SPLIT and rest not in found and rest not in heads:
                heads.append(rest)
        return heads

    def _parts(self, word: str, found: list[str], depth: int) -> None:
        if len(word) < MIN_SPLIT or depth > 2:
            return
        pair = self._best(word)
        if pair is None:
            return
        for part in pair:
            if part.lower() not in found:
                found.append(part.lower())
        for part in pair:
            self._parts(part, found, depth + 1)

    def _best(self, word: str) -> tuple[str, str] | None:
        if self._split is None:
            from compound_split import char_split

            self._split = char_split.split_compound
        for score, modifier, head in self._split(word)[:2]:
            modifier = self._without_fuge(modifier)
            if len(modifier) < MIN_PART or len(head) < MIN_PART or {modifier.lower(), head.lower()} & NOT_PARTS:
                continue
            if score >= SCORE or (score >= KNOWN_SCORE and self.known(modifier) and self.known(head)):
                return modifier, head
        return None

    def _without_fuge(self, modifier: str) -> str:
        """„Aufenthalts“ → „Aufenthalt“: drop a linking sound when what remains is a word."""
        for fuge in FUGEN:
            if modifier.endswith(fuge) and self.known(modifier[: -len(fuge)]):
                return modifier[: -len(fuge)]
        return modifier
