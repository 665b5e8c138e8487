"""The protection process as inline SVG, computed from the phases at build time.

Two layouts of the same diagram: rows for wide screens and a column for phones (CSS shows
one; the other is ``display: none`` and so neither focusable nor read out). Every phase is a
link to its page. The ordered list that pages put next to it is the text alternative (and
what a printout or a screen reader's list navigation relies on). No JavaScript.

The words the diagram says itself are the edition's (``lang``): the template's through ``_()``,
the box labels built here through the same catalogs (``generator/locales/en/action.po``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..model.content import Content
from ..model.paths import edition_url, page_path
from ..model.translations import DEFAULT_LANGUAGE
from .language import Language
from .svg import render, wrap

LINE = 19  # px between text lines (font size 15 px)
CHAR = 8.4  # average width of a character at 15 px, for wrapping


@dataclass(frozen=True)
class Box:
    """One linked phase: rectangle, optional number badge and its wrapped title lines."""

    number: int | None  # position in the main track; None for parallel tracks
    label: str  # accessible name of the link
    href: str
    x: float
    y: float
    width: float
    height: float
    text: tuple[tuple[float, float, str], ...]  # (x, baseline y, line)
    badge: tuple[float, float] | None = None  # centre of the number circle

    @property
    def parallel(self) -> bool:
        return self.number is None


@dataclass(frozen=True)
class Layout:
    name: str  # "wide" or "narrow"
    width: int
    height: int
    boxes: tuple[Box, ...]
    arrows: tuple[tuple[float, float, float, float], ...]  # x1, y1, x2, y2


def _phases(content: Content) -> tuple[list, list]:
    active = content.active("phase")
    return [p for p in active if p.track == "main"], [p for p in active if p.track != "main"]


def _parallel_title(phase, words: Callable[[str], str]) -> str:
    return phase.title if "parallel" in phase.title.casefold() else words("%(title)s (parallel)") % {"title": phase.title}


def _href(here: str, phase, directory_urls: bool = True, lang: str = DEFAULT_LANGUAGE) -> str:
    return edition_url(here, page_path("phase", phase.id), lang, directory_urls)


def _parallel_boxes(parallel: list, here: str, y: float, width: float, dirs: bool,
                    words: Callable[[str], str], lang: str = DEFAULT_LANGUAGE) -> tuple[list[Box], float]:
    boxes = []
    for phase in parallel:
        title = _parallel_title(phase, words)
        lines = wrap("⇆ " + title, int((width - 28) / CHAR))
        height = 16 + LINE * len(lines)
        text = tuple((14.0, y + 8 + 15 + i * LINE, line) for i, line in enumerate(lines))
        boxes.append(Box(None, words("Parallel: %(title)s") % {"title": title}, _href(here, phase, dirs, lang), 0, y, width, height, text))
        y += height + 12
    return boxes, y


def _step(number: int, phase, words: Callable[[str], str]) -> str:
    return words("Schritt %(number)s: %(title)s") % {"number": number, "title": phase.title}


def wide(content: Content, here: str, width: int = 720, dirs: bool = True, lang: str = DEFAULT_LANGUAGE) -> Layout:
    """Rows of up to four boxes (six phases: two rows of three), parallel tracks below."""
    main, parallel = _phases(content)
    words = Language(lang).gettext
    gap, pad, row_gap = 28, 12, 32
    n = max(len(main), 1)
    cols = n if n <= 4 else min(4, -(-n // 2))
    box_w = (width - gap * (cols - 1)) / cols
    wrapped = [wrap(p.title, max(8, int((box_w - 2 * pad) / CHAR))) for p in main]
    box_h = 50 + LINE * max((len(w) for w in wrapped), default=1)
    boxes: list[Box] = []
    arrows = []
    for i, (phase, lines) in enumerate(zip(main, wrapped, strict=True)):
        row, col = divmod(i, cols)
        x, y = col * (box_w + gap), row * (box_h + row_gap)
        text = tuple((x + pad, y + 60 + j * LINE, line) for j, line in enumerate(lines))
        boxes.append(Box(i + 1, _step(i + 1, phase, words), _href(here, phase, dirs, lang), x, y, box_w, box_h, text,
                         (x + 26, y + 26)))
        if col:
            arrows.append((x - gap + 3, y + box_h / 2, x - 4, y + box_h / 2))
    rows = -(-len(main) // cols) if main else 0
    extra, bottom = _parallel_boxes(parallel, here, rows * (box_h + row_gap) - (row_gap - 20 if rows else 0), width, dirs, words, lang)
    boxes += extra
    height = bottom - 12 if parallel else rows * (box_h + row_gap) - row_gap
    return Layout("wide", width, int(height) + 1, tuple(boxes), tuple(arrows))


def narrow(content: Content, here: str, width: int = 340, dirs: bool = True, lang: str = DEFAULT_LANGUAGE) -> Layout:
    """One column for phones, so text stays at reading size."""
    main, parallel = _phases(content)
    words = Language(lang).gettext
    boxes: list[Box] = []
    arrows = []
    y = 0.0
    for i, phase in enumerate(main):
        lines = wrap(phase.title, int((width - 62) / CHAR))
        height = 20 + LINE * len(lines)
        if i:
            arrows.append((width / 2, y - 21, width / 2, y - 4))
        text = tuple((52.0, y + 10 + 15 + j * LINE, line) for j, line in enumerate(lines))
        boxes.append(Box(i + 1, _step(i + 1, phase, words), _href(here, phase, dirs, lang), 0, y, width, height, text,
                         (26, y + height / 2)))
        y += height + 24
    extra, bottom = _parallel_boxes(parallel, here, y - 4, width, dirs, words, lang)
    boxes += extra
    height = bottom - 12 if parallel else y - 24
    return Layout("narrow", width, int(height) + 1, tuple(boxes), tuple(arrows))


def process_diagram(content: Content, here: str, directory_urls: bool = True, lang: str = DEFAULT_LANGUAGE) -> Markup:
    """The diagram of one edition as one raw HTML block, links relative to the page at ``here``."""
    main, parallel = _phases(content)
    if not main and not parallel:
        return Markup("")
    layouts = [wide(content, here, dirs=directory_urls, lang=lang), narrow(content, here, dirs=directory_urls, lang=lang)]
    return render("diagram.svg.j2", lang=lang, layouts=layouts, steps=len(main), has_parallel=bool(parallel))
