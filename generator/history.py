"""When did each content file last change? One ``git log`` pass for the whole folder.

Used for the "Stand" line on item pages. Outside a git checkout (a tarball, a CI cache
without history) there is no date, and pages simply leave the line out.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

_MARK = "\x1e"  # starts each commit's line in our log format
Dates = dict[Path, dt.date]


def _git(args: list[str], cwd: Path) -> str | None:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def last_changed(folder: Path, memo: dict[tuple[str, str], Dates] | None = None) -> Dates:
    """Absolute file path → committer date of the last commit that touched it (files under ``folder``).

    ``memo`` is a session's memory of the answer: the live preview asks on every save, and history
    only changes with a commit."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        return {}
    head = _git(["rev-parse", "--show-toplevel", "HEAD"], folder)
    if not head or len(head.split()) < 2:
        return {}
    top, commit = head.split()[:2]
    key = (str(folder), commit)
    if memo is not None and key in memo:
        return memo[key]
    root = Path(top)
    log = _git(["-c", "core.quotePath=false", "log", "--no-renames", f"--format={_MARK}%cs", "--name-only", "--", str(folder)], root)
    if not log:
        return {}
    dates: dict[Path, dt.date] = {}
    current: dt.date | None = None
    for line in log.split("\n"):  # not splitlines(): it splits at the \x1e mark too
        if line.startswith(_MARK):
            try:
                current = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
        elif line.strip() and current is not None:
            dates.setdefault((root / line.strip()).resolve(), current)  # newest commit comes first
    if memo is not None:
        memo.clear()
        memo[key] = dates
    return dates
