"""The whole checked content as one typed object: items by kind, references resolved."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..problems import Mark
from .items import iter_refs
from .kinds import ALL_KINDS, children, listing_order
from .translations import DEFAULT_LANGUAGE, in_language, is_translated

Key = tuple[str, str]  # (kind name, id)
FieldPath = tuple[str | int, ...]  # a place inside a YAML file: keys and list positions


@dataclass(frozen=True)
class Origin:
    """Where an item is written down, for edit links and 'Stand' dates, and where each of its
    fields is, for warnings that point at a field without reading the file again.

    ``marks`` and ``key_marks`` are the loaded file's own tables (shared, never copied: the live
    preview loads the content on every save); ``prefix`` is where the item sits in its file
    (``("indicators", 2)`` for an indicator inside its category). Compared by file and line only.
    """

    file: str
    line: int
    marks: Mapping[FieldPath, Mark] = field(default_factory=dict, repr=False, compare=False)
    key_marks: Mapping[FieldPath, Mark] = field(default_factory=dict, repr=False, compare=False)
    prefix: FieldPath = field(default=(), repr=False, compare=False)

    def mark(self, *path: str | int, value: bool = False) -> Mark:
        """Where a field of the item is written: its key (with ``value``: its value), the id's
        key without a field, the id line when the file does not have it."""
        at = (*self.prefix, *(path or ("id",)))
        return (None if value else self.key_marks.get(at)) or self.marks.get(at) or Mark(self.file, self.line, 1)


@dataclass
class Content:
    """Items keyed by kind name (the names in ``kinds.ALL_KINDS``), each kind in its declared order."""

    by_kind: dict[str, dict[str, Any]]
    origins: dict[Key, Origin] = field(default_factory=dict)
    backlinks: dict[Key, list[Key]] = field(default_factory=dict)
    category_of: dict[str, str] = field(default_factory=dict)  # child item id → the id of the item holding it
    language: str = DEFAULT_LANGUAGE  # the edition the items' texts are in
    untranslated: frozenset[Key] = frozenset()  # items whose text ``language`` lacks (their pages say so)
    default: Content | None = field(default=None, repr=False, compare=False)  # the German items (another edition shows some words beside its own)
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, by_kind: dict[str, dict[str, Any]], origins: dict[Key, Origin]) -> Content:
        ordered: dict[str, dict[str, Any]] = {}
        for name, kind in ALL_KINDS.items():
            items = by_kind[name]
            if kind.single:
                first = next(iter(items.values()), None)
                ordered[name] = {first.id: first} if first is not None else {}
            else:
                ordered[name] = {i.id: i for i in sorted(items.values(), key=kind.sort)}
        content = cls(by_kind=ordered, origins=origins)
        for name in ALL_KINDS:
            for child in children(name):
                for holder in ordered[name].values():
                    for item in getattr(holder, child.parent_field):
                        content.category_of[item.id] = holder.id
        content.backlinks = content._backlinks()
        return content

    def in_language(self, lang: str) -> Content:
        """The same items, ids and references, with the texts of edition ``lang`` where it has them."""
        if lang == self.language:
            return self
        by_kind = {}
        for kind, items in self.by_kind.items():  # in the edition's order (a glossary is alphabetical in its language)
            translated = [in_language(item, lang) for item in items.values()]
            sort = ALL_KINDS[kind].sort
            by_kind[kind] = {i.id: i for i in (sorted(translated, key=sort) if sort else translated)}
        untranslated = set()
        for kind, item in self.all_items():
            skip = tuple(child.parent_field for child in children(kind) if child.parent_field)
            if not is_translated(item, lang, skip):
                untranslated.add((kind, item.id))
        return Content(by_kind, self.origins, self.backlinks, self.category_of, lang, frozenset(untranslated), default=self)

    def german(self, kind: str, item_id: str) -> Any:
        """The item in the default edition's words (the glossary shows the German term beside the English one)."""
        return (self.default or self).get(kind, item_id)

    def items(self, kind: str) -> dict[str, Any]:
        """Items of a kind by its name (the names in ``kinds.ALL_KINDS``)."""
        return self.by_kind[kind]

    def single(self, kind: str) -> Any:
        """The one item of a single kind (the BKK document, the video), or None."""
        return next(iter(self.by_kind[kind].values()), None)

    def get(self, kind: str, item_id: str) -> Any:
        return self.items(kind)[item_id]

    def all_items(self) -> list[tuple[str, Any]]:
        return [(kind, item) for kind in listing_order() for item in self.items(kind).values()]

    def _backlinks(self) -> dict[Key, list[Key]]:
        """Who mentions whom: the reverse of every reference except sources."""
        found: dict[Key, set[Key]] = defaultdict(set)
        for kind, item in self.all_items():
            refs = iter_refs(item)
            held = {child.parent_field for child in children(kind)}  # the items it holds link back themselves
            if held:
                refs = (r for r in refs if r[0][0] not in held)
            for _path, target_kind, target in refs:
                if target_kind in ("source", "page"):
                    continue
                found[(target_kind, target)].add((kind, item.id))
        return {key: sorted(value) for key, value in found.items()}

    def active(self, kind: str) -> list[Any]:
        key = ("active", kind)
        if key not in self._cache:  # templates ask often; the content does not change while rendering
            self._cache[key] = [i for i in self.items(kind).values() if i.status == "active"]
        return self._cache[key]

    def mentioning(self, by_kind: str, target_kind: str, target_id: str) -> list[Any]:
        """Active items of ``by_kind`` that reference the target, in ``by_kind``'s order.

        Read from the backlinks, so an overview page costs as much as its links; filtering
        every item for every heading grows with the square of the content.
        """
        key = ("order", by_kind)
        if key not in self._cache:
            self._cache[key] = {item.id: n for n, item in enumerate(self.active(by_kind))}
        order = self._cache[key]
        found = {i for k, i in self.backlinks.get((target_kind, target_id), []) if k == by_kind and i in order}
        return [self.items(by_kind)[i] for i in sorted(found, key=order.__getitem__)]
