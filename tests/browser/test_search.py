"""Realistic German queries typed into the built site's search, each must find its page."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import FIXTURE, ROOT, new_context
from .search import open_search, search

SHOWN = 10  # results a reader sees without scrolling further


def load_queries(content: Path) -> list[dict]:
    path = ROOT / "tests" / ("fixtures/search_queries.yaml" if content == FIXTURE else "search_queries.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_query_set_is_large_enough_and_names_real_pages(site):
    queries = load_queries(site.content)
    if site.content != FIXTURE:
        assert len(queries) >= 30
    for q in queries:
        for expected in [q["expect"]] if isinstance(q["expect"], str) else q["expect"]:
            assert (site.root / expected.lstrip("/") / "index.html").is_file(), f"{q['query']}: {expected} gibt es nicht"


def test_search_finds_the_expected_pages(site, browser):
    context, recorder = new_context(browser, site.origin, "desktop")
    page = context.new_page()
    open_search(page, site.origin)
    misses = []
    for q in load_queries(site.content):
        found = search(page, q["query"])[:SHOWN]
        for expected in [q["expect"]] if isinstance(q["expect"], str) else q["expect"]:
            if expected not in found:
                misses.append(f"„{q['query']}“ findet {expected} nicht; gefunden: {', '.join(found) or 'nichts'}")
    context.close()
    assert not recorder.third_party
    assert not misses, "\n".join(misses)


def test_search_works_on_a_phone(site, browser):
    """At 375 px the search hides behind an icon; it must open and find the same page."""
    context, _ = new_context(browser, site.origin, "mobile")
    page = context.new_page()
    open_search(page, site.origin)
    query = load_queries(site.content)[0]
    expected = query["expect"] if isinstance(query["expect"], str) else query["expect"][0]
    assert expected in search(page, query["query"])[:SHOWN]
    context.close()
