"""Every hostile case ends in a clear ``FILE:LINE:COL: error:`` line and exit code 1: no traceback, no hang."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE, HOSTILE, bkk, overlay

from generator.load import MAX_BYTES

CASES = sorted(p.name for p in (HOSTILE / "invalid").iterdir() if p.is_dir())


def _check(tmp_path: Path, *sources: Path):
    content = tmp_path / "content"
    content.mkdir()
    overlay(content, FIXTURE, *sources)
    done = bkk("check", "--content", "content", cwd=tmp_path, timeout=60)
    output = done.stdout + done.stderr
    assert "Traceback" not in output
    assert done.returncode == 1, output
    return done.stderr


def _expected(case: str) -> list[tuple[str, str, str]]:
    lines = (HOSTILE / "invalid" / case / "expect.txt").read_text(encoding="utf-8").splitlines()
    return [re.fullmatch(r"(.+?):(\d+:\d+): (.+)", line).groups() for line in lines if line.strip()]


def test_every_case_says_what_it_expects():
    assert len(CASES) >= 40
    for case in CASES:
        assert _expected(case), case


@pytest.mark.parametrize("case", CASES)
def test_hostile_case_is_refused_at_the_right_line(tmp_path, case):
    stderr = _check(tmp_path, HOSTILE / "invalid" / case)
    for file, where, text in _expected(case):
        pattern = rf"^content/{re.escape(file)}:{where}: error: .*{re.escape(text)}"
        assert re.search(pattern, stderr, re.M), f"erwartet {file}:{where}: …{text}…\n{stderr}"


def test_oversized_file_is_refused_with_the_limit(tmp_path):
    big = tmp_path / "big"
    (big / "empfehlungen").mkdir(parents=True)
    line = "# " + "Fülltext " * 10 + "\n"
    (big / "empfehlungen" / "frueh-austauschen.yaml").write_text("id: frueh-austauschen\n" + line * (MAX_BYTES // len(line) + 10),
                                                                 encoding="utf-8")
    stderr = _check(tmp_path, big)
    assert re.search(r"^content/empfehlungen/frueh-austauschen\.yaml:1:1: error: Datei ist zu groß .*erlaubt sind 1\.000\.000", stderr, re.M)


def test_cascading_errors_are_not_reported(tmp_path):
    """A broken file is reported once, not again as an unknown id wherever it is referenced."""
    stderr = _check(tmp_path, HOSTILE / "invalid" / "wrong-type")
    assert "keine bekannte ID" not in stderr
    assert stderr.count(": error: ") == 1
