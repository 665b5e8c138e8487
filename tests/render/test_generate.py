"""From a small content set to the expected pages, links, backlinks and a clean tree."""

from __future__ import annotations

from pathlib import Path

from generator.generate import generate
from generator.model.paths import url_path


def read(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def test_one_page_per_item_and_index_pages(content, tmp_path):
    out = tmp_path / "out"
    result = generate(content, out)
    pages = set(result.files)
    for expected in [
        "index.md", "bkk/index.md", "video/index.md", "glossar/index.md", "quellen/index.md", "chronik/index.md",
        "kennzahlen/index.md", "empfehlungen/frueh-austauschen.md", "empfehlungen/nach-akteur.md",
        "empfehlungen/nach-phase.md", "indikatoren/keine-papiere.md", "indikatoren/nach-ausbeutungsform.md",
        "akteure/jugendamt.md", "akteure/polizei.md", "phasen/erkennen.md", "phasen/strafverfahren.md",
        "ausbeutungsformen/sexuelle-ausbeutung.md", "recht/stgb-232.md", "laender/berlin.md", "laender/bremen.md",
        "netzwerke/netz-berlin.md", "beratungsstellen/fbs-berlin.md",
    ]:
        assert expected in pages, expected
        assert (out / expected).is_file()


def test_links_backlinks_and_provenance(content, tmp_path):
    out = tmp_path / "out"
    generate(content, out)
    rec = read(out, "empfehlungen/frueh-austauschen.md")
    assert "# E-01: Früh austauschen" in rec
    assert "[Jugendamt](../akteure/jugendamt.md)" in rec
    assert "[Erkennen](../phasen/erkennen.md)" in rec
    assert "Herkunft: Quelle über das BKK selbst" in rec
    assert "(../quellen/index.md#ecpat-2021)" in rec
    assert 'source_file: "' in rec and "empfehlungen/frueh-austauschen.yaml" in rec
    actor = read(out, "akteure/jugendamt.md")
    assert "[E-01 Früh austauschen](../empfehlungen/frueh-austauschen.md)" in actor  # backlink
    indicator = read(out, "indikatoren/keine-papiere.md")
    assert "nicht aus dem Wortlaut des BKK" in indicator  # related guidance is labelled
    assert "[Dokumente und Aufenthalt](index.md#dokumente)" in indicator
    land = read(out, "laender/bremen.md")
    assert "**Nicht gefunden:** In unserer Recherche haben wir für Bremen keine landesweite Regelung" in land
    assert "Uns ist noch keine Beratungsstelle in Bremen aus einer Quelle bekannt." in land
    assert "Hilfe" in land and "hilfe/index.md" not in land  # no local contact: the national numbers (the fixture has no help page to link)
    assert "{: #inobhutnahme }" in read(out, "glossar/index.md")


def test_output_is_deterministic_and_writes_only_changes(content, tmp_path):
    out = tmp_path / "out"
    first = generate(content, out)
    snapshot = {p: (out / p).read_bytes() for p in first.files}
    again = generate(content, out)
    assert again.written == []
    assert {p: (out / p).read_bytes() for p in again.files} == snapshot
    path = content / "empfehlungen/frueh-austauschen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Früh austauschen", "Früh und offen austauschen"), encoding="utf-8")
    changed = generate(content, out).written
    assert "empfehlungen/frueh-austauschen.md" in changed
    assert "recht/stgb-232.md" not in changed


def test_removed_items_leave_no_stale_files(content, tmp_path):
    out = tmp_path / "out"
    generate(content, out)
    assert (out / "beratungsstellen/fbs-berlin.md").exists()
    (content / "beratungsstellen/fbs-berlin.yaml").unlink()
    generate(content, out)
    assert not (out / "beratungsstellen/fbs-berlin.md").exists()


def test_text_fields_are_escaped(content, tmp_path):
    path = content / "akteure/polizei.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Polizei", 'title: "<script>x</script> [a](javascript:b) *c*"'),
                    encoding="utf-8")
    out = tmp_path / "out"
    generate(content, out)
    meta, body = read(out, "akteure/polizei.md").split("\n---\n", 1)
    assert "<" not in meta  # themes print the title unescaped
    page = body
    assert "<script>" not in page and "](javascript:" not in page
    assert "&lt;script&gt;" in page and r"\*c\*" in page


def test_hand_written_docs_are_included(content, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ueber.md").write_text("# Über\n", encoding="utf-8")
    out = tmp_path / "out"
    generate(content, out, docs)
    assert read(out, "ueber.md") == "# Über\n"


def test_url_contract():
    assert url_path("recommendation", "x") == "/empfehlungen/x/"
    assert url_path("indicator", "y") == "/indikatoren/y/"
    assert url_path("land", "berlin") == "/laender/berlin/"
    assert url_path("glossary", "inobhutnahme") == "/glossar/#inobhutnahme"
    assert url_path("source", "s") == "/quellen/#s"
    assert url_path("video", "v") == "/video/"
