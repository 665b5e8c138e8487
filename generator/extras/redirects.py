"""Addresses that forward: short URLs from labels and former ids.

A label like ``E-07`` gives the short URL ``/e/7/``. Labels are never reused and ids never
vanish (``former_ids``, ``status: withdrawn``), so every address once printed keeps answering.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.content import Content
from ..model.kinds import title_of
from ..model.paths import edition_path, md_url, own_page_kinds, page_path, short_url
from ..model.paths import target as target_of
from ..render.language import Language


@dataclass(frozen=True)
class Redirect:
    """An old or short address that sends the reader on to an item's page."""

    url: str  # the address that must keep answering, e.g. /e/7/
    target_md: str  # the page it leads to, e.g. empfehlungen/x.md
    title: str
    label: str
    reason: str  # one sentence in the edition's words: why this address forwards
    short: bool = False  # a short URL from a label (else a former id)


def redirects(content: Content) -> list[Redirect]:
    """Short URLs of labelled items and every former id of items with pages of their own."""
    found: list[Redirect] = []
    say = Language(content.language).gettext
    for kind in own_page_kinds():
        for item in content.items(kind).values():
            target = page_path(kind, item.id)
            label = getattr(item, "label", None) or ""
            short = short_url(item)
            if short:
                found.append(Redirect(short, target, title_of(item), label, say("Kurzlink {label}.").format(label=label), short=True))
            for old in item.former_ids:
                old_url = md_url(edition_path(target_of(kind, old), content.language))
                found.append(Redirect(old_url, target, title_of(item), label,
                                      say("Dieser Eintrag hatte früher die Adresse {url}.").format(url=old_url)))
    return found
