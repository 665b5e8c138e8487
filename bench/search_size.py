"""Size of the search at 1×, 5×, 20× content: the index and what a reader downloads on the first search.

``make bench`` reports it beside the build times; ``make bench-search`` measures it alone (one
build per factor, a few minutes). Sizes are gzip (level 6, as web servers send them); the figures
for search quality (recall in the top 5, mean reciprocal rank) come from the browser test
(tests/browser/test_search.py with ``BKK_SEARCH_REPORT``) and are printed beside the previous ones.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synth import synthesize  # noqa: E402

TARGET_KB = 250  # index at 1×, gzip
QUALITY = ROOT / "bench" / "search-quality.json"  # {"before": {...}, "online": {...}, "offline": {...}}


@dataclass(frozen=True)
class SearchSize:
    factor: int
    entries: int
    index_kb: float  # search/search_index.json, gzip
    terms_kb: float  # search/bkk-terms.js (word forms, synonyms), gzip
    first_search_kb: float  # everything fetched when a reader first searches


def gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) / 1024


def first_search_files(site: Path) -> list[Path]:
    """Index, word table, Material's search worker and the lunr language files it imports."""
    assets = site / "assets" / "javascripts"
    files = [site / "search" / "search_index.json", site / "search" / "bkk-terms.js"]
    files += sorted((assets / "workers").glob("search.*.min.js"))
    files += [assets / "lunr" / "min" / name for name in ("lunr.stemmer.support.min.js", "lunr.de.min.js")]
    return [f for f in files if f.is_file()]


def measure_site(site: Path, factor: int) -> SearchSize:
    index = site / "search" / "search_index.json"
    entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
    terms = site / "search" / "bkk-terms.js"
    return SearchSize(factor, entries, gz_kb(index), gz_kb(terms) if terms.is_file() else 0.0,
                      sum(gz_kb(f) for f in first_search_files(site)))


def build(factor: int, base: Path, work: Path) -> Path:
    content = work / f"content-{factor}"
    synthesize(base, content, factor)
    site = work / f"site-{factor}"
    subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--site-dir", str(site)],
                   cwd=ROOT, check=True, capture_output=True)
    return site


def fmt(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def table(rows: list[SearchSize]) -> str:
    lines = ["| Umfang | Sucheinträge | Suchindex (gzip) | Wortformen + Synonyme (gzip) | erste Suche lädt (gzip) |",
             "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.factor}× | {r.entries} | {fmt(r.index_kb)} KB | {fmt(r.terms_kb)} KB | {fmt(r.first_search_kb)} KB |")
    one = next((r for r in rows if r.factor == 1), None)
    if one:
        lines.append(f"\nZiel: Suchindex bei 1× höchstens {TARGET_KB} KB (gzip): {'erreicht' if one.index_kb <= TARGET_KB else '**nicht erreicht**'}.")
    return "\n".join(lines)


def quality() -> str:
    """Recall@5 and MRR as last measured in the browser, beside the figures before issue 13."""
    if not QUALITY.is_file():
        return "Suchqualität: noch nicht gemessen (BKK_SEARCH_REPORT=bench/search-quality.json pytest tests/browser/test_search.py)."
    data = json.loads(QUALITY.read_text(encoding="utf-8"))
    lines = ["| Messung | Anfragen | Recall@5 | MRR |", "|---|---|---|---|"]
    for label, m in data.items():
        lines.append(f"| {label} | {m['queries']} | {fmt(100 * m['recall_at_5'])} % | {fmt(m['mrr'], 3)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--factors", default="1,5,20")
    p.add_argument("--content", type=Path, default=ROOT / "content")
    args = p.parse_args(argv)
    base = args.content if (args.content / "empfehlungen").is_dir() else ROOT / "tests" / "fixtures" / "content"
    with tempfile.TemporaryDirectory(prefix="bkk-search-size-") as tmp:
        rows = [measure_site(build(int(f), base.resolve(), Path(tmp)), int(f)) for f in args.factors.split(",")]
    print(table(rows) + "\n\n" + quality())
    return 0


if __name__ == "__main__":
    sys.exit(main())
