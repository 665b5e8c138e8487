"""All checks over a freshly built site, reading its HTML once."""

from __future__ import annotations

from pathlib import Path

from .html_index import Page, read_site
from .linkcheck import Broken, check_links
from .safety import check_safety


def verify_site(site: Path, known: dict[str, tuple[Page, bytes]] | None = None) -> tuple[list[Broken], list[Broken]]:
    """(broken links and anchors, safety violations) of the site in ``site``; ``known``: pages
    read while it was built (see ``html_index.Reader``)."""
    pages = read_site(Path(site), known=known)
    return check_links(site, pages), check_safety(site, pages)


def report(links: list[Broken], unsafe: list[Broken], limit: int = 50) -> str:
    lines = []
    for title, found in (("Defekte interne Links oder Anker", links), ("Verstöße gegen die Sicherheitsrichtlinie", unsafe)):
        if found:
            lines.append(f"{title} ({len(found)}):")
            lines += [f"  {b.format()}" for b in found[:limit]]
            if len(found) > limit:
                lines.append(f"  … und {len(found) - limit} weitere")
    return "\n".join(lines)
