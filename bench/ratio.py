"""How much does ``bkk-site build`` cost on top of MkDocs itself? (part of ``make bench``)

Synthesises content at N× the shipped content, writes the generated tree once
(``bkk-site generate --out``, hand-written pages included), then times in pairs, one right after
the other so both see the same load on the machine:

- the full ``bkk-site build`` (check, generate, MkDocs, link and safety checks, swap), and
- bare ``mkdocs build`` with the same theme and settings on that identical tree, hooks off.

The ratio of the medians is the price of everything that is not MkDocs (double work shows up
here). Usage: ``python bench/ratio.py [--factor 5] [--runs 3] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import ENV, PY, measure  # noqa: E402
from bench.synth import synthesize  # noqa: E402


def project(root: Path, content: Path, code: Path) -> Path:
    """A project folder: this checkout's docs, the code (generator, theme, mkdocs.yml) of ``code``."""
    root.mkdir(parents=True)
    shutil.copyfile(code / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(code / "generator")
    # Copies, not links: the build refuses a linked docs/ or overrides/ folder (it never follows links there).
    shutil.copytree(code / "overrides", root / "overrides")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.move(str(content), root / "content")
    # The shipped list of published addresses names the English edition too, which this
    # German-only project does not build; the first (warm-up) build writes the project's own.
    (root / "content" / "published-urls.txt").unlink(missing_ok=True)
    return root


def bare_config(root: Path, tree: Path) -> Path:
    """The project's mkdocs.yml (theme, plugins, Markdown extensions) with hooks off, building ``tree``."""
    path = root / "mkdocs.bare.yml"
    path.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {tree}\nhooks: []\nwatch: []\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--factor", type=int, default=5)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--json", action="store_true")
    p.add_argument("--code", type=Path, default=ROOT, help="checkout whose code is measured (e.g. a git worktree of an older commit)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bkk-ratio-") as tmp:
        work = Path(tmp)
        content = work / "content"
        synthesize(ROOT / "content", content, args.factor)
        root = project(work / "project", content, args.code.resolve())
        tree = work / "tree"
        subprocess.run([PY, "-m", "generator", "generate", "--out", str(tree), "--site-url", "https://bkk.example.org/"],
                       cwd=root, env=ENV, check=True, capture_output=True)
        config = bare_config(root, tree)
        ours, bare = [], []
        for _ in range(args.runs + 1):  # the first pair warms the QR cache and the file system; it is left out
            ours.append(measure([PY, "-m", "generator", "build", "--site-dir", str(work / "site-ours")], root)["wall"])
            bare.append(measure([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(work / "site-bare")],
                                root)["wall"])
        ours, bare = ours[1:], bare[1:]
    result = {"factor": args.factor, "runs": args.runs, "build_median_s": statistics.median(ours),
              "bare_mkdocs_median_s": statistics.median(bare), "ratio": statistics.median(ours) / statistics.median(bare),
              "build_s": ours, "bare_mkdocs_s": bare, "cpus": os.cpu_count()}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{args.factor}×: bkk-site build {result['build_median_s']:.1f} s, bare mkdocs build "
              f"{result['bare_mkdocs_median_s']:.1f} s, ratio {result['ratio']:.2f}× (median of {args.runs} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
