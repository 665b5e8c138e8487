"""``bkk-site``: the stages wired for people (check, generate, build, serve)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .generate import generate
from .options import SiteOptions
from .problems import ContentError
from .trainer import published
from .validate import load_content
from .write import UnsafeOutputError

ROOT = Path.cwd()


def _report(exc: ContentError) -> int:
    for problem in exc.problems:
        print(problem.format(), file=sys.stderr)
    count = len(exc.problems)
    print(f"{count} Fehler gefunden." if count != 1 else "1 Fehler gefunden.", file=sys.stderr)
    return 1


def cmd_check(args: argparse.Namespace) -> int:
    content = load_content(args.content)
    published.refuse_lost(args.published or args.content / published.FILE_NAME, content)
    total = sum(len(content.items(kind)) for kind in ("phase", "actor", "recommendation", "indicator", "legal_norm", "glossary", "land"))
    print(f"Inhalt in Ordnung ({total} Einträge geprüft, {len(content.sources)} Quellen).")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    try:
        options = SiteOptions(site_url=args.site_url)
    except ValueError as exc:
        print(f"error: --site-url: {exc}", file=sys.stderr)
        return 2
    result = generate(args.content, args.out, Path(args.docs) if args.docs else None, options)
    print(f"{len(result.files)} Dateien in {args.out} ({len(result.written)} geändert).")
    return 0


def _mkdocs(*argv: str, content: Path, config: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *argv, "-f", str(config)]


def cmd_build(args: argparse.Namespace) -> int:
    """Build into a temporary folder; replace the site only when everything succeeded."""
    content = load_content(args.content)  # report content errors in our own format, before MkDocs runs
    listing = args.published or args.content / published.FILE_NAME
    urls = published.refuse_lost(listing, content)
    site = Path(args.site_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    generated = Path(tempfile.mkdtemp(prefix="bkk-pages-"))  # private to this build: parallel builds never mix
    env = {**os.environ, "BKK_CONTENT": str(Path(args.content).resolve()), "BKK_GENERATED_DIR": str(generated),
           "NO_MKDOCS_2_WARNING": "1"}
    cmd = _mkdocs("build", "--strict", "--clean", "-d", str(tmp), content=args.content, config=args.config)
    done = subprocess.run(cmd, env=env, check=False)
    shutil.rmtree(generated, ignore_errors=True)
    if done.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print("Build fehlgeschlagen; die bisherige Website bleibt unverändert.", file=sys.stderr)
        return 1
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    tmp.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    added = published.update(listing, urls)
    print(f"Website gebaut: {site}" + (f" ({len(added)} neue Adressen in {listing})" if added else ""))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    env = {**os.environ, "BKK_CONTENT": str(Path(args.content).resolve()), "NO_MKDOCS_2_WARNING": "1"}
    cmd = _mkdocs("serve", "--livereload", "-a", args.addr, content=args.content, config=args.config)
    try:
        return subprocess.run(cmd, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 0


PUBLISHED_HELP = "Liste der veröffentlichten Adressen, die erhalten bleiben müssen (Standard: published-urls.txt im Inhaltsordner)"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bkk-site", description="Erzeugt die BKK-Website aus den YAML-Dateien in content/.")
    sub = p.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.add_argument("--content", type=Path, default=Path("content"), help="Ordner mit den YAML-Dateien (Standard: content)")
        sp.set_defaults(func=func)
        return sp

    c = add("check", cmd_check, "Inhalt nur prüfen. Exit 0: alles gültig, 1: Fehler gefunden.")
    c.add_argument("--published", type=Path, default=None, help=PUBLISHED_HELP)
    g = add("generate", cmd_generate, "Markdown-Seiten erzeugen (für MkDocs oder eine andere Engine).")
    g.add_argument("--out", type=Path, default=Path(".generated/docs"), help="Zielordner (Standard: .generated/docs)")
    g.add_argument("--site-url", default="", help="Öffentliche Adresse der Website für QR-Codes und Kurzlinks, z. B. https://bkk.example.org/")
    g.add_argument("--docs", default="docs", help="Handgeschriebene Seiten, die mit kopiert werden (Standard: docs; leer: keine)")
    b = add("build", cmd_build, "Seiten erzeugen und die Website bauen (mkdocs build --strict).")
    b.add_argument("--site-dir", type=Path, default=Path("site"), help="Zielordner der Website (Standard: site)")
    b.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help=argparse.SUPPRESS)
    b.add_argument("--published", type=Path, default=None, help=PUBLISHED_HELP)
    s = add("serve", cmd_serve, "Live-Vorschau auf http://127.0.0.1:8000, aktualisiert sich beim Speichern.")
    s.add_argument("--addr", default="127.0.0.1:8000", help="Adresse der Vorschau (Standard: 127.0.0.1:8000)")
    s.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help=argparse.SUPPRESS)
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
