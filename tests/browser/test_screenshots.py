"""Screenshots of the page types at phone and desktop size, for people to look at.

Off by default; ``make screenshots`` (or BKK_SCREENSHOTS=DIR) writes them into a git-ignored
folder. They are not compared automatically: a person checks that they look right.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import ROOT, VIEWPORTS, new_context

TARGET = os.environ.get("BKK_SCREENSHOTS")


def _first(root: Path, folder: str) -> str:
    pages = sorted(p.parent.name for p in (root / folder).glob("*/index.html"))
    return f"/{folder}/{pages[0]}/" if pages else f"/{folder}/"


@pytest.mark.skipif(not TARGET, reason="nur mit BKK_SCREENSHOTS=ORDNER (make screenshots)")
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_screenshots(site, browser, viewport):
    out = (ROOT / TARGET) if not Path(TARGET).is_absolute() else Path(TARGET)
    out.mkdir(parents=True, exist_ok=True)
    shots = {"start": "/", "empfehlung": _first(site.root, "empfehlungen"), "indikator": _first(site.root, "indikatoren"),
             "land": "/laender/berlin/" if (site.root / "laender/berlin").is_dir() else _first(site.root, "laender"),
             "laenderkarte": "/laender/", "ablauf": "/phasen/", "video": "/video/",
             "uebersicht-empfehlungen": "/empfehlungen/uebersicht/"}
    context, recorder = new_context(browser, site.origin, viewport)
    page = context.new_page()
    for name, path in shots.items():
        page.goto(site.origin + path, wait_until="networkidle")
        page.screenshot(path=str(out / f"{name}-{viewport}.png"), full_page=True)
    context.close()
    assert not recorder.third_party
