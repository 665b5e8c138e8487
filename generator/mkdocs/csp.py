"""Content-Security-Policy for every page: scripts only from the site itself, nothing from other hosts.

Material for MkDocs puts a few fixed inline scripts into each page (storage helpers, palette,
tabs). They are allowed by their SHA-256 hash, and only scripts that match one of the theme's
own templates are hashed: an inline script that came from content never matches and stays
blocked (and ``bkk-site build`` fails on it, see generator/postbuild/safety.py).

``overrides/main.html`` writes ``config.extra.csp`` into a meta tag; this hook fills it in.
During ``mkdocs serve`` inline scripts are allowed, because the live-reload script MkDocs
injects changes on every request; so they are in the offline copy (see ``on_config``).
"""

from __future__ import annotations

import re

from generator.mkdocs.theme_scripts import SCRIPT as _SCRIPT
from generator.mkdocs.theme_scripts import theme_script_patterns
from generator.postbuild.safety import script_hash

PLACEHOLDER = "'bkk-theme-scripts'"
POLICY = {
    "default-src": "'self'",
    "script-src": f"'self' {PLACEHOLDER}",
    "style-src": "'self' 'unsafe-inline'",  # Python-Markdown writes style="text-align: …" on table cells
    "img-src": "'self' data:",  # Material's icons are data: SVG masks in its CSS
    "font-src": "'self'",
    "connect-src": "'self'",  # search index
    "worker-src": "'self'",  # search worker
    "frame-src": "'none'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}

_patterns: list[re.Pattern[str]] = []
_serving = False


def policy(serving: bool = False, offline: bool = False) -> str:
    rules = dict(POLICY)
    if serving or offline:
        rules["script-src"] = "'self' 'unsafe-inline'"
    return "; ".join(f"{name} {value}" for name, value in rules.items())


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _patterns
    # The offline copy's search runs its worker in an about:blank frame filled with inline script
    # (iframe-worker shim); such a frame inherits the policy, so inline script must be allowed there.
    offline = any(name in config.plugins for name in ("offline", "material/offline"))
    _patterns = [] if _serving or offline else theme_script_patterns(list(config.theme.dirs))  # no hashes needed then
    config.extra["csp"] = policy(_serving, offline)
    return config


VIDEO_PAGE = "video/"
VIDEO_FRAME = "frame-src https://www.youtube-nocookie.com"


def on_post_page(output: str, page, config) -> str:
    if getattr(page, "url", None) == VIDEO_PAGE:  # the player frame, inserted only after the reader's click (two-click consent)
        output = output.replace("frame-src 'none'", VIDEO_FRAME, 1)
    if PLACEHOLDER not in output:
        return output
    hashes = sorted({script_hash(body) for body in _SCRIPT.findall(output) if any(p.fullmatch(body) for p in _patterns)})
    return output.replace(PLACEHOLDER, " ".join(hashes), 1)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Static templates (404.html) carry the same policy."""
    return on_post_page(output_content, None, config)
