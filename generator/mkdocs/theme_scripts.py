"""The theme's own inline scripts as patterns, so the CSP can hash exactly those and no others.

A normal module (not a hook file, which MkDocs re-imports on every rebuild), so the live
preview reads the theme's templates once, not after every save.
"""

from __future__ import annotations

import re
from pathlib import Path

SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_EXPR = re.compile(r"\{\{.*?\}\}", re.S)
_CACHE: dict[tuple, list[re.Pattern[str]]] = {}


def _stamp(dirs: list[str]) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns) for folder in dirs for p in sorted(Path(folder).rglob("*.html")))


def theme_script_patterns(dirs: list[str]) -> list[re.Pattern[str]]:
    """Each literal inline script of the theme as a pattern; a ``{{ … }}`` may only fill a string."""
    key = _stamp(dirs)
    if key not in _CACHE:
        found = set()
        for file, _mtime in key:
            for body in SCRIPT.findall(Path(file).read_text(encoding="utf-8")):
                if "{%" in body:
                    continue
                parts = _EXPR.split(body)
                found.add("".join(re.escape(p) + (r"[^\"'<>\\\s]*" if i < len(parts) - 1 else "") for i, p in enumerate(parts)))
        _CACHE.clear()
        _CACHE[key] = [re.compile(p) for p in sorted(found)]
    return _CACHE[key]
