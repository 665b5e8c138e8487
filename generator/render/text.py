"""Escaping for Markdown output: text from YAML stays text, Markdown fields stay tame."""

from __future__ import annotations

import re

from markupsafe import Markup

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")  # what Python-Markdown (with tables) can escape


def escape_text(value: object) -> Markup:
    """Plain text for Markdown: no markup, no links, no HTML can come out of it."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return Markup(_SPECIAL.sub(r"\\\1", text))


def finalize(value: object) -> object:
    """Jinja finalize hook: every ``{{ }}`` is escaped unless it is already Markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return escape_text(value)


_HEADING = re.compile(r"^(#{1,6})(\s)", re.M)
_ATTR_LIST = re.compile(r"\{(?=:|\s*[#.][\w-]|\s*[\w-]+\s*=)")


def markdown_field(value: object, shift: int = 2) -> Markup:
    """A Markdown field from YAML: HTML is refused at load time; here ``<`` is neutralised
    again (defence in depth), so are attribute lists (``{: onclick=…}``), and headings are
    pushed below the page's own headings. The built HTML is checked once more (postbuild.safety)."""
    if value is None:
        return Markup("")
    text = _ATTR_LIST.sub(r"\\{", str(value).replace("<", "&lt;"))
    text = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + shift) + m.group(2), text)
    return Markup(text)


def plain(value: object, limit: int = 160) -> str:
    """A Markdown field reduced to a one-line plain description (for meta descriptions)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str(value or ""))
    text = re.sub(r"[*_`#>]", "", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
