"""Drive Material's search box like a reader: type a query, read the result links."""

from __future__ import annotations

from urllib.parse import urlsplit

RESULTS = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const links = [...document.querySelectorAll(".md-search-result__list > li > a.md-search-result__link")];
  return {meta: meta ? meta.textContent.trim() : "", links: links.map(a => a.href)};
}"""


def open_search(page, origin: str) -> None:
    page.goto(origin + "/", wait_until="load")
    icon = page.locator("label.md-header__button[for=__search]")  # phones: the search hides behind an icon
    if icon.is_visible():
        icon.click()
    else:
        page.click(".md-search__input")
    page.wait_for_selector(".md-search__input:focus")


def search(page, query: str) -> list[str]:
    """Result pages (URL paths, anchors dropped) in the order the search shows them."""
    box = page.locator(".md-search__input")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length")
    box.press_sequentially(query)
    page.wait_for_function(
        """q => {
          const meta = document.querySelector('.md-search-result__meta');
          const list = document.querySelector('.md-search-result__list');
          return document.querySelector('.md-search__input').value === q && meta &&
                 !/Initialisiere|Suchbegriff eingeben|Type to start/i.test(meta.textContent) &&
                 (list.children.length > 0 || /Keine/i.test(meta.textContent));
        }""", arg=query)
    page.wait_for_timeout(150)  # let the last keystroke's result render
    found = page.evaluate(RESULTS)["links"]
    return list(dict.fromkeys(urlsplit(u).path for u in found))
