"""Write a generated tree: only changed files are touched, stale files are removed.

Touching only what changed keeps ``mkdocs serve`` from rebuilding for nothing and lets
MkDocs' dirty builds work; removing stale files means a deleted item never lingers.
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = ".bkk-generated"
NOTE = "Dieser Ordner wird von bkk-site erzeugt. Änderungen gehen verloren.\n"


class UnsafeOutputError(Exception):
    """The output folder holds files this generator did not write."""


def write_tree(out: Path, files: dict[str, str | bytes], last: dict[str, str | bytes] | None = None) -> list[str]:
    """Make ``out`` hold exactly ``files``; return the paths that were written.

    ``last`` is what an earlier call wrote to ``out`` (live preview): files equal to it are not
    read back from disk, and only files it had are candidates for removal.
    """
    out = Path(out)
    if last is None and out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UnsafeOutputError(f"{out} ist nicht leer und wurde nicht von bkk-site erzeugt; "
                           "wählen Sie einen leeren oder neuen Ordner.")
    if last is None and (not out.exists() or not any(out.iterdir())):
        return _write_new(out, files)
    out.mkdir(parents=True, exist_ok=True)
    marker = out / MARKER
    if not marker.exists():
        marker.write_text(NOTE, encoding="utf-8")
    written = []
    for rel, data in sorted(files.items()):
        if last is not None and rel in last and (last[rel] is data or last[rel] == data):
            continue
        path = out / rel
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if path.is_file() and path.read_bytes() == raw:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(raw)
        tmp.replace(path)
        written.append(rel)
    if last is not None:
        _remove(out, [rel for rel in last if rel not in files])
    else:
        wanted = set(files) | {MARKER}
        _remove(out, [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
                      and p.relative_to(out).as_posix() not in wanted])
        for folder, _dirs, _names in os.walk(out, topdown=False):
            if Path(folder) != out and not os.listdir(folder):
                os.rmdir(folder)
    return written


def _write_new(out: Path, files: dict[str, str | bytes]) -> list[str]:
    """Into an empty folder (every build has a private one): nothing to compare, nobody reading yet."""
    made: set[Path] = set()
    for rel, data in files.items():
        path = out / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    (out / MARKER).write_text(NOTE, encoding="utf-8")
    return sorted(files)


def _remove(out: Path, stale: list[str]) -> None:
    """Delete stale files, then every folder that became empty."""
    folders: set[Path] = set()
    for rel in stale:
        path = out / rel
        path.unlink(missing_ok=True)
        folders.update(p for p in path.parents if p != out and out in p.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
