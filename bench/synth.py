"""Synthetic content at N times the shipped content, for benchmarks only (never shipped).

Copy k of an item gets the id ``<id>-k<k>``, a fresh short label, a title marked "(Kopie k)"
and references to copy k of the items it names, so backlinks and index pages grow like real
content would. Text stays the real German text of the original. The Länder (16), the BKK
document and the video do not multiply. The result passes ``bkk-site check``.
"""

from __future__ import annotations

import re
import shutil
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.load import load_file
from generator.model.items import ref_kind
from generator.model.kinds import KINDS

FIXED_KINDS = {"land", "document", "video"}
CLONED = {name for name in KINDS if name not in FIXED_KINDS} | {"indicator"}
_LABEL = re.compile(r"^([A-Z])-(\d+)$")
TITLE_FIELDS = ("title", "name", "term")
DROPPED = ("abbreviation", "role_prompt", "former_ids")  # page-wide or unique by nature


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``list[Model]`` (or ``Model | None``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


class Cloner:
    def __init__(self, base: Path):
        self.next_label: dict[str, int] = {}
        for path in base.rglob("*.yaml"):
            for prefix, number in re.findall(r"label: ([A-Z])-(\d+)", path.read_text(encoding="utf-8")):
                self.next_label[prefix] = max(self.next_label.get(prefix, 0), int(number) + 1)

    def label(self, value: str) -> str:
        prefix = _LABEL.match(value).group(1)
        number = self.next_label[prefix]
        self.next_label[prefix] = number + 1
        return f"{prefix}-{number:02d}"

    def copy(self, data: dict[str, Any], model: type[BaseModel], k: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in data.items():
            info = model.model_fields.get(key)
            if key in DROPPED or info is None:
                continue
            kind, many = ref_kind(info.annotation)
            kind = kind or next((m.kind for m in info.metadata if hasattr(m, "kind")), None)
            if key == "id" or key == "replaced_by":
                value = f"{value}-k{k}"
            elif key == "label" and isinstance(value, str) and _LABEL.match(value):
                value = self.label(value)
            elif key in TITLE_FIELDS and isinstance(value, str):
                value = f"{value} (Kopie {k})"[-500:]
            elif kind in CLONED:
                value = [f"{v}-k{k}" for v in value] if many else f"{value}-k{k}"
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                inner = _inner_model(info.annotation)
                value = [self.copy(v, inner, k) for v in value] if inner else value
            out[key] = value
        return out


def synthesize(base: Path, out: Path, factor: int) -> int:
    """Write ``factor`` times the content of ``base`` into ``out``; return the number of item files."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(base, out)
    cloner = Cloner(base)
    files = sum(1 for _ in base.rglob("*.yaml"))
    for kind in KINDS.values():
        if kind.name in FIXED_KINDS or kind.single:
            continue
        for path in sorted((base / kind.folder).glob("*.yaml")):
            data = load_file(path, str(path)).data
            for k in range(1, factor):
                clone = cloner.copy(data, kind.model, k)
                target = out / kind.folder / f"{clone['id']}.yaml"
                target.write_text(yaml.safe_dump(clone, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
                files += 1
    return files
