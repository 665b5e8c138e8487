"""The English edition as readers meet it in the built site: every page in English under /en/,
the language selector and hreflang leading to the same page in the other edition, exports with
both languages; and an item without English text says so instead of showing German."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import FIXTURE, REPO, bkk, make_project

_SELECTOR = re.compile(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" class="md-select__link">')
_LANG = re.compile(r'<html lang="(\w+)"')
SITE = "https://bkk.example.org/"  # site_url of the shipped mkdocs.yml


def pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if "qr" not in p.parts and not _redirect(p)]


def _redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]


def target(page: Path, href: str) -> Path:
    return (page.parent / href).resolve() / "index.html" if href.endswith("/") else (page.parent / href).resolve()


def test_every_english_page_is_english_and_every_german_page_german(shipped_site):
    english = [p for p in pages(shipped_site) if p.relative_to(shipped_site).parts[0] == "en"]
    german = [p for p in pages(shipped_site) if p.relative_to(shipped_site).parts[0] != "en"]
    assert len(english) > 150 and len(german) > len(english)
    for page in english:
        assert _LANG.search(page.read_text(encoding="utf-8")).group(1) == "en", page
    for page in german:
        assert _LANG.search(page.read_text(encoding="utf-8")).group(1) == "de", page


def test_selector_leads_to_the_same_page_and_back(shipped_site):
    """On every page of both editions: each edition's link exists, and the other edition's page links back."""
    for page in pages(shipped_site):
        html = page.read_text(encoding="utf-8")
        links = dict((lang, href) for href, lang in _SELECTOR.findall(html))
        assert set(links) == {"de", "en"}, page
        # Material would fetch a sitemap.xml beside every <link rel="alternate">: the sitemap names them instead
        assert '<link rel="alternate"' not in html, page
        own = "en" if page.relative_to(shipped_site).parts[0] == "en" else "de"
        assert target(page, links[own]) == page.resolve(), (page, links[own])
        other = "de" if own == "en" else "en"
        there = target(page, links[other])
        assert there.is_file(), (page, links[other])
        if there.parent == (shipped_site / ("en" if other == "en" else "")).resolve():
            continue  # the other edition lacks this page: its start page, which links back to its own counterpart
        back = dict((lang, href) for href, lang in _SELECTOR.findall(there.read_text(encoding="utf-8")))
        assert target(there, back[own]) == page.resolve(), (page, there)


def test_sitemaps_name_each_page_in_both_editions(shipped_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for sitemap, page, other in [("sitemap.xml", "empfehlungen/altersvermutung/", "en/recommendations/altersvermutung/"),
                                 ("en/sitemap.xml", "en/recommendations/altersvermutung/", "empfehlungen/altersvermutung/")]:
        root = ElementTree.parse(shipped_site / sitemap).getroot()
        url = next(u for u in root.findall("s:url", ns) if u.find("s:loc", ns).text == SITE + page)
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert alternates == {"de" if page.startswith("en/") else "en": SITE + other, "en" if page.startswith("en/") else "de": SITE + page}


@pytest.mark.parametrize(("path", "phrases"), [
    ("en/recommendations/altersvermutung/index.html", ["If in doubt, treat the person as a child", "Who is involved?"]),
    ("en/actors/jugendamt/index.html", ["Youth welfare office (Jugendamt)"]),
    ("en/law/stgb-232/index.html", ["Section 232 StGB", "Criminal Code"]),
    ("en/help/index.html", ["tel:110", "116 111"]),
    ("en/states/bayern/index.html", ["Bavaria"]),
])
def test_english_pages_show_the_english_text(shipped_site, path, phrases):
    html = (shipped_site / path).read_text(encoding="utf-8")
    for phrase in phrases:
        assert phrase in html, (path, phrase)


def test_german_only_pages_are_not_in_the_english_edition(shipped_site):
    assert (shipped_site / "leichte-sprache" / "index.html").is_file()
    assert not (shipped_site / "en" / "leichte-sprache").exists()
    html = (shipped_site / "leichte-sprache" / "index.html").read_text(encoding="utf-8")
    links = dict((lang, href) for href, lang in _SELECTOR.findall(html))
    assert target(shipped_site / "leichte-sprache" / "index.html", links["en"]) == (shipped_site / "en" / "index.html").resolve()


def test_exports_carry_both_languages(shipped_site):
    records = json.loads((shipped_site / "daten" / "empfehlungen.json").read_text(encoding="utf-8"))
    first = next(r for r in records if r["id"] == "altersvermutung")
    assert first["title"] == "Im Zweifel als Kind behandeln"
    assert first["en"]["title"] == "If in doubt, treat the person as a child"
    rows = list(csv.DictReader(io.StringIO((shipped_site / "daten" / "empfehlungen.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "altersvermutung")
    assert row["title"] == "Im Zweifel als Kind behandeln" and row["title_en"] == "If in doubt, treat the person as a child"
    assert "en" not in row
    assert (shipped_site / "en" / "data" / "empfehlungen.json").read_bytes() == (shipped_site / "daten" / "empfehlungen.json").read_bytes()


def test_short_links_and_qr_codes_exist_for_english_pages(shipped_site):
    html = (shipped_site / "en" / "e" / "14" / "index.html").read_text(encoding="utf-8")
    assert "recommendations/altersvermutung/" in html
    assert (shipped_site / "en" / "qr" / "recommendations" / "altersvermutung.svg").is_file()
    page = (shipped_site / "en" / "recommendations" / "altersvermutung" / "index.html").read_text(encoding="utf-8")
    assert "/en/e/14/" in page  # the printed short address


@pytest.fixture(scope="module")
def untranslated_site(tmp_path_factory) -> Path:
    """The German-only test fixture built with both editions: nothing in it is translated."""
    root = make_project(tmp_path_factory.mktemp("untranslated"), FIXTURE)
    shutil.copyfile(REPO / "mkdocs.en.yml", root / "mkdocs.en.yml")
    shutil.copytree(REPO / "docs-en", root / "docs-en")
    done = bkk("build", cwd=root)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return root


def test_an_untranslated_item_says_so_and_links_the_german_page(untranslated_site):
    site = untranslated_site / "site"
    english = [p for p in (site / "en" / "recommendations").rglob("index.html")
               if p.parent.name not in ("recommendations", "by-actor", "by-phase", "overview")]
    assert english
    for page in english:
        html = page.read_text(encoding="utf-8")
        assert "Not yet translated" in html, page
        german = re.search(r'<a hreflang="de" href="([^"]+)"|<a href="([^"]+)" hreflang="de">Read the entry in German', html)
        assert german, page
        assert target(page, german.group(1) or german.group(2)).is_file(), page


def test_check_lists_untranslated_items_as_warnings(untranslated_site):
    done = bkk("check", cwd=untranslated_site)
    assert done.returncode == 0, done.stderr
    assert "noch nicht vollständig übersetzt (Englisch" in done.stderr
    strict = bkk("check", "--strict", cwd=untranslated_site)
    assert strict.returncode == 1
