"""The generator's one entry point: content folder in, complete docs tree out.

The output is a self-contained docs folder (hand-written pages from ``docs/`` plus the
generated ones), so any MkDocs-compatible engine can build it without our hook.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .check.validate import FileCache, load_content
from .confine import folder_problems, refuse
from .extras import opendata, qr
from .extras.files import hand_written_codes, trainer_files
from .history import Dates, last_changed
from .model.content import Content
from .model.paths import edition_path
from .options import SiteOptions
from .problems import ContentError, Mark, Problem
from .render.pages import RenderMemo, render_pages
from .write import write_tree


@dataclass
class Session:
    """What is worked out once and then kept: by one build for all its steps and editions (a build
    gets a fresh one), by the live preview across saves (``serve`` keeps one), so a save costs
    what it changed. Output is the same as without a session; only the work to get there shrinks.
    """

    parsed: FileCache = field(default_factory=FileCache)  # content files, parsed and checked by content hash
    codes: qr.Memory = field(default_factory=dict)  # QR images by URL
    exports: opendata.Exported = field(default_factory=dict)  # open-data files per kind
    history: dict[tuple[str, str], Dates] = field(default_factory=dict)  # the files' git dates
    render: RenderMemo | None = None  # the last render, to re-render only what changed (the live preview)
    out: Path | None = None
    files: dict[str, str | bytes] | None = None  # the tree last written to ``out``

    @classmethod
    def live(cls) -> Session:
        """The live preview's: it also re-renders only the pages a save changed."""
        return cls(render=RenderMemo())


@dataclass
class Result:
    content: Content
    files: dict[str, str | bytes]
    written: list[str]


def hand_written(docs: Path | None) -> dict[str, bytes]:
    """The docs folder's files; a link in it (or the folder being one) is refused, never followed."""
    if docs is None:
        return {}
    refuse(folder_problems(docs))
    if not docs.is_dir():
        return {}
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def generate(content_dir: Path, out: Path | None, docs: Path | None = None, options: SiteOptions | None = None,
             session: Session | None = None, cache: Path | None = None, beside: Iterable[str] = (),
             checked: Content | None = None) -> Result:
    """Load, check, render and write. Raises ContentError and then writes nothing.

    ``out=None`` keeps the tree in memory (a site build hands it to the engine directly, which
    saves creating thousands of files); ``cache`` is a folder for derived files worth keeping
    between runs (QR codes). ``docs`` are copied into the tree; ``beside`` are the hand-written
    pages the engine brings itself (MkDocs reads its ``docs_dir``): both get their QR codes.
    ``checked`` is the content of ``content_dir`` when the caller has just loaded and checked it.
    """
    options = options or SiteOptions()
    session = session or Session()
    content = checked if checked is not None else load_content(content_dir, session.parsed)
    changed = last_changed(content_dir, session.history)
    pages: dict[str, str | bytes] = dict(render_pages(content, options, changed=changed, memo=session.render))
    codes = qr.Codes(cache, session.codes)
    pages.update(trainer_files(content, pages, options, codes=codes, exports=session.exports))
    # Pages and files are made by their German path; an edition writes them under its own names.
    pages = {edition_path(path, options.language): data for path, data in pages.items()}
    own = hand_written(docs)
    pages.update(hand_written_codes([*own, *beside], options, codes))
    clashes = sorted(set(own) & set(pages))
    if clashes:
        raise ContentError([Problem(Mark(f"docs/{path}"), "Diese Datei hat denselben Pfad wie eine erzeugte Seite.",
                                    "Benennen Sie die handgeschriebene Seite um.") for path in clashes])
    files = {**own, **pages}
    if out is None:
        return Result(content, files, [])
    last = session.files if session.out == Path(out) else None
    written = write_tree(out, files, last)
    session.out, session.files = Path(out), files
    return Result(content, files, written)
