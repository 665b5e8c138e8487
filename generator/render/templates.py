"""The one Jinja environment factory: every template of ``generator/templates`` is loaded here.

Three flavours, because the output languages escape differently: ``markdown`` pages (escaping
is the Markdown-aware ``finalize`` of the caller), ``svg`` blocks inlined into pages (HTML
escaping, blank lines removed later) and ``html`` files copied verbatim (redirect pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import jinja2

from ..model.translations import DEFAULT_LANGUAGE
from .language import Language

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

Flavour = Literal["markdown", "svg", "html"]
_OPTIONS: dict[str, dict[str, Any]] = {
    "markdown": {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True},
    "svg": {"trim_blocks": True, "lstrip_blocks": True},
    "html": {"keep_trailing_newline": True},
}


def new_environment(flavour: Flavour, folder: Path | None = None, lang: str = DEFAULT_LANGUAGE, **extra: Any) -> jinja2.Environment:
    """A fresh environment of one flavour and edition (callers keep one per process: templates
    compile once, and the loader still notices edited template files).

    Templates mark what they say with ``_("…")`` (Jinja's i18n extension); ``LANG`` is the
    edition, for its dates, numbers and paths."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder or TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.i18n"], **_OPTIONS[flavour], **extra)
    language = Language(lang)
    env.install_gettext_callables(language.gettext, language.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["LANG"] = language
    return env
