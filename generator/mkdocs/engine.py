"""Run MkDocs inside the ``bkk-site build`` process instead of as a second program.

One process means the content is parsed and checked once: the ``Run`` this module hands to the
hook carries the checked content and the generator's session. Messages look like those of
``mkdocs build``; any failure is returned as text, never as a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..generate import Session
from ..model.content import Content
from ..postbuild.html_index import Reader
from . import preview


class BuildError(Exception):
    """MkDocs stopped; the message says why (in MkDocs' words)."""


RUN_KEY = "bkk_run"  # the config entry that carries this build's ``Run`` to the hook


def editions(config_file: Path) -> list[tuple[str, Path]]:
    """The other editions' configurations beside a site's: ``mkdocs.en.yml`` next to ``mkdocs.yml``,
    ``mkdocs.offline.en.yml`` next to ``mkdocs.offline.yml`` (each builds into ``<site>/<lang>/``)."""
    from ..model.items import TRANSLATIONS

    config_file = Path(config_file)
    found = [(lang, config_file.with_name(f"{config_file.stem}.{lang}{config_file.suffix}")) for lang in TRANSLATIONS]
    return [(lang, path) for lang, path in found if path.is_file()]


def built_editions(config_file: Path) -> set[str]:
    """Every edition a ``bkk-site build`` of this configuration's site makes (from either edition's file)."""
    from ..model.items import TRANSLATIONS
    from ..model.translations import DEFAULT_LANGUAGE

    config_file = Path(config_file)
    stem = config_file.stem
    for lang in TRANSLATIONS:
        stem = stem.removesuffix(f".{lang}")
    return {DEFAULT_LANGUAGE} | {lang for lang, _ in editions(config_file.with_name(stem + config_file.suffix))}


@dataclass
class Run:
    """What one build hands to the hooks in the same process, and gets back.

    Passed in MkDocs' config object (``run_of``): ``bkk-site build`` makes a fresh one for all its
    editions, the live preview one per rebuild around the session it keeps, a bare ``mkdocs build``
    gets a fresh one from ``run_of``. Never module globals or environment variables.
    """

    content: Path | None = None  # the content folder (None: the project's, or what ``bkk-site serve`` says)
    checked: Content | None = None  # the content ``bkk-site build`` already loaded and checked from that folder
    session: Session = field(default_factory=Session)
    generator_seconds: float = 0.0  # added by the hook: loading, checking and rendering
    theme_scripts: dict[tuple[str, ...], list] = field(default_factory=dict)  # the CSP's patterns per theme
    site: Path | None = None  # the folder the whole build goes to (editions below it) …
    reader: Reader | None = None  # … whose pages are read for the site check while MkDocs still builds


def content_folder(config) -> Path:
    """The content this build reads: ``bkk-site build`` says in its ``Run``; ``bkk-site serve``
    (another process: it becomes ``mkdocs serve``) in the environment; else the project's."""
    given = run_of(config).content or os.environ.get("BKK_CONTENT")
    return Path(given) if given else Path(config.config_file_path).resolve().parent / "content"


def run_of(config) -> Run:
    """This build's ``Run``; the first hook to ask makes it when the build was not started by us."""
    run = config.get(RUN_KEY)
    if run is None:
        live = preview.current
        run = config[RUN_KEY] = Run(session=live.session) if live is not None else Run()
    return run


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


class _AtSource(logging.Formatter):
    """A warning about a generated page is printed as ``FILE:LINE:COL: error:`` of its YAML source."""

    def __init__(self, locate: Callable[[str], object | None] | None):
        super().__init__("%(levelname)-7s -  %(message)s")
        self.locate = locate

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if self.locate is not None and record.levelno >= logging.WARNING:
            mark = self.locate(record.getMessage())
            if mark is not None:
                return f"{mark}: error: MkDocs: {record.getMessage()}"
        return text


@contextlib.contextmanager
def _messages(locate: Callable[[str], object | None] | None = None) -> Iterator[None]:
    """MkDocs' INFO and WARNING lines on stderr, as ``mkdocs build`` prints them."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(_AtSource(locate))
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


def build_site(config_file: Path, site_dir: Path, run: Run,
               locate: Callable[[str], object | None] | None = None) -> None:
    """``mkdocs build --strict --clean`` into ``site_dir``; raise BuildError when MkDocs stops.

    ``locate`` finds the YAML place of the generated page a warning names (None: not generated).
    """
    with _quiet_mkdocs_2(), _messages(locate):
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
