"""Model checks per file and across files, each reported at the offending line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.validate import load_content
from generator.problems import ContentError


def problems(content: Path) -> list:
    with pytest.raises(ContentError) as info:
        load_content(content)
    return info.value.problems


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_is_valid_and_resolved(content):
    model = load_content(content)
    rec = model.items("recommendation")["frueh-austauschen"]
    assert rec.actors == ["jugendamt", "polizei"]
    assert model.items("indicator")["keine-papiere"].label == "I-01"
    assert model.category_of["keine-papiere"] == "dokumente"
    assert ("recommendation", "frueh-austauschen") in model.backlinks[("actor", "jugendamt")]
    assert ("indicator", "keine-papiere") in model.backlinks[("exploitation_form", "sexuelle-ausbeutung")]


def test_unknown_key_with_suggestion(content):
    edit(content / "empfehlungen/frueh-austauschen.yaml", "title:", "titel:")
    found = problems(content)
    unknown = next(p for p in found if "Unbekanntes Feld" in p.message)
    assert unknown.mark.file.endswith("empfehlungen/frueh-austauschen.yaml")
    assert unknown.mark.line == 3
    assert "title" in unknown.hint
    assert not any("Pflichtfeld „title“" in p.message for p in found)  # a misspelt field is one mistake, reported once


def test_wrong_type_and_enum(content):
    edit(content / "akteure/polizei.yaml", "level: state", "level: land")
    edit(content / "kennzahlen/laender-12.yaml", "value: 12", "value: zwölf")
    found = {p.mark.file.split("/")[-1]: p for p in problems(content)}
    assert "state" in found["polizei.yaml"].hint and found["polizei.yaml"].mark.line == 3
    assert "Zahl" in found["laender-12.yaml"].message and found["laender-12.yaml"].mark.line == 3


def test_missing_required_field_points_at_the_item(content):
    edit(content / "phasen/erkennen.yaml", "summary: Ein Kind als mögliches Opfer erkennen.\n", "")
    (problem,) = problems(content)
    assert "Pflichtfeld „summary“" in problem.message
    assert problem.mark.line == 1


def test_dangling_reference_reported_at_the_reference(content):
    edit(content / "empfehlungen/frueh-austauschen.yaml", "actors: [jugendamt, polizei]", "actors: [jugendamt, polizai]")
    (problem,) = problems(content)
    assert problem.mark.line == 5 and problem.mark.col == 21
    assert "polizai" in problem.message and "polizei" in problem.hint


def test_nested_references_and_sources(content):
    edit(content / "indikatoren/dokumente.yaml", "exploitation_forms: [sexuelle-ausbeutung]", "exploitation_forms: [betteln]")
    edit(content / "laender/berlin.yaml", "    sources: [ecpat-2021]", "    sources: [ecpat-2020]")
    found = problems(content)
    assert [(Path(p.mark.file).name, p.mark.line) for p in found] == [("dokumente.yaml", 9), ("berlin.yaml", 9)]
    assert "ecpat-2021" in found[1].hint


def test_duplicate_ids_after_case_folding(content):
    (content / "akteure/Polizei.yaml").write_text(
        (content / "akteure/polizei.yaml").read_text(encoding="utf-8").replace("id: polizei", "id: polizei"), encoding="utf-8")
    found = problems(content)
    assert any("Dateinamen" in p.message or "schon vergeben" in p.message for p in found)


def test_duplicate_label(content):
    edit(content / "indikatoren/dokumente.yaml", "label: I-01", "label: I-01\n    keywords: [Pass]")
    second = content / "indikatoren/weitere.yaml"
    second.write_text((content / "indikatoren/dokumente.yaml").read_text(encoding="utf-8")
                      .replace("id: dokumente", "id: weitere").replace("id: keine-papiere", "id: andere"), encoding="utf-8")
    (problem,) = problems(content)
    assert "I-01" in problem.message and problem.mark.file.endswith("weitere.yaml")


def test_id_must_match_file_name_and_be_a_slug(content):
    edit(content / "akteure/polizei.yaml", "id: polizei", "id: Polizei")
    (problem,) = problems(content)
    assert "keine gültige ID" in problem.message and problem.mark.line == 1


def test_withdrawn_replacement_cycle(content):
    path = content / "akteure/polizei.yaml"
    edit(path, "level: state", "level: state\nstatus: withdrawn\nreplaced_by: jugendamt")
    edit(content / "akteure/jugendamt.yaml", "level: local", "level: local\nstatus: withdrawn\nreplaced_by: polizei")
    found = problems(content)
    assert any("Kreis" in p.message for p in found)


def test_html_and_script_links_refused_in_markdown(content):
    edit(content / "akteure/polizei.yaml", "role: Die Polizei ermittelt.", "role: \"<script>alert(1)</script> [x](javascript:alert(1))\"")
    (problem,) = problems(content)
    assert "HTML" in problem.message and problem.mark.line == 5


def test_every_error_of_a_run_is_reported(content):
    edit(content / "akteure/polizei.yaml", "level: state", "level: land")
    edit(content / "phasen/erkennen.yaml", "order: 10", "order: zehn")
    (content / "glossar/leer.yaml").write_text("", encoding="utf-8")
    (content / "chronik/liste.yaml").write_text("- a\n- b\n", encoding="utf-8")
    found = problems(content)
    assert len(found) == 4
    assert found == sorted(found)
