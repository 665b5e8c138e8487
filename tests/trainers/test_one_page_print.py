"""Issue 11: every role checklist, and every seminar's QR card, prints as exactly one A4 page in
Chromium (the real content, since the checklists live there), and the paper keeps what it needs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.check.validate import load_content

from .conftest import ROOT, build, serve

pytestmark = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="pdfinfo fehlt (apt-get install poppler-utils)")
CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("onepage")
    build(CONTENT, tmp / "site", tmp / "published-urls.txt")
    return tmp / "site"


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def print_pdf(browser_context, url: str, pdf: Path) -> str:
    page = browser_context.new_page()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    page.close()
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())


_MODEL = load_content(CONTENT)
ROLES = [r.id for r in _MODEL.single("suspicion").roles] if _MODEL.single("suspicion") else []
SEMINARS = list(_MODEL.items("seminar"))


_ENGLISH = _MODEL.in_language("en")
# Per edition: its content, where a checklist and a QR card are, and words the paper must (not) show.
EDITIONS = {
    "de": (_MODEL, "/verdacht/{}/", "/seminare/{}/karte/", "Unser Jugendamt (Name, Telefon):", "Drucken / als PDF speichern", "QR-Karte",
           "Stand:"),
    "en": (_ENGLISH, "/en/suspicion/{}/", "/en/seminars/{}/card/", "Our youth welfare office (Jugendamt), name and phone:",
           "Print / save as PDF", "QR card", "As of"),
}


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_role_checklist_prints_on_exactly_one_a4_page(site: Path, browser_context, tmp_path: Path, role: str, lang: str):
    """The English checklists are longer in words than the German ones: they must fit the sheet too."""
    model, checklist_url, _card, own_office, button, _qr, as_of = EDITIONS[lang]
    pdf = tmp_path / f"{role}-{lang}.pdf"
    with serve(site) as base:
        text = print_pdf(browser_context, base + checklist_url.format(role), pdf)
    assert pdf_pages(pdf) == 1
    checklist = next(r for r in model.single("suspicion").roles if r.id == role)
    assert checklist.title in text
    assert own_office in text
    assert "110" in text and as_of in text
    for indicator in checklist.indicators:
        assert model.items("indicator")[indicator].label in text  # every sign made it onto the sheet
    assert button not in text  # the screen's button stays off the paper


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("seminar", SEMINARS)
def test_seminar_qr_card_prints_on_exactly_one_a4_page(site: Path, browser_context, tmp_path: Path, seminar: str, lang: str):
    _model, _checklist, card_url, _office, _button, title, _as_of = EDITIONS[lang]
    pdf = tmp_path / f"{seminar}-{lang}.pdf"
    with serve(site) as base:
        text = print_pdf(browser_context, base + card_url.format(seminar), pdf)
    assert pdf_pages(pdf) == 1
    assert title in text
