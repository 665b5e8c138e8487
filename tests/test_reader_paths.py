"""Issue 3's promise to readers, checked on the built site: every item within three clicks
of the start page, and every item page shows its provenance and sources."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from conftest import ROOT

from generator.check.validate import load_content
from generator.model.paths import url_path


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


@pytest.fixture(scope="module")
def site(shipped_site) -> Path:
    return shipped_site


def page_file(site: Path, path: str) -> Path:
    path = path.split("#")[0]
    return site / path.strip("/") / "index.html" if path.endswith("/") else site / path.strip("/")


def test_every_item_within_three_clicks_of_the_start_page(site):
    depth = {"/": 0}
    queue = deque(["/"])
    while queue:
        here = queue.popleft()
        if depth[here] == 3:
            continue
        parser = _Links()
        parser.feed(page_file(site, here).read_text(encoding="utf-8"))
        for href in parser.hrefs:
            target = urlparse(urljoin("http://x" + here, href))
            if target.netloc != "x":
                continue
            path = target.path + ("#" + target.fragment if target.fragment else "")
            for key in {target.path, path}:
                if key not in depth:
                    depth[key] = depth[here] + 1
                    if key == target.path and key.endswith("/") and page_file(site, key).exists():
                        queue.append(key)
    content = load_content(ROOT / "content")
    kinds = ["recommendation", "indicator", "actor", "land", "glossary", "phase", "exploitation_form", "legal_norm"]
    missing = [url_path(k, i.id) for k in kinds for i in content.active(k) if depth.get(url_path(k, i.id), 99) > 3]
    assert not missing, f"more than three clicks away: {missing[:10]}"


def test_every_item_page_shows_provenance_and_sources(site):
    content = load_content(ROOT / "content")
    for kind in ["recommendation", "indicator", "actor", "phase", "exploitation_form", "legal_norm", "land", "service"]:
        for item in content.active(kind):
            html = page_file(site, url_path(kind, item.id)).read_text(encoding="utf-8")
            assert "Herkunft:" in html and "Quellen" in html, f"{kind} {item.id}"
            if item.provenance == "related":  # tags stripped: glossary tooltips wrap terms such as BKK in <abbr>
                text = re.sub(r"<[^>]+>", "", html)
                assert "nicht aus dem Wortlaut des BKK" in text, f"{kind} {item.id} not labelled as related guidance"
