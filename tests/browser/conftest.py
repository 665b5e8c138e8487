"""The browser suite's shared setup: build the site once, serve it, drive Debian's Chromium.

Nothing here downloads a browser: Playwright talks to /usr/bin/chromium, axe-core comes from
node_modules (package.json). Without Chromium the suite skips on a developer machine and
fails in CI (``CI=true``), so a missing browser can never turn CI green.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "content"
CHROMIUM = os.environ.get("BKK_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"]
VIEWPORTS = {"desktop": (1280, 800), "mobile": (375, 812)}


def _missing_tools() -> list[str]:
    missing = []
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"Chromium ({CHROMIUM}; apt-get install chromium)")
    if not AXE.is_file():
        missing.append("axe-core (npm ci)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -c requirements.lock -e '.[test]')")
    return missing


def require_tools() -> None:
    missing = _missing_tools()
    if not missing:
        return
    message = "Browser-Tests brauchen: " + ", ".join(missing)
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (in CI ist das ein Fehler, kein Überspringen)", pytrace=False)
    pytest.skip(message)


def build(content: Path, into: Path, config: str = "mkdocs.yml") -> Path:
    """``bkk-site build`` into a temporary folder (``config``: e.g. mkdocs.offline.yml)."""
    site = into / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--site-dir", str(site),
                           "--config", str(ROOT / config)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"Build fehlgeschlagen:\n{done.stdout}\n{done.stderr}"
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Served:
    root: Path
    origin: str  # http://127.0.0.1:PORT
    content: Path

    def pages(self) -> list[str]:
        """URL paths of every built page (directory URLs), 404 page included."""
        out = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            out.append("/" + rel.removesuffix("index.html"))
        return out


def serve(root: Path, content: Path) -> Iterator[Served]:
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{server.server_address[1]}", content)
    finally:
        server.shutdown()
        server.server_close()


def site_content() -> Path:
    """The real content when the checkout has it, else the test fixture."""
    real = ROOT / "content"
    return real if (real / "phasen").is_dir() else FIXTURE


@pytest.fixture(scope="session")
def workdir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="bkk-browser-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def site(workdir: Path) -> Iterator[Served]:
    """The site as readers get it, built once per test session."""
    require_tools()
    content = site_content()
    yield from serve(build(content, workdir / "main"), content)


@pytest.fixture(scope="session")
def video_site(workdir: Path) -> Iterator[Served]:
    """The fixture content with a YouTube video that has chapters (two-click consent, chapter links)."""
    require_tools()
    content = workdir / "video-content"
    shutil.copytree(FIXTURE, content)
    (content / "video.yaml").write_text(VIDEO_FIXTURE, encoding="utf-8")
    yield from serve(build(content, workdir / "video"), content)


VIDEO_FIXTURE = """\
id: erklaervideo
title: Erklärvideo zum BKK
provider: youtube
youtube_id: AAAAAAAAAAA
duration: "04:10"
description: Ein Testvideo mit Kapiteln.
chapters:
  - start: "00:00"
    title: Worum es geht
    pages: [phasen/erkennen]
  - start: "01:30"
    title: Das Jugendamt
    pages: [akteure/jugendamt, glossar/inobhutnahme]
transcript: Das ist das Transkript.
sources: [ecpat-2021]
provenance: bkk
"""


@pytest.fixture(scope="module")
def browser():
    """Per module: other suites (tests/trainers) start their own sync Playwright, and two cannot
    be active in one thread at the same time."""
    require_tools()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield instance
        instance.close()


class Recorder:
    """Collects what must never happen on a page: other hosts, console errors, local 4xx/5xx."""

    def __init__(self, origin: str):
        self.origin = origin
        self.third_party: list[str] = []
        self.errors: list[str] = []
        self.broken: list[str] = []

    def own(self, url: str) -> bool:
        return not url.startswith(("http:", "https:", "ws:", "wss:")) or url.startswith(self.origin + "/") or url == self.origin

    def reset(self) -> None:
        self.third_party, self.errors, self.broken = [], [], []


def new_context(browser, origin: str, viewport: str):
    """A browser context that blocks and records every request to another host."""
    width, height = VIEWPORTS[viewport]
    mobile = viewport == "mobile"
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile,
                                  locale="de-DE", timezone_id="Europe/Berlin", service_workers="block")
    recorder = Recorder(origin)

    def block(route) -> None:
        recorder.third_party.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(lambda url: not recorder.own(url), block)
    context.on("console", lambda msg: recorder.errors.append(f"console: {msg.text}")
               if msg.type == "error" and "ERR_BLOCKED_BY_CLIENT" not in msg.text else None)
    context.on("weberror", lambda err: recorder.errors.append(f"Skriptfehler: {err.error}"))
    context.on("response", lambda resp: recorder.broken.append(f"{resp.status} {resp.url}")
               if resp.status >= 400 and recorder.own(resp.url) and not resp.url.endswith("/favicon.ico") else None)
    return context, recorder
