"""Fixtures for the trainer features: a private copy of the fixture content, site builds, a browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "content"
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture
def trainer_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def build(content: Path, site: Path, published: Path, config: str = "mkdocs.yml") -> None:
    """``bkk-site build`` as an editor runs it; fails the test with the tool's exit code."""
    code = main(["build", "--content", str(content), "--site-dir", str(site), "--published", str(published),
                 "--config", str(ROOT / config)])
    assert code == 0, f"bkk-site build ended with exit code {code}"


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on a free local port, like a plain static web host."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="module")
def browser_context():
    """Headless Debian Chromium through Playwright; every request to another host is recorded and blocked."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium fehlt (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        ctx = pw.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS,
                                                    locale="de-DE", viewport={"width": 1280, "height": 800})
        ctx.external_requests = []

        def block(route):
            ctx.external_requests.append(route.request.url)
            route.abort("blockedbyclient")

        ctx.route(lambda url: not url.startswith(("file:", "data:", "blob:", "http://127.0.0.1:")), block)
        yield ctx
        ctx.close()
