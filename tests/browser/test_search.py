"""Realistic German queries typed into the built site's search: recall in the top 5, mean
reciprocal rank, a clean top 3, help when nothing is found – online and from the offline copy.

Set ``BKK_SEARCH_REPORT=FILE`` to write the measured figures as JSON (``make bench`` does).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURE, ROOT, build, new_context, require_tools, site_content
from .search import Found, open_search, search, search_groups

TOP = 5  # recall is counted in the first five result pages
CLEAN_TOP = 3  # no trainer block or editor page here unless the query asks for one
MIN_RECALL = 0.90
EDITOR_PAGES = ("/redaktion/", "/betrieb/", "/daten/")
TRAINER_BLOCK = "#link-und-qr-code"


def load_queries(content: Path, lang: str = "de") -> list[dict]:
    name = "search_queries.yaml" if lang == "de" else f"search_queries.{lang}.yaml"
    path = ROOT / "tests" / (f"fixtures/{name}" if content == FIXTURE else name)
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []


def expected(query: dict) -> list[str]:
    return [query["expect"]] if isinstance(query["expect"], str) else list(query["expect"])


@dataclass
class Measured:
    queries: int = 0
    recall_at_5: float = 0.0
    mrr: float = 0.0
    misses: list[str] = field(default_factory=list)
    unclean: list[str] = field(default_factory=list)

    def line(self, label: str) -> str:
        return f"Suche ({label}): {self.queries} Anfragen, Recall@{TOP} {self.recall_at_5:.1%}, MRR {self.mrr:.3f}"


def unclean_top(found: Found, query: dict) -> list[str]:
    """Trainer blocks and (unless asked for) editor pages among the first CLEAN_TOP result pages."""
    bad = []
    for group in found.groups[:CLEAN_TOP]:
        for link in group:
            if TRAINER_BLOCK in link:
                bad.append(link)
        if group and query.get("asks_for") != "editor" and any(p in group[0] for p in EDITOR_PAGES):
            bad.append(group[0])
    return bad


def measure(page, queries: list[dict], root: str = "") -> Measured:
    result = Measured(queries=len(queries))
    hits = 0
    reciprocal = 0.0
    for q in queries:
        found = search_groups(page, q["query"], root)
        pages = found.pages
        ranks = [pages.index(p) + 1 for p in expected(q) if p in pages]
        rank = min(ranks) if ranks else 0
        if rank and rank <= TOP:
            hits += 1
        else:
            result.misses.append(f"„{q['query']}“ → {'/'.join(expected(q))} auf Platz {rank or '–'}; oben: {', '.join(pages[:TOP]) or 'nichts'}")
        reciprocal += 1 / rank if rank else 0.0
        bad = unclean_top(found, q)
        if bad:
            result.unclean.append(f"„{q['query']}“: {', '.join(bad)}")
    result.recall_at_5 = hits / len(queries)
    result.mrr = reciprocal / len(queries)
    return result


def report(label: str, measured: Measured) -> None:
    print("\n" + measured.line(label))
    for miss in measured.misses:
        print("  verfehlt:", miss)
    target = os.environ.get("BKK_SEARCH_REPORT")
    if target:
        path = Path(target)
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        data[label] = {k: v for k, v in asdict(measured).items() if k in ("queries", "recall_at_5", "mrr")}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


@pytest.fixture(scope="module")
def offline_site(workdir: Path) -> Path:
    """The offline copy (mkdocs.offline.yml, as ``make offline`` builds it) of the same content."""
    require_tools()
    return build(site_content(), workdir / "offline", config="mkdocs.offline.yml")


def test_query_set_is_large_enough_and_names_real_pages(site):
    queries = load_queries(site.content)
    if site.content != FIXTURE:
        assert len(queries) >= 120
    for q in queries:
        for page in expected(q):
            assert (site.root / page.lstrip("/") / "index.html").is_file(), f"{q['query']}: {page} gibt es nicht"


def test_search_finds_the_expected_pages(site, browser):
    context, recorder = new_context(browser, site.origin, "desktop")
    page = context.new_page()
    open_search(page, site.origin)
    measured = measure(page, load_queries(site.content))
    context.close()
    report("online", measured)
    assert not recorder.third_party
    assert not measured.unclean, "Trainerblock oder Redaktionsseite unter den ersten drei:\n" + "\n".join(measured.unclean)
    assert measured.recall_at_5 >= MIN_RECALL, measured.line("online") + "\n" + "\n".join(measured.misses)


def test_english_search_finds_english_pages(site, browser):
    """On /en/ the English index (lunr's English stemmer) answers: English queries find the English pages."""
    queries = load_queries(site.content, "en")
    if site.content == FIXTURE:
        pytest.skip("the fixture content has no English query set")
    assert len(queries) >= 30
    for q in queries:
        for page in expected(q):
            assert (site.root / page.lstrip("/") / "index.html").is_file(), f"{q['query']}: {page} gibt es nicht"
    context, recorder = new_context(browser, site.origin, "desktop")
    page = context.new_page()
    open_search(page, site.origin + "/en")
    assert page.locator("html").get_attribute("lang") == "en"
    measured = measure(page, queries)
    shown = search(page, "child")
    context.close()
    report("online-en", measured)
    assert not recorder.third_party
    assert shown and all(p.startswith("/en/") for p in shown), f"the English search shows other pages: {shown}"
    assert measured.recall_at_5 >= MIN_RECALL, measured.line("online-en") + "\n" + "\n".join(measured.misses)


def test_offline_copy_searches_the_same_way(offline_site, browser):
    """From file://, Material runs its worker in an iframe; word forms, typos and help must work there too."""
    context, recorder = new_context(browser, "file://", "desktop")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = (offline_site / "index.html").as_uri()
    open_search(page, start)
    measured = measure(page, load_queries(site_content()), root=Path(offline_site).as_uri().removeprefix("file://") + "/")
    report("offline", measured)
    assert_help_shown(page)
    context.close()
    assert errors == []
    assert not recorder.third_party
    assert not measured.unclean, "\n".join(measured.unclean)
    assert measured.recall_at_5 >= MIN_RECALL, measured.line("offline") + "\n" + "\n".join(measured.misses)


def test_offline_copy_searches_in_english_too(offline_site, browser):
    """The offline copy holds both editions; from file://en/index.html the English index answers."""
    queries = load_queries(site_content(), "en")
    if not queries:
        pytest.skip("no English query set for this content")
    context, recorder = new_context(browser, "file://", "desktop")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_search(page, (offline_site / "en" / "index.html").as_uri())
    measured = measure(page, queries, root=Path(offline_site).as_uri().removeprefix("file://") + "/")
    context.close()
    report("offline-en", measured)
    assert errors == []
    assert not recorder.third_party
    assert measured.recall_at_5 >= MIN_RECALL, measured.line("offline-en") + "\n" + "\n".join(measured.misses)


def assert_help_shown(page) -> None:
    found = search_groups(page, "Inobhutnahmeverfahren")
    assert found.groups == []
    help_box = page.locator(".bkk-search-help")
    help_box.wait_for()
    links = help_box.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert [h.rstrip("/").removesuffix("/index.html").rsplit("/", 1)[-1] for h in links] == ["verdacht", "hilfe", "glossar"], links
    words = help_box.locator("button").all_inner_texts()
    assert "inobhutnahme" in words, words
    help_box.locator("button", has_text="inobhutnahme").first.click()  # a suggestion searches for it
    page.wait_for_selector(".md-search-result__list > li")
    assert page.locator(".bkk-search-help").count() == 0


def test_no_result_says_so_and_shows_help(site, browser):
    context, _ = new_context(browser, site.origin, "desktop")
    page = context.new_page()
    open_search(page, site.origin)
    if site.content != FIXTURE:
        assert "/akteure/polizei/" in search(page, "polizie")[:3], "ein Tippfehler wird toleriert"
        assert_help_shown(page)
    assert search(page, "qxzvwq") == []
    assert "Keine" in page.inner_text(".md-search-result__meta")
    page.locator(".bkk-search-help a").first.wait_for()
    context.close()


def test_search_works_on_a_phone(site, browser):
    """At 375 px the search hides behind an icon; it must open and find the same page."""
    context, _ = new_context(browser, site.origin, "mobile")
    page = context.new_page()
    open_search(page, site.origin)
    query = load_queries(site.content)[0]
    assert expected(query)[0] in search(page, query["query"])[:10]
    context.close()
