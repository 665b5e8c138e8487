"""How fast does a YAML save show up in the live preview? (``make bench-preview``)

Starts ``bkk-site serve`` on a free 127.0.0.1 port in a throw-away copy of the project,
changes one recommendation's title again and again, and measures the time from the save
until the served page carries the new title. The browser's own reload adds a few tens of
milliseconds on top. Also used by the tests (``PreviewServer``) to exercise the real server.

Usage: python bench/preview.py [--content DIR] [--rounds N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 5.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


class PreviewServer:
    """``bkk-site serve`` in a temporary copy of the project; a context manager that always stops it."""

    def __init__(self, content: Path, *, workdir: Path | None = None):
        self.tmp = Path(workdir or tempfile.mkdtemp(prefix="bkk-preview-"))
        self.project = self.tmp / "project"
        self.content = self.project / "content"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = self.tmp / "serve.log"
        self.proc: subprocess.Popen | None = None
        self._source_content = Path(content)

    def __enter__(self) -> PreviewServer:
        self.project.mkdir(parents=True, exist_ok=True)
        for name in ("mkdocs.yml", "docs", "overrides", "generator"):
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, self.project / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif src.exists():
                shutil.copy2(src, self.project / name)
        shutil.copytree(self._source_content, self.content)
        env = {**os.environ, "PYTHONPATH": str(self.project), "PYTHONUNBUFFERED": "1"}
        self._log_file = self.log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "--addr", f"127.0.0.1:{self.port}", "--content", "content"],
            cwd=self.project, env=env, stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # our own process group only
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        if hasattr(self, "_log_file"):
            self._log_file.close()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def get(self, path: str) -> tuple[int, str]:
        return fetch(self.base + path)

    def wait_for(self, path: str, predicate, timeout: float = 180.0, interval: float = 0.02) -> str:
        """Poll until the page satisfies ``predicate``; raise with the server log when it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError("Der Vorschau-Server ist beendet:\n" + self.output()[-4000:])
            status, body = self.get(path)
            if status == 200 and predicate(body):
                return body
            time.sleep(interval)
        raise TimeoutError(f"{path} erfüllt die Bedingung nicht nach {timeout} s.\n" + self.output()[-4000:])


def _recommendation(content: Path) -> Path:
    files = sorted((content / "empfehlungen").glob("*.yaml"))
    if not files:
        raise SystemExit("Keine Empfehlung im Inhalt gefunden.")
    return files[0]


def set_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^title:.*$", f"title: {title}", text, count=1)
    if not count:
        raise ValueError(f"{path}: keine Zeile „title:“")
    path.write_text(text, encoding="utf-8")


def measure(content: Path = ROOT / "content", rounds: int = 5) -> dict:
    """Seconds from saving a recommendation's new title until the served page shows it."""
    times = []
    with PreviewServer(content) as server:
        item = _recommendation(server.content)
        page = f"/empfehlungen/{item.stem}/"
        server.wait_for(page, lambda body: True, timeout=180)
        server.wait_for("/_vorschau/status.json", lambda body: True, timeout=30)
        for i in range(rounds):
            title = f"Neuer Titel Messung {i} {time.time_ns()}"
            time.sleep(0.3)  # let the previous rebuild settle; not part of the measurement
            start = time.monotonic()
            set_title(server.content / "empfehlungen" / item.name, title)
            server.wait_for(page, lambda body, t=title: t in body, timeout=30, interval=0.01)
            times.append(time.monotonic() - start)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"name": "preview_save_to_page", "unit": "s", "rounds": rounds, "cpus": os.cpu_count(), "loadavg_1min": load, "median": statistics.median(times),
            "max": max(times), "min": min(times), "target": TARGET_SECONDS, "ok": statistics.median(times) <= TARGET_SECONDS,
            "times": times}


def rebuild_cpu(content: Path = ROOT / "content", rounds: int = 5) -> dict:
    """CPU seconds of one preview rebuild after a title change, in this process.

    Independent of other load on the machine (unlike the wall-clock measurement above), so it
    tells whether the rebuild itself fits the one-second budget.
    """
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with PreviewServer(content) as server:  # only for its project copy; the server itself is not started
        server.stop()
        site = server.tmp / "site"
        item = _recommendation(server.content)
        old_cwd = os.getcwd()
        os.chdir(server.project)
        os.environ["BKK_CONTENT"] = str(server.content)
        try:
            def once() -> tuple[float, float]:
                wall, cpu = time.perf_counter(), time.process_time()
                config = load_config(str(server.project / "mkdocs.yml"), site_dir=str(site))
                config.plugins.on_startup(command="serve", dirty=True)
                build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
                return time.perf_counter() - wall, time.process_time() - cpu

            once()
            walls, cpus = [], []
            for i in range(rounds):
                set_title(item, f"CPU-Messung {i}")
                wall, cpu = once()
                walls.append(wall)
                cpus.append(cpu)
        finally:
            os.chdir(old_cwd)
            os.environ.pop("BKK_CONTENT", None)
    return {"name": "preview_rebuild_cpu", "unit": "s", "rounds": rounds, "cpu_median": statistics.median(cpus),
            "wall_median": statistics.median(walls)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--content", type=Path, default=ROOT / "content")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    result = measure(args.content, args.rounds)
    result["rebuild"] = rebuild_cpu(args.content, args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"Vorschau nach dem Speichern: Median {result['median']:.2f} s, höchstens {result['max']:.2f} s "
              f"({result['rounds']} Messungen, Ziel ≤ {TARGET_SECONDS:.0f} s) – {'erreicht' if result['ok'] else 'VERFEHLT'}; "
          f"Systemlast {result['loadavg_1min']:.1f} auf {result['cpus']} Kernen")
        print(f"Neubau nach dem Speichern (ohne Warten auf Änderungen): Median {result['rebuild']['cpu_median']:.2f} s CPU, "
              f"{result['rebuild']['wall_median']:.2f} s Wanduhr")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
