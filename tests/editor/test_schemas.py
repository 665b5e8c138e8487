"""Editor schemas: derived from the models, committed, and checked by an independent validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.check.advice import SCHEMA_PREFIX, schema_line
from generator.check.validate import content_files
from generator.editor.schemas import render_schemas
from generator.load import load_file
from generator.model.items import Chapter, Edition, Indicator, Instrument

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "content"
SHIPPED = ROOT / "content"
FOLDERS = [FIXTURE] + ([SHIPPED] if SHIPPED.is_dir() else [])


def _validator(kind_name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / f"{kind_name}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_committed_schemas_are_up_to_date() -> None:
    wanted = render_schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.schema.json")}
    assert on_disk == wanted, "schemas/ ist veraltet: `bkk-site schemas` (oder `make schemas`) ausführen und committen"


def test_every_field_has_a_german_description() -> None:
    from generator.model.kinds import KINDS

    for model in [k.model for k in KINDS.values()] + [Edition, Instrument, Chapter, Indicator]:
        missing = [name for name, info in model.model_fields.items() if not info.description]
        assert not missing, f"{model.__name__}: Feld ohne description: {missing}"
    text = "\n".join(render_schemas().values())
    assert "A recommendation for practice" not in text  # English docstrings stay out of the editor


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_files_validate_against_their_schema(folder: Path) -> None:
    files = content_files(folder)
    assert files
    for kind, path in files:
        data = load_file(path, str(path)).data  # the loader's own scalar rules (dates stay text)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(kind.name).iter_errors(data)]
        assert not errors, f"{path}: {errors}"
        if folder == SHIPPED:  # every shipped file points its editor at the right schema
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == schema_line(kind), f"{path}: erste Zeile {first!r}"
            target = (path.parent / first.removeprefix(SCHEMA_PREFIX)).resolve()
            assert target == (ROOT / "schemas" / f"{kind.name}.schema.json").resolve() and target.exists()


def test_unknown_field_fails_the_schema(tmp_path: Path) -> None:
    src = FIXTURE / "empfehlungen" / "frueh-austauschen.yaml"
    bad = tmp_path / "frueh-austauschen.yaml"
    bad.write_text(src.read_text(encoding="utf-8") + "autor: jemand\n", encoding="utf-8")
    errors = list(_validator("recommendation").iter_errors(load_file(bad, str(bad)).data))
    assert errors and "autor" in errors[0].message


def test_nested_unknown_field_and_wrong_enum_fail(tmp_path: Path) -> None:
    bad = tmp_path / "dokumente.yaml"
    text = (FIXTURE / "indikatoren" / "dokumente.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("    provenance: related", "    provenance: relatedd\n    farbe: rot"), encoding="utf-8")
    messages = " ".join(e.message for e in _validator("indicator_category").iter_errors(load_file(bad, str(bad)).data))
    assert "farbe" in messages and "relatedd" in messages


def test_a_bare_year_is_a_valid_partial_date() -> None:
    validator = _validator("source")
    base = {"id": "x", "title": "T", "publisher": "P", "provenance": "bkk"}
    assert not list(validator.iter_errors({**base, "date": 2019}))
    assert not list(validator.iter_errors({**base, "date": "2019-10"}))
    assert list(validator.iter_errors({**base, "date": "19.10.2019"}))
