"""The loader refuses what content never needs and says where, in the editor's terms."""

from __future__ import annotations

import pytest

from generator.load import MAX_BYTES, decode, parse
from generator.problems import ContentError


def problem_of(text: str):
    with pytest.raises(ContentError) as info:
        parse(text, "x.yaml")
    assert len(info.value.problems) == 1
    return info.value.problems[0]


def test_plain_data_and_marks():
    doc = parse("id: a\nlist:\n  - 1\n  - yes\n  - 2018-10-18\n  - 'true'\n", "x.yaml")
    assert doc.data == {"id": "a", "list": [1, "yes", "2018-10-18", "true"]}
    assert (doc.marks[("list", 1)].line, doc.marks[("list", 1)].col) == (4, 5)
    assert doc.key_marks[("list",)].line == 2


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: a\nid: b\n", 2, "doppelt"),
        ("id: a\nx: &anker 1\n", 2, "Anker"),
        ("id: a\nx: !!python/object/apply:os.system [ls]\n", 2, "Typangaben"),
        ("a: 1\nb:\n\t- 2\n", 3, "Tabulator"),
        ("a: [1, 2\nb: 3\n", 2, "Syntaxfehler"),
        ("a: 1\n---\nb: 2\n", 2, "mehrere YAML-Dokumente"),
        ("a:\n  b: 1\n c: 2\n", 3, "Syntaxfehler"),
    ],
)
def test_rejections_point_at_the_line(text, line, words):
    problem = problem_of(text)
    assert problem.mark.line == line
    assert words in problem.message


def test_alias_bomb_is_refused_before_expansion():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    assert "Anker" in problem_of(bomb).message


def test_deep_nesting_is_refused_without_recursion_error():
    assert "verschachtelt" in problem_of("a: " + "[" * 500 + "]" * 500).message


def test_bom_and_crlf_are_accepted():
    text = decode("\ufeffid: a\r\ntitle: Ä\r\n".encode(), "x.yaml")
    assert parse(text, "x.yaml").data == {"id": "a", "title": "Ä"}


def test_non_utf8_reports_the_byte_position():
    with pytest.raises(ContentError) as info:
        decode(b"id: a\ntitle: caf\xe9\n", "x.yaml")
    problem = info.value.problems[0]
    assert (problem.mark.line, problem.mark.col) == (2, 11)
    assert "UTF-8" in problem.message


def test_nul_and_size_limits():
    with pytest.raises(ContentError, match="NUL"):
        decode(b"id: a\x00\n", "x.yaml")
    with pytest.raises(ContentError, match="zu groß"):
        decode(b"#" * (MAX_BYTES + 1), "x.yaml")
