"""Run MkDocs inside the ``bkk-site build`` process instead of as a second program.

One process means the content is parsed and checked once: the MkDocs hook finds every file
already in the generator's cache (by content hash), and QR codes already made. Messages look
like those of ``mkdocs build``; any failure is returned as text, never as a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class BuildError(Exception):
    """MkDocs stopped; the message says why (in MkDocs' words)."""


RUN_KEY = "bkk_run"  # the config entry that carries this build's ``Run`` to the hook


@dataclass
class Run:
    """What one ``bkk-site build`` hands to the hook in the same process, and gets back.

    Passed in MkDocs' config object for this one build (a fresh one each time), never through
    module globals or environment variables.
    """

    content: Path
    generator_seconds: float = 0.0  # added by the hook: loading, checking and rendering


@contextlib.contextmanager
def _quiet_mkdocs_2() -> Iterator[None]:
    """MkDocs 1.6 prints a notice about MkDocs 2 unless this is set; not ours to show."""
    before = os.environ.get("NO_MKDOCS_2_WARNING")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("NO_MKDOCS_2_WARNING", None)
        else:
            os.environ["NO_MKDOCS_2_WARNING"] = before


@contextlib.contextmanager
def _messages() -> Iterator[None]:
    """MkDocs' INFO and WARNING lines on stderr, as ``mkdocs build`` prints them."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def build_site(config_file: Path, site_dir: Path, run: Run) -> None:
    """``mkdocs build --strict --clean`` into ``site_dir``; raise BuildError when MkDocs stops."""
    with _quiet_mkdocs_2(), _messages():
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        try:
            config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
            config[RUN_KEY] = run
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as exc:
            raise BuildError(exc.format_message()) from None
        except Exception as exc:  # a theme template or a plugin broke: still a failed build, not a crash
            raise BuildError(_describe(exc)) from None


def _describe(exc: Exception) -> str:
    import jinja2

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"{exc.filename or exc.name}:{exc.lineno}: Fehler in der Vorlage: {exc.message}"
    return f"{type(exc).__name__}: {exc}"
