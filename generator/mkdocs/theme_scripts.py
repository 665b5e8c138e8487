"""The theme's own inline scripts as patterns, so the CSP can hash exactly those and no others.

Read once per build (``engine.Run`` keeps the answer for every edition); the live preview
allows inline scripts and never asks.
"""

from __future__ import annotations

import re
from pathlib import Path

SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_EXPR = re.compile(r"\{\{.*?\}\}", re.S)


def theme_script_patterns(dirs: list[str]) -> list[re.Pattern[str]]:
    """Each literal inline script of the theme as a pattern; a ``{{ … }}`` may only fill a string."""
    found = set()
    for file in (p for folder in dirs for p in sorted(Path(folder).rglob("*.html"))):
        for body in SCRIPT.findall(file.read_text(encoding="utf-8")):
            if "{%" in body:
                continue
            parts = _EXPR.split(body)
            found.add("".join(re.escape(p) + (r"[^\"'<>\\\s]*" if i < len(parts) - 1 else "") for i, p in enumerate(parts)))
    return [re.compile(p) for p in sorted(found)]
