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

from generator.mkdocs import engine, preview
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

PATTERNS_KEY = "bkk_csp_scripts"  # the config entry with the inline scripts this build may hash


def policy(serving: bool = False, offline: bool = False) -> str:
    rules = dict(POLICY)
    if serving or offline:
        rules["script-src"] = "'self' 'unsafe-inline'"
    return "; ".join(f"{name} {value}" for name, value in rules.items())


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command)


def on_config(config):
    # The offline copy's search runs its worker in an about:blank frame filled with inline script
    # (iframe-worker shim); such a frame inherits the policy, so inline script must be allowed there.
    offline = any(name in config.plugins for name in ("offline", "material/offline"))
    serving = preview.current is not None
    patterns = []  # no hashes needed while inline scripts are allowed
    if not serving and not offline:
        theme, run = tuple(config.theme.dirs), engine.run_of(config)
        if theme not in run.theme_scripts:  # the same for every edition of one build
            run.theme_scripts[theme] = theme_script_patterns(list(theme))
        patterns = run.theme_scripts[theme]
    config[PATTERNS_KEY] = patterns
    config.extra["csp"] = policy(serving, offline)
    return config


VIDEO_PAGE = "video/"
VIDEO_FRAME = "frame-src https://www.youtube-nocookie.com"


def on_post_page(output: str, page, config) -> str:
    if getattr(page, "url", None) == VIDEO_PAGE:  # the player frame, inserted only after the reader's click (two-click consent)
        output = output.replace("frame-src 'none'", VIDEO_FRAME, 1)
    if PLACEHOLDER not in output:
        return output
    patterns = config.get(PATTERNS_KEY) or []
    hashes = sorted({script_hash(body) for body in _SCRIPT.findall(output) if any(p.fullmatch(body) for p in patterns)})
    return output.replace(PLACEHOLDER, " ".join(hashes), 1)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Static templates (404.html) carry the same policy."""
    return on_post_page(output_content, None, config)
