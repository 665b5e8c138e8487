"""The built HTML must keep the Content-Security-Policy it declares, whatever the content said.

A second line of defence behind the loader's checks: no event-handler attributes, no script
URLs, nothing loaded from another host, and no inline script the policy does not allow.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from .html_index import Page, Ref, read_site
from .linkcheck import Broken

# Executable script types; JSON and templates are data blocks, which CSP does not govern.
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
# Tags whose URL is fetched while the page loads (a link the reader clicks is fine).
_LOADS = {("img", "src"), ("img", "srcset"), ("script", "src"), ("iframe", "src"), ("source", "src"), ("source", "srcset"),
          ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"), ("embed", "src"), ("object", "data"),
          ("link", "href"), ("use", "href"), ("image", "href")}
# <link rel=…> values that make the browser fetch the target while the page loads.
_LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "modulepreload", "manifest",
                 "dns-prefetch", "preconnect", "prerender"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.I)
_THEME_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")  # pages the theme rendered
_INVISIBLE = re.compile(r"[\x00-\x20\\]+")


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _loads(ref: Ref) -> bool:
    if ref.tag == "link":
        return bool(set(ref.rel.split()) & _LOADING_RELS)
    return (ref.tag, ref.attr) in _LOADS


def _script_src(csp: str) -> str:
    return next((d.strip() for d in csp.split(";") if d.strip().startswith("script-src")), "")


def _allowed_hashes(csp: str) -> set[str]:
    return {token for token in _script_src(csp).split() if token.startswith("'sha256-")}


def check_safety(site: Path, pages: dict[str, Page] | None = None, *, require_csp: bool = True) -> list[Broken]:
    site = Path(site)
    pages = read_site(site) if pages is None else pages
    found: list[Broken] = []
    for page in pages.values():
        for tag, attr, line in page.handlers:
            found.append(Broken(page.path, line, f"<{tag} {attr}=…>", "Event-Handler-Attribut"))
        for tag, attr, line in page.duplicates:
            found.append(Broken(page.path, line, f"<{tag} {attr}=… {attr}=…>", "Attribut doppelt (Text ist aus einem Attributwert ausgebrochen)"))
        for url, line in page.refreshes:
            if _BAD_SCHEME.match(url) or urlsplit(url).netloc:
                found.append(Broken(page.path, line, url[:80], "Weiterleitung auf einen fremden Server"))
        for ref in page.refs:
            url = _INVISIBLE.sub("", html.unescape(ref.url))
            if _BAD_SCHEME.match(url) and not (ref.tag == "img" and url.lower().startswith("data:image/")):
                found.append(Broken(page.path, ref.line, ref.url[:80], "Skript- oder Daten-URL"))
            elif _loads(ref) and urlsplit(url).netloc:
                found.append(Broken(page.path, ref.line, ref.url[:80], "lädt von einem fremden Server"))
        themed = any(r.tag == "script" and _THEME_BUNDLE.search(r.url) for r in page.refs)
        if require_csp and page.csp is None and themed:
            found.append(Broken(page.path, 1, "<meta http-equiv=Content-Security-Policy>", "Sicherheitsrichtlinie fehlt"))
            continue
        # A page without a policy (a redirect stub written by code) may not run inline script at all.
        allowed = _allowed_hashes(page.csp or "")
        if not allowed and "'unsafe-inline'" in _script_src(page.csp or ""):
            continue  # a policy that allows every inline script (preview, offline copy)
        for kind, line, text in page.inline_scripts:
            if kind.lower() in _EXECUTABLE and script_hash(text) not in allowed:
                found.append(Broken(page.path, line, text.strip()[:60], "Inline-Skript, das die Sicherheitsrichtlinie nicht erlaubt"))
    return sorted(found)
