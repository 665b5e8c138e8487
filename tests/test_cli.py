"""The command line as an editor and CI use it: exit codes, error lines, no tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ERROR_LINE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: .+$", re.M)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_check_valid_content_exits_zero(content):
    done = run("check", "--content", str(content))
    assert done.returncode == 0, done.stderr
    assert "Inhalt in Ordnung" in done.stdout


def test_check_reports_every_error_with_file_line_col(content):
    rec = content / "empfehlungen/frueh-austauschen.yaml"
    rec.write_text(rec.read_text(encoding="utf-8").replace("actors: [jugendamt, polizei]", "actors: [jugendamt, polizai]"),
                   encoding="utf-8")
    (content / "glossar/kaputt.yaml").write_text("id: kaputt\nterm: [unterbrochen\n", encoding="utf-8")
    done = run("check", "--content", str(content))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    found = [(Path(m["file"]).name, int(m["line"])) for m in ERROR_LINE.finditer(done.stderr)]
    assert ("frueh-austauschen.yaml", 5) in found
    assert any(name == "kaputt.yaml" for name, _ in found)
    assert "\n    Meinten Sie „polizei“?" in done.stderr  # the hint follows, indented


def test_missing_content_folder_is_a_clear_error(tmp_path):
    done = run("check", "--content", str(tmp_path / "nichts"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ERROR_LINE.search(done.stderr)


def test_every_command_has_help():
    for command in ("check", "generate", "build", "serve"):
        done = run(command, "--help")
        assert done.returncode == 0 and "--content" in done.stdout


def test_generate_writes_a_complete_docs_tree(content, tmp_path):
    out = tmp_path / "docs-out"
    done = run("generate", "--content", str(content), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert (out / "empfehlungen/frueh-austauschen.md").is_file()
    assert (out / "ueber.md").is_file()  # hand-written pages come along for other engines


def test_generate_refuses_a_foreign_folder(content, tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    done = run("generate", "--content", str(content), "--out", str(foreign))
    assert done.returncode == 1 and (foreign / "notes.txt").read_text() == "mine"
