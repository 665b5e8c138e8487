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
from generator.options import DataLicence, SiteOptions
from generator.problems import ContentError
from generator.site_settings import read_settings
from generator.trainer.qr import qr_files
from generator.trainer.urls import md_url

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


def site_options(config) -> SiteOptions:
    """What the generator needs from mkdocs.yml, handed over as plain values."""
    licence = (config.extra or {}).get("data_licence") or {}
    try:
        return SiteOptions(site_url=config.site_url or "", directory_urls=config.use_directory_urls,
                           data_licence=DataLicence(str(licence.get("name") or ""), str(licence.get("url") or "")))
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None


def on_files(files: Files, config) -> Files:
    content = _content_dir(config)
    out = Path(os.environ.get("BKK_GENERATED_DIR") or _root(config) / GENERATED)
    options = site_options(config)
    try:
        generate(content, out, options=options)
    except ContentError as exc:
        raise PluginError("Der Inhalt enthält Fehler:\n" + str(exc)) from None
    hand_written = [f for f in files.documentation_pages()]
    # Every generated file: pages, and verbatim files (redirect pages, QR codes, data downloads).
    for path in sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")):
        rel = path.relative_to(out).as_posix()
        if files.get_file_from_path(rel) is not None:
            raise PluginError(f"docs/{rel} hat denselben Pfad wie eine erzeugte Datei; bitte umbenennen.")
        files.append(File(rel, str(out), config.site_dir, config.use_directory_urls))
    # Hand-written pages get QR codes too, so every printed page carries one in its footer.
    for page_file in hand_written:
        for rel, data in qr_files(page_file.src_uri, options.absolute(md_url(page_file.src_uri)), with_png=False).items():
            if files.get_file_from_path(rel) is None:
                files.append(File.generated(config, rel, content=data))
    return files


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages get the ``permalink`` the print footer shows (the online address, also offline)."""
    page.meta.setdefault("permalink", site_options(config).absolute(md_url(page.file.src_uri)))
    return markdown


def on_page_context(context, page, config, nav):
    """Edit and view buttons open the YAML source, not the generated Markdown."""
    source = page.meta.get("source_file")
    repo, edit_uri = config.repo_url, config.edit_uri
    if repo and edit_uri:
        base = repo.rstrip("/") + "/" + edit_uri.strip("/").removesuffix("/docs") + "/"
        if source:
            page.edit_url = base + source
    return context
