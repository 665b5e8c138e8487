"""The generator's one entry point: content folder in, complete docs tree out.

The output is a self-contained docs folder (hand-written pages from ``docs/`` plus the
generated ones), so any MkDocs-compatible engine can build it without our hook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .check.validate import load_content
from .confine import folder_problems, refuse
from .extras.files import trainer_files
from .history import last_changed
from .model.content import Content
from .model.paths import edition_path
from .options import SiteOptions
from .problems import ContentError, Mark, Problem
from .render.pages import RenderMemo, render_pages
from .write import write_tree


@dataclass
class Session:
    """What the live preview keeps between saves, so that a save costs what it changed.

    Output is the same as without a session; only the work to get there shrinks.
    """

    render: RenderMemo = field(default_factory=RenderMemo)
    out: Path | None = None
    files: dict[str, str | bytes] | None = None  # the tree last written to ``out``


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
             session: Session | None = None, cache: Path | None = None) -> Result:
    """Load, check, render and write. Raises ContentError and then writes nothing.

    ``out=None`` keeps the tree in memory (a site build hands it to the engine directly, which
    saves creating thousands of files); ``cache`` is a folder for derived files worth keeping
    between runs (QR codes).
    """
    options = options or SiteOptions()
    content = load_content(content_dir)
    render = session.render if session else None
    pages: dict[str, str | bytes] = dict(render_pages(content, options, changed=last_changed(content_dir), memo=render))
    pages.update(trainer_files(content, pages, options, cache=cache))
    # Pages and files are made by their German path; an edition writes them under its own names.
    pages = {edition_path(path, options.language): data for path, data in pages.items()}
    own = hand_written(docs)
    clashes = sorted(set(own) & set(pages))
    if clashes:
        raise ContentError([Problem(Mark(f"docs/{path}"), "Diese Datei hat denselben Pfad wie eine erzeugte Seite.",
                                    "Benennen Sie die handgeschriebene Seite um.") for path in clashes])
    files = {**own, **pages}
    if out is None:
        return Result(content, files, [])
    last = session.files if session and session.out == Path(out) else None
    written = write_tree(out, files, last)
    if session:
        session.out, session.files = Path(out), files
    return Result(content, files, written)
