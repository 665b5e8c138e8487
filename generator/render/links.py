"""Markdown links between pages as templates write them (``link``, ``to``, ``page``); where the
links point is ``model.paths``'s answer."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model.kinds import title_of
from ..model.paths import md_link, target
from .text import escape_text


class Linker:
    """Relative links from one page, so the same Markdown works under any base URL."""

    def __init__(self, here: str, content: Any):
        self.here = here
        self.content = content

    def href(self, path: str) -> str:
        return md_link(self.here, path)

    def to(self, kind: str, item_id: str) -> str:
        return self.href(target(kind, item_id))

    def link(self, kind: str, item_id: str, text: str | None = None) -> Markup:
        item = self.content.get(kind, item_id)
        label = getattr(item, "label", None)
        shown = escape_text(text if text is not None else title_of(item))
        if label and text is None:
            shown = escape_text(label) + Markup(" ") + shown
        return Markup(f"[{shown}]({self.to(kind, item_id)})")

    def page(self, path: str, text: str) -> Markup:
        return Markup(f"[{escape_text(text)}]({self.href(path)})")
