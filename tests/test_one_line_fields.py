"""One-line fields (titles, names, terms, labels) hold one line of visible text; Markdown fields no
bidirectional controls. Declared once on the model's ``Text`` and ``Markdown`` types."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import TypeAdapter, ValidationError

from generator.model.fields import describe_field
from generator.model.items import Markdown, Text
from generator.model.kinds import ALL_KINDS

ONE_LINE = TypeAdapter(Text)
MARKDOWN = TypeAdapter(Markdown)
ONE_LINE_NAMES = {"title", "term", "short_title", "short", "citation", "instrument", "publisher", "name", "summary", "text",
                  "language", "abbreviation", "role_prompt"}
BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]


@pytest.mark.parametrize("value", ["Früh austauschen\n# Überschrift", "a\rb", "a\u2028b", "a\u2029b", "a\x85b", "a\x0bb"])
def test_one_line_field_refuses_line_breaks(value):
    with pytest.raises(ValidationError, match="Zeilenumbrüche"):
        ONE_LINE.validate_python(value)


@pytest.mark.parametrize("code", [*BIDI, 0x200B, 0x200E, 0x00AD, 0xFEFF, 0x0007, 0x0009, 0x001B, 0x009B])
def test_one_line_field_refuses_control_and_format_characters(code):
    with pytest.raises(ValidationError, match=f"U\\+{code:04X}"):
        ONE_LINE.validate_python(f"Früh {chr(code)}austauschen")


@pytest.mark.parametrize("code", BIDI)
def test_markdown_field_refuses_bidi_controls(code):
    with pytest.raises(ValidationError, match=f"U\\+{code:04X}"):
        MARKDOWN.validate_python(f"Erster Absatz.\n\nZweiter {chr(code)}Absatz.")


def test_ordinary_text_still_passes():
    assert ONE_LINE.validate_python("  Jugendamt (§ 42 SGB VIII) – „Inobhutnahme“ · ½ é ß 😀  ") == \
        "Jugendamt (§ 42 SGB VIII) – „Inobhutnahme“ · ½ é ß 😀"
    text = "Erster Absatz mit **fett**.\n\n- Liste\n- mit\tTab\n\n[Link](../akteure/jugendamt/)"
    assert MARKDOWN.validate_python(text) == text


def test_every_name_like_field_is_one_line():
    """The rule lives on the type: every title, term, name, citation … field refuses a line break."""
    checked = 0
    for kind in ALL_KINDS.values():
        for name, info in kind.model.model_fields.items():
            if name in ONE_LINE_NAMES and describe_field(name, info).type_text == "Text":
                adapter = TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)
                with pytest.raises(ValidationError, match="Zeilenumbrüche"):
                    adapter.validate_python("Titel\n# Überschrift")
                checked += 1
    assert checked >= 15
