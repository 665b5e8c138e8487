"""What each field of a kind is, said for editors: derived from the models, used by
``bkk-site new`` (the commented template) and by the field reference page; and where an item's
Markdown texts are (their links are checked, and count as links between pages)."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .items import SLUG_PATTERN, Item, RefTo, _check_markdown, _check_url, _partial_date, ref_kind
from .kinds import ALL_KINDS

_UNION = (typing.Union, getattr(__import__("types"), "UnionType", None))


@dataclass(frozen=True)
class FieldDoc:
    name: str
    required: bool
    description: str
    type_text: str
    allowed: tuple[str, ...] = ()
    ref: str | None = None  # kind name of referenced items
    many: bool = False
    nested: type[BaseModel] | None = None
    pattern: str | None = None
    min_items: int = 0


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """The bare type under Optional/Annotated, plus the Annotated metadata found on the way."""
    meta: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            meta += list(annotation.__metadata__)
            annotation = typing.get_args(annotation)[0]
        elif origin in _UNION:
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, meta
            annotation = args[0]
        else:
            return annotation, meta


def _pattern(meta: list[Any]) -> str | None:
    for m in meta:
        pattern = getattr(m, "pattern", None)
        if pattern:
            return pattern
        for inner in getattr(m, "metadata", []) or []:
            if getattr(inner, "pattern", None):
                return inner.pattern
    return None


def describe_field(name: str, info: FieldInfo) -> FieldDoc:
    ref, many = ref_kind(info.annotation)
    if not ref:
        ref = next((m.kind for m in info.metadata if isinstance(m, RefTo)), None)
    bare, meta = _strip(info.annotation)
    meta += list(info.metadata)
    inner, inner_meta = bare, meta
    is_list = typing.get_origin(bare) is list
    min_items = next((m.min_length for m in info.metadata if getattr(m, "min_length", None)), 0) if is_list else 0
    if is_list:
        inner, inner_meta = _strip(typing.get_args(bare)[0])
    funcs = {getattr(m, "func", None) for m in inner_meta}
    nested = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    allowed: tuple[str, ...] = tuple(str(a) for a in typing.get_args(inner)) if typing.get_origin(inner) is Literal else ()
    if ref:
        label = ALL_KINDS[ref].label if ref in ALL_KINDS else "Seite"
        what = f"Liste von IDs ({label})" if is_list else f"ID ({label})"
    elif nested:
        what = "Liste von Abschnitten" if is_list else "Abschnitt"
    elif allowed:
        what = "Auswahl"
    elif inner is bool:
        what = "true oder false"
    elif inner is int:
        what = "ganze Zahl"
    elif typing.get_origin(inner) in _UNION:
        what = "Zahl"
    elif getattr(inner, "__name__", "") == "date":
        what = "Datum (JJJJ-MM-TT)"
    elif _partial_date in funcs:
        what = "Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT)"
    elif _check_markdown in funcs:
        what = "Text mit Markdown"
    elif _check_url in funcs:
        what = "Webadresse (https://…)"
    elif _pattern(inner_meta) == SLUG_PATTERN:
        what = "Liste von IDs" if is_list else "ID (a–z, 0–9, Bindestriche)"
    else:
        what = "Liste von Texten" if is_list else "Text"
    return FieldDoc(name, info.is_required(), info.description or "", what, allowed, ref, is_list,
                    nested, _pattern(inner_meta), min_items)


def describe(model: type[BaseModel]) -> list[FieldDoc]:
    return [describe_field(name, info) for name, info in model.model_fields.items()]


def markdown_values(model: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every Markdown field value inside an item, with its path (nested sections and lists of texts included)."""
    markdown = _markdown_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*path, name)
        if isinstance(value, str) and name in markdown:
            yield here, value
        elif isinstance(value, BaseModel) and not isinstance(value, Item):
            yield from markdown_values(value, here)
        elif isinstance(value, (list, tuple)):  # nested items (indicators of a category) are checked as items
            for i, entry in enumerate(value):
                if isinstance(entry, str) and name in markdown:
                    yield (*here, i), entry
                elif isinstance(entry, BaseModel) and not isinstance(entry, Item):
                    yield from markdown_values(entry, (*here, i))


@functools.cache
def _markdown_fields(model: type[BaseModel]) -> frozenset[str]:
    """Names of a model's Markdown fields (the model says so once; asked once per model)."""
    return frozenset(name for name, info in model.model_fields.items() if describe_field(name, info).type_text == "Text mit Markdown")
