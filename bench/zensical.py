"""Does ``bkk-site generate`` output also build with Zensical? (``make zensical``, non-blocking)

Zensical ignores MkDocs ``hooks:``, so it builds the complete generated tree that
``bkk-site generate`` writes (hand-written + generated pages). It lives in its own venv
(``.venv-zensical``), so it never touches the pinned MkDocs environment. The report compares the
set of page URLs with the MkDocs build of the same content and lists what differs.

Usage: python bench/zensical.py [--content DIR] [--json]
Exit code: 0 when Zensical built the site (differences are reported, not failed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".zensical"
VENV = ROOT / ".venv-zensical"
# The newest release whose dependencies the package registry here can satisfy (0.1.x needs zensical-ui).
ZENSICAL = "zensical==0.0.73"


def ensure_zensical() -> Path:
    exe = VENV / "bin" / "zensical"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", ZENSICAL], check=True)
    return exe


class PythonName(str):
    """A ``!!python/name:module.attr`` value of mkdocs.yml, kept as written."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PythonName(suffix))
_Dumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value}", ""))


def load_mkdocs_yml(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - safe loader plus one inert tag


def config_for(generated_docs: Path, site: Path) -> dict:
    """mkdocs.yml without what only our MkDocs hook or MkDocs itself understands."""
    config = load_mkdocs_yml(ROOT / "mkdocs.yml")
    for key in ("hooks", "watch", "validation", "not_in_nav"):
        config.pop(key, None)
    # Paths relative to the config file: Zensical 0.0.73 panics on absolute ones.
    config["docs_dir"] = os.path.relpath(generated_docs, WORK)
    config["site_dir"] = os.path.relpath(site, WORK)
    theme = config.get("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath(ROOT / theme["custom_dir"], WORK)
    return config


def page_urls(site: Path) -> set[str]:
    return {"/" + p.parent.relative_to(site).as_posix().removeprefix(".") for p in site.rglob("index.html")
            if "assets" not in p.parts and "search" not in p.parts}


def run(content: Path) -> dict:
    exe = ensure_zensical()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    bkk = [sys.executable, "-m", "generator.cli"]
    subprocess.run([*bkk, "generate", "--content", str(content), "--out", str(WORK / "docs")], check=True, cwd=ROOT)
    config = yaml.dump(config_for(WORK / "docs", WORK / "site"), Dumper=_Dumper, allow_unicode=True)
    (WORK / "mkdocs.yml").write_text(config, encoding="utf-8")
    start = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # mkdocs.yml names our heading slugify (stdlib only)
    done = subprocess.run([str(exe), "build", "-f", str(WORK / "mkdocs.yml")], cwd=WORK, capture_output=True, text=True,
                          timeout=1800, env=env)
    seconds = time.monotonic() - start
    result = {"engine": ZENSICAL, "built": done.returncode == 0 and (WORK / "site" / "index.html").exists(),
              "seconds": round(seconds, 1), "log_tail": (done.stdout + done.stderr)[-3000:]}
    if not result["built"]:
        return result
    mkdocs_site = WORK / "mkdocs-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([*bkk, "build", "--content", str(content), "--site-dir", str(mkdocs_site)], check=True, cwd=ROOT, env=env,
                   capture_output=True)
    ours, theirs = page_urls(mkdocs_site), page_urls(WORK / "site")
    result.update({"pages_mkdocs": len(ours), "pages_zensical": len(theirs),
                   "only_mkdocs": sorted(ours - theirs), "only_zensical": sorted(theirs - ours)})
    sample = WORK / "site" / "empfehlungen"
    item = next((p for p in sorted(sample.glob("*/index.html"))), None) if sample.is_dir() else None
    if item is not None:
        html = item.read_text(encoding="utf-8")
        result["edit_link_to_yaml"] = "/content/" in html and ".yaml" in html
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--content", type=Path, default=ROOT / "content")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    result = run(args.content.resolve())
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    elif not result["built"]:
        print(f"Zensical ({result['engine']}): Build FEHLGESCHLAGEN nach {result['seconds']} s\n{result['log_tail']}")
    else:
        print(f"Zensical ({result['engine']}): gebaut in {result['seconds']} s; "
              f"{result['pages_zensical']} Seiten (MkDocs: {result['pages_mkdocs']}).")
        for key, label in (("only_mkdocs", "nur bei MkDocs"), ("only_zensical", "nur bei Zensical")):
            if result[key]:
                print(f"  {label}: " + ", ".join(result[key][:20]) + (" …" if len(result[key]) > 20 else ""))
        if not result.get("edit_link_to_yaml"):
            print("  Bearbeiten-Links zeigen bei Zensical auf die erzeugten Markdown-Dateien, nicht auf die YAML-Quelle "
                  "(der MkDocs-Hook, der sie setzt, läuft dort nicht).")
    return 0 if result["built"] else 1


if __name__ == "__main__":
    sys.exit(main())
