"""Open data: every kind as JSON and CSV, and the JSON Schema, all derived from the model.

The schema comes from ``Model.model_json_schema()`` (the same call that makes the editors'
schemas), so the published data and its description can never drift apart by hand.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import Any

from ..model.content import Content
from ..model.items import TRANSLATIONS, translated_fields
from ..model.kinds import ALL_KINDS, children
from ..render.pages import data_sets

_FORMULA = ("=", "+", "@", "\t", "\r")  # spreadsheet programs would run these as formulas


def stem(kind: str) -> str:
    return ALL_KINDS[kind].data_name


@functools.cache
def _item_schema_json(kind: str) -> str:
    """Deriving a schema takes pydantic ~0.1 s per kind; the live preview regenerates on every save."""
    return json.dumps(ALL_KINDS[kind].model.model_json_schema(), ensure_ascii=False)


def schema(kind: str) -> dict[str, Any]:
    spec = ALL_KINDS[kind]
    item_schema = json.loads(_item_schema_json(kind))  # a fresh copy: callers may change it
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"BKK-Daten: {spec.label} (Liste)",
        "type": "array",
        "items": item_schema,
    }


def _records(content: Content, kind: str) -> list[dict[str, Any]]:
    return [i.model_dump(mode="json") for i in content.items(kind).values()]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        text = "; ".join(str(v) for v in value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _csv(kind: str, records: list[dict[str, Any]]) -> str:
    """One row per item; each edition's texts in columns of their own (``title_en`` beside ``title``)."""
    model = ALL_KINDS[kind].model
    columns = [name for name in model.model_fields if name not in TRANSLATIONS]
    translated = [(lang, name) for lang in TRANSLATIONS for name in translated_fields(model)]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns + [f"{name}_{lang}" for lang, name in translated])
    for record in records:
        for child in children(kind):  # held items have a CSV of their own; here only their ids
            record = {**record, child.parent_field: [i["id"] for i in record[child.parent_field]]}
        writer.writerow([_cell(record.get(c)) for c in columns]
                        + [_cell((record.get(lang) or {}).get(name)) for lang, name in translated])
    return "\ufeff" + buf.getvalue()  # the BOM makes spreadsheet programs read UTF-8 umlauts correctly


# Per kind: the items the files were made from, and the files.
Exported = dict[str, tuple[tuple[Any, ...], dict[str, str]]]


def data_files(content: Content, memo: Exported | None = None) -> dict[str, str]:
    """``daten/<art>.json``, ``daten/<art>.csv`` and ``daten/schema/<art>.schema.json`` per kind.

    ``memo``: a session's earlier exports. Unchanged content files give the very same (frozen) item
    objects, so the live preview re-exports only the kinds that changed."""
    memo = memo if memo is not None else {}
    files: dict[str, str] = {}
    for ds in data_sets(content):
        items = tuple(content.items(ds.kind).values())
        before = memo.get(ds.kind)
        if before is None or len(before[0]) != len(items) or any(a is not b for a, b in zip(before[0], items, strict=True)):
            records = _records(content, ds.kind)
            before = memo[ds.kind] = (items, {
                f"daten/{ds.stem}.json": json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                f"daten/{ds.stem}.csv": _csv(ds.kind, records),
                f"daten/schema/{ds.stem}.schema.json": json.dumps(schema(ds.kind), ensure_ascii=False, indent=2) + "\n",
            })
        files.update(before[1])
    return files
