"""The thin MkDocs side: regenerate from content/ on every build and serve, add the pages.

Loaded by MkDocs through ``hooks:`` in mkdocs.yml. All logic lives in the generator; this
file only connects it to MkDocs' events (the way mkdocs-gen-files adds files). A build's state
is the ``engine.Run`` in MkDocs' config; what the live preview keeps between rebuilds is
``preview.current``, in a normal module (MkDocs loads this file anew for every rebuild).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from generator.check.launch import is_placeholder, site_url_of
from generator.confine import folder_problems
from generator.generate import generate
from generator.mkdocs import engine, preview
from generator.mkdocs.edit_links import edit_and_view
from generator.mkdocs.settings import read_settings, report_address
from generator.model.paths import alternate_url, edition_path, german_path, md_url
from generator.model.translations import DEFAULT_LANGUAGE, LANGUAGES
from generator.options import OFFLINE_DOWNLOAD, OFFLINE_ZIP, DataLicence, OfflineZip, SiteOptions
from generator.problems import ContentError
from generator.publish import crash_point
from generator.render.language import Language
from generator.render.pages import HELP_PAGE

GENERATED = ".generated/pages"
SHARED_DOCS = "docs"  # the default edition's docs folder …
SHARED_ASSETS = ("javascripts", "stylesheets")  # … whose scripts and styles every edition uses
CACHE = ".cache/bkk-site"  # QR codes between builds (git-ignored, like Material's .cache)
POLL_SECONDS = 0.05  # MkDocs polls for changes every 0.5 s; a save should show within a second
QUIET_SECONDS = 0.02  # MkDocs waits 0.1 s of quiet after a change before it rebuilds; a save is one write


@dataclass(frozen=True)
class _Edition:
    """What every page of one edition's build asks, worked out once (after ``on_config``)."""

    root: Path  # the project folder
    out: Path  # where the live preview keeps the generated pages (a build keeps them in memory)
    options: SiteOptions


EDITION_KEY = "bkk_edition"  # the config entry that holds this build's ``_Edition``


def _edition(config) -> _Edition:
    found = config.get(EDITION_KEY)
    if found is None:
        root = Path(config.config_file_path).resolve().parent
        lang = _language(config)
        out = root / (GENERATED if lang == DEFAULT_LANGUAGE else f"{GENERATED}-{lang}")
        found = config[EDITION_KEY] = _Edition(root, out.resolve(), site_options(config, root))
    return found


def on_startup(command, dirty):
    preview.start(command)


def _language(config) -> str:
    """The edition this build makes: Material's ``theme.language`` (``mkdocs.en.yml`` sets ``en``)."""
    return config.theme["language"] if config.theme["language"] in LANGUAGES else DEFAULT_LANGUAGE


def on_config(config):
    """Impressum and Datenschutz read operator details from ``extra``: check them early. Another
    edition lives below ``<lang>/`` of the site's address (canonical links, QR codes, sitemap)."""
    lang = _language(config)
    # The language selector lists the editions this build makes (the live preview makes one).
    live = preview.current
    made = {lang} if live else engine.built_editions(Path(config.config_file_path))
    alternate = [alt for alt in config.extra.get("alternate") or [] if alt.get("lang") in made]
    if len(alternate) > 1:
        config.extra["alternate"] = alternate
    else:
        config.extra.pop("alternate", None)
    if lang != DEFAULT_LANGUAGE:
        if config.site_url:
            config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
        toc = config.mdx_configs.get("toc") or {}
        if toc.get("permalink_title"):  # the heading anchors' title, in the edition's words
            toc["permalink_title"] = Language(lang).gettext(toc["permalink_title"])
    try:
        read_settings(config.extra)
        report_address(config.extra)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    refuse_links(config)
    if live:
        preview.speed_up(config.theme, live)
        # serve replaces site_url by its own address: the configured one is in the file
        configured, _ = site_url_of(Path(config.config_file_path))
        live.placeholder_url = configured if is_placeholder(configured) else None
    return config


def refuse_links(config) -> None:
    """MkDocs reads docs/ and the theme overrides itself and follows links: refuse any link there first."""
    found = folder_problems(Path(config.docs_dir))
    custom = getattr(config.theme, "custom_dir", None)
    if custom:
        found += folder_problems(Path(custom))
    if found:
        raise PluginError("\n".join(p.format() for p in sorted(found)))


def site_options(config, root: Path) -> SiteOptions:
    """What the generator needs from mkdocs.yml, handed over as plain values."""
    licence = (config.extra or {}).get("data_licence") or {}
    try:
        return SiteOptions(site_url=config.site_url or "", directory_urls=config.use_directory_urls,
                           data_licence=DataLicence(str(licence.get("name") or ""), str(licence.get("url") or "")),
                           offline_zip=_offline_zip(config, root), language=_language(config))
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml: {exc}") from None


def _offline_zip(config, root: Path) -> OfflineZip | None:
    """The zip `make offline` built, if there is one; never inside the offline copy itself."""
    zipped = root / OFFLINE_ZIP
    if not config.use_directory_urls or not zipped.is_file():
        return None
    stat = zipped.stat()
    return OfflineZip(stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc).date())


