"""bkk-site new: a valid file with every field, a comment for each, in the right place."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.check.advice import PLACEHOLDER, advise, schema_line
from generator.check.validate import load_content
from generator.cli import main
from generator.editor.scaffold import ScaffoldError, create
from generator.model.fields import describe
from generator.model.kinds import KINDS

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content"


@pytest.mark.parametrize("kind", [k for k in KINDS.values() if not k.single], ids=lambda k: k.name)
def test_new_file_is_valid_and_complete(content: Path, kind) -> None:
    path = create(kind.name, f"neu-{kind.folder}", content, today=dt.date(2026, 5, 3))
    assert path == content / kind.folder / f"neu-{kind.folder}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == schema_line(kind)
    for field in describe(kind.model):
        assert f"\n{field.name}:" in text or f"\n# {field.name}:" in text, field.name
        assert field.description.split(" ")[0] in text  # its German comment
    checked = load_content(content)  # raises on any error
    assert f"neu-{kind.folder}" in checked.items(kind.name) or kind.name == "indicator_category"
    placeholders = [p for p in advise(checked, content) if PLACEHOLDER in p.message]
    assert all(p.mark.file.endswith(f"neu-{kind.folder}.yaml") for p in placeholders)


def test_single_kind_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "video.yaml").unlink()
    path = create("video", "erklaervideo", content)
    assert path == content / "video.yaml"
    assert load_content(content).single("video").id == "erklaervideo"


def test_refuses_existing_files_and_bad_ids(content: Path) -> None:
    with pytest.raises(ScaffoldError, match="gibt es schon"):
        create("recommendation", "frueh-austauschen", content)
    with pytest.raises(ScaffoldError, match="keine gültige ID.*Vorschlag: „fruehe-hilfe“"):
        create("recommendation", "Frühe Hilfe", content)
    with pytest.raises(ScaffoldError, match="reserviert"):
        create("recommendation", "index", content)
    with pytest.raises(ScaffoldError, match="Meinten Sie „recommendation“"):
        create("recomendation", "x", content)
    with pytest.raises(ScaffoldError) as held:  # a kind inside another kind's files: said from its Kind row
        create("indicator", "x", content)
    assert str(held.value) == ("Indikatoren stehen in der Datei ihrer Kategorie (content/indikatoren/<kategorie>.yaml). "
                               "Ergänzen Sie dort einen Eintrag unter „indicators:“ oder legen Sie mit "
                               "„bkk-site new indicator_category <id>“ eine neue Kategorie an.")


def test_a_page_reference_names_an_existing_page(content: Path) -> None:
    path = create("seminar", "neues-seminar", content)
    assert 'items: ["empfehlungen/frueh-austauschen"]' in path.read_text(encoding="utf-8")  # a page with a short URL first


def test_cli_new_accepts_folder_names(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "empfehlungen", "zweite-empfehlung", "--content", str(content)]) == 0
    assert "Angelegt:" in capsys.readouterr().out
    text = (content / "empfehlungen" / "zweite-empfehlung.yaml").read_text(encoding="utf-8")
    assert "label: E-02" in text  # the next free label
    assert main(["new", "empfehlungen", "zweite-empfehlung", "--content", str(content)]) == 1
    assert "gibt es schon" in capsys.readouterr().err
    assert main(["check", "--content", str(content)]) == 0
