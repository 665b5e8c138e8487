"""Pydantic's validation errors, said in plain German at the right line."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel

from ..load import Document
from ..problems import Problem, did_you_mean

_TYPES = {
    "string_type": "Text",
    "int_type": "eine ganze Zahl",
    "int_parsing": "eine ganze Zahl",
    "int_from_float": "eine ganze Zahl",
    "float_type": "eine Zahl",
    "float_parsing": "eine Zahl",
    "bool_type": "true oder false",
    "bool_parsing": "true oder false",
    "list_type": "eine Liste (Zeilen mit „- “)",
    "dict_type": "ein Abschnitt mit Feldern",
    "model_type": "ein Abschnitt mit Feldern",
    "model_attributes_type": "ein Abschnitt mit Feldern",
    "date_type": "ein Datum (JJJJ-MM-TT)",
}


_TYPE_HINTS = {
    "string_type": "Texte mit Doppelpunkt oder Sonderzeichen am Anfang in Anführungszeichen setzen, z. B. title: \"Achtung: …\".",
    "int_type": "Schreiben Sie eine Zahl ohne Anführungszeichen und ohne Punkt, z. B. 12.",
    "int_parsing": "Schreiben Sie eine Zahl ohne Anführungszeichen und ohne Punkt, z. B. 12.",
    "int_from_float": "Hier ist nur eine ganze Zahl erlaubt, z. B. 12.",
    "float_type": "Schreiben Sie die Zahl mit Dezimalpunkt, z. B. 12.5.",
    "float_parsing": "Schreiben Sie die Zahl mit Dezimalpunkt, z. B. 12.5.",
    "bool_type": "Erlaubt: true (ja) oder false (nein).",
    "bool_parsing": "Erlaubt: true (ja) oder false (nein).",
    "list_type": "Schreiben Sie eine Liste, z. B. [jugendamt, polizei] oder Zeilen mit „- “.",
    "dict_type": "Rücken Sie die Felder dieses Abschnitts unter dem Feldnamen ein.",
    "model_type": "Rücken Sie die Felder dieses Abschnitts unter dem Feldnamen ein.",
    "model_attributes_type": "Rücken Sie die Felder dieses Abschnitts unter dem Feldnamen ein.",
    "date_type": "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2018-10-18.",
}
_VALUE_HINTS = {
    "HTML": "Verwenden Sie Markdown statt HTML: **fett**, *kursiv*, [Linktext](https://…), Listen mit „- “.",
    "Link-Ziel": "Erlaubt sind Links mit https://, http://, mailto: und Verweise auf andere Seiten dieser Website.",
    "reserviert": "Wählen Sie eine andere ID; index, nach-akteur, nach-phase und ähnliche Namen gehören zu Übersichtsseiten.",
    "Adresse": "Beispiel: https://www.bmfsfj.de/…",
    "Datum": "Erlaubt sind JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. 2018, 2018-10 oder 2018-10-18.",
}


def _range_hint(owner: type[BaseModel] | None, name: str) -> str:
    field = owner.model_fields.get(name) if owner else None
    if field is None:
        return ""
    low = next((getattr(m, "ge", None) for m in field.metadata if getattr(m, "ge", None) is not None), None)
    high = next((getattr(m, "le", None) for m in field.metadata if getattr(m, "le", None) is not None), None)
    if low is not None and high is not None:
        return f"Erlaubt: {low} bis {high}."
    if low is not None:
        return f"Erlaubt: mindestens {low}."
    return f"Erlaubt: höchstens {high}." if high is not None else ""


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last segment of ``loc`` (for 'did you mean' on field names)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        annotation = current.model_fields[part].annotation
        while typing.get_origin(annotation) in (list, typing.Union) or str(typing.get_origin(annotation)) == "<class 'types.UnionType'>":
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        current = annotation
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_list(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model else []


def german_problem(err: dict[str, Any], doc: Document, model: type[BaseModel]) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    value = err.get("input")
    name = str(loc[-1]) if loc else ""
    owner = _model_at(model, loc) if loc else model
    if kind == "extra_forbidden":
        fields = _field_list(owner)
        hint = did_you_mean(name, fields)
        allowed = "Erlaubte Felder: " + ", ".join(fields)
        return Problem(doc.mark(loc, key=True), f"Unbekanntes Feld „{name}“.", f"{hint} {allowed}".strip())
    if kind == "missing":
        field = owner.model_fields.get(name) if owner else None
        what = f" ({field.description})" if field and field.description else ""
        return Problem(doc.mark(loc[:-1]), f"Pflichtfeld „{name}“ fehlt{what}.", f"Ergänzen Sie eine Zeile „{name}: …“.")
    mark = doc.mark(loc)
    where = f"Feld „{'.'.join(str(p) for p in loc)}“" if loc else "Eintrag"
    if kind in ("literal_error", "enum"):
        expected = err.get("ctx", {}).get("expected", "")
        options = expected.replace("'", "").replace(" or ", ", ")
        hint = did_you_mean(str(value), [o.strip() for o in options.split(",")])
        return Problem(mark, f"{where}: „{value}“ ist kein erlaubter Wert.", f"{hint} Erlaubt: {options}.".strip())
    if kind == "int_parsing_size":
        return Problem(mark, f"{where}: die Zahl ist zu groß.", "Tragen Sie eine kleinere Zahl ein.")
    if kind in _TYPES:
        return Problem(mark, f"{where}: erwartet wird {_TYPES[kind]}, nicht „{_short(value)}“.", _TYPE_HINTS.get(kind, ""))
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern and "/" not in pattern:
            return Problem(mark, f"{where}: „{_short(value)}“ ist keine gültige ID.",
                           "IDs bestehen aus Kleinbuchstaben a–z, Ziffern und einzelnen Bindestrichen "
                           "(Umlaute umschreiben: ä→ae, ö→oe, ü→ue, ß→ss), z. B. „fachberatungsstelle-berlin“.")
        examples = {"E-": "„E-07“", "I-": "„I-23“", "A-Z": "„BE“", ":": "„01:30“", "[a-z]+/": "„akteure/jugendamt“"}
        example = next((v for k, v in examples.items() if k in pattern), "")
        return Problem(mark, f"{where}: „{_short(value)}“ hat nicht die erwartete Form.",
                       f"Beispiel: {example}." if example else f"Erwartetes Muster: {pattern}")
    if kind == "string_too_short":
        return Problem(mark, f"{where} ist leer.", "Tragen Sie einen Text ein oder entfernen Sie das Feld, wenn es optional ist.")
    if kind == "string_too_long":
        limit = err.get("ctx", {}).get("max_length")
        return Problem(mark, f"{where} ist zu lang (höchstens {limit} Zeichen).", "Kürzen Sie den Text oder verwenden Sie ein Textfeld mit Markdown.")
    if kind == "too_short":
        return Problem(mark, f"{where}: die Liste darf nicht leer sein.", "Tragen Sie mindestens einen Eintrag ein (Zeile mit „- …“).")
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"):
        return Problem(mark, f"{where}: „{_short(value)}“ ist kein gültiges Datum.", "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2018-10-18.")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return Problem(mark, f"{where}: der Wert {value} liegt außerhalb des erlaubten Bereichs.", _range_hint(owner, name))
    if kind == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"]))
        hint = next((h for key, h in _VALUE_HINTS.items() if key in message), "")
        return Problem(mark, f"{where}: {message}.", hint)
    return Problem(mark, f"{where}: {err['msg']}.", "")


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def german_problems(errors: list[dict[str, Any]], doc: Document, model: type[BaseModel]) -> list[Problem]:
    """All errors of one file; a misspelt field is one mistake, not "unknown" plus "missing"."""
    misspelt: set[tuple[Any, ...]] = set()
    for err in errors:
        if err["type"] == "extra_forbidden" and err["loc"]:
            loc = tuple(err["loc"])
            fields = _field_list(_model_at(model, loc))
            close = difflib.get_close_matches(str(loc[-1]), fields, n=1, cutoff=0.6)
            if close:
                misspelt.add((*loc[:-1], close[0]))
    return [german_problem(err, doc, model) for err in errors
            if not (err["type"] == "missing" and tuple(err["loc"]) in misspelt)]
