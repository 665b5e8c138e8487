"""What readers do with mouse and keyboard: load the video, read tooltips, tab through diagrams."""

from __future__ import annotations

from .conftest import new_context


def test_video_contacts_youtube_only_after_the_click(video_site, browser):
    context, recorder = new_context(browser, video_site.origin, "desktop")
    page = context.new_page()
    page.goto(video_site.origin + "/video/", wait_until="networkidle")
    assert recorder.third_party == []
    assert page.locator("iframe").count() == 0
    assert page.locator("#kapitel-2").inner_text().startswith("01:30")
    page.click(".bkk-video__load")
    frame = page.locator(".bkk-video iframe")
    frame.wait_for()
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/AAAAAAAAAAA")
    assert frame.get_attribute("title") == "Erklärvideo zum BKK"
    page.wait_for_timeout(300)
    assert recorder.third_party and all(u.startswith("https://www.youtube-nocookie.com/") for u in recorder.third_party)
    context.close()


def test_pages_covered_by_a_chapter_link_to_it(video_site, browser):
    context, _ = new_context(browser, video_site.origin, "desktop")
    page = context.new_page()
    page.goto(video_site.origin + "/akteure/jugendamt/")
    link = page.locator(".bkk-video-link a")
    assert link.inner_text().startswith("Im Erklärvideo ab 01:30")
    link.click()
    page.wait_for_url("**/video/#kapitel-2")
    context.close()


def test_glossary_tooltip_opens_on_keyboard_focus_and_closes_on_escape(site, browser):
    context, _ = new_context(browser, site.origin, "desktop")
    page = context.new_page()
    page.goto(site.origin + "/phasen/", wait_until="load")
    abbr = page.locator(".md-content abbr[tabindex='0']").first
    abbr.wait_for()
    for _ in range(200):  # real Tab presses until the term has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        raise AssertionError("Kein Fachbegriff ist mit der Tab-Taste erreichbar")
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    tooltip.wait_for()
    assert len(tooltip.inner_text()) > 10
    page.keyboard.press("Escape")
    tooltip.wait_for(state="detached")
    context.close()


def test_diagram_and_map_are_reachable_by_keyboard_with_visible_focus(site, browser):
    context, _ = new_context(browser, site.origin, "desktop")
    page = context.new_page()
    for path, selector in (("/", ".bkk-diagram__svg--wide a"), ("/laender/", ".bkk-map a")):
        page.goto(site.origin + path, wait_until="load")
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                break
        else:
            raise AssertionError(f"{path}: {selector} ist mit der Tab-Taste nicht erreichbar")
        width = page.evaluate("() => getComputedStyle(document.activeElement.querySelector('rect')).strokeWidth")
        assert float(width.removesuffix("px")) >= 4, f"{path}: kein sichtbarer Fokus ({width})"
        href = page.evaluate("document.activeElement.getAttribute('href')")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.rstrip("/").endswith(href.rstrip("/").split("/")[-1])
    context.close()
