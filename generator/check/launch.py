"""Is the site ready to go public? Today: is its address still the placeholder?

The address is one setting, ``site_url`` in mkdocs.yml. While it is the placeholder every
short link, QR code and print footer points nowhere, so ``check`` warns loudly, the preview
shows a banner and ``build --launch`` (what the deployment runs) refuses. Reads mkdocs.yml as
text: the generator core never imports MkDocs, and the file carries a Python tag a safe YAML
loader refuses.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from ..problems import Mark, Problem, display_path

PLACEHOLDER_SITE_URL = "https://bkk.example.org/"
# Names reserved for examples and tests (RFC 2606): an address there can never be the public site.
_EXAMPLE_HOSTS = ("example.org", "example.com", "example.net", "example", "test", "invalid", "localhost")
_SITE_URL_LINE = re.compile(r"""^site_url:[ \t]*(?:["']([^"'\n]*)["']|([^\s#]*))""", re.M)
_INHERIT_LINE = re.compile(r"^INHERIT:[ \t]*['\"]?([^'\"\s#]+)", re.M)

WARNING = ("NOCH NICHT STARTKLAR: Die Adresse der Website (site_url) ist noch der Platzhalter „{url}“. "
           "Kurzlinks, QR-Codes und Druck-Fußzeilen führen ins Leere.")
HINT = ("Tragen Sie in mkdocs.yml bei „site_url:“ die öffentliche Adresse ein, unter der die Website erreichbar sein wird. "
        "Die Veröffentlichung (bkk-site build --launch im Workflow) bricht ab, solange der Platzhalter steht.")


def is_placeholder(site_url: str) -> bool:
    """Empty, the shipped placeholder, or any address on a domain reserved for examples."""
    host = (urlparse(site_url.strip()).hostname or "").lower()
    return not host or any(host == h or host.endswith("." + h) for h in _EXAMPLE_HOSTS)


def site_url_of(config: Path) -> tuple[str, Mark]:
    """``site_url`` of a mkdocs.yml and where it stands; ("", file:1:1) when it is not set."""
    text = config.read_text(encoding="utf-8-sig")
    found = _SITE_URL_LINE.search(text)
    if not found:
        parent = _INHERIT_LINE.search(text)  # mkdocs.offline.yml takes the address from mkdocs.yml
        if parent and (config.parent / parent.group(1)).is_file():
            return site_url_of(config.parent / parent.group(1))
        return "", Mark(display_path(config))
    line = text.count("\n", 0, found.start()) + 1
    return (found.group(1) if found.group(1) is not None else found.group(2)), Mark(display_path(config), line, 1)


def placeholder_problems(config: Path) -> list[Problem]:
    """The loud warning while the address is a placeholder (none when mkdocs.yml is missing)."""
    if not config.is_file():
        return []
    url, mark = site_url_of(config)
    if not is_placeholder(url):
        return []
    return [Problem(mark, WARNING.format(url=url or "(leer)"), HINT, "warning")]
