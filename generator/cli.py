"""``bkk-site``: the stages wired for people (check, generate, build, serve)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

from . import report
from .check import published
from .check.advice import advise
from .check.launch import placeholder_problems
from .check.validate import FileCache, load_located
from .confine import refuse
from .content_links import SitePages, check_links
from .editor.scaffold import ScaffoldError, create
from .editor.schemas import write_schemas
from .extras.files import current_urls
from .generate import generate
from .mkdocs import engine
from .mkdocs.engine import BuildError, build_site
from .model.kinds import ALL_KINDS
from .model.translations import LANGUAGES
from .options import SiteOptions
from .page_sources import locate_message, locate_page, page_sources
from .postbuild.html_index import Reader
from .postbuild.verify import report as site_report
from .postbuild.verify import verify_site
from .problems import ContentError
from .publish import crash_point, locked, new_tree, publish, recover
from .write import UnsafeOutputError

ROOT = Path.cwd()


def _report(exc: ContentError, fmt: str = "text") -> int:
    if fmt != "text":
        print(report.render(exc.problems, fmt))
        return 1
    print(report.as_text(exc.problems), file=sys.stderr)
    print(report.summary(exc.problems), file=sys.stderr)
    return 1


def checked_content(content_dir: Path, docs: Path | None, cache: FileCache | None = None):
    """Load and check the content, including every internal link of its Markdown fields."""
    content, located = load_located(content_dir, cache)
    refuse(check_links(located, SitePages.of(content, docs)))
    return content


def cmd_check(args: argparse.Namespace) -> int:
    try:
        content = checked_content(args.content, Path(args.docs) if args.docs else None)
        published.refuse_lost(args.published or args.content / published.FILE_NAME,
                              current_urls(content, engine.built_editions(args.config)))
    except ContentError as exc:
        return _report(exc, args.format)
    warnings = placeholder_problems(args.config) + advise(content, args.content)
    if args.format != "text":
        print(report.render(warnings, args.format))
    elif warnings:
        print(report.as_text(warnings), file=sys.stderr)
        print(report.summary(warnings) + (" Mit --strict zählen Warnungen als Fehler." if not args.strict else ""), file=sys.stderr)
    if warnings and args.strict:
        return 1
    if args.format == "text":
        total = sum(len(content.items(kind.name)) for kind in ALL_KINDS.values() if kind.counted)
        print(f"Inhalt in Ordnung ({total} Einträge geprüft, {len(content.items('source'))} Quellen).")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    try:
        path = create(args.kind, args.id, args.content)
    except ScaffoldError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    print(f"Angelegt: {path}\nFüllen Sie die Felder aus (Kommentare erklären jedes Feld) und prüfen Sie mit „make check“.")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    changed = write_schemas(args.out)
    print(f"JSON-Schemas in {args.out}: {len(changed)} geändert." if changed else f"JSON-Schemas in {args.out} sind aktuell.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    try:
        options = SiteOptions(site_url=args.site_url)
    except ValueError as exc:
        print(f"error: --site-url: {exc}", file=sys.stderr)
        return 2
    result = generate(args.content, args.out, Path(args.docs) if args.docs else None, options, cache=args.cache)
    print(f"{len(result.files)} Dateien in {args.out} ({len(result.written)} geändert).")
    return 0


def _mkdocs(*argv: str, config: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *argv, "-f", str(config)]


def cmd_build(args: argparse.Namespace) -> int:
    """Build into a temporary folder; replace the site in one step only when everything succeeded and checked out."""
    site = Path(args.site_dir).resolve()
    with locked(site):
        recover(site)  # what a killed build left behind
        crash_point("locked")
        return _build_locked(args, site)


def _build_locked(args: argparse.Namespace, site: Path) -> int:
    started = time.perf_counter()
    if args.launch:
        not_ready = placeholder_problems(args.config)
        if not_ready:
            print(report.as_text([replace(p, severity="error") for p in not_ready]), file=sys.stderr)
            print("Veröffentlichung abgebrochen: die Website ist noch nicht startklar.", file=sys.stderr)
            return 1
    run = engine.Run(Path(args.content).resolve())  # this build's state, for every edition
    # Content errors in our own format, before MkDocs runs; the hook takes this checked content.
    content = run.checked = checked_content(args.content, Path("docs"), run.session.parsed)
    listing = args.published or args.content / published.FILE_NAME
    urls = published.refuse_lost(listing, current_urls(content, engine.built_editions(args.config)))
    checked = time.perf_counter()
    crash_point("checked")
    sources = page_sources(content)
    tmp = new_tree(site)
    run.site, run.reader = tmp.resolve(), Reader()
    try:
        try:
            build_site(args.config, tmp, run, locate=lambda message: locate_message(message, sources))
            for lang, config in engine.editions(args.config):  # after the default edition: its build empties tmp
                build_site(config, tmp / lang, run, locate=lambda message: locate_message(message, sources))
        except BuildError as exc:
            print(f"Fehler: {exc}", file=sys.stderr)
            print("Build fehlgeschlagen; die bisherige Website bleibt unverändert.", file=sys.stderr)
            return 1
        built = time.perf_counter()
        crash_point("built")
        links, unsafe = verify_site(tmp, run.reader.pages())
        if links or unsafe:
            print(site_report(links, unsafe), file=sys.stderr)
            print(_at_sources(links + unsafe, sources), file=sys.stderr, end="")
            print("Prüfung der gebauten Website fehlgeschlagen; die bisherige Website bleibt unverändert.", file=sys.stderr)
            return 1
        crash_point("verified")
        publish(tmp, site)
        crash_point("published")
    finally:
        run.reader.close()
        shutil.rmtree(tmp, ignore_errors=True)
    added = published.update(listing, urls)
    generator = checked - started + run.generator_seconds
    print(f"Website gebaut: {site}" + (f" ({len(added)} neue Adressen in {listing})" if added else ""))
    print(f"Zeiten: Generator {generator:.2f} s (Prüfen, Seiten erzeugen), MkDocs {built - checked - run.generator_seconds:.2f} s, "
          f"Prüfung der Website {time.perf_counter() - built:.2f} s")
    return 0


def _at_sources(found: list, sources: dict) -> str:
    """Findings on generated pages once more, at the YAML place the page comes from."""
    lines = [f"{mark}: error: {b.format()}\n" for b in found if (mark := locate_page(b.page, sources))]
    return "".join(lines)


def cmd_serve(args: argparse.Namespace) -> int:
    env = {**os.environ, "BKK_CONTENT": str(Path(args.content).resolve()), "NO_MKDOCS_2_WARNING": "1"}
    config = args.config
    if args.lang != "de":
        config = dict(engine.editions(args.config)).get(args.lang)
        if config is None:
            print(f"Fehler: keine Konfiguration für die Sprache „{args.lang}“ neben {args.config}.", file=sys.stderr)
            return 2
    # --dirty: rebuild only the pages whose (generated) Markdown changed, so a save shows within a second
    cmd = _mkdocs("serve", "--livereload", "--dirty", "-a", args.addr, config=config)
    # Become the server instead of starting it as a child: stopping ``bkk-site serve`` (Ctrl-C, a test's
    # terminate()) must stop the server too, never leave it running orphaned.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, cmd, env)


PUBLISHED_HELP = "Liste der veröffentlichten Adressen, die erhalten bleiben müssen (Standard: published-urls.txt im Inhaltsordner)"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bkk-site", description="Erzeugt die BKK-Website aus den YAML-Dateien in content/.")
    sub = p.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.add_argument("--content", type=Path, default=Path("content"), help="Ordner mit den YAML-Dateien (Standard: content)")
        sp.set_defaults(func=func)
        return sp

    c = add("check", cmd_check, "Inhalt nur prüfen. Exit 0: alles gültig, 1: Fehler gefunden. Warnungen blockieren nicht.")
    c.add_argument("--format", choices=report.FORMATS, default="text",
                   help="Ausgabe: text (für Menschen), json (für Programme), github (Anmerkungen in GitHub Actions)")
    c.add_argument("--strict", action="store_true", help="Warnungen wie Fehler behandeln (Exit 1)")
    c.add_argument("--published", type=Path, default=None, help=PUBLISHED_HELP)
    c.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                   help="Konfiguration der Website; warnt, solange ihre Adresse (site_url) ein Platzhalter ist (Standard: mkdocs.yml)")
    c.add_argument("--docs", default="docs", help="Handgeschriebene Seiten, auf die Links zeigen dürfen (Standard: docs)")
    n = add("new", cmd_new, "Neue Inhaltsdatei mit allen Feldern und Erklärungen anlegen.")
    n.add_argument("kind", help="Inhaltsart, z. B. recommendation, actor, source (oder der Ordnername, z. B. empfehlungen)")
    n.add_argument("id", help="ID des neuen Eintrags, z. B. fruehe-beratung")
    sc = add("schemas", cmd_schemas, "JSON-Schemas für Editoren aus dem Modell erzeugen.")
    sc.add_argument("--out", type=Path, default=Path("schemas"), help="Zielordner (Standard: schemas)")
    g = add("generate", cmd_generate, "Markdown-Seiten erzeugen (für MkDocs oder eine andere Engine).")
    g.add_argument("--out", type=Path, default=Path(".generated/docs"), help="Zielordner (Standard: .generated/docs)")
    g.add_argument("--site-url", default="", help="Öffentliche Adresse der Website für QR-Codes und Kurzlinks, z. B. https://bkk.example.org/")
    g.add_argument("--cache", type=Path, default=Path(".cache/bkk-site"),
                   help="Ordner, in dem QR-Codes zwischen zwei Läufen bleiben (Standard: .cache/bkk-site)")
    g.add_argument("--docs", default="docs", help="Handgeschriebene Seiten, die mit kopiert werden (Standard: docs; leer: keine)")
    b = add("build", cmd_build, "Seiten erzeugen und die Website bauen (mkdocs build --strict).")
    b.add_argument("--site-dir", type=Path, default=Path("site"), help="Zielordner der Website (Standard: site)")
    b.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help=argparse.SUPPRESS)
    b.add_argument("--published", type=Path, default=None, help=PUBLISHED_HELP)
    b.add_argument("--launch", action="store_true",
                   help="Zum Veröffentlichen: abbrechen, solange die Adresse der Website (site_url) ein Platzhalter ist")
    s = add("serve", cmd_serve, "Live-Vorschau auf http://127.0.0.1:8000, aktualisiert sich beim Speichern.")
    s.add_argument("--addr", default="127.0.0.1:8000", help="Adresse der Vorschau (Standard: 127.0.0.1:8000)")
    s.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help=argparse.SUPPRESS)
    s.add_argument("--lang", choices=LANGUAGES, default="de",
                   help="Welche Ausgabe die Vorschau zeigt: de (Standard) oder en (die englische, aus den „en:“-Blöcken)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except ContentError as exc:
        return _report(exc)
    except UnsafeOutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
