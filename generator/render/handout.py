"""What a handout shows of each listed page: label, title, the main text and its sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.content import Content
from ..model.kinds import body_of, page_ref, title_of
from ..model.paths import edition_path, md_url, page_path, qr_path, short_url, target


@dataclass(frozen=True)
class Entry:
    kind: str
    item: Any
    kind_label: str
    title: str
    label: str
    lead: str  # a one-line text shown under the title (indicators: the sign itself)
    body: str | None  # a Markdown field
    target: str  # Markdown file#anchor to link to
    qr_svg: str  # file of the page's QR code (below the docs root)
    url: str  # the page's short or canonical URL path


def entry(content: Content, ref: str) -> Entry:
    spec, item_id = page_ref(ref)
    kind = spec.name
    item = content.get(kind, item_id)
    body = body_of(spec, item)
    lead = getattr(item, spec.lead) if spec.lead else ""
    md = page_path(kind, item_id)
    own = spec.own_pages and not spec.single
    page = edition_path(md, content.language)
    url = short_url(item) or (md_url(page) if own else md_url(page) + f"#{item_id}")
    return Entry(kind, item, spec.label, title_of(item), getattr(item, "label", None) or "", lead, body,
                 target(kind, item_id), qr_path(md if own else f"{spec.folder}/{item_id}.md"), url)


def entries(content: Content, refs: list[str]) -> list[Entry]:
    return [entry(content, ref) for ref in refs]
