"""``bkk-site new <kind> <id>``: a new content file with every field and a German comment for each.

The file passes ``bkk-site check`` right away: references point at existing ids, labels take
the next free number, and required texts hold a visible placeholder that ``check`` reports
as a warning until it is replaced. Optional fields are there, commented out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from ..check.advice import PLACEHOLDER, schema_line
from ..model.fields import FieldDoc, describe
from ..model.items import RESERVED_IDS, SLUG_PATTERN, Item
from ..model.kinds import ALL_KINDS, KINDS, Kind
from ..model.paths import own_page_kinds
from ..problems import did_you_mean, display_path

_PLAIN = re.compile(r"[A-Za-zÄÖÜäöüß][A-Za-z0-9ÄÖÜäöüß ._-]*")
_LABEL = re.compile(r"^[ \t-]*label:\s*[\"']?([EI])-(\d+)", re.M)


class ScaffoldError(Exception):
    """A request that cannot be carried out; the message says why and what to do instead."""


def _kind(name: str) -> Kind:
    by_folder = {k.folder: k for k in KINDS.values()}
    if name in KINDS:
        return KINDS[name]
    if name in by_folder:
        return by_folder[name]
    held = ALL_KINDS.get(name)
    if held is not None and held.parent:  # its items live inside another kind's files
        parent = ALL_KINDS[held.parent]
        holder = parent.holder or parent.label
        raise ScaffoldError(f"{held.plural or f'Einträge der Art „{held.label}“'} stehen in der Datei ihrer {holder} "
                            f"(content/{parent.folder}/<{holder.lower()}>.yaml). Ergänzen Sie dort einen Eintrag unter "
                            f"„{held.parent_field}:“ oder legen Sie mit „bkk-site new {parent.name} <id>“ eine neue {holder} an.")
    hint = did_you_mean(name, set(KINDS) | set(by_folder))
    raise ScaffoldError(f"Unbekannte Inhaltsart „{name}“. {hint} Erlaubt: {', '.join(KINDS)}".replace("  ", " "))


def _existing_ids(content: Path, kind_name: str) -> list[str]:
    kind = ALL_KINDS[kind_name]
    if kind.parent or kind.single:
        return []
    folder = content / kind.folder
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def _page_kinds() -> list[Kind]:
    """Kinds with a page per item (/<folder>/<id>/); those with short URLs (a label such as E-07) first,
    as a handout shows them best."""
    return sorted((ALL_KINDS[name] for name in own_page_kinds()), key=lambda kind: "label" not in kind.model.model_fields)


def _next_label(content: Path, letter: str) -> str:
    numbers = [0]
    for path in content.rglob("*.yaml"):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        numbers += [int(n) for lt, n in _LABEL.findall(text) if lt == letter]
    return f"{letter}-{max(numbers) + 1:02d}"


def _value(field: FieldDoc, content: Path, item_id: str | None, today: dt.date) -> Any:
    """A valid placeholder for a required field."""
    if field.name == "id":
        return item_id
    if field.name == "provenance":
        return "unverified"  # honest until a source says otherwise
    if field.ref == "page":  # a page reference such as "empfehlungen/<id>": an existing item's page
        kinds = _page_kinds()
        first = next((f"{kind.folder}/{known[0]}" for kind in kinds if (known := _existing_ids(content, kind.name))),
                     f"{kinds[0].folder}/id")
        return [first] if field.many else first
    if field.ref:
        known = _existing_ids(content, field.ref)
        first = known[0] if known else f"{ALL_KINDS[field.ref].folder}-id"
        return [first] if field.many else first
    if field.name == "label" and field.pattern:
        return _next_label(content, "E" if "E-" in field.pattern else "I")
    if field.nested:
        nested = _nested(field.nested, content, today, item_id or "neu")
        return [nested] if field.many else nested
    if field.allowed:
        return field.allowed[0]
    if field.type_text == "true oder false":
        return False
    if field.type_text in ("ganze Zahl", "Zahl"):
        return 0
    if field.type_text.startswith("Datum"):
        return today.isoformat()
    if field.pattern == r"^[A-Z]{2}$":
        return "XX"
    if field.pattern and ":" in field.pattern:
        return "00:00"
    return [PLACEHOLDER] if field.many else PLACEHOLDER


def _nested(model: Any, content: Path, today: dt.date, parent_id: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in describe(model):
        if field.required:
            out[field.name] = _value(field, content, f"{parent_id}-1" if field.name == "id" else None, today)
    return out


def _yaml(value: Any, indent: int) -> str:
    """A value as YAML; JSON scalars and flow lists are valid YAML and never need quoting rules."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for i, (k, v) in enumerate(value.items()):
            lead = "- " if i == 0 else "  "
            lines.append(f"{pad}{lead}{k}: {_yaml(v, indent + 4).lstrip()}" if not isinstance(v, dict) else f"{pad}{lead}{k}:")
        return "\n".join(lines)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "\n" + "\n".join(_yaml(v, indent + 2) for v in value)
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v, indent) for v in value) + "]"
    if isinstance(value, str) and _PLAIN.fullmatch(value) and value.lower() not in ("true", "false", "null"):
        return value
    return json.dumps(value, ensure_ascii=False)


