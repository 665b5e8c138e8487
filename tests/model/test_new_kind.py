"""A new kind of content is one model class, one ``Kind`` row and one template, nothing else.

The test declares a kind the code has never seen (``workshop``), adds one file of it to the
fixture content, and finds its page, its list page, its search words, its data export, its
editor schema and its ``bkk-site new`` template, without any other module knowing the name.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pydantic import Field

from generator.editor.scaffold import create
from generator.editor.schemas import render_schemas
from generator.generate import generate
from generator.model import kinds
from generator.model.items import Item, Text
from generator.render import pages

TEMPLATE = """# {{ item.title }}

{{ item.summary }}
"""


class Workshop(Item):
    """A practice workshop (only in this test)."""

    title: Text = Field(description="Titel des Workshops.")
    summary: Text = Field(description="Worum es geht.")


WORKSHOP = kinds.Kind("workshop", Workshop, "workshops", "Workshop", lambda w: w.title, body=("summary",),
                      description="summary", index=("kind_index.md.j2", "Workshops"))


@pytest.fixture
def with_workshops(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: Path) -> Path:
    """The one row (in the tables the code reads it from) and the one template (beside the others)."""
    for table in (kinds.KINDS, kinds.ALL_KINDS):
        monkeypatch.setitem(table, "workshop", WORKSHOP)
    monkeypatch.setitem(kinds.KIND_BY_FOLDER, "workshops", WORKSHOP)
    monkeypatch.setitem(kinds._KIND_OF_MODEL, Workshop, WORKSHOP)
    templates = tmp_path / "templates"
    shutil.copytree(pages.TEMPLATES, templates)
    (templates / "workshop.md.j2").write_text(TEMPLATE, encoding="utf-8")
    monkeypatch.setattr(pages, "TEMPLATES", templates)
    pages.environment.cache_clear()
    (content / "workshops").mkdir()
    (content / "workshops" / "erkennen-ueben.yaml").write_text(
        "id: erkennen-ueben\ntitle: Anzeichen erkennen üben\nsummary: Fallbeispiele in kleinen Gruppen.\n"
        "keywords: [Fallübung]\nsources: [ecpat-2021]\nprovenance: unverified\n", encoding="utf-8")
    yield content
    pages.environment.cache_clear()


def test_a_new_kind_gets_pages_index_search_export_schema_and_template(with_workshops: Path, tmp_path: Path) -> None:
    files = generate(with_workshops, None).files
    page = files["workshops/erkennen-ueben.md"]
    assert "# Anzeichen erkennen üben" in page and "Fallbeispiele in kleinen Gruppen." in page
    assert 'description: "Fallbeispiele in kleinen Gruppen."' in page
    assert 'permalink: "/workshops/erkennen-ueben/"' in page and "qr/workshops/erkennen-ueben.svg" in files
    assert "[Anzeichen erkennen üben](erkennen-ueben.md)" in files["workshops/index.md"]
    assert "*Stichwörter:* Fallübung" in page  # search words go into the page, where the site search finds them
    exported = json.loads(files["daten/workshops.json"])
    assert [w["id"] for w in exported] == ["erkennen-ueben"]
    assert "erkennen-ueben" in files["daten/workshops.csv"]
    assert "workshop.schema.json" in render_schemas()
    made = create("workshop", "zweiter-workshop", with_workshops)
    assert made == with_workshops / "workshops" / "zweiter-workshop.yaml"
    assert "title:" in made.read_text(encoding="utf-8")
