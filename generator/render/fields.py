"""Rows for the generated field reference (/redaktion/felder/): what editors may write, per kind."""

from __future__ import annotations

import functools
from typing import Any

from ..model.fields import describe
from ..model.kinds import KINDS


@functools.cache  # depends only on the models; the live preview asks after every save
def field_reference() -> list[dict[str, Any]]:
    kinds = []
    for kind in KINDS.values():
        fields = describe(kind.model)
        nested = [(f.name, describe(f.nested)) for f in fields if f.nested]
        path = f"content/{kind.folder}.yaml" if kind.single else f"content/{kind.folder}/<id>.yaml"
        kinds.append({"name": kind.name, "label": kind.label, "path": path, "fields": fields, "nested": nested})
    return kinds
