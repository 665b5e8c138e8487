"""The list of published addresses: kept in the repository, only ever grows.

``bkk-site build`` adds every address the site answers; ``bkk-site check`` refuses content
that would drop one of them. So a printed handout or slide never leads to a 404.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.kinds import ALL_KINDS
from ..problems import ContentError, Mark, Problem, display_path

FILE_NAME = "published-urls.txt"  # kept in the content folder: the addresses this content has published

HEADER = """\
# Veröffentlichte Adressen der Website, eine je Zeile, sortiert. Wird von „bkk-site build“ ergänzt.
# Nie Zeilen löschen: „bkk-site check“ prüft, dass jede Adresse weiter antwortet (Seite,
# Weiterleitung oder Hinweis auf einen zurückgezogenen Eintrag).
"""

_SHORT = re.compile(r"^/([a-z])/(\d+)/$")


def read(path: Path) -> list[tuple[int, str]]:
    """(line number, URL) for every address in the list; a missing list is an empty one."""
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")]


def update(path: Path, urls: set[str]) -> list[str]:
    """Add new addresses (never remove any); returns the ones added."""
    old = {url for _, url in read(path)}
    added = sorted(urls - old)
    if added or not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER + "".join(f"{url}\n" for url in sorted(old | urls)), encoding="utf-8")
    return added


def _hint(url: str) -> str:
    short = _SHORT.match(url)
    if short:
        label = f"{short.group(1).upper()}-{int(short.group(2)):02d}"
        return (f"Das Kurzzeichen {label} ist nicht mehr vergeben. Kurzzeichen sind dauerhaft: "
                "geben Sie dem Eintrag sein Kurzzeichen zurück; soll er wegfallen, setzen Sie „status: withdrawn“ statt ihn zu löschen.")
    parts = url.strip("/").split("/")
    folders = {k.folder for k in ALL_KINDS.values()}
    if len(parts) == 2 and parts[0] in folders:
        old = parts[1]
        return (f"Wurde die ID „{old}“ umbenannt? Dann tragen Sie sie beim Eintrag unter „former_ids: [{old}]“ ein. "
                f"Soll der Eintrag wegfallen? Stellen Sie ihn wieder her und setzen Sie „status: withdrawn“ "
                "(mit „replaced_by“, falls es einen Nachfolger gibt), statt ihn zu löschen.")
    return "Eine veröffentlichte Adresse muss erhalten bleiben: stellen Sie die Seite wieder her oder ziehen Sie den Eintrag zurück (status: withdrawn)."


def check(path: Path, urls: set[str]) -> list[Problem]:
    """Every listed address that the current content would no longer answer."""
    shown = display_path(path)
    return [Problem(Mark(shown, line, 1), f"Die veröffentlichte Adresse {url} gäbe es nicht mehr.", _hint(url))
            for line, url in read(path) if url not in urls]


def refuse_lost(path: Path, urls: set[str]) -> set[str]:
    """Raise ContentError when a published address is not among ``urls`` (what the content answers
    now, see ``extras.files.current_urls``); else return ``urls``."""
    problems = check(path, urls)
    if problems:
        raise ContentError(problems)
    return urls
