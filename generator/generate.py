"""The generator's one entry point: content folder in, complete docs tree out.

The output is a self-contained docs folder (hand-written pages from ``docs/`` plus the
generated ones), so any MkDocs-compatible engine can build it without our hook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import Content
from .options import SiteOptions
from .problems import ContentError, Mark, Problem
from .render.pages import render_pages
from .trainer.files import trainer_files
from .validate import load_content
from .write import write_tree


@dataclass
class Result:
    content: Content
    files: dict[str, str | bytes]
    written: list[str]


def hand_written(docs: Path | None) -> dict[str, bytes]:
    if docs is None or not docs.is_dir():
        return {}
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def generate(content_dir: Path, out: Path, docs: Path | None = None, options: SiteOptions | None = None) -> Result:
    """Load, check, render and write. Raises ContentError and then writes nothing."""
    options = options or SiteOptions()
    content = load_content(content_dir)
    pages: dict[str, str | bytes] = dict(render_pages(content, options))
    pages.update(trainer_files(content, pages, options))
    own = hand_written(docs)
    clashes = sorted(set(own) & set(pages))
    if clashes:
        raise ContentError([Problem(Mark(f"docs/{path}"), "Diese Datei hat denselben Pfad wie eine erzeugte Seite.",
                                    "Benennen Sie die handgeschriebene Seite um.") for path in clashes])
    files = {**own, **pages}
    return Result(content, files, write_tree(out, files))
