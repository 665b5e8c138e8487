"""JSON Schema per content kind, derived from the pydantic models (never written by hand).

Editors get completion and checks while typing: every content file starts with
``# yaml-language-server: $schema=../../schemas/<kind>.schema.json``. The schema is help,
not the law: cross-file rules (references, unique ids) stay with ``bkk-site check``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model.kinds import KINDS, Kind

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# The model docstrings explain the code in English; editors read German.
_GERMAN = {
    "Edition": "Eine weitere Ausgabe des Dokuments, z. B. eine Übersetzung.",
    "Instrument": "Etwas, das ein Land getan oder begonnen hat, mit eigenen Quellen.",
    "Indicator": "Ein Anzeichen, das auf Handel oder Ausbeutung hinweisen kann – nie ein Beweis für sich allein.",
    "Chapter": "Ein Kapitel des Erklärvideos.",
}


def _german_titles(node: Any) -> Any:
    """Drop pydantic's English titles ("Former Ids") so editors see the field name and German text."""
    if isinstance(node, dict):
        return {k: _german_titles(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_german_titles(v) for v in node]
    return node


def schema_for(kind: Kind) -> dict[str, Any]:
    raw = kind.model.model_json_schema()
    defs = raw.pop("$defs", {})
    body = _german_titles(raw)
    for name, definition in defs.items():
        definition = _german_titles(definition)
        definition.pop("description", None)
        if name in _GERMAN:
            definition["description"] = _GERMAN[name]
        defs[name] = definition
    where = f"content/{kind.folder}.yaml" if kind.single else f"content/{kind.folder}/<id>.yaml"
    body.pop("description", None)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": kind.label,
        "description": f"Ein Eintrag der Art „{kind.label}“ ({where}). Erzeugt aus generator/model.py mit "
                       "„bkk-site schemas“ – nicht von Hand ändern.",
        **body,
    }
    if defs:
        schema["$defs"] = defs
    return schema


def render_schemas() -> dict[str, str]:
    """File name → JSON text, stable (sorted keys, trailing newline) so diffs stay small."""
    return {f"{kind.name}.schema.json": json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for kind in KINDS.values()}


def write_schemas(out: Path) -> list[str]:
    """Write every schema into ``out``; return the files that changed."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    wanted = render_schemas()
    for name, text in wanted.items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    for stale in sorted(out.glob("*.schema.json")):
        if stale.name not in wanted:
            stale.unlink()
            changed.append(stale.name)
    return changed
