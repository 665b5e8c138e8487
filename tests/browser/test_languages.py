"""The language selector as a reader uses it: on every page type, choosing English leads to the
same page in English, and choosing Deutsch leads back; pages only the German edition has lead
to the English start page."""

from __future__ import annotations

import pytest

from .conftest import FIXTURE, new_context

# One page of each type: (German path, English path).
PAGE_TYPES = [
    ("/", "/en/"),
    ("/empfehlungen/altersvermutung/", "/en/recommendations/altersvermutung/"),
    ("/empfehlungen/", "/en/recommendations/"),
    ("/empfehlungen/nach-akteur/", "/en/recommendations/by-actor/"),
    ("/empfehlungen/uebersicht/", "/en/recommendations/overview/"),
    ("/indikatoren/kein-schulbesuch/", "/en/indicators/kein-schulbesuch/"),
    ("/indikatoren/nach-ausbeutungsform/", "/en/indicators/by-form/"),
    ("/akteure/jugendamt/", "/en/actors/jugendamt/"),
    ("/phasen/inobhutnahme/", "/en/phases/inobhutnahme/"),
    ("/ausbeutungsformen/zwangsheirat/", "/en/forms-of-exploitation/zwangsheirat/"),
    ("/recht/stgb-232/", "/en/law/stgb-232/"),
    ("/laender/bayern/", "/en/states/bayern/"),
    ("/beratungsstellen/kobra-hannover/", "/en/counselling-services/kobra-hannover/"),
    ("/glossar/", "/en/glossary/"),
    ("/quellen/", "/en/sources/"),
    ("/kennzahlen/", "/en/key-figures/"),
    ("/chronik/", "/en/timeline/"),
    ("/video/", "/en/video/"),
    ("/bkk/", "/en/bkk/"),
    ("/hilfe/", "/en/help/"),
    ("/jugendliche/", "/en/young-people/"),
    ("/verdacht/", "/en/suspicion/"),
    ("/verdacht/schule/", "/en/suspicion/schule/"),
    ("/seminare/jugendamt/", "/en/seminars/jugendamt/"),
    ("/seminare/jugendamt/karte/", "/en/seminars/jugendamt/card/"),
    ("/daten/", "/en/data/"),
    ("/ueber/", "/en/about/"),
    ("/impressum/", "/en/legal-notice/"),
]


def choose(page, lang: str) -> None:
    """Open the selector in the header and pick a language, as a mouse user does."""
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={lang}]")
    page.wait_for_load_state("load")


def path_of(page, origin: str) -> str:
    return page.url.removeprefix(origin).split("#")[0]


@pytest.fixture(scope="module")
def shipped(site):
    if site.content == FIXTURE:
        pytest.skip("the fixture content has no English text")
    return site


def test_the_selector_leads_to_the_same_page_and_back(shipped, browser):
    context, recorder = new_context(browser, shipped.origin, "desktop")
    page = context.new_page()
    for german, english in PAGE_TYPES:
        page.goto(shipped.origin + german, wait_until="load")
        assert page.locator("html").get_attribute("lang") == "de", german
        choose(page, "en")
        assert path_of(page, shipped.origin) == english, german
        assert page.locator("html").get_attribute("lang") == "en", english
        choose(page, "de")
        assert path_of(page, shipped.origin) == german, english
    context.close()
    assert not recorder.third_party
    assert not recorder.broken, recorder.broken


def test_a_german_only_page_leads_to_the_english_start_page(shipped, browser):
    context, _ = new_context(browser, shipped.origin, "desktop")
    page = context.new_page()
    page.goto(shipped.origin + "/leichte-sprache/", wait_until="load")
    choose(page, "en")
    assert path_of(page, shipped.origin) == "/en/"
    context.close()
