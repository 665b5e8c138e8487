"""The 16 Länder as a tile map (SVG), shaded by what the content knows about each.

A tile map, not outlines: the project ships the grid below, so nothing is fetched and every
Land gets a tile of the same size (Bremen and Berlin stay clickable). Shading says how many of
three things are known (a regional network, counselling for minors, a state-level step);
letters in each tile say which, so colour is never the only carrier. The table on the page is
the text alternative.

The words the map says are the edition's (``lang``): the template's through ``_()``, the tiles'
read-outs and counts built here through the same catalogs (``generator/locales/en/action.po``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..model.content import Content
from ..model.paths import edition_url, page_path
from ..model.translations import DEFAULT_LANGUAGE
from .language import Language
from .svg import render

# code: (row, column, name) - a 5 × 6 grid that keeps neighbours roughly where they are.
GRID: dict[str, tuple[int, int, str]] = {
    "SH": (0, 2, "Schleswig-Holstein"),
    "HB": (1, 1, "Bremen"), "HH": (1, 2, "Hamburg"), "MV": (1, 3, "Mecklenburg-Vorpommern"),
    "NI": (2, 1, "Niedersachsen"), "ST": (2, 2, "Sachsen-Anhalt"), "BE": (2, 3, "Berlin"), "BB": (2, 4, "Brandenburg"),
    "NW": (3, 0, "Nordrhein-Westfalen"), "HE": (3, 1, "Hessen"), "TH": (3, 2, "Thüringen"), "SN": (3, 3, "Sachsen"),
    "RP": (4, 0, "Rheinland-Pfalz"), "BW": (4, 1, "Baden-Württemberg"), "BY": (4, 2, "Bayern"),
    "SL": (5, 0, "Saarland"),
}
TILE, GAP = 80, 6
# letter in the tile, legend, read-out when known, read-out when not
ASPECTS = (
    ("N", "regionales Netzwerk", "regionales Netzwerk bekannt", "kein regionales Netzwerk bekannt"),
    ("M", "Beratung für Minderjährige", "Beratung für Minderjährige bekannt", "keine Beratung für Minderjährige bekannt"),
    ("L", "landesweite Regelung oder Schritte", "landesweite Regelungen oder Schritte bekannt",
     "keine landesweiten Regelungen oder Schritte bekannt"),
)


@dataclass(frozen=True)
class LandStatus:
    """What the content knows about one Land (also the row of the text alternative)."""

    code: str
    name: str
    land_id: str | None  # None: no page for this Land yet
    networks: int
    services: int
    minors: int
    instruments: int

    @property
    def known(self) -> tuple[bool, bool, bool]:
        return self.networks > 0, self.minors > 0, self.instruments > 0

    @property
    def level(self) -> int:
        return sum(self.known)

    @property
    def description(self) -> str:
        return self.describe()

    @property
    def counts(self) -> str:
        return self.count_words()

    @property
    def short_count(self) -> str:
        return self.short_count_words()

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The tile's read-out: what is known and the counts, in the edition's words."""
        words = _words(lang)
        if self.land_id is None:
            return words("%(code)s (%(name)s): noch keine Seite") % {"code": self.code, "name": self.name}
        parts = [words(yes if known else no) for known, (_, _, yes, no) in zip(self.known, ASPECTS, strict=True)]
        return words("%(code)s (%(name)s): %(known)s; %(counts)s") % {
            "code": self.code, "name": self.name, "known": "; ".join(parts), "counts": self.count_words(lang)}

    def count_words(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The numbers behind the shading, in words (also under the letters in the tile)."""
        words = _words(lang)
        services = words("1 Beratungsstelle") if self.services == 1 else words("%(n)s Beratungsstellen") % {"n": self.services}
        steps = (words("1 landesweite Regelung oder Schritt") if self.instruments == 1
                 else words("%(n)s landesweite Regelungen oder Schritte") % {"n": self.instruments})
        return words("%(services)s, davon %(minors)s für Minderjährige; %(steps)s") % {
            "services": services, "minors": self.minors, "steps": steps}

    def short_count_words(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """What fits in a tile: counselling centres known."""
        words = _words(lang)
        return words("1 Stelle") if self.services == 1 else words("%(n)s Stellen") % {"n": self.services}


def _words(lang: str) -> Callable[[str], str]:
    return Language(lang).gettext


def statuses(content: Content) -> list[LandStatus]:
    """One status per Land of the grid, in grid order (north to south)."""
    by_code = {land.code: land for land in content.active("land")}
    rows = []
    for code, (_r, _c, name) in sorted(GRID.items(), key=lambda kv: kv[1][:2]):
        land = by_code.get(code)
        if land is None:
            rows.append(LandStatus(code, name, None, 0, 0, 0, 0))
            continue
        services = [s for s in content.active("service") if s.land == land.id]
        rows.append(LandStatus(
            code, land.name, land.id,
            networks=sum(1 for n in content.active("network") if n.land == land.id),
            services=len(services), minors=sum(1 for s in services if s.serves_minors),
            instruments=len(land.instruments),
        ))
    return rows


def laender_map(content: Content, here: str, directory_urls: bool = True, lang: str = DEFAULT_LANGUAGE) -> Markup:
    """The tile map of one edition as one raw HTML block; tiles link to the Land pages relative to ``here``."""
    words = _words(lang)
    tiles = []
    for status in statuses(content):
        row, col, _name = GRID[status.code]
        href = edition_url(here, page_path("land", status.land_id), lang, directory_urls) if status.land_id else None
        marks = " ".join(aspect[0] if known else "–" for known, aspect in zip(status.known, ASPECTS, strict=True))
        tiles.append({"status": status, "x": col * (TILE + GAP), "y": row * (TILE + GAP), "href": href, "marks": marks,
                      "label": status.describe(lang), "count": status.short_count_words(lang)})
    width = 5 * TILE + 4 * GAP
    height = 6 * TILE + 5 * GAP
    aspects = [(letter, words(what), words(yes), words(no)) for letter, what, yes, no in ASPECTS]
    return render("laender_map.svg.j2", lang=lang, tiles=tiles, tile=TILE, width=width, height=height, aspects=aspects)
