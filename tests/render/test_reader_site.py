"""Generator side of the reader's site: links in raw HTML, SVGs, compounds, tooltips, video, settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.check.validate import load_content
from generator.mkdocs.settings import read_settings
from generator.model.paths import page_url, relative_url
from generator.render.diagram import narrow, process_diagram, wide
from generator.render.laender_map import GRID, laender_map, statuses
from generator.render.page_extras import abbreviations, video_chapters
from generator.render.pages import render_pages
from generator.render.search_terms import compound_keywords, parts


@pytest.mark.parametrize(("here", "there", "url"), [
    ("index.md", "phasen/erkennen.md", "phasen/erkennen/"),
    ("phasen/index.md", "phasen/erkennen.md", "erkennen/"),
    ("phasen/erkennen.md", "laender/berlin.md", "../../laender/berlin/"),
    ("phasen/erkennen.md", "index.md", "../../"),
    ("laender/index.md", "laender/index.md#x", "#x"),
    ("index.md", "video/index.md#kapitel-2", "video/#kapitel-2"),
    ("ueber.md", "index.md", "../"),
])
def test_relative_url_follows_directory_urls(here, there, url):
    assert relative_url(here, there) == url


def test_page_url():
    assert (page_url("index.md"), page_url("phasen/index.md"), page_url("ueber.md")) == ("", "phasen/", "ueber/")


def test_diagram_links_every_phase_and_keeps_order(content: Path):
    c = load_content(content)
    svg = str(process_diagram(c, "index.md"))
    assert "\n\n" not in svg  # one raw HTML block for Markdown
    assert svg.count('href="phasen/erkennen/"') == 2  # wide and narrow layout
    assert 'href="phasen/strafverfahren/"' in svg
    assert "Schritt 1: Erkennen" in svg
    assert [b.number for b in wide(c, "index.md").boxes] == [1, None]
    lay = narrow(c, "phasen/index.md")
    assert all(b.x + b.width <= lay.width for b in lay.boxes)


def test_diagram_text_is_html_escaped(content: Path):
    phase = content / "phasen" / "erkennen.yaml"
    phase.write_text(phase.read_text(encoding="utf-8").replace("title: Erkennen", 'title: "Erkennen <b> & *x*"'),
                     encoding="utf-8")
    svg = str(process_diagram(load_content(content), "index.md"))
    assert "Erkennen &lt;b&gt; &amp; *x*" in svg and "<b>" not in svg


def test_laender_map_has_16_tiles_links_known_laender(content: Path):
    c = load_content(content)
    rows = statuses(c)
    assert len(rows) == len(GRID) == 16
    berlin = next(r for r in rows if r.code == "BE")
    assert berlin.known == (True, True, True) and berlin.level == 3
    assert next(r for r in rows if r.code == "HB").level == 0
    svg = str(laender_map(c, "laender/index.md"))
    assert 'href="berlin/"' in svg and 'href="bremen/"' in svg
    assert svg.count("<a ") == 2  # only Länder with pages are links
    assert "BE (Berlin): regionales Netzwerk bekannt" in svg


def test_compounds_split_into_known_parts():
    vocab = {w.casefold(): w for w in ["Fachkraft", "Kinderschutz", "Kinder", "Schutz", "Aufenthalt", "Recht", "Inobhut"]}
    assert parts("Kinderschutzfachkraft", vocab) == ["Fachkraft", "Kinderschutz", "Schutz", "Kinder"]
    assert parts("Aufenthaltsrecht", vocab) == ["Recht", "Aufenthalt"]
    assert parts("Unbekanntwort", vocab) == []
    assert compound_keywords(["Die Kinderschutzfachkraft hilft. Schutz"], vocab) == ["Fachkraft", "Kinder", "Kinderschutz"]


def test_pages_carry_keywords_and_only_the_abbreviations_they_use(content: Path):
    pages = render_pages(load_content(content))
    rec = pages["empfehlungen/frueh-austauschen.md"]
    assert re.search(r"\*Stichwörter:\* Austausch, Fallkonferenz", rec)
    assert "{: .bkk-keywords }" in rec
    glossary = pages["glossar/index.md"]
    assert "*[Inobhutnahme]: Vorläufige Schutzmaßnahme des Jugendamts." in glossary
    assert "*[StGB]: Strafgesetzbuch" in pages["recht/stgb-232.md"]
    assert "*[StGB]" not in pages["akteure/polizei.md"]


def test_abbreviations_come_from_content(content: Path):
    found = abbreviations(load_content(content))
    assert found["BKK"] == "Bundeskooperationskonzept"
    assert found["StGB"] == "Strafgesetzbuch"
    assert "JA" not in found  # two letters are too short to mark everywhere


VIDEO = """id: erklaervideo
title: Erklärvideo
provider: youtube
youtube_id: AAAAAAAAAAA
description: Test.
chapters:
  - {start: "01:30", title: Das Jugendamt, pages: [akteure/jugendamt, glossar/inobhutnahme]}
sources: [ecpat-2021]
provenance: bkk
"""


def test_video_consent_block_and_chapter_links(content: Path):
    (content / "video.yaml").write_text(VIDEO, encoding="utf-8")
    c = load_content(content)
    assert set(video_chapters(c)) == {"akteure/jugendamt.md", "glossar/index.md"}
    pages = render_pages(c)
    video = pages["video/index.md"]
    assert 'data-youtube-id="AAAAAAAAAAA"' in video and "<iframe" not in video
    assert "### 01:30 – Das Jugendamt {: #kapitel-1 }" in video
    assert "[Im Erklärvideo ab 01:30: Das Jugendamt](../video/index.md#kapitel-1)" in pages["akteure/jugendamt.md"]


def test_no_chapter_links_while_the_video_has_no_address(content: Path):
    (content / "video.yaml").write_text(VIDEO.replace("provider: youtube", "provider: none"), encoding="utf-8")
    pages = render_pages(load_content(content))
    assert "Im Erklärvideo" not in pages["akteure/jugendamt.md"]
    assert "Noch keine Videoadresse" in pages["video/index.md"]


def test_site_settings_accept_placeholders_and_refuse_typos():
    settings = read_settings({"betreiber": {"name": "", "email": "x@example.org"}})
    assert "betreiber.name" in settings.missing and "betreiber.email" not in settings.missing
    with pytest.raises(ValueError, match=r"extra\.betreiber\.adresse: unbekanntes Feld"):
        read_settings({"betreiber": {"adresse": "Musterweg 1"}})


def test_offline_copy_links_to_html_files(content: Path):
    assert relative_url("phasen/index.md", "phasen/erkennen.md", directory_urls=False) == "erkennen.html"
    assert relative_url("index.md", "laender/berlin.md#x", directory_urls=False) == "laender/berlin.html#x"
    svg = str(process_diagram(load_content(content), "phasen/index.md", directory_urls=False))
    assert 'href="erkennen.html"' in svg