def _comment(field: FieldDoc) -> str:
    text = field.description
    if field.allowed and not all(a in text for a in field.allowed):
        text += " Erlaubt: " + ", ".join(field.allowed) + "."
    return ("" if field.required else "Optional. ") + text + f" [{field.type_text}]"


def _ordered(kind: Kind) -> list[FieldDoc]:
    fields = describe(kind.model)
    if not issubclass(kind.model, Item):
        return fields
    common = set(Item.model_fields) - {"id"}
    return [f for f in fields if f.name not in common] + [f for f in fields if f.name in common]


def render_new(kind: Kind, item_id: str, content: Path, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    lines = [schema_line(kind),
             f"# {kind.label} – angelegt mit „bkk-site new {kind.name} {item_id}“.",
             f"# Ersetzen Sie jedes „{PLACEHOLDER}“ und prüfen Sie die vorgeschlagenen IDs; danach „make check“.",
             "# Optionale Felder sind mit „# “ auskommentiert: zum Verwenden die Raute und das Leerzeichen entfernen.",
             ""]
    for field in _ordered(kind):
        for part in _comment(field).split("\n"):
            lines.append(f"# {part}")
        if field.required:
            value = _value(field, content, item_id, today)
            shown = _yaml(value, 2)
            lines.append(f"{field.name}:{shown}" if shown.startswith("\n") else f"{field.name}: {shown}")
        else:
            lines.append(f"# {field.name}: {'[]' if field.many else ''}".rstrip())
    return "\n".join(lines) + "\n"


def target_path(kind: Kind, item_id: str, content: Path) -> Path:
    return content / f"{kind.folder}.yaml" if kind.single else content / kind.folder / f"{item_id}.yaml"


def create(kind_name: str, item_id: str, content: Path, today: dt.date | None = None) -> Path:
    kind = _kind(kind_name)
    if not re.fullmatch(SLUG_PATTERN.strip("^$"), item_id) or len(item_id) > 80:
        suggestion = re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", item_id.lower().replace("ä", "ae").replace("ö", "oe")
                                                    .replace("ü", "ue").replace("ß", "ss"))).strip("-")
        raise ScaffoldError(f"„{item_id}“ ist keine gültige ID: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche."
                            + (f" Vorschlag: „{suggestion}“." if suggestion else ""))
    if item_id in RESERVED_IDS:
        raise ScaffoldError(f"Die ID „{item_id}“ ist für Übersichtsseiten reserviert; wählen Sie eine andere.")
    path = target_path(kind, item_id, content)
    if path.exists():
        raise ScaffoldError(f"{display_path(path)} gibt es schon; bkk-site new überschreibt keine Dateien. "
                            "Öffnen Sie die Datei zum Bearbeiten oder wählen Sie eine andere ID.")
    if not content.is_dir():
        raise ScaffoldError(f"Der Inhaltsordner {content} existiert nicht; geben Sie ihn mit --content an.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_new(kind, item_id, content, today), encoding="utf-8")
    return path
