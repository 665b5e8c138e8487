"""Read YAML files into plain data that remembers where every value came from.

This stage knows YAML and files, nothing about the BKK. It builds its own tree from the
parser's events instead of using PyYAML's constructor, so it can refuse what content never
needs (tags, anchors, aliases, duplicate keys, deep nesting) before anything is expanded,
and so scalars resolve the same way everywhere (``yes`` stays text, dates stay text).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Mark, Problem

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000

Path_ = tuple[str | int, ...]

MAX_NUMBER_DIGITS = 30  # longer digit strings stay text: int() of huge strings is slow and limited

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


@dataclass
class Document:
    """A file's data plus where each value and each mapping key sits."""

    file: str
    data: Any
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)

    def mark(self, path: Path_, *, key: bool = False) -> Mark:
        """The closest known place for a path: missing values point at their parent."""
        table = self.key_marks if key else self.marks
        while path:
            if path in table:
                return table[path]
            if key and path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), Mark(self.file))


def _resolve(value: str, plain: bool) -> Any:
    """YAML 1.2 core schema, minus the surprises: no yes/no booleans, no sexagesimal, no dates."""
    if not plain:
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if len(value) > MAX_NUMBER_DIGITS:
        return value
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


class _Lines:
    """Line and column from a character index, counting only ``\\n`` as editors do.

    PyYAML also breaks lines at U+0085, U+2028 and U+2029; its own line numbers would then
    point below the line an editor shows.
    """

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def mark(self, file: str, m: Any) -> Mark:
        line = bisect.bisect_right(self.starts, m.index) - 1
        return Mark(file, line + 1, m.index - self.starts[line] + 1)


