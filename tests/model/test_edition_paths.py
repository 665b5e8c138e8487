"""The English edition's paths: section names translated once, ids kept, and every path found
back (the language selector depends on it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.validate import load_content
from generator.extras.files import page_paths
from generator.model.paths import alternate_url, edition_link, edition_path, german_path, in_edition

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def german_pages() -> list[str]:
    return page_paths(load_content(CONTENT)) + ["ueber.md", "impressum.md", "datenschutz.md", "barrierefreiheit.md"]


def test_every_page_has_one_english_path_and_is_found_back(german_pages):
    english = [edition_path(p, "en") for p in german_pages if in_edition(p, "en")]
    assert len(set(english)) == len(english)  # no two pages share an address
    for page in german_pages:
        if in_edition(page, "en"):
            assert german_path(edition_path(page, "en"), "en") == page


@pytest.mark.parametrize(("german", "english"), [
    ("empfehlungen/altersvermutung.md", "recommendations/altersvermutung.md"),
    ("empfehlungen/nach-akteur.md", "recommendations/by-actor.md"),
    ("laender/bayern.md", "states/bayern.md"),
    ("verdacht/schule.md", "suspicion/schule.md"),
    ("seminare/jugendamt/karte.md", "seminars/jugendamt/card.md"),
    ("recht/datenschutz.md", "law/datenschutz.md"),  # an id that is also a fixed page's name keeps its id
    ("impressum.md", "legal-notice.md"),
    ("qr/empfehlungen/altersvermutung.svg", "qr/recommendations/altersvermutung.svg"),
    ("glossar/index.md#inobhutnahme", "glossary/index.md#inobhutnahme"),
])
def test_sections_are_english_and_ids_stay(german, english):
    assert edition_path(german, "en") == english
    assert edition_path(german, "de") == german


def test_links_between_and_across_editions():
    assert edition_link("../laender/index.md#berlin", "empfehlungen/x.md", "en") == "../states/index.md#berlin"
    assert edition_link("https://example.org/a", "empfehlungen/x.md", "en") == "https://example.org/a"
    # a page the English edition lacks: the served URL of the German one, out of /en/
    assert edition_link("../leichte-sprache/index.md", "empfehlungen/x.md", "en") == "../../../leichte-sprache/"
    assert alternate_url("empfehlungen/x.md", "de", "en") == "../../en/recommendations/x/"
    assert alternate_url("empfehlungen/x.md", "en", "de", directory_urls=False) == "../../empfehlungen/x.html"
    assert alternate_url("leichte-sprache/index.md", "de", "en") == "../en/"
