"""Findings about a generated page are said about the YAML file (and, where it can be found, the
line of the link) that the page comes from."""

from __future__ import annotations

from generator.check.validate import load_content
from generator.cli import _at_sources
from generator.page_sources import locate_message, locate_page, page_sources
from generator.postbuild.linkcheck import Broken
from generator.problems import Mark


def test_every_generated_item_page_knows_its_yaml(content):
    sources = page_sources(load_content(content))
    mark = sources["empfehlungen/frueh-austauschen.md"]
    assert mark.file.endswith("content/empfehlungen/frueh-austauschen.yaml") and mark.line == 1


def test_mkdocs_message_points_at_the_link_in_the_yaml(tmp_path):
    item = tmp_path / "x.yaml"
    item.write_text("id: x\ntext: |\n  Siehe [weg](../daten/fehlt.csv).\n", encoding="utf-8")
    sources = {"empfehlungen/x.md": Mark(str(item), 1, 1)}
    message = "Doc file 'empfehlungen/x.md' contains a link '../daten/fehlt.csv', but the target 'daten/fehlt.csv' is not found"
    assert locate_message(message, sources) == Mark(str(item), 3, 15)
    assert locate_message("Doc file 'ueber.md' contains a link 'x.md'", sources) is None  # hand-written: no YAML


def test_post_build_finding_on_a_generated_page_names_the_yaml():
    sources = {"empfehlungen/x.md": Mark("content/empfehlungen/x.yaml", 1, 1), "glossar/index.md": Mark("content/glossar/a.yaml", 1, 1)}
    assert locate_page("empfehlungen/x/index.html", sources) == Mark("content/empfehlungen/x.yaml", 1, 1)
    assert locate_page("glossar/index.html", sources) == Mark("content/glossar/a.yaml", 1, 1)
    assert locate_page("ueber/index.html", sources) is None
    text = _at_sources([Broken("empfehlungen/x/index.html", 12, "../gibt-es-nicht/", "Ziel fehlt")], sources)
    assert text == "content/empfehlungen/x.yaml:1:1: error: empfehlungen/x/index.html:12: Ziel fehlt: ../gibt-es-nicht/\n"
