"""The Content-Security-Policy keeps Material working: search and navigation run, no violation is reported.

Needs Playwright (PyPI) and Debian's /usr/bin/chromium; skipped when either is missing.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():  # pragma: no cover - depends on the machine
    pytest.skip("chromium fehlt", allow_module_level=True)

FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_search_and_navigation_work_under_the_policy(server):
    violations: list[str] = []
    console: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = ctx.new_page()
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        page.on("request", lambda r: requests.append(r.url))
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI))")
        page.goto(server + "/", wait_until="networkidle")
        assert page.evaluate("typeof __md_get") == "function"  # Material's hashed inline helper ran
        page.click("input.md-search__input")
        page.keyboard.type("austauschen", delay=30)  # Material searches on key events
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        page.click(".md-search-result__item a")
        page.wait_for_load_state("networkidle")
        assert "/empfehlungen/" in page.url
        page.click("a[href$='akteure/jugendamt/']")
        page.wait_for_load_state("networkidle")
        assert page.url.endswith("/akteure/jugendamt/")
        ctx.close()
    violations = [c for c in console if "CSP" in c or "Content Security Policy" in c]
    assert violations == []
    assert [u for u in requests if not u.startswith(server)] == []
