"""What every generated page gets below its template: search keywords, the video chapter
link, and the glossary's abbreviations (Python-Markdown ``abbr``, shown as tooltips).

Word forms and compound parts are not listed here: generator/search adds them to the search
index with a real lemmatizer and splitter.

Computed once per run (``Extras.of``), then appended per page (``Extras.appendix``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.content import Content
from ..model.kinds import page_ref
from ..model.paths import target
from ..model.translations import DEFAULT_LANGUAGE
from .language import Language
from .links import Linker
from .text import escape_text, plain

_WORD = re.compile(r"\w+")
_PARENS = re.compile(r"^(?P<name>.+?)\s*\((?P<abbr>[A-Za-zÄÖÜäöü]{2,8})\)$")


@dataclass(frozen=True)
class Chapter:
    number: int
    start: str
    title: str


@dataclass
class Extras:
    abbreviations: dict[str, str]  # shown text → explanation
    chapters: dict[str, list[Chapter]] = field(default_factory=dict)  # page path → chapters covering it
    language: str = DEFAULT_LANGUAGE

    @classmethod
    def of(cls, content: Content) -> Extras:
        return cls(abbreviations(content), video_chapters(content), content.language)

    def appendix(self, path: str, body: str, item: object | None, linker: Linker) -> str:
        out = []
        say = Language(self.language).gettext
        for chapter in self.chapters.get(path, []):
            link = linker.href(f"video/index.md#kapitel-{chapter.number}")
            text = say("Im Erklärvideo ab {start}: {title}").format(start=chapter.start, title=escape_text(chapter.title))
            out.append(f"[{text}]({link})\n" "{: .bkk-video-link }")
        if item is not None:
            shown = list(dict.fromkeys(getattr(item, "keywords", [])))
            if shown:
                out.append(f"*{say('Stichwörter:')}* " + ", ".join(escape_text(k) for k in shown) + "\n{: .bkk-keywords }")
        words = set(_WORD.findall(body))
        used = [k for k in self.abbreviations if _mentions(body, k, words)]  # only what the page uses: abbr is slow
        if used:
            out.append("\n".join(f"*[{escape_abbr(k)}]: {self.abbreviations[k]}" for k in used))
        return "".join("\n\n" + block for block in out)


def _mentions(body: str, key: str, words: set[str]) -> bool:
    """``key`` stands in ``body`` as a whole word (or phrase); ``words`` are the body's words."""
    if _WORD.fullmatch(key):  # one word: a whole-word occurrence is exactly one of the body's words
        return key in words
    return key in body and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", body) is not None


def escape_abbr(text: str) -> str:
    return text.replace("]", "")


def abbreviations(content: Content) -> dict[str, str]:
    """Tooltips from the content: glossary terms and abbreviations first, then the short forms
    that actors, laws and the document itself carry (e.g. „Strafgesetzbuch (StGB)“)."""
    found: dict[str, str] = {}

    def add(key: str, text: str) -> None:
        key = " ".join(key.split())
        if len(key) >= 2 and key not in found and "\n" not in text:
            found[key] = " ".join(text.split())

    for term in content.active("glossary"):
        definition = plain(term.definition, 200)
        if term.abbreviation:
            add(term.abbreviation, f"{term.term}: {definition}")
        add(term.term, definition)
    for actor in content.active("actor"):
        if actor.short and actor.short.isupper() and len(actor.short) >= 3:
            add(actor.short, actor.title)
    for norm in content.active("legal_norm"):
        m = _PARENS.match(norm.instrument)
        if m:
            add(m["abbr"], m["name"])
    if content.single("document"):
        m = _PARENS.match(content.single("document").short_title)
        if m:
            add(m["abbr"], m["name"])
    return dict(sorted(found.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def video_chapters(content: Content) -> dict[str, list[Chapter]]:
    """Page path → the chapters of the explainer video that cover it (only when there is a video)."""
    video = content.single("video")
    if video is None or video.provider == "none" or video.status != "active":
        return {}
    covered: dict[str, list[Chapter]] = {}
    for number, chapter in enumerate(video.chapters, start=1):
        for ref in chapter.pages:
            kind, item_id = page_ref(ref)
            if kind is None:
                continue
            path = target(kind.name, item_id).partition("#")[0]
            covered.setdefault(path, []).append(Chapter(number, chapter.start, chapter.title))
    return covered
