"""Done-when of issue 5: a page printed to PDF by headless Chromium shows the content, the short
URL and a readable QR code, and no navigation chrome."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import FIXTURE, build, serve

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm fehlt (apt-get install poppler-utils)")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("print")
    build(FIXTURE, tmp / "site", tmp / "published-urls.txt")
    return tmp / "site"


def _gray_image(ppm: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (what ``pdftoppm -gray`` writes)."""
    fields, pos = [], 0
    while len(fields) < 4:
        while ppm[pos:pos + 1].isspace():
            pos += 1
        if ppm[pos:pos + 1] == b"#":
            pos = ppm.index(b"\n", pos)
            continue
        end = pos
        while not ppm[end:end + 1].isspace():
            end += 1
        fields.append(ppm[pos:end])
        pos = end
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    return width, height, ppm[pos + 1: pos + 1 + width * height]


def print_page(browser_context, url: str, pdf: Path) -> set[str]:
    """Print to PDF; return the screen chrome's words (navigation labels not in the article)."""
    page = browser_context.new_page()
    page.goto(url, wait_until="networkidle")
    article = page.inner_text("article")
    nav = page.eval_on_selector_all(".md-nav--primary .md-nav__link, .md-header__topic", "els => els.map(e => e.innerText.trim())")
    chrome = {label for label in nav if label and label not in article}
    chrome |= {"Zum Inhalt", "Suche", "QR-Code anzeigen", "Link kopieren"}
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=False)
    page.close()
    return chrome


def qr_codes(pdf: Path) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    found = []
    pages = int(next(line.split()[-1] for line in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                                  check=True).stdout.splitlines() if line.startswith("Pages:")))
    for n in range(1, pages + 1):
        raw = subprocess.run(["pdftoppm", "-r", "200", "-gray", "-f", str(n), "-l", str(n), str(pdf)], capture_output=True, check=True).stdout
        width, height, pixels = _gray_image(raw)
        image = memoryview(pixels).cast("B", (height, width))
        found += [code.text for code in zxingcpp.read_barcodes(image)]
    return found


@pytest.mark.parametrize(("path", "heading", "short"), [
    ("/empfehlungen/frueh-austauschen/", "E-01: Früh austauschen", "https://bkk.example.org/e/1/"),
    ("/ueber/", "", "https://bkk.example.org/ueber/"),  # a hand-written page prints the same way
])
def test_printed_page_has_content_short_url_and_readable_qr(site: Path, browser_context, tmp_path: Path, path, heading, short):
    pdf = tmp_path / "page.pdf"
    with serve(site) as base:
        chrome = print_page(browser_context, base + path, pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert heading in text
    assert short in text  # the print footer writes the address out
    assert short in qr_codes(pdf)  # and the QR code beside it leads there
    assert len(chrome) > 8  # the navigation was there on screen
    for label in sorted(chrome):
        assert label not in text, f"Bildschirm-Element im Druck: {label!r}"


def test_printed_item_page_keeps_sources_and_writes_out_links(site: Path, browser_context, tmp_path: Path):
    pdf = tmp_path / "page.pdf"
    with serve(site) as base:
        print_page(browser_context, base + "/recht/stgb-232/", pdf)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Quellen:" in text
    assert "(https://" in text  # external link targets are written out on paper
