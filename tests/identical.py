"""Build the shipped content with two checkouts of the code and compare the outputs byte for byte.

Why two checkouts and not a stored manifest: a manifest of hashes goes stale with every content
edit, so it would be re-pinned so often that nobody would notice a real change. Instead the
*same* content (``content/`` and ``docs/`` of the current checkout) goes through the code of a
pinned reference commit (checked out with ``git worktree``) and through the current code. A
refactoring must leave every file equal; a change that is meant to change the output moves
``REFERENCE`` to the commit that made it (and says so in its message).

Compared, each as a tree of files: ``bkk-site generate --out`` (the generated Markdown, SVG, QR
codes and ``daten/`` exports as ``serve`` writes them to ``.generated/pages``, once without and
once with the public address), ``bkk-site build --site-dir`` (the shipped site) and the offline
build (``mkdocs.offline.yml``, the contents of the zip).

Usage: ``python tests/identical.py [--reference COMMIT] [--keep DIR]`` (``--keep`` reuses the
reference outputs in DIR between runs, which saves half the time while refactoring).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = "9e5de128d27fc3efe7167d0aea9b6a2c5e506ae4"  # issue 14: `generate --out` also writes the QR codes of the hand-written pages; the site is unchanged
SITE_URL = "https://bkk.example.org/"
OUTPUTS = ("generated", "generated-url", "site", "offline")


def reference_available(commit: str = REFERENCE) -> bool:
    done = subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=REPO, capture_output=True, check=False)
    return done.returncode == 0


CODE = ("generator", "mkdocs.yml", "mkdocs.en.yml", "mkdocs.offline.yml", "mkdocs.offline.en.yml", "overrides")  # what "the code" is; the rest is content


def checkout(commit: str, where: Path) -> Path:
    """This checkout's commit and working-tree ``content/`` and ``docs/``, with the *code* of ``commit``.

    Starting from HEAD (not from ``commit``) keeps the git history of ``content/`` the same on both
    sides, so the "Stand" dates of item pages agree; both sides run from their own folder, so pages
    name their source ``content/…`` alike.
    """
    subprocess.run(["git", "worktree", "add", "--detach", "--force", str(where), "HEAD"], cwd=REPO,
                   check=True, capture_output=True)
    for name in ("content", "docs"):
        shutil.rmtree(where / name)
        shutil.copytree(REPO / name, where / name)
    for name in CODE:
        path = where / name
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    subprocess.run(["git", "checkout", commit, "--", *CODE], cwd=where, check=True, capture_output=True)
    return where


def remove_checkout(where: Path) -> None:
    subprocess.run(["git", "worktree", "remove", "--force", str(where)], cwd=REPO, capture_output=True, check=False)
    shutil.rmtree(where, ignore_errors=True)


def build_all(code: Path, out: Path) -> None:
    """Every output of the code in ``code`` for its ``content/``, into ``out/<name>``."""
    out.mkdir(parents=True, exist_ok=True)
    content = code / "content"
    listing = out / "published-urls.txt"  # a build adds new addresses: never touch the real list
    if (content / "published-urls.txt").is_file():
        shutil.copyfile(content / "published-urls.txt", listing)
    env = {**os.environ, "PYTHONPATH": str(code), "NO_MKDOCS_2_WARNING": "1"}
    cache = out / "cache"
    runs = {
        "generated": ["generate", "--out", str(out / "generated"), "--cache", str(cache)],
        "generated-url": ["generate", "--out", str(out / "generated-url"), "--site-url", SITE_URL, "--cache", str(cache)],
        "site": ["build", "--site-dir", str(out / "site"), "--published", str(listing)],
        "offline": ["build", "--config", "mkdocs.offline.yml", "--site-dir", str(out / "offline"), "--published", str(listing)],
    }
    for argv in runs.values():
        done = subprocess.run([sys.executable, "-m", "generator", *argv, "--content", "content"], cwd=code, env=env,
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{code}: bkk-site {' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}")


def manifest(tree: Path) -> dict[str, str]:
    """Relative path → sha256 of every file (the generator's marker file included)."""
    return {p.relative_to(tree).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(tree.rglob("*")) if p.is_file()}


def differences(reference: Path, current: Path) -> list[str]:
    """One line per file that is missing, extra or different, per output; empty when identical."""
    lines = []
    for name in OUTPUTS:
        old, new = manifest(reference / name), manifest(current / name)
        lines += [f"{name}/{rel}: only in the reference" for rel in sorted(set(old) - set(new))]
        lines += [f"{name}/{rel}: only in the current build" for rel in sorted(set(new) - set(old))]
        lines += [f"{name}/{rel}: differs" for rel in sorted(set(old) & set(new)) if old[rel] != new[rel]]
    return lines


def compare(reference_commit: str = REFERENCE, keep: Path | None = None) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bkk-identical-") as tmp:
        ref_out = keep or Path(tmp) / "reference"
        if not (ref_out / "site").is_dir():
            where = checkout(reference_commit, Path(tmp) / "checkout")
            try:
                build_all(where, ref_out)
            finally:
                remove_checkout(where)
        build_all(REPO, Path(tmp) / "current")
        return differences(ref_out, Path(tmp) / "current")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reference", default=REFERENCE)
    p.add_argument("--keep", type=Path, default=None, help="folder for the reference outputs, reused when present")
    args = p.parse_args()
    lines = compare(args.reference, args.keep.resolve() if args.keep else None)
    print("\n".join(lines) if lines else "identical: generate, generate --site-url, build, offline build")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
