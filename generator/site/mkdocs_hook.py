"""The thin MkDocs side: regenerate from content/ on every build and serve, add the pages.

Loaded by MkDocs through ``hooks:`` in mkdocs.yml. All logic lives in the generator; this
file only connects it to MkDocs' events (the way mkdocs-gen-files adds files).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.generate import generate
from generator.problems import ContentError
from generator.site_settings import read_settings

GENERATED = ".generated/pages"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _content_dir(config) -> Path:
    return Path(os.environ.get("BKK_CONTENT") or _root(config) / "content")


def on_serve(server, config, builder):
    """Rebuild when a YAML file is saved, also when --content points elsewhere."""
    server.watch(str(_content_dir(config)))
    return server


def on_config(config):
    """Impressum and Datenschutz read operator details from ``extra``: check them early."""
    try:
        read_settings(config.extra)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_files(files: Files, config) -> Files:
    content = _content_dir(config)
    out = Path(os.environ.get("BKK_GENERATED_DIR") or _root(config) / GENERATED)
    try:
        generate(content, out)
    except ContentError as exc:
        raise PluginError("Der Inhalt enthält Fehler:\n" + str(exc)) from None
    for path in sorted(p for p in out.rglob("*.md")):
        rel = path.relative_to(out).as_posix()
        if files.get_file_from_path(rel) is not None:
            raise PluginError(f"docs/{rel} hat denselben Pfad wie eine erzeugte Seite; bitte umbenennen.")
        files.append(File(rel, str(out), config.site_dir, config.use_directory_urls))
    return files


def on_page_context(context, page, config, nav):
    """Edit and view buttons open the YAML source, not the generated Markdown."""
    source = page.meta.get("source_file")
    repo, edit_uri = config.repo_url, config.edit_uri
    if repo and edit_uri:
        base = repo.rstrip("/") + "/" + edit_uri.strip("/").removesuffix("/docs") + "/"
        if source:
            page.edit_url = base + source
    return context
