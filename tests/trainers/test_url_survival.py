"""Done-when of issue 5: after renaming a recommendation and withdrawing an indicator, every
address of the first build still answers with the page, a redirect to it, or a tombstone."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from generator.check import published

from .conftest import build, serve
from .test_permalinks import rename_and_withdraw

_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local test server only
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_every_published_url_survives_rename_and_withdrawal(trainer_content: Path, tmp_path: Path):
    listing = tmp_path / "published-urls.txt"
    build(trainer_content, tmp_path / "site1", listing)
    first = [url for _, url in published.read(listing)]
    assert "/empfehlungen/frueh-austauschen/" in first and "/i/1/" in first and "/indikatoren/keine-papiere/" in first

    rename_and_withdraw(trainer_content)
    build(trainer_content, tmp_path / "site2", listing)

    outcomes = {}
    with serve(tmp_path / "site2") as base:
        for url in first:
            status, html = fetch(base + url)
            assert status == 200, f"{url} antwortet mit {status}"
            target = _REFRESH.search(html)
            if target:  # a redirect page: it must lead to a page that exists
                final = urllib.parse.urljoin(base + url, target.group(1))
                status, html = fetch(final)
                assert status == 200, f"{url} leitet auf {final} weiter, das mit {status} antwortet"
                assert not _REFRESH.search(html), f"{url}: Weiterleitung auf eine Weiterleitung"
                outcomes[url] = ("redirect", final.removeprefix(base))
            elif "Zurückgezogen" in html:
                outcomes[url] = ("tombstone", url)
            else:
                outcomes[url] = ("page", url)

    assert outcomes["/empfehlungen/frueh-austauschen/"] == ("redirect", "/empfehlungen/frueh-und-gemeinsam-austauschen/")
    assert outcomes["/e/1/"] == ("redirect", "/empfehlungen/frueh-und-gemeinsam-austauschen/")
    assert outcomes["/indikatoren/keine-papiere/"] == ("tombstone", "/indikatoren/keine-papiere/")
    assert outcomes["/i/1/"] == ("redirect", "/indikatoren/keine-papiere/")  # the short URL leads to the tombstone
    tombstone = (tmp_path / "site2" / "indikatoren" / "keine-papiere" / "index.html").read_text(encoding="utf-8")
    assert 'href="../fremde-papiere/"' in tombstone  # it points to the replacement
    assert "/empfehlungen/frueh-und-gemeinsam-austauschen/" in listing.read_text(encoding="utf-8")
