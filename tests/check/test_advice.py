"""Warnings: shown as FILE:LINE:COL: warning: …, never blocking unless --strict."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.check.advice import advise, schema_line
from generator.check.validate import load_content
from generator.cli import main
from generator.model.kinds import KINDS

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content"
TODAY = dt.date(2026, 5, 3)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def _warnings(content: Path) -> list:
    checked = load_content(content)
    return advise(checked, content, today=TODAY)


def _messages(content: Path, needle: str) -> list:
    return [p for p in _warnings(content) if needle in p.message]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_shipped_content_has_schema_lines_everywhere() -> None:
    shipped = FIXTURE.parent.parent.parent / "content"
    if not shipped.is_dir():
        pytest.skip("no shipped content in this checkout")
    assert not [p for p in advise(load_content(shipped), shipped, today=TODAY) if "Schema-Zeile" in p.message]


def test_stale_review_points_at_the_reviewed_line(content: Path) -> None:
    f = content / "empfehlungen" / "frueh-austauschen.yaml"
    _append(f, "reviewed: 2024-05-02\n")
    [warning] = _messages(content, "fachlich geprüft")
    assert warning.severity == "warning"
    assert warning.mark.line == len(f.read_text().splitlines())
    assert warning.format().startswith(f"{warning.mark.file}:{warning.mark.line}:1: warning: ")
    f.write_text(f.read_text().replace("2024-05-02", "2024-05-03"))
    assert not _messages(content, "fachlich geprüft")  # exactly 24 months: still fine


def test_source_url_without_access_date(content: Path) -> None:
    found = _messages(content, "kein Abrufdatum")
    assert {p.mark.file.rsplit("/", 1)[1] for p in found} == {"ecpat-2021.yaml", "stgb.yaml"}
    assert all(p.mark.line > 1 and "accessed:" in p.hint for p in found)
    _append(content / "quellen" / "stgb.yaml", "accessed: 2026-01-10\n")
    assert {p.mark.file.rsplit("/", 1)[1] for p in _messages(content, "kein Abrufdatum")} == {"ecpat-2021.yaml"}


def test_source_checked_too_long_ago(content: Path) -> None:
    from generator.check.advice import SOURCE_CHECK_MONTHS, months_before

    f = content / "quellen" / "stgb.yaml"
    _append(f, f"accessed: {months_before(TODAY, SOURCE_CHECK_MONTHS).isoformat()}\n")
    assert not _messages(content, "zuletzt am")  # exactly the interval: still fine
    f.write_text(f.read_text().replace(months_before(TODAY, SOURCE_CHECK_MONTHS).isoformat(), "2024-01-10"))
    [warning] = _messages(content, "zuletzt am")
    assert warning.severity == "warning" and "stgb" in warning.message and "2024-01-10" in warning.message
    assert warning.mark.line == len(f.read_text().splitlines())  # points at the accessed line


def test_item_without_keywords(content: Path) -> None:
    names = {p.message for p in _messages(content, "keine Suchwörter")}
    assert "„frueh-austauschen“ hat keine Suchwörter („keywords“)." not in names
    assert "„stgb-232“ hat keine Suchwörter („keywords“)." in names


def test_unlinked_indicator(content: Path) -> None:
    assert not _messages(content, "wird von keiner anderen Seite verlinkt")
    f = content / "indikatoren" / "dokumente.yaml"
    f.write_text(f.read_text().replace("    exploitation_forms: [sexuelle-ausbeutung]\n", "").replace("    actors: [polizei]\n", ""))
    assert not _messages(content, "wird von keiner anderen Seite verlinkt")  # the seminar handout still lists it
    for seminar in (content / "seminare").glob("*.yaml"):
        seminar.write_text(seminar.read_text().replace("  - indikatoren/keine-papiere\n", ""))
    [warning] = _messages(content, "wird von keiner anderen Seite verlinkt")
    assert "keine-papiere" in warning.message
    assert warning.mark.line == 6  # the indicator's id line inside the category file


def test_wrong_or_missing_schema_line(content: Path) -> None:
    missing = {p.mark.file.rsplit("/", 1)[1] for p in _messages(content, "nicht die Schema-Zeile")}
    assert "polizei.yaml" in missing  # the fixture files carry no schema line
    f = content / "akteure" / "polizei.yaml"
    f.write_text(schema_line(KINDS["phase"]) + "\n" + f.read_text())
    [warning] = [p for p in _messages(content, "Schema-Zeile") if p.mark.file.endswith("polizei.yaml")]
    assert "phase.schema.json" in warning.message and schema_line(KINDS["actor"]) in warning.hint
    f.write_text(f.read_text().replace(schema_line(KINDS["phase"]), schema_line(KINDS["actor"])))
    assert not [p for p in _messages(content, "Schema-Zeile") if p.mark.file.endswith("polizei.yaml")]


def test_warnings_do_not_block_unless_strict(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    assert ": warning: " in err and "Warnungen gefunden" in err
    assert main(["check", "--content", str(content), "--strict"]) == 1


def test_months_before() -> None:
    from generator.check.advice import months_before

    assert months_before(dt.date(2026, 5, 3), 24) == dt.date(2024, 5, 3)
    assert months_before(dt.date(2024, 2, 29), 24) == dt.date(2022, 2, 28)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)


def _with_contact(content: Path, checked: str) -> Path:
    f = content / "beratungsstellen" / "fbs-berlin.yaml"
    _append(f, f"phone: 030 123 456\nchecked: {checked}\ncontact_source: ecpat-2021\n")
    return f


def test_contact_checked_over_a_year_ago_warns_at_the_checked_line(content: Path) -> None:
    f = _with_contact(content, "2025-05-02")
    [warning] = _messages(content, "Kontaktdaten")
    assert warning.severity == "warning"
    assert warning.mark.line == len(f.read_text().splitlines()) - 1  # the ``checked:`` line
    assert "checked:" in warning.hint and TODAY.isoformat() in warning.hint


def test_contact_checked_within_a_year_is_fine(content: Path) -> None:
    _with_contact(content, "2025-05-03")  # exactly 12 months
    assert not _messages(content, "Kontaktdaten")
