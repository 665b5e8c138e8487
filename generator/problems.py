"""Problems found in content: one shape for every stage, so the editor sees one format.

The contract is ``FILE:LINE:COL: error: MESSAGE`` with an indented hint on the next line.
"""

from __future__ import annotations

import difflib
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

    def format(self) -> str:
        text = f"{self.mark}: {self.severity}: {self.message}"
        if self.hint:
            text += "\n    " + self.hint.replace("\n", "\n    ")
        return text


class ContentError(Exception):
    """Raised with every problem of a run, so the caller can print them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"Meinten Sie „{close[0]}“?" if close else ""


def display_path(path: Path, root: Path | None = None) -> str:
    """Paths relative to the working directory read best in a terminal and in CI logs."""
    path = path.resolve()
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return str(path.relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)
