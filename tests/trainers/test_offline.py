"""Done-when of issue 5: the offline zip, unpacked and opened via file:// in headless Chromium,
navigates and finds a German search term, with zero requests to other hosts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import FIXTURE, ROOT, build


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """Build like ``make offline`` (same config, same zip command), then unpack somewhere else."""
    tmp = tmp_path_factory.mktemp("offline")
    build(FIXTURE, tmp / "build" / "bkk-site-offline", tmp / "published-urls.txt", config="mkdocs.offline.yml")
    archive = tmp / "bkk-site-offline.zip"
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(archive), "bkk-site-offline"], cwd=tmp / "build", check=True)
    target = tmp / "usb-stick"
    with zipfile.ZipFile(archive) as z:
        z.extractall(target)
    return target / "bkk-site-offline"


def test_offline_copy_is_self_contained(unpacked: Path):
    assert (unpacked / "javascripts" / "vendor" / "iframe-worker-shim.js").is_file()
    for html in unpacked.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, html
    assert "url=../../empfehlungen/frueh-austauschen.html" in (unpacked / "e" / "1" / "index.html").read_text(encoding="utf-8")


def test_offline_copy_navigates_and_searches_from_file_url(unpacked: Path, browser_context):
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((unpacked / "index.html").as_uri(), wait_until="load")

    # Navigation: the main menu leads to the recommendations, and on to an item page.
    page.click('.md-nav--primary a.md-nav__link[href="empfehlungen/index.html"]')
    page.wait_for_load_state("load")
    assert page.inner_text("article h1").strip().startswith("Empfehlungen")
    page.click('article a[href="frueh-austauschen.html"]')
    page.wait_for_load_state("load")
    assert page.inner_text("article h1").strip().startswith("E-01: Früh austauschen")

    # A short URL typed from a handout works in the copy too (meta refresh, no JavaScript needed).
    page.goto((unpacked / "e" / "1" / "index.html").as_uri(), wait_until="load")
    page.wait_for_url("**/empfehlungen/frueh-austauschen.html")

    # Search: Material hides it when its worker cannot start from file://; the vendored shim fixes that.
    page.goto((unpacked / "index.html").as_uri(), wait_until="load")
    assert page.locator(".md-search").get_attribute("hidden") is None, "Suche ausgeblendet: iframe-worker-Shim fehlt?"
    page.click(".md-search__input")
    page.type(".md-search__input", "Inobhutnahme", delay=40)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    hits = page.eval_on_selector_all(".md-search-result__item .md-search-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert any("glossar" in h for h in hits), hits
    page.click(".md-search-result__item >> nth=0")
    page.wait_for_load_state("load")
    assert page.url.startswith("file://")

    assert browser_context.external_requests == [], browser_context.external_requests
    assert errors == []
    page.close()


def test_make_offline_target_uses_the_same_config():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--config mkdocs.offline.yml" in makefile and "-m zipfile -c" in makefile


def test_offline_copy_holds_the_english_edition(unpacked: Path, browser_context):
    """Both editions in one zip: the selector switches between them from file://, and the English search starts."""
    assert (unpacked / "en" / "index.html").is_file()
    assert (unpacked / "en" / "search" / "search_index.js").is_file()  # the offline plugin's file:// index
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((unpacked / "empfehlungen" / "frueh-austauschen.html").as_uri(), wait_until="load")
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang=en]")
    page.wait_for_url("**/en/recommendations/frueh-austauschen.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".md-search").get_attribute("hidden") is None
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang=de]")
    page.wait_for_url("**/empfehlungen/frueh-austauschen.html")
    page.close()
    assert errors == []
