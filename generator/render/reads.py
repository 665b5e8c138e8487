"""What a page read from the content, and what changed between two loads of it.

The live preview renders every page once, recording which parts of the content each page
read; after a save it renders again only the pages whose reads meet the change. Every way a
template can reach the content goes through ``Tracked``; anything it does not know is
recorded as ``EVERYTHING``, so a page is re-rendered too often rather than left stale.

A read is one of: ``("kind", K)`` (all items of kind K, their order included), ``(K, id)``
(one item), ``("backlinks", (K, id))`` (who references that item), or ``EVERYTHING``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model.content import Content
from ..model.kinds import ALL_KINDS

Read = tuple
EVERYTHING: Read = ("everything",)


class Tracked:
    """The content as one page sees it; ``reads`` collects what the page looked at."""

    __slots__ = ("_content", "reads")

    def __init__(self, content: Content, reads: set[Read]):
        self._content = content
        self.reads = reads

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._content, name)
        reads = self.reads
        wrapper = _WRAPPERS.get(name)
        if wrapper is None:
            reads.add(EVERYTHING)
            return value
        return wrapper(self._content, reads)


def _whole_kind(method: str) -> Callable[[Content, set[Read]], Callable[..., Any]]:
    def wrap(content: Content, reads: set[Read]) -> Callable[..., Any]:
        def call(kind: str) -> Any:
            reads.add(("kind", kind))
            return getattr(content, method)(kind)
        return call
    return wrap


def _get(content: Content, reads: set[Read]) -> Callable[[str, str], Any]:
    def get(kind: str, item_id: str) -> Any:
        reads.add((kind, item_id))
        return content.get(kind, item_id)
    return get


def _referencing(content: Content, reads: set[Read], target: tuple[str, str]) -> list[tuple[str, str]]:
    """Who references ``target``: the list and every item on it (their titles and status are shown)."""
    found = content.backlinks.get(target, [])
    reads.add(("backlinks", target))
    reads.update(found)
    return found


def _mentioning(content: Content, reads: set[Read]) -> Callable[[str, str, str], list[Any]]:
    def mentioning(by_kind: str, target_kind: str, target_id: str) -> list[Any]:
        _referencing(content, reads, (target_kind, target_id))
        reads.add(("order", by_kind))
        return content.mentioning(by_kind, target_kind, target_id)
    return mentioning


class _Backlinks:
    """``c.backlinks`` for templates: only ``.get`` and ``[]``, each recorded."""

    __slots__ = ("_content", "_reads")

    def __init__(self, content: Content, reads: set[Read]):
        self._content, self._reads = content, reads

    def get(self, key: tuple[str, str], default: Any = None) -> Any:
        return _referencing(self._content, self._reads, tuple(key)) if tuple(key) in self._content.backlinks else default

    def __getitem__(self, key: tuple[str, str]) -> list[tuple[str, str]]:
        self._content.backlinks[tuple(key)]  # raise KeyError like the dict would
        return _referencing(self._content, self._reads, tuple(key))


def _category_of(content: Content, reads: set[Read]) -> dict[str, str]:
    """Which item holds a child item: every kind that holds items (an indicator's category)."""
    reads.update(("kind", kind.parent) for kind in ALL_KINDS.values() if kind.parent)
    return content.category_of


_WRAPPERS: dict[str, Callable[[Content, set[Read]], Any]] = {
    "items": _whole_kind("items"),
    "single": _whole_kind("single"),
    "active": _whole_kind("active"),
    "get": _get,
    "mentioning": _mentioning,
    "backlinks": _Backlinks,
    "category_of": _category_of,
}


def changes(old: Content, new: Content) -> set[Read]:
    """Every read that may give a different answer on ``new`` than on ``old``.

    Unchanged files give the very same item objects (the loader caches them by content hash),
    so most comparisons are identity checks.
    """
    changed: set[Read] = set()
    for kind in ALL_KINDS:
        before, after = old.items(kind), new.items(kind)
        kind_changed = list(before) != list(after)
        if kind_changed:
            changed.add(("order", kind))
        for item_id in before.keys() | after.keys():
            a, b = before.get(item_id), after.get(item_id)
            if a is not b and a != b:
                changed.add((kind, item_id))
                kind_changed = True
        if kind_changed:
            changed.add(("kind", kind))
    for key in old.backlinks.keys() | new.backlinks.keys():
        if old.backlinks.get(key) != new.backlinks.get(key):
            changed.add(("backlinks", key))
    return changed


def affected(reads: set[Read], changed: set[Read]) -> bool:
    return EVERYTHING in reads or not reads.isdisjoint(changed)
