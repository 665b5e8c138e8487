"""Issue 11 as a person on a 375 px phone would use the site: the help entry and the emergency
number are on the first screen of the start page, „Verdacht – was tun?“ is one tap away, and
the pages that lead to action pass axe at phone and desktop size. (test_pages.py audits every
built page as well; this file keeps the new pages' audit quick and explicit.)"""

from __future__ import annotations

import pytest

from .conftest import VIEWPORTS, new_context
from .test_pages import audit

ACTION_PAGES = ["/hilfe/", "/jugendliche/", "/verdacht/", "/verdacht/schule/", "/verdacht/kita-jugendhilfe/",
                "/verdacht/gesundheitswesen/", "/verdacht/polizei/", "/verdacht/jugendamt/",
                "/verdacht/ehrenamt-sport-verein/", "/leichte-sprache/", "/leichte-sprache/navigation/",
                "/leichte-sprache/barrierefreiheit/"]


def _on_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    width, height = VIEWPORTS["mobile"]
    return box is not None and locator.is_visible() and box["y"] >= 0 and box["y"] + box["height"] <= height \
        and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_help_is_on_the_first_phone_screen_and_verdacht_one_tap_away(site, browser):
    context, recorder = new_context(browser, site.origin, "mobile")
    page = context.new_page()
    page.goto(site.origin + "/", wait_until="load")
    help_link = page.locator(".md-header a.bkk-header-help__link", has_text="Hilfe")
    emergency = page.locator(".md-header a.bkk-header-help__tel")
    assert _on_first_screen(page, help_link)
    assert _on_first_screen(page, emergency)
    assert emergency.get_attribute("href") == "tel:110"
    assert _on_first_screen(page, page.locator(".md-header a.bkk-header-help__ls"))
    verdacht = page.locator("article a", has_text="Verdacht – was tun?").first
    assert _on_first_screen(page, verdacht)
    verdacht.tap()
    page.wait_for_url("**/verdacht/")
    assert page.locator("h1").inner_text().startswith("Verdacht – was tun?")
    help_link = page.locator(".md-header a.bkk-header-help__link", has_text="Hilfe")
    help_link.tap()  # and from any page, help is one tap away too
    page.wait_for_url("**/hilfe/")
    assert page.locator("article a[href='tel:116111']").count() >= 1
    assert recorder.errors == [] and recorder.third_party == []
    context.close()


def test_checklist_print_button_shows_with_script_and_boxes_tick(site, browser):
    context, recorder = new_context(browser, site.origin, "mobile")
    page = context.new_page()
    page.goto(site.origin + "/verdacht/schule/", wait_until="load")
    assert page.locator("button.bkk-print-button").is_visible()
    assert not page.locator(".bkk-print-fallback").is_visible()
    box = page.locator("input[name='anzeichen-schulleistungen-fallen']")
    box.tap()
    assert box.is_checked()
    context.close()
    nojs = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = nojs.new_page()
    page.goto(site.origin + "/verdacht/schule/", wait_until="load")
    assert not page.locator("button.bkk-print-button").is_visible()
    assert page.locator(".bkk-print-fallback").is_visible()
    nojs.close()


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_action_pages_pass_axe(site, viewport):
    built = set(site.pages())
    missing = [p for p in ACTION_PAGES if p not in built]
    assert not missing, missing
    problems = audit(site.origin, ACTION_PAGES + ["/"], viewport)
    assert not problems, "\n".join(problems)
