"""Facts the shipped content must keep: sources on everything, exact figures, minimum coverage.

The content is about children at risk, so these tests guard what a careless edit could break:
every item names its sources and the kind of source, the published ECPAT figures stay exact,
and no Land or recommendation silently disappears.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.check.validate import load_content
from generator.model.kinds import KINDS

CONTENT = Path(__file__).resolve().parents[1] / "content"

LAND_CODES = {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}


@pytest.fixture(scope="module")
def items() -> dict[str, dict[str, Any]]:
    content = load_content(CONTENT)
    result = {name: dict(content.items(name)) for name in KINDS}
    result["indicator"] = dict(content.items("indicator"))
    return result


def _all_items(items: dict[str, dict[str, Any]]) -> list[tuple[str, Any]]:
    return [(kind, item) for kind, by_id in items.items() if kind != "source" for item in by_id.values()]


def test_every_item_has_sources_and_provenance(items):
    checked = 0
    for kind, item in _all_items(items):
        assert item.sources, f"{kind}/{item.id} hat keine Quellen"
        assert item.provenance in {"bkk", "law", "related", "unverified"}, f"{kind}/{item.id}"
        for source in item.sources:
            assert source in items["source"], f"{kind}/{item.id} nennt unbekannte Quelle {source}"
        checked += 1
    assert checked > 150


def test_land_instruments_have_sources_and_provenance(items):
    instruments = [(land.id, i) for land in items["land"].values() for i in land.instruments]
    assert len(instruments) >= 8
    for land_id, instrument in instruments:
        assert instrument.sources, f"Instrument „{instrument.title}“ in {land_id} ohne Quellen"
        assert instrument.provenance in {"bkk", "law", "related", "unverified"}
        for source in instrument.sources:
            assert source in items["source"], f"{land_id}: unbekannte Quelle {source}"


def test_related_and_law_recommendations_say_they_are_not_bkk_wording(items):
    for rec in items["recommendation"].values():
        if rec.provenance in {"related", "law"}:
            assert rec.note and "nicht" in rec.note and "BKK" in rec.note, rec.id


def test_indicators_are_related_and_labelled_as_not_bkk(items):
    for indicator in items["indicator"].values():
        assert indicator.provenance != "bkk", f"{indicator.id}: Indikatorenliste des BKK ist nicht ausgewertet"
        assert indicator.note and "nicht aus dem Indikatorenanhang des BKK" in indicator.note, indicator.id


@pytest.mark.parametrize(("figure_id", "value", "qualifier"), [
    ("ecpat-2021-laender", 12, "exact"),
    ("ecpat-2021-netzwerke", 8, "exact"),
    ("ecpat-2021-workshops", 20, "exact"),
    ("ecpat-2021-seminare", 30, "about"),
    ("ecpat-2021-fachkraefte", 1800, "exact"),
])
def test_ecpat_2021_figures_are_exact(items, figure_id, value, qualifier):
    figure = items["key_figure"][figure_id]
    assert figure.value == value
    assert figure.qualifier == qualifier
    assert str(figure.as_of) == "2021-10-18"
    assert "ecpat-2021-drei-jahre" in figure.sources


@pytest.mark.parametrize(("year", "value"), [("2016", 214), ("2022", 270), ("2023", 226)])
def test_bka_minor_victims(items, year, value):
    figure = items["key_figure"][f"bka-minderjaehrige-{year}"]
    assert figure.value == value
    assert str(figure.as_of) == year


@pytest.mark.parametrize(("kind", "minimum"), [
    ("recommendation", 16), ("indicator", 40), ("actor", 10), ("exploitation_form", 9),
    ("legal_norm", 15), ("glossary", 30), ("indicator_category", 5), ("phase", 5), ("event", 10),
])
def test_minimum_coverage(items, kind, minimum):
    assert len(items[kind]) >= minimum, f"{kind}: nur {len(items[kind])} Einträge"


def test_all_sixteen_laender(items):
    codes = [land.code for land in items["land"].values()]
    assert len(codes) == 16
    assert set(codes) == LAND_CODES


def test_labels_unique(items):
    for kind in ("recommendation", "indicator"):
        labels = [item.label for item in items[kind].values()]
        assert len(labels) == len(set(labels)), f"doppelte Kurzzeichen bei {kind}"


def test_recommendations_e01_to_e16_in_order(items):
    labels = sorted(rec.label for rec in items["recommendation"].values())
    assert labels[:16] == [f"E-{n:02d}" for n in range(1, 17)]


def test_document_facts(items):
    bkk = items["document"]["bkk"]
    assert bkk.pages == 60
    assert str(bkk.presented) == "2018-10-18"
    assert "Juni 2018" in bkk.published and "18. Oktober 2018" in bkk.published
    assert bkk.provenance == "bkk"


def test_indicator_caveats_in_glossary(items):
    definition = items["glossary"]["indikator"].definition
    for phrase in ("beweist nichts", "kein einziges Anzeichen", "ersetzen nicht die fachliche Einschätzung",
                   "offenbaren sich selten"):
        assert phrase in definition


def test_no_network_without_source_naming_it(items):
    # The names of ECPAT's regional networks are not known; any network entry must carry a source.
    for network in items["network"].values():
        assert network.sources and network.provenance != "unverified"


def test_video_has_no_invented_address(items):
    video = items["video"]["erklaervideo"]
    assert video.provider == "none"
    assert video.youtube_id is None and video.file is None and not video.chapters
