"""Inline SVG/HTML from templates: HTML-escaped, never Markdown-escaped.

The Markdown environment escapes for Markdown; SVG text needs HTML escaping instead, and
the result is embedded as one raw HTML block (no blank lines, so Markdown leaves it alone).
"""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2
from markupsafe import Markup

from ..model.translations import DEFAULT_LANGUAGE
from .templates import new_environment


@lru_cache(maxsize=4)
def environment(lang: str = DEFAULT_LANGUAGE) -> jinja2.Environment:
    return new_environment("svg", lang=lang)


_BLANK = re.compile(r"\n\s*\n")


def render(template: str, lang: str = DEFAULT_LANGUAGE, **context: object) -> Markup:
    """Render an SVG/HTML template of one edition into one raw-HTML block for Markdown."""
    text = environment(lang).get_template(template).render(**context)
    return Markup(_BLANK.sub("\n", text).strip())


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by character count (SVG has no automatic line breaks)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
