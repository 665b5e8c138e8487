"""Edit and view links to the file an editor really changes: the YAML source, not generated Markdown.

``edit_uri: edit/main/docs/`` tells where hand-written pages live; a generated page's source
is a content file at the repository root, so the ``docs/`` part is dropped for it. The view
link uses ``blob`` instead of ``edit`` and points at the line (``#L12``), which GitHub,
GitLab and Gitea all understand.
"""

from __future__ import annotations

import os
from pathlib import Path


def _repo_path(source_file: str, root: Path) -> str | None:
    path = Path(os.path.abspath(source_file))  # not resolve(): a symlinked content folder stays in the repo
    try:
        return path.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return None


def edit_and_view(repo_url: str | None, edit_uri: str | None, root: Path, source_file: str | None,
                  source_line: int | None, docs_src: str | None, docs_dir: str) -> tuple[str | None, str | None]:
    """(edit URL, view URL) for a page; (None, None) when there is nothing sensible to open."""
    if not repo_url or not edit_uri:
        return None, None
    base = repo_url.rstrip("/") + "/"
    prefix = edit_uri.strip("/")
    docs_name = os.path.relpath(docs_dir, root).replace(os.sep, "/") if os.path.isabs(docs_dir) else docs_dir.strip("/")
    top = prefix.removesuffix("/" + docs_name) if docs_name and docs_name != "." else prefix
    if source_file:
        rel = _repo_path(source_file, root)
        if rel is None:
            return None, None
        path, line = top + "/" + rel, source_line
    elif docs_src:
        path, line = prefix + "/" + docs_src, None
    else:  # generated overview without a YAML file of its own
        return None, None
    edit = base + path
    parts = path.split("/")
    for marker in ("edit", "_edit"):
        if marker in parts:
            i = parts.index(marker)
            view = base + "/".join([*parts[:i], "blob" if marker == "edit" else "src", *parts[i + 1:]])
            return edit, view + (f"#L{line}" if line else "")
    return edit, edit
