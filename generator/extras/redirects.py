"""Permanent addresses: short URLs from labels, redirects from former ids, file paths per URL style.

A label like ``E-07`` gives the short URL ``/e/7/``. Labels are never reused and ids never
vanish (``former_ids``, ``status: withdrawn``), so every address once printed keeps answering.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from ..model.content import Content
from ..model.items import ALL_KINDS
from ..render.links import page_path, title_of, url_path

_LABEL = re.compile(r"^([A-Z])-(\d+)$")


def short_url(item: Any) -> str | None:
    """``E-07`` → ``/e/7/``; items without a label have no short URL."""
    m = _LABEL.match(getattr(item, "label", None) or "")
    return f"/{m.group(1).lower()}/{int(m.group(2))}/" if m else None


def md_url(md_path: str) -> str:
    """The directory-style URL of a Markdown page: ``empfehlungen/x.md`` → ``/empfehlungen/x/``."""
    base = md_path.removesuffix(".md")
    base = base.removesuffix("index") if base == "index" or base.endswith("/index") else base + "/"
    return "/" + base


def html_file(url: str, directory_urls: bool) -> str:
    """The file that answers a URL: ``/empfehlungen/x/`` → ``empfehlungen/x/index.html`` (or ``x.html``)."""
    path = url.strip("/")
    if not path:
        return "index.html"
    return f"{path}/index.html" if directory_urls else f"{path}.html"


def page_href(md_path: str, directory_urls: bool) -> str:
    """Where a link to a Markdown page points once built (relative to the site root)."""
    if directory_urls:
        return md_url(md_path).lstrip("/")
    return md_path.removesuffix(".md") + ".html"


def relative(target: str, from_file: str) -> str:
    """A relative link from one built file to a site-root-relative target (keeps a trailing slash)."""
    rel = posixpath.relpath(target or ".", posixpath.dirname(from_file) or ".")
    if target.endswith("/") or target == "":
        rel = rel.rstrip("/") + "/"
    return rel


@dataclass(frozen=True)
class Redirect:
    """An old or short address that sends the reader on to an item's page."""

    url: str  # the address that must keep answering, e.g. /e/7/
    target_md: str  # the page it leads to, e.g. empfehlungen/x.md
    title: str
    label: str
    reason: str  # one German sentence: why this address forwards
    short: bool = False  # a short URL from a label (else a former id)


def own_page_kinds() -> list[str]:
    return [name for name, spec in ALL_KINDS.items() if spec.own_pages and not spec.single]


def redirects(content: Content) -> list[Redirect]:
    """Short URLs of labelled items and every former id of items with pages of their own."""
    found: list[Redirect] = []
    for kind in own_page_kinds():
        for item in content.items(kind).values():
            target = page_path(kind, item.id)
            label = getattr(item, "label", None) or ""
            short = short_url(item)
            if short:
                found.append(Redirect(short, target, title_of(item), label, f"Kurzlink {label}.", short=True))
            for old in item.former_ids:
                old_url = url_path(kind, old)
                found.append(Redirect(old_url, target, title_of(item), label,
                                      f"Dieser Eintrag hatte früher die Adresse {old_url}."))
    return found
