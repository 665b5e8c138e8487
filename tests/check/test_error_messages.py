"""Editors' errors: file, line, column, the offending line with a caret, a hint; all at once, sorted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.check.validate import load_content
from generator.cli import main
from generator.problems import ContentError, Mark, Problem, source_snippet
from generator.report import as_github, as_json, github_annotation

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_snippet_points_at_the_column(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("id: x\ntitel: Hallo\n", encoding="utf-8")
    shown = source_snippet(Mark(str(f), 2, 1))
    assert shown.splitlines() == ["    2 | titel: Hallo", "      | ^"]
    shown = source_snippet(Mark(str(f), 2, 8))
    assert shown.splitlines()[1].index("^") == shown.splitlines()[0].index("Hallo")


def test_snippet_is_robust_for_missing_files_and_lines(tmp_path: Path) -> None:
    assert source_snippet(Mark(str(tmp_path / "nope.yaml"), 3, 1)) == ""
    f = tmp_path / "a.yaml"
    f.write_text("id: x\n", encoding="utf-8")
    assert source_snippet(Mark(str(f), 99, 1)) == ""
    assert source_snippet(Mark(str(f), 0, 1)) == ""
    assert source_snippet(Mark(str(f), 1, 500)).splitlines()[1].endswith("^")  # caret clamps to the end of the line


def test_long_lines_are_cut_around_the_column(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("text: " + "a" * 300 + "X" + "b" * 300 + "\n", encoding="utf-8")
    line, caret = source_snippet(Mark(str(f), 1, 307)).splitlines()
    assert len(line) < 130
    assert line[caret.index("^")] == "X"


def test_unknown_field_names_the_line_shows_it_and_suggests(content: Path) -> None:
    _replace(content / "empfehlungen" / "frueh-austauschen.yaml", "title:", "titel:")
    with pytest.raises(ContentError) as exc:
        load_content(content)
    [problem] = exc.value.problems
    text = problem.format()
    assert problem.mark.file.endswith("frueh-austauschen.yaml") and problem.mark.line == 3
    assert ": error: Unbekanntes Feld „titel“." in text
    assert "titel: Früh austauschen" in text and "^" in text
    assert "Meinten Sie „title“?" in text and "Erlaubte Felder:" in text


def test_every_message_says_how_to_fix(content: Path) -> None:
    """Several mistakes at once: each one reported, sorted by file and line, each with a hint."""
    _replace(content / "quellen" / "stgb.yaml", "provenance: law", "provenance: bkkk")
    _replace(content / "empfehlungen" / "frueh-austauschen.yaml", "actors: [jugendamt, polizei]", "actors: [jugendamtt, polizei]")
    _replace(content / "akteure" / "polizei.yaml", "level:", "levle:")
    with pytest.raises(ContentError) as exc:
        load_content(content)
    problems = exc.value.problems
    assert problems == sorted(problems)
    assert len(problems) >= 3
    assert all(p.hint for p in problems), [p.format() for p in problems]
    text = "\n".join(p.format() for p in problems)
    assert "Erlaubt: bkk, law, related, unverified" in text
    assert "Meinten Sie „jugendamt“?" in text


def test_check_json_and_github_formats(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _replace(content / "empfehlungen" / "frueh-austauschen.yaml", "title:", "titel:")
    assert main(["check", "--content", str(content), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == 1
    row = data["problems"][0]
    assert row["line"] == 3 and row["col"] == 1 and row["severity"] == "error"
    assert row["source"].startswith("titel:")
    assert main(["check", "--content", str(content), "--format", "github"]) == 1
    out = capsys.readouterr().out.strip()
    assert out.startswith("::error file=") and ",line=3,col=1,title=" in out
    assert "\n" not in out


def test_github_annotations_escape_workflow_command_characters() -> None:
    p = Problem(Mark("content/a,b:c.yaml", 3, 5), "100% falsch\r\nzweite Zeile", "Tipp: so, nicht so")
    line = github_annotation(p)
    assert line.startswith("::error file=content/a%2Cb%3Ac.yaml,line=3,col=5,title=Inhalt%3A Fehler::")
    message = line.split("::", 2)[2]
    assert message == "100%25 falsch%0D%0Azweite Zeile%0ATipp: so, nicht so"
    warning = Problem(Mark("x.yaml"), "w", severity="warning")
    assert as_github([warning]).startswith("::warning ")
    assert json.loads(as_json([warning]))["warnings"] == 1


def test_text_output_goes_to_stderr_with_summary(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _replace(content / "empfehlungen" / "frueh-austauschen.yaml", "title:", "titel:")
    assert main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "frueh-austauschen.yaml:3:1: error: Unbekanntes Feld" in err
    assert "1 Fehler gefunden." in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("phasen/erkennen.yaml", "order: 10", "order: 5000", "Erlaubt: 0 bis 999."),
    ("beratungsstellen/fbs-berlin.yaml", "serves_minors: true", "serves_minors: vielleicht", "true (ja) oder false (nein)"),
    ("empfehlungen/frueh-austauschen.yaml", "text: Alle", "text: <b>Alle</b>", "Markdown statt HTML"),
    ("empfehlungen/frueh-austauschen.yaml", "actors: [jugendamt, polizei]", "actors: jugendamt", "eine Liste"),
])
def test_type_and_value_errors_say_how_to_fix(content: Path, file: str, old: str, new: str, expected: str) -> None:
    _replace(content / file, old, new)
    with pytest.raises(ContentError) as exc:
        load_content(content)
    text = "\n".join(p.format() for p in exc.value.problems)
    assert expected in text
    assert all(p.hint for p in exc.value.problems), text
