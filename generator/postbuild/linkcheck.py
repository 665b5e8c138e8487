"""Every internal link and anchor of a built site must resolve; a broken one fails the build.

External links (http, https, mailto, tel) are not fetched: the build runs offline and a
third-party site's state must not decide whether ours goes out.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .html_index import Page, read_site

EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}
# Pages that legitimately point elsewhere: Material's 404 page uses absolute paths from the site root.
_SKIP_PAGES = {"404.html"}


@dataclass(frozen=True, order=True)
class Broken:
    page: str
    line: int
    url: str
    reason: str

    def format(self) -> str:
        return f"{self.page}:{self.line}: {self.reason}: {self.url}"


def _resolve(site: Path, page: str, path: str, files: set[str], dirs: set[str]) -> str | None:
    """The site-relative file a link's path part points at, or None when it leaves the site."""
    base = posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else posixpath.normpath(path.lstrip("/"))
    if joined == ".":
        joined = ""
    if joined.startswith(".."):
        return None
    if joined in dirs:
        index = posixpath.join(joined, "index.html") if joined else "index.html"
        return index if index in files else None
    return joined if joined in files else None


def _tree(site: Path) -> tuple[set[str], set[str]]:
    """Every file and folder of the site, read once (a stat per link is slow at thousands of pages)."""
    files, dirs = set(), {""}
    for path in site.rglob("*"):
        (dirs if path.is_dir() else files).add(path.relative_to(site).as_posix())
    return files, dirs


def check_links(site: Path, pages: dict[str, Page] | None = None) -> list[Broken]:
    """All broken internal links and anchors of the built site in ``site``."""
    site = Path(site)
    pages = read_site(site) if pages is None else pages
    files, dirs = _tree(site)
    broken: list[Broken] = []
    for page in pages.values():
        if page.path in _SKIP_PAGES:
            continue
        for ref in page.refs:
            url = ref.url.strip()
            if not url:
                broken.append(Broken(page.path, ref.line, "(leer)", f"leeres {ref.attr}-Attribut"))
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if parts.scheme not in EXTERNAL_SCHEMES:
                    broken.append(Broken(page.path, ref.line, url, "nicht erlaubtes Link-Schema"))
                continue
            path, fragment = unquote(parts.path), unquote(parts.fragment)
            target = _resolve(site, page.path, path, files, dirs) if path else page.path
            if target is None:
                broken.append(Broken(page.path, ref.line, url, "Ziel fehlt"))
                continue
            if fragment and ref.attr == "href" and target.endswith(".html"):
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    broken.append(Broken(page.path, ref.line, url, "Anker fehlt"))
    return sorted(broken)
