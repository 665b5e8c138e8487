"""Which item pages link to which, worked out from the model (the check stage never renders).

A page counts as linked when a page of another item links to it. Overviews (pages of no single
item: a kind's index, the "nach-…" lists, the matrices, the start page) show every item of a kind,
so their links do not count. The pages of an item show its content when it is active, or when it
is the one item of a single kind; such an item's pages link

- what it references, page references included (a seminar's handout, a video chapter), except in
  the fields its kind shows without a link (``PageLinks.plain``);
- the items naming it that its kind lists (``PageLinks.lists``, all of them with ``mentions``);
- what its Markdown texts link to (the German ones: an ``en:`` block is on the English pages), and
  the texts of the pages its handout shows (``PageLinks.handout``).

A withdrawn item's page links its successor only. ``tests/check/test_linking.py`` compares this
with the links in the rendered pages.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from .content import Content, Key
from .fields import markdown_values
from .items import _LINK_TARGET, iter_refs
from .kinds import ALL_KINDS, body_of, children, page_ref
from .paths import own_page_kinds, page_path
from .translations import TRANSLATIONS


def inbound(content: Content) -> dict[str, set[Key]]:
    """Every linked item page (``page_path``) with the items whose pages link to it."""
    pages = {page_path(kind, item_id): (kind, item_id) for kind in own_page_kinds() for item_id in content.items(kind)}
    found: dict[str, set[Key]] = defaultdict(set)
    for kind, item in content.all_items():
        if not ALL_KINDS[kind].own_pages:
            continue  # only its kind's overview shows it
        key = (kind, item.id)
        for page in _links(content, kind, item):
            target = pages.get(page)
            if target is not None and target != key:
                found[page].add(key)
    return dict(found)


def _links(content: Content, kind: str, item: Any) -> Iterator[str]:
    """The pages that the pages of one item link to (any page, item pages or not)."""
    spec = ALL_KINDS[kind]
    if not spec.single and item.status != "active":
        if item.replaced_by:
            yield page_path(kind, item.replaced_by)
        return
    skip = set(spec.links.plain) | {child.parent_field for child in children(kind)}  # held items link themselves
    for path, ref_kind, ref in iter_refs(item):
        if path[0] not in skip:
            yield _page(ref_kind, ref)
    for named_by, named_id in content.backlinks.get((kind, item.id), []):
        if spec.links.mentions or named_by in spec.links.lists:
            yield page_path(named_by, named_id)
    here = page_path(kind, item.id)
    for path, text in markdown_values(item):
        if not any(part in TRANSLATIONS for part in path):  # another edition's words are on its own pages
            yield from _text_links(text, here)
    for ref in getattr(item, spec.links.handout) if spec.links.handout else ():
        listed, listed_id = page_ref(ref)
        yield from _text_links(body_of(listed, content.get(listed.name, listed_id)) or "", here)


def _page(kind: str, ref: str) -> str:
    """The page a reference leads to; a page reference names it (``akteure/jugendamt``)."""
    if kind == "page":
        named, ref = page_ref(ref)
        kind = named.name
    return page_path(kind, ref)


def _text_links(text: str, here: str) -> Iterator[str]:
    """The pages the links in a Markdown text lead to, shown on page ``here``."""
    for match in _LINK_TARGET.finditer(text):
        file = (match.group(1) or match.group(2) or "").strip("<>").partition("#")[0]
        if file:
            yield posixpath.normpath(posixpath.join(posixpath.dirname(here), file))
