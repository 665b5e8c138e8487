"""``check`` resolves every internal link and #anchor in Markdown fields against the pages and
headings the site will have, and reports it at the link's line in the YAML (issue 15.2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, bkk, overlay

RECOMMENDATION = "empfehlungen/frueh-austauschen.yaml"


def _check(tmp_path: Path, text: str) -> tuple[int, str]:
    """The fixture with the recommendation's ``text`` field replaced (a block scalar from line 5 on)."""
    content = tmp_path / "content"
    content.mkdir()
    overlay(content, FIXTURE)
    path = content / RECOMMENDATION
    body = "\n".join("  " + line if line else "" for line in text.splitlines())
    source = path.read_text(encoding="utf-8").replace("text: Alle Beteiligten tauschen sich im Verdachtsfall früh aus.",
                                                      "text: |\n" + body)
    path.write_text(source, encoding="utf-8")
    done = bkk("check", "--content", "content", "--docs", str(REPO / "docs"), cwd=tmp_path, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr
    return done.returncode, done.stderr


@pytest.mark.parametrize("text", [
    "Siehe [Jugendamt](../akteure/jugendamt.md).",
    "Siehe [Rolle](../akteure/jugendamt.md#rolle-und-aufgaben) und [Begriff](../glossar/index.md#inobhutnahme).",
    "Zur [Übersicht](../empfehlungen/index.md), zur [Redaktion](../redaktion/index.md), [hier](../empfehlungen/frueh-austauschen.md#wer-ist-gefragt).",
    "Extern: [BMFSFJ](https://www.bmfsfj.de/) und [Mail](mailto:info@example.org).",
])
def test_links_to_pages_and_headings_that_exist_pass(tmp_path, text):
    code, stderr = _check(tmp_path, text)
    assert code == 0, stderr


@pytest.mark.parametrize(("text", "where", "message"), [
    ("Siehe [siehe](../gibt-es-nicht/).", "5:17", "gibt es auf der Website nicht"),
    ("Erste Zeile.\n\nSiehe [weg](../akteure/gibt-es-nicht.md).", "7:15", "gibt es auf der Website nicht"),
    ("Siehe [Jugendamt](../akteure/jugendamt/).", "5:21", "../akteure/jugendamt.md"),
    ("Siehe [Anker](../akteure/jugendamt.md#kein-anker).", "5:17", "#kein-anker"),
    ("Siehe [oben](#wer-ist-gefragt).", "5:16", "../empfehlungen/frueh-austauschen.md#wer-ist-gefragt"),
    ("Siehe [Übersicht](index.md).", "5:21", "../empfehlungen/index.md"),
    ("Siehe [weit](../../akteure/jugendamt.md).", "5:16", "gibt es auf der Website nicht"),
    ("Siehe [absolut](/akteure/jugendamt/).", "5:19", "Absolute"),
])
def test_broken_internal_link_is_refused_at_its_line(tmp_path, text, where, message):
    code, stderr = _check(tmp_path, text)
    assert code == 1, stderr
    assert re.search(rf"^content/{re.escape(RECOMMENDATION)}:{where}: error: .*{re.escape(message)}", stderr, re.M), stderr


def test_check_and_build_agree_and_build_warnings_point_into_the_yaml(tmp_path):
    """Links ``check`` accepts build without a MkDocs warning; a warning MkDocs still finds about a
    generated page (here a missing download file, which ``check`` leaves to the build) is printed at
    the YAML line of the link, not at the generated Markdown file the editor never wrote."""
    from conftest import make_project

    root = make_project(tmp_path / "p", FIXTURE)
    path = root / "content" / RECOMMENDATION
    good = path.read_text(encoding="utf-8").replace(
        "text: Alle Beteiligten tauschen sich im Verdachtsfall früh aus.",
        "text: |\n  Siehe [Rolle](../akteure/jugendamt.md#rolle-und-aufgaben), [Begriff](../glossar/index.md#inobhutnahme)\n"
        "  und [hier](../empfehlungen/frueh-austauschen.md#wer-ist-gefragt).")
    path.write_text(good.replace("#wer-ist-gefragt).", "#wer-ist-gefragt)\n  und [Liste](../daten/fehlt.csv)."), encoding="utf-8")
    done = bkk("build", cwd=root)
    assert done.returncode == 1
    assert re.search(rf"^content/{re.escape(RECOMMENDATION)}:7:15: error: MkDocs: .*daten/fehlt\.csv", done.stderr, re.M), done.stderr
    path.write_text(good, encoding="utf-8")
    done = bkk("build", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
