"""An item as another edition reads it: its ``en:`` block laid over the German fields.

Only the fields declared ``Words``/``Prose`` change; ids, references, sources and provenance
stay those of the German item. What the block lacks is reported by ``missing`` (and listed by
``bkk-site check``); the pages of an incomplete item say so instead of showing German as if it
were a translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .items import TRANSLATIONS, translated_fields

DEFAULT_LANGUAGE = "de"
LANGUAGES = (DEFAULT_LANGUAGE, *TRANSLATIONS)


def in_language(obj: Any, lang: str) -> Any:
    """``obj`` (an item or a nested model) with the translated fields of ``lang`` where it has them."""
    if lang == DEFAULT_LANGUAGE or not isinstance(obj, BaseModel):
        return obj
    block = getattr(obj, lang, None)
    update: dict[str, Any] = {}
    if block is not None:
        update = {name: value for name in translated_fields(type(obj)) if (value := getattr(block, name)) is not None}
    for name in type(obj).model_fields:
        if name in TRANSLATIONS:
            continue
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            update[name] = in_language(value, lang)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [in_language(v, lang) for v in value]
    return obj.model_copy(update=update) if update else obj


def missing(obj: Any, lang: str, skip: tuple[str, ...] = (), path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Paths of the translated fields the German has and ``lang``'s block lacks, nested models
    included except in the fields ``skip`` names (a category's indicators are items of their own)."""
    block = getattr(obj, lang, None)
    for name in translated_fields(type(obj)):
        german = getattr(obj, name)
        if german not in (None, [], "") and (block is None or getattr(block, name) is None):
            yield (*path, name)
    for name in type(obj).model_fields:
        if name in skip:
            continue
        value = getattr(obj, name)
        if isinstance(value, BaseModel) and name not in TRANSLATIONS:
            yield from missing(value, lang, path=(*path, name))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, BaseModel):
                    yield from missing(v, lang, path=(*path, name, i))


def is_translated(obj: Any, lang: str, skip: tuple[str, ...] = ()) -> bool:
    return lang == DEFAULT_LANGUAGE or next(missing(obj, lang, skip), None) is None
