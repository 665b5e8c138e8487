"""``make bench``: build synthetic content at 1×, 5× and 20× the shipped content and report medians.

Measures the generator alone, the full ``bkk-site build`` (check, MkDocs, link and safety checks,
swap), pages per second, peak memory, the generator's share of the build, and the time from
saving a YAML file to the changed page during ``bkk-site serve``. Prints a Markdown table with
the targets beside the measurements (reported, never asserted).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import preview  # noqa: E402
from bench.search_size import SearchSize, measure_site, quality  # noqa: E402
from bench.search_size import table as search_table  # noqa: E402
from bench.synth import synthesize  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PREVIEW_ROUNDS = 9  # saves per measurement of the live preview (each costs about a second, not a build)


@dataclass
class Row:
    factor: int
    items: int = 0
    pages: int = 0
    generate: list[float] = field(default_factory=list)
    build: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak: list[float] = field(default_factory=list)
    preview: list[float] = field(default_factory=list)
    first_build: float = 0.0  # with an empty QR cache
    first_generate: float = 0.0
    search: SearchSize | None = None  # index size and first-search download (bench/search_size.py)

    def med(self, name: str) -> float | None:
        values = getattr(self, name)
        return statistics.median(values) if values else None

    @property
    def per_page_ms(self) -> float:
        return 1000 * self.med("build") / self.pages

    @property
    def cpu_per_page_ms(self) -> float:
        return 1000 * self.med("cpu") / self.pages

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.med("build")

    @property
    def share(self) -> float:
        return self.med("generate") / self.med("build")


def project(root: Path, content: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(ROOT / "generator")
    # Copies, not links: the build refuses a linked docs/ or overrides/ folder (it never follows links there).
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.move(str(content), root / "content")
    # The shipped list of published addresses names the English edition too, which this
    # German-only project does not build; the first (warm-up) build writes the project's own.
    (root / "content" / "published-urls.txt").unlink(missing_ok=True)
    return root


def measure(cmd: list[str], cwd: Path) -> dict:
    out = subprocess.run([PY, str(ROOT / "bench" / "measure.py"), *cmd], cwd=cwd, env=ENV, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(cmd)} ist fehlgeschlagen:\n{result['stderr']}")
    return result


def preview_latency(root: Path, runs: int) -> list[float]:
    """Save → served page during ``bkk-site serve``: the measurement of ``make bench-preview``, on this content."""
    return preview.measure(root / "content", rounds=max(runs, PREVIEW_ROUNDS))["times"]


def bench(factor: int, base: Path, runs: int, work: Path, serve: bool) -> Row:
    row = Row(factor)
    content = work / f"content-{factor}"
    row.items = synthesize(base, content, factor)
    root = project(work / f"project-{factor}", content)
    subprocess.run([PY, "-m", "generator", "check"], cwd=root, env=ENV, check=True, capture_output=True)
    for run in range(runs):  # run 0 fills the QR cache (.cache/) like a first build on a machine; the median skips past it
        result = measure([PY, "-m", "generator", "build"], root)
        generator = float(re.search(r"Generator ([\d.]+) s", result["stdout"])[1])
        if run == 0:
            row.first_build, row.first_generate = result["wall"], generator
        row.generate.append(generator)
        row.build.append(result["wall"])
        row.cpu.append(result["cpu"])
        row.peak.append(result["peak_mib"])
    row.pages = sum(1 for p in (root / "site").rglob("*.html") if p.name != "404.html")
    row.search = measure_site(root / "site", factor)
    if serve:
        row.preview = preview_latency(root, runs)
    print(f"  {factor}×: {row.pages} Seiten, Build {row.med('build'):.1f} s", file=sys.stderr)
    return row


def fmt(value: float | None, digits: int = 2, unit: str = "") -> str:
    return "–" if value is None else f"{value:.{digits}f}{unit}".replace(".", ",")


def table(rows: list[Row]) -> str:
    lines = ["| Umfang | Inhaltsdateien | Seiten | Generator | Build gesamt | Seiten/s | ms pro Seite | CPU-ms pro Seite | "
             "Spitzenspeicher | Anteil Generator | Speichern → Vorschau | erster Build (leerer Cache) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.factor}× | {r.items} | {r.pages} | {fmt(r.med('generate'))} s | {fmt(r.med('build'))} s | "
                     f"{fmt(r.pages_per_s, 0)} | {fmt(r.per_page_ms, 1)} | {fmt(r.cpu_per_page_ms, 1)} | {fmt(r.med('peak'), 0)} MiB | "
                     f"{fmt(100 * r.share, 1)} % | {fmt(r.med('preview'))} s | {fmt(r.first_build, 1)} s "
                     f"(Generator {fmt(r.first_generate, 1)} s) |".replace("| – s |", "| – |"))
    return "\n".join(lines)


def targets(rows: list[Row], minutes: float) -> str:
    by = {r.factor: r for r in rows}
    checks = []
    if 5 in by and 20 in by:
        ratio = by[20].per_page_ms / by[5].per_page_ms
        checks.append(("Kosten pro Seite bei 20× höchstens 110 % von 5× (linear)", f"{fmt(100 * ratio, 0)} %", ratio <= 1.10))
        cpu_ratio = by[20].cpu_per_page_ms / by[5].cpu_per_page_ms
        checks.append(("… gemessen in CPU-Zeit (unempfindlich gegen Last anderer Prozesse)", f"{fmt(100 * cpu_ratio, 0)} %", cpu_ratio <= 1.10))
    if 20 in by:
        checks.append(("mindestens 100 Seiten/s bei 20×", f"{fmt(by[20].pages_per_s, 0)} Seiten/s", by[20].pages_per_s >= 100))
        checks.append(("Spitzenspeicher höchstens 500 MiB bei 20×", f"{fmt(by[20].med('peak'), 0)} MiB", by[20].med("peak") <= 500))
    worst = max(rows, key=lambda r: r.share)
    checks.append(("Generator höchstens 5 % des Builds", f"höchstens {fmt(100 * worst.share, 1)} % (bei {worst.factor}×)", worst.share <= 0.05))
    for factor, limit in ((1, 1.0), (5, 3.0)):
        if factor in by and by[factor].preview:
            value = by[factor].med("preview")
            checks.append((f"Speichern → Vorschau höchstens {fmt(limit, 0)} s bei {factor}×", f"{fmt(value)} s", value <= limit))
    checks.append(("ganze Messung auf 2 Kernen unter 15 Minuten", f"{fmt(minutes, 1)} min", minutes < 15))
    lines = ["| Ziel | Gemessen | Erreicht |", "|---|---|---|"]
    lines += [f"| {goal} | {value} | {'ja' if ok else '**nein**'} |" for goal, value, ok in checks]
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return f"{os.cpu_count()} Kerne ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--factors", default="1,5,20")
    p.add_argument("--runs", type=int, default=3, help="Läufe je Messung; berichtet wird der Median")
    p.add_argument("--content", type=Path, default=ROOT / "content", help="Grundlage (1×): die ausgelieferten Inhalte")
    p.add_argument("--serve-up-to", type=int, default=5, help="Vorschau-Latenz nur bis zu diesem Faktor messen")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = p.parse_args(argv)
    base = (args.content if (args.content / "empfehlungen").is_dir() else ROOT / "tests" / "fixtures" / "content").resolve()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bkk-bench-") as tmp:
        rows = [bench(int(f), base, args.runs, Path(tmp), int(f) <= args.serve_up_to) for f in args.factors.split(",")]
    minutes = (time.monotonic() - started) / 60
    load = os.getloadavg()[1] if hasattr(os, "getloadavg") else float("nan")
    report = (f"Gemessen am {dt.date.today().isoformat()} auf {machine()}; Grundlage: `{base.relative_to(ROOT)}`; "
              f"Median aus {args.runs} Läufen; Dauer der Messung {fmt(minutes, 1)} min; Systemlast zuletzt {fmt(load, 1)} "
              f"(5-Minuten-Mittel; über {os.cpu_count()} heißt: andere Prozesse teilen sich die Kerne).\n\n{table(rows)}\n\n{targets(rows, minutes)}\n"
              f"\nSuche:\n\n{search_table([r.search for r in rows if r.search])}\n\n{quality()}\n")
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
