"""Helpers the page templates may call for trainer features (kept out of the core render code)."""

from __future__ import annotations

from typing import Any

from ..model.paths import md_url, short_url
from .handout import entries
from .qr import qr_path


def template_globals() -> dict[str, Any]:
    return {"handout_entries": entries, "qr_path": qr_path, "short_url": short_url, "md_url": md_url}
