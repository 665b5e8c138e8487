"""Drive Material's search box like a reader: type a query, read the result links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

RESULTS = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const groups = [...document.querySelectorAll(".md-search-result__list > li.md-search-result__item")];
  return {meta: meta ? meta.textContent.trim() : "",
          groups: groups.map(li => [...li.querySelectorAll("a.md-search-result__link")].map(a => a.href))};
}"""


def open_search(page, start: str) -> None:
    """``start``: the site's origin (served) or the URL of its index.html (file://)."""
    page.goto(start if start.endswith(".html") else start + "/", wait_until="load")
    icon = page.locator("label.md-header__button[for=__search]")  # phones: the search hides behind an icon
    if icon.is_visible():
        icon.click()
    else:
        page.click(".md-search__input")
    page.wait_for_selector(".md-search__input:focus")


def page_path(url: str, root: str = "") -> str:
    """Directory-style path of a result: /akteure/polizei/ also for the offline copy's akteure/polizei.html."""
    path = urlsplit(url).path
    if root and path.startswith(root):
        path = "/" + path[len(root):]
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path


@dataclass
class Found:
    groups: list[list[str]]  # per result page: its links (page, then sections), as shown
    root: str = ""

    @property
    def pages(self) -> list[str]:
        return list(dict.fromkeys(page_path(g[0], self.root) for g in self.groups if g))


def search_groups(page, query: str, root: str = "") -> Found:
    box = page.locator(".md-search__input")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length")
    box.press_sequentially(query)
    page.wait_for_function(
        """q => {
          const meta = document.querySelector('.md-search-result__meta');
          const list = document.querySelector('.md-search-result__list');
          const box = document.querySelector('.md-search-result');
          const ours = document.querySelector('script[src*="bkk-search.js"]');  // settles after retries
          return document.querySelector('.md-search__input').value === q && meta &&
                 (!ours || box.getAttribute('data-bkk-done') === q) &&
                 !/Initialisiere|Initializing|Suchbegriff eingeben|Type to start/i.test(meta.textContent) &&
                 (list.children.length > 0 || /Keine|No matching/i.test(meta.textContent));
        }""", arg=query)
    page.wait_for_timeout(150)  # let the last keystroke's result render
    return Found(page.evaluate(RESULTS)["groups"], root)


def search(page, query: str) -> list[str]:
    """Result pages (URL paths, anchors dropped) in the order the search shows them."""
    return search_groups(page, query).pages
