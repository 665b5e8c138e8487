"""Problems found in content: one shape for every stage, so the editor sees one format.

The contract is ``FILE:LINE:COL: error: MESSAGE`` with an indented hint on the next line.
"""

from __future__ import annotations

import difflib
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Mark:
    """A place in a content file (1-based line and column, as editors count)."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    mark: Mark
    message: str
    hint: str = ""
    severity: str = field(default="error", compare=False)

    def format(self, snippet: bool = True) -> str:
        """``FILE:LINE:COL: error: MESSAGE``, the offending line with a caret, then the hint."""
        text = f"{self.mark}: {self.severity}: {self.message}"
        if snippet:
            shown = source_snippet(self.mark)
            if shown:
                text += "\n" + shown
        if self.hint:
            text += "\n    " + self.hint.replace("\n", "\n    ")
        return text


class ContentError(Exception):
    """Raised with every problem of a run, so the caller can print them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format(snippet=False) for p in self.problems))


SNIPPET_WIDTH = 100


def source_line(file: str, line: int) -> str | None:
    """One line of a file as the editor sees it, or None when the file or line is not there.

    Never through a symbolic link: its target may be any file on the machine (issue 15).
    """
    if os.path.islink(file):
        return None
    try:
        text = Path(file).read_bytes().decode("utf-8-sig", errors="replace")
    except (OSError, ValueError):
        return None
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    return lines[line - 1]


def source_snippet(mark: Mark) -> str:
    """The offending line with a caret under the column (long lines are cut around it)."""
    line = source_line(mark.file, mark.line)
    if line is None or not line.strip():
        return ""
    line = line.replace("\t", " ").replace("\r", "")
    col = min(max(mark.col, 1), len(line) + 1)
    start = 0
    if len(line) > SNIPPET_WIDTH:
        start = max(0, min(col - SNIPPET_WIDTH // 2, len(line) - SNIPPET_WIDTH))
        shown = line[start:start + SNIPPET_WIDTH]
        prefix = "…" if start else ""
        line = prefix + shown + ("…" if start + SNIPPET_WIDTH < len(line) else "")
        col = col - start + len(prefix)
    gutter = f"{mark.line:>5} | "
    return f"{gutter}{line}\n{' ' * (len(gutter) - 2)}| {' ' * (col - 1)}^"


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"Meinten Sie „{close[0]}“?" if close else ""


def display_path(path: Path, root: Path | None = None) -> str:
    """Paths relative to the working directory read best in a terminal and in CI logs."""
    return _display_path(str(path), str(root) if root else None, os.getcwd())


@functools.lru_cache(maxsize=8192)
def _display_path(path: str, root: str | None, cwd: str) -> str:
    """Resolving asks the file system once per path; the live preview asks after every save.

    The last part is never resolved: a symbolic link is shown by its own name, not its target's.
    """
    given = Path(os.path.abspath(path))
    resolved = Path(os.path.realpath(given.parent)) / given.name
    for base in (root, cwd):
        if base is None:
            continue
        try:
            return str(resolved.relative_to(Path(base).resolve()))
        except ValueError:
            continue
    return str(resolved)
