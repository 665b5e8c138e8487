"""The reviewed synonym file ``content/suche.yaml``: groups of words that mean the same here,
and one-way leads from a word people type to the words the site uses.

A wrong synonym is worse than none: it sends a reader in distress to the wrong page. So the
file is short, written by hand, and every entry says why (``note``). Checked with the rest of the
content (``bkk-site check``, every build and preview); used by generator/search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from ..load import load_file
from ..model.items import Model, Text
from ..model.kinds import SEARCH_SYNONYMS
from ..problems import ContentError, Mark, Problem, display_path
from .messages import german_problems

FILE = SEARCH_SYNONYMS  # in content/, declared beside the kinds so that the check does not call it stray
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=60, pattern=r"^[^\W\d_][\w§.-]*$")]


class Group(Model):
    words: list[Word] = Field(min_length=2, description="Wörter, die hier dasselbe meinen, z. B. [Polizei, Police, Kripo].")
    note: Text | None = Field(default=None, description="Warum die Wörter hier gleichbedeutend sind.")


class Lead(Model):
    word: Word = Field(description="Was Leser eintippen, z. B. „Strafanzeige“.")
    to: list[Word] = Field(min_length=1, description="Wörter, die die Website dafür verwendet, z. B. [Strafverfahren].")
    note: Text | None = Field(default=None, description="Warum das Wort dorthin führt.")


class Synonyms(Model):
    """content/suche.yaml: Synonyme und Weiterleitungen für die Suche."""

    groups: list[Group] = Field(default=[], description="Gruppen gleichbedeutender Wörter (in beide Richtungen).")
    leads: list[Lead] = Field(default=[], description="Ein Wort führt zu anderen (nur in diese Richtung).")

    def expansions(self) -> dict[str, list[str]]:
        """Lowercase word → the other words a query for it should also look for."""
        out: dict[str, list[str]] = {}

        def add(word: str, others: list[str]) -> None:
            key = word.lower()
            known = out.setdefault(key, [])
            known += [o.lower() for o in others if o.lower() != key and o.lower() not in known]

        for group in self.groups:
            for word in group.words:
                add(word, group.words)
        for lead in self.leads:
            add(lead.word, lead.to)
        return out


def load_synonyms(content: Path) -> Synonyms:
    """The synonym file, or none when it does not exist; bad input raises ContentError with places."""
    path = content / FILE
    if not path.is_file():
        return Synonyms()
    shown = display_path(path)
    doc = load_file(path, shown)
    if not isinstance(doc.data, dict):
        raise ContentError([Problem(doc.mark(()), "Die Synonymdatei ist leer oder keine Zuordnung.",
                                    "Beginnen Sie mit „groups:“ (gleichbedeutende Wörter) und „leads:“ (Weiterleitungen).")])
    try:
        synonyms = Synonyms.model_validate(doc.data)
    except ValidationError as exc:
        raise ContentError(german_problems(exc.errors(), doc, Synonyms)) from None
    seen: dict[str, int] = {}
    problems = []
    for number, group in enumerate(synonyms.groups):
        for place, word in enumerate(group.words):
            if word.lower() in seen:
                problems.append(Problem(doc.mark(("groups", number, "words", place)) or Mark(shown),
                                        f"„{word}“ steht schon in Gruppe {seen[word.lower()] + 1}.",
                                        "Ein Wort gehört zu höchstens einer Gruppe; führen Sie die Gruppen zusammen."))
            seen[word.lower()] = number
    if problems:
        raise ContentError(problems)
    return synonyms
