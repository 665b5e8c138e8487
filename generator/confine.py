"""Read only what lies inside a project folder: symbolic links are refused, never followed.

A pull request can add a link ``content/x.yaml -> /etc/shadow``; following it would put the
target's first line into an error snippet or a public CI annotation. Git stores links but
no hard links, so refusing every link (and every path that resolves elsewhere) closes that
door. Problems name the link only; nothing of its target is read or printed.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import ContentError, Mark, Problem, display_path

_HINT = ("Legen Sie die Datei als normale Datei in den Ordner (kein Link). "
         "Aus Sicherheitsgründen liest der Generator keine Links und nichts außerhalb des Ordners.")


def _link_problem(path: Path) -> Problem:
    return Problem(Mark(display_path(path)), f"„{path.name}“ ist ein symbolischer Link; Links werden nicht gelesen.", _HINT)


def _outside_problem(path: Path) -> Problem:
    return Problem(Mark(display_path(path)), f"„{path.name}“ liegt nicht im erlaubten Ordner und wird nicht gelesen.", _HINT)


def _is_link(path: Path) -> bool:
    return os.path.islink(path)


def path_problems(path: Path, root: Path | None = None) -> list[Problem]:
    """A path an option names (or a single file such as the published list): not a link, and
    with ``root``, not resolving outside it. A missing path is no problem here."""
    path = Path(path)
    if _is_link(path):
        return [_link_problem(path)]
    if root is not None and os.path.lexists(path):
        try:
            Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
        except ValueError:
            return [_outside_problem(path)]
    return []


def folder_problems(root: Path) -> list[Problem]:
    """Every link below ``root`` (files and folders, hidden ones too), and the folder itself if it is one.

    The walk never descends into a linked folder, so nothing behind a link is even listed.
    """
    root = Path(root)
    problems = path_problems(root)
    if problems or not root.is_dir():
        return problems
    real = os.path.realpath(root)
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if _is_link(path):
                problems.append(_link_problem(path))
            elif not os.path.realpath(path).startswith(real + os.sep):
                problems.append(_outside_problem(path))
        dirs[:] = [d for d in dirs if not _is_link(Path(folder) / d)]
    return problems


def refuse(problems: list[Problem]) -> None:
    if problems:
        raise ContentError(problems)