def on_files(files: Files, config) -> Files:
    """Add the generated tree: from memory when building, from .generated/pages when serving
    (MkDocs' dirty rebuilds compare file times, so the preview needs files on disk)."""
    live, run, edition = preview.current, engine.run_of(config), _edition(config)
    out = edition.out if live else None
    options = edition.options
    # Hand-written pages get QR codes too, so every printed page carries one in its footer.
    beside = [f.src_uri for f in files.documentation_pages()]
    try:
        started = time.perf_counter()
        result = generate(engine.content_folder(config), out, options=options, session=run.session, cache=edition.root / CACHE,
                          beside=beside, checked=run.checked)
        generated = result.files
        config.extra["bkk_help"] = header_help(result.content, options.language)
        run.generator_seconds += time.perf_counter() - started
        crash_point("generated")
        if live:
            live.succeeded()
    except ContentError as exc:
        if not live:
            raise PluginError("Der Inhalt enthält Fehler:\n" + str(exc)) from None
        live.failed(exc.problems)  # keep serving the last good tree
        config.extra["bkk_help"] = header_help(live.session.render.content, options.language)
        generated = live.session.files or {p.relative_to(out).as_posix(): b"" for p in out.rglob("*") if p.is_file()}
    # Every generated file: pages, and verbatim files (redirect pages, QR codes, data downloads).
    for rel, data in sorted(generated.items()):
        if files.get_file_from_path(rel) is not None:
            raise PluginError(f"docs/{rel} hat denselben Pfad wie eine erzeugte Datei; bitte umbenennen.")
        if out is None:
            files.append(File.generated(config, rel, content=data))
        else:
            files.append(File(rel, str(out), config.site_dir, config.use_directory_urls))
    if options.language != DEFAULT_LANGUAGE:  # the editions share the scripts and styles of docs/
        shared = edition.root / SHARED_DOCS
        for folder in SHARED_ASSETS:
            for path in sorted((shared / folder).rglob("*")):
                rel = path.relative_to(shared).as_posix()
                if path.is_file() and files.get_file_from_path(rel) is None:
                    files.append(File(rel, str(shared), config.site_dir, config.use_directory_urls))
    if options.offline_zip and options.language == DEFAULT_LANGUAGE:  # the trainers' pages of both editions link it
        files.append(File.generated(config, OFFLINE_DOWNLOAD, abs_src_path=str(edition.root / OFFLINE_ZIP)))
    return files


def header_help(content, lang: str = DEFAULT_LANGUAGE) -> dict[str, str] | None:
    """What the header's help entry (overrides/partials/bkk-help.html) shows: only when
    content/hilfe.yaml exists, so the link never points at a missing page; the emergency
    number comes from that file like every other number."""
    help_info = content.single("help") if content is not None else None
    if help_info is None:
        return None
    line = next((x for x in help_info.lines if x.emergency and x.tel), None)
    page = edition_path(HELP_PAGE, lang).split("/")[0]
    return {"page": page, "number": line.number if line else "", "tel": line.tel if line else ""}


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages get the ``permalink`` the print footer shows (the online address, also
    offline) and the same page in each edition for the language switcher (generated pages carry both)."""
    options = _edition(config).options
    page.meta.setdefault("permalink", options.absolute(md_url(page.file.src_uri)))
    german = german_path(page.file.src_uri, options.language)
    page.meta.setdefault("alternates", {lang: alternate_url(german, options.language, lang, options.directory_urls)
                                        for lang in LANGUAGES})
    if page.canonical_url and config.extra.get("alternate"):  # the sitemap (rendered before the pages) names them in full
        made = {alt["lang"] for alt in config.extra["alternate"]}
        page.meta["alternate_urls"] = {lang: urljoin(page.canonical_url, href) for lang, href in page.meta["alternates"].items()
                                       if lang in made}
    return markdown


def on_page_context(context, page, config, nav):
    """Edit and view buttons open the YAML source (view: at its line), not the generated Markdown."""
    source, edition = page.file.abs_src_path, _edition(config)
    generated = source is None or Path(source).resolve().is_relative_to(edition.out)
    edit, view = edit_and_view(config.repo_url, config.edit_uri, edition.root, page.meta.get("source_file"),
                               page.meta.get("source_line"), None if generated else page.file.src_uri, config.docs_dir)
    page.edit_url = edit
    page.meta["view_url"] = view
    return context


@event_priority(-100)  # last: what it sees is what MkDocs writes
def on_post_page(output, page, config):
    """The preview banner while serving; else the finished page goes to the site check."""
    live = preview.current
    if live:
        return live.inject(output, _base_url(page))
    run = engine.run_of(config)
    if run.reader is not None and run.site is not None and page.file.abs_dest_path:
        run.reader.add(Path(page.file.abs_dest_path).resolve().relative_to(run.site).as_posix(), output)
    return output


def on_post_build(config):
    live = preview.current
    if live:
        live.write_status(Path(config.site_dir))
        preview.keep_search_index(Path(config.site_dir), live)


def on_serve(server, config, builder):
    """Watch the content folder wherever it lives, and notice a save at once instead of polling."""
    content = engine.content_folder(config)
    if content.is_dir():
        server.watch(str(content))
    preview.notice_changes_at_once(server, POLL_SECONDS)
    if hasattr(server, "build_delay"):
        server.build_delay = QUIET_SECONDS
    return server


def _base_url(page) -> str:
    depth = page.url.count("/") if page.url else 0
    return "/".join([".."] * depth) or "."
