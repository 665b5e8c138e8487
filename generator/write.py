"""Write a generated tree: only changed files are touched, stale files are removed.

Touching only what changed keeps ``mkdocs serve`` from rebuilding for nothing and lets
MkDocs' dirty builds work; removing stale files means a deleted item never lingers.
"""

from __future__ import annotations

from pathlib import Path

MARKER = ".bkk-generated"


class UnsafeOutputError(Exception):
    """The output folder holds files this generator did not write."""


def write_tree(out: Path, files: dict[str, str | bytes]) -> list[str]:
    """Make ``out`` hold exactly ``files``; return the paths that were written."""
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UnsafeOutputError(f"{out} ist nicht leer und wurde nicht von bkk-site erzeugt; "
                           "wählen Sie einen leeren oder neuen Ordner.")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Dieser Ordner wird von bkk-site erzeugt. Änderungen gehen verloren.\n", encoding="utf-8")
    written = []
    for rel, data in sorted(files.items()):
        path = out / rel
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if path.is_file() and path.read_bytes() == raw:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(raw)
        tmp.replace(path)
        written.append(rel)
    wanted = {out / rel for rel in files} | {out / MARKER}
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written