def decode(raw: bytes, file: str) -> str:
    """Bytes to text: UTF-8 only (a BOM is fine), no NUL, bounded size."""
    if len(raw) > MAX_BYTES:
        raise ContentError([Problem(
            Mark(file), f"Datei ist zu groß ({len(raw):,} Bytes, erlaubt sind {MAX_BYTES:,}).".replace(",", "."),
            "Teilen Sie den Inhalt auf mehrere Dateien auf (eine Datei pro Eintrag).")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError([Problem(
            Mark(file, line, col), f"Die Datei ist nicht in UTF-8 gespeichert (ungültiges Byte 0x{raw[exc.start]:02x}).",
            "Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.")]) from None
    check_characters(text, file)
    return text


# What YAML refuses as text (control characters other than tab and line breaks, surrogates, U+FFFE/F).
_FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def check_characters(text: str, file: str) -> None:
    """Refuse characters YAML cannot hold, at their line and column (the parser only gives an offset)."""
    bad = _FORBIDDEN_CHAR.search(text)
    if bad:
        at = bad.start()
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        char = bad.group(0)
        what = "ein NUL-Zeichen" if char == "\0" else f"das unsichtbare Steuerzeichen U+{ord(char):04X}"
        raise ContentError([Problem(Mark(file, line, col), f"Die Datei enthält {what}.",
                                    "Entfernen Sie das Zeichen an dieser Stelle (oft beim Kopieren aus PDF oder Word entstanden).")])


def parse(text: str, file: str) -> Document:
    """Parse one YAML document into plain dicts, lists and scalars with marks."""
    check_characters(text, file)
    doc = Document(file, None)
    lines = _Lines(text)

    def _mark(file: str, m: Any) -> Mark:
        return lines.mark(file, m)
    # Each open container: [kind, value, path, pending key or None, key mark]
    stack: list[list[Any]] = []
    nodes = 0
    seen_document = False

    def fail(m: Any, message: str, hint: str) -> None:
        raise ContentError([Problem(_mark(file, m), message, hint)])

    def add(value: Any, event: Any) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            fail(event.start_mark, "Die Datei enthält zu viele Einträge.", "Teilen Sie den Inhalt auf mehrere Dateien auf.")
        here = _mark(file, event.start_mark)
        if not stack:
            doc.data = value
            doc.marks[()] = here
            return path_of_new(value, (), here)
        top = stack[-1]
        if top[0] == "seq":
            path = (*top[2], len(top[1]))
            top[1].append(value)
        elif top[3] is None:  # a mapping key
            if not isinstance(value, str) or isinstance(value, (dict, list)):
                fail(event.start_mark, "Schlüssel müssen einfacher Text sein.", "Schreiben Sie den Feldnamen als Wort, z. B. „titel:“.")
            if value in top[1]:
                fail(event.start_mark, f"Das Feld „{value}“ steht doppelt in diesem Abschnitt.",
                     "Löschen Sie eine der beiden Zeilen oder führen Sie sie zusammen.")
            top[3] = value
            top[4] = here
            return None
        else:
            key = top[3]
            path = (*top[2], key)
            top[1][key] = value
            doc.key_marks[path] = top[4]
            top[3] = None
        doc.marks[path] = here
        return path_of_new(value, path, here)

    def path_of_new(value: Any, path: Path_, here: Mark) -> None:
        if isinstance(value, (dict, list)):
            if len(stack) >= MAX_DEPTH:
                raise ContentError([Problem(here, f"Die Daten sind zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen).",
                                            "Prüfen Sie die Einrückung; Inhalte brauchen nur wenige Ebenen.")])
            stack.append(["map" if isinstance(value, dict) else "seq", value, path, None, None])

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                fail(event.start_mark, f"Verweise mit „*{event.anchor}“ (YAML-Aliase) sind nicht erlaubt.",
                     "Schreiben Sie den Wert an dieser Stelle aus.")
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                fail(event.start_mark, f"Anker „&{anchor}“ sind nicht erlaubt.", "Entfernen Sie „&…“ und schreiben Sie Werte aus.")
            tag = getattr(event, "tag", None)
            if tag is not None and not isinstance(event, (yaml.DocumentStartEvent, yaml.DocumentEndEvent)):
                fail(event.start_mark, f"YAML-Typangaben wie „{tag}“ sind nicht erlaubt.",
                     "Entfernen Sie die Angabe mit „!“; Werte werden automatisch erkannt.")
            if isinstance(event, yaml.DocumentStartEvent):
                if seen_document:
                    fail(event.start_mark, "Die Datei enthält mehrere YAML-Dokumente („---“).",
                         "Verwenden Sie eine Datei pro Eintrag und nur ein Dokument pro Datei.")
                seen_document = True
            elif isinstance(event, yaml.ScalarEvent):
                add(_resolve(event.value, event.implicit[0]), event)
            elif isinstance(event, yaml.MappingStartEvent):
                add({}, event)
            elif isinstance(event, yaml.SequenceStartEvent):
                add([], event)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        message = _german_yaml_error(exc.problem or exc.context or "Syntaxfehler")
        if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
            m = exc.context_mark  # where the quote opens, not where the file ends
            message = "YAML-Syntaxfehler: Der Text in Anführungszeichen wird nicht geschlossen." if "end of stream" in (exc.problem or "") \
                else message
        if m is not None and 0 <= m.index < len(text) and text[m.index] == "\t":
            message = "YAML-Syntaxfehler: Tabulatorzeichen sind in YAML nicht erlaubt."
        hint = "Prüfen Sie Einrückung (nur Leerzeichen, keine Tabulatoren), Doppelpunkte und Anführungszeichen."
        raise ContentError([Problem(_mark(file, m) if m else Mark(file), message, hint)]) from None
    except yaml.YAMLError as exc:  # errors without a mark (the reader's) are caught by check_characters first
        raise ContentError([Problem(Mark(file), f"YAML-Fehler: {exc}", "")]) from None
    except RecursionError:  # the pure-Python parser on very deep flow collections
        raise ContentError([Problem(Mark(file), "Die Daten sind zu tief verschachtelt.",
                                    "Prüfen Sie die Klammern und die Einrückung.")]) from None
    return doc


_YAML_MESSAGES = {
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind in YAML nicht erlaubt",
    "mapping values are not allowed here": "Hier darf kein Doppelpunkt mit Wert stehen",
    "mapping values are not allowed in this context": "Hier darf kein neues Feld beginnen (ist die Zeile zu weit eingerückt?)",
    "could not find expected ':'": "Es fehlt ein Doppelpunkt nach dem Feldnamen",
    "found unexpected end of stream": "Die Datei endet mitten in einem Wert",
    "did not find expected key": "Die Einrückung passt nicht zum Abschnitt darüber",
    "did not find expected '-' indicator": "Die Einrückung passt nicht zur Liste darüber",
    "found undefined tag handle": "Unbekannte YAML-Typangabe",
    "exceeded maximum nesting depth": "Die Daten sind zu tief verschachtelt",
    "did not find expected node content": "An dieser Stelle fehlt ein Wert",
    "found unknown escape character": "Unbekannte Escape-Folge mit „\\“ in Anführungszeichen",
    "found invalid Unicode character escape code": "Ungültige Unicode-Escape-Folge („\\u…“)",
    "found character that cannot start any token": "Dieses Zeichen darf hier nicht am Anfang eines Werts stehen",
    "found unexpected ':'": "Unerwarteter Doppelpunkt",
    "expected <block end>, but found": "Die Einrückung passt nicht zum Abschnitt darüber",
    "did not find expected comment or line break": "Nach dem Wert folgt noch Text in derselben Zeile",
    "did not find expected ',' or ']'": "Eine Liste in eckigen Klammern ist nicht richtig geschlossen",
    "did not find expected ',' or '}'": "Ein Abschnitt in geschweiften Klammern ist nicht richtig geschlossen",
    "found a tab character where an indentation space is expected": "Tabulatorzeichen sind in YAML nicht erlaubt",
    "found a tab character that violates indentation": "Tabulatorzeichen sind in YAML nicht erlaubt",
    "found unexpected document separator": "Unerwartetes „---“ mitten im Dokument",
    "could not find expected ':' or": "Es fehlt ein Doppelpunkt nach dem Feldnamen",
}


def _german_yaml_error(problem: str) -> str:
    for english, german in _YAML_MESSAGES.items():
        if problem.startswith(english):
            return f"YAML-Syntaxfehler: {german}."
    return f"YAML-Syntaxfehler: {problem}."


def load_file(path: Path, file: str) -> Document:
    """Read, decode and parse one file; ``file`` is the name shown to the editor."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(Mark(file), f"Datei kann nicht gelesen werden: {exc.strerror}.", "")]) from None
    return parse(decode(raw, file), file)
