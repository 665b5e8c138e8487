"""The whole checked content as one typed object: items by kind, references resolved."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .model import (
    Actor,
    BkkDocument,
    Event,
    ExploitationForm,
    GlossaryTerm,
    HelpInfo,
    Indicator,
    IndicatorCategory,
    KeyFigure,
    Land,
    LegalNorm,
    Network,
    Phase,
    Recommendation,
    Seminar,
    Service,
    Source,
    SuspicionGuide,
    Video,
    iter_refs,
)

Key = tuple[str, str]  # (kind name, id)


@dataclass(frozen=True)
class Origin:
    """Where an item is written down, for edit links and 'Stand' dates."""

    file: str
    line: int


@dataclass
class Content:
    sources: dict[str, Source]
    phases: dict[str, Phase]
    actors: dict[str, Actor]
    recommendations: dict[str, Recommendation]
    indicator_categories: dict[str, IndicatorCategory]
    indicators: dict[str, Indicator]
    exploitation_forms: dict[str, ExploitationForm]
    legal_norms: dict[str, LegalNorm]
    glossary: dict[str, GlossaryTerm]
    laender: dict[str, Land]
    networks: dict[str, Network]
    services: dict[str, Service]
    key_figures: dict[str, KeyFigure]
    events: dict[str, Event]
    document: BkkDocument | None = None
    video: Video | None = None
    help: HelpInfo | None = None
    suspicion: SuspicionGuide | None = None
    origins: dict[Key, Origin] = field(default_factory=dict)
    backlinks: dict[Key, list[Key]] = field(default_factory=dict)
    category_of: dict[str, str] = field(default_factory=dict)
    seminars: dict[str, Seminar] = field(default_factory=dict)
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, by_kind: dict[str, dict[str, Any]], origins: dict[Key, Origin]) -> Content:
        def ordered(items: dict[str, Any]) -> dict[str, Any]:
            def key(item: Any) -> tuple:
                return (getattr(item, "order", 0), getattr(item, "label", ""), str(getattr(item, "date", "")),
                        getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "term", "") or item.id)
            return {i.id: i for i in sorted(items.values(), key=key)}

        glossary = {t.id: t for t in sorted(by_kind["glossary"].values(), key=lambda t: t.term.casefold())}
        content = cls(
            sources={s.id: s for s in sorted(by_kind["source"].values(), key=lambda s: s.title.casefold())},
            phases=ordered(by_kind["phase"]),
            actors=ordered(by_kind["actor"]),
            recommendations=ordered(by_kind["recommendation"]),
            indicator_categories=ordered(by_kind["indicator_category"]),
            indicators=ordered(by_kind["indicator"]),
            exploitation_forms=ordered(by_kind["exploitation_form"]),
            legal_norms={n.id: n for n in sorted(by_kind["legal_norm"].values(), key=_norm_order)},
            glossary=glossary,
            laender={land.id: land for land in sorted(by_kind["land"].values(), key=lambda x: x.name)},
            networks=ordered(by_kind["network"]),
            services=ordered(by_kind["service"]),
            key_figures=ordered(by_kind["key_figure"]),
            events={e.id: e for e in sorted(by_kind["event"].values(), key=lambda e: (e.date, e.id))},
            document=next(iter(by_kind["document"].values()), None),
            video=next(iter(by_kind["video"].values()), None),
            help=next(iter(by_kind["help"].values()), None),
            suspicion=next(iter(by_kind["suspicion"].values()), None),
            origins=origins,
            seminars=ordered(by_kind["seminar"]),
        )
        for category in content.indicator_categories.values():
            for indicator in category.indicators:
                content.category_of[indicator.id] = category.id
        content.backlinks = content._backlinks()
        return content

    def items(self, kind: str) -> dict[str, Any]:
        """Items of a kind by its model name (the names in model.KINDS)."""
        single = {"document": self.document, "video": self.video, "help": self.help, "suspicion": self.suspicion}
        if kind in single:
            item = single[kind]
            return {item.id: item} if item else {}
        return getattr(self, _ATTRIBUTE[kind])

    def single(self, kind: str) -> Any:
        """The one item of a single kind (the BKK document, the help numbers …), or None."""
        return next(iter(self.items(kind).values()), None)

    def get(self, kind: str, item_id: str) -> Any:
        return self.items(kind)[item_id]

    def all_items(self) -> list[tuple[str, Any]]:
        return [(kind, item) for kind in _ATTRIBUTE_ORDER for item in self.items(kind).values()]

    def _backlinks(self) -> dict[Key, list[Key]]:
        """Who mentions whom: the reverse of every reference except sources."""
        found: dict[Key, set[Key]] = defaultdict(set)
        for kind, item in self.all_items():
            refs = iter_refs(item)
            if kind == "indicator_category":
                refs = (r for r in refs if r[0][0] != "indicators")
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


_ATTRIBUTE = {
    "source": "sources", "phase": "phases", "actor": "actors", "recommendation": "recommendations",
    "indicator_category": "indicator_categories", "indicator": "indicators",
    "exploitation_form": "exploitation_forms", "legal_norm": "legal_norms", "glossary": "glossary",
    "land": "laender", "network": "networks", "service": "services", "key_figure": "key_figures", "event": "events",
    "seminar": "seminars",
}
_ATTRIBUTE_ORDER = ["document", "video", "help", "suspicion", *_ATTRIBUTE]

_LEVEL_ORDER = {"international": 0, "eu": 1, "federal": 2, "state": 3}


def _norm_order(norm: LegalNorm) -> tuple:
    return (_LEVEL_ORDER[norm.level], norm.instrument, norm.id)
