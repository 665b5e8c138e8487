"""State is explicit (issue 14.4): what one run learns is kept in a session that is passed along,
never in module globals. A build gets a fresh one, the live preview keeps one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.check import validate
from generator.generate import Session, generate

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
FIXTURE = Path(__file__).parent / "fixtures" / "content"

# Memos of pure functions of the code (models, templates, catalogs: the same answer for any content),
# and of how a path is shown in messages.
PURE_MEMOS = {
    ("model/fields.py", "_markdown_fields"), ("model/items.py", "translated_fields"), ("model/items.py", "_ref_fields"),
    ("extras/opendata.py", "_item_schema_json"), ("extras/files.py", "_html_environment"),
    ("render/pages.py", "environment"), ("render/svg.py", "environment"), ("render/language.py", "catalog"),
    ("render/language.py", "_months"), ("render/fields.py", "field_reference"), ("problems.py", "_display_path"),
}
HOLDERS = {"mkdocs/preview.py"}  # ``current``: the one object ``serve`` keeps (MkDocs reloads hook files)


def _modules():
    for path in sorted(GENERATOR.rglob("*.py")):
        yield path.relative_to(GENERATOR).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _empty_container(node: ast.expr | None) -> bool:
    if isinstance(node, (ast.Dict, ast.List, ast.Set)):
        return not (node.keys if isinstance(node, ast.Dict) else node.elts)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("dict", "list", "set", "defaultdict")


def test_no_module_keeps_state_in_globals() -> None:
    found = []
    for name, tree in _modules():
        for stmt in tree.body:
            value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
            if _empty_container(value):
                found.append(f"{name}:{stmt.lineno}: a module-level container filled at run time")
        for node in ast.walk(tree):
            if isinstance(node, ast.Global) and name not in HOLDERS:
                found.append(f"{name}:{node.lineno}: global {', '.join(node.names)}")
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for deco in node.decorator_list:
                    text = ast.unparse(deco)
                    if ("cache" in text) and (name, node.name) not in PURE_MEMOS:
                        found.append(f"{name}:{node.lineno}: {text} on {node.name} (keep it in the session)")
    assert not found, "\n".join(found)


def test_the_memo_list_names_only_what_exists() -> None:
    """The allowance above shrinks with the code: a removed memo must leave the list too."""
    present = {(name, node.name) for name, tree in _modules() for node in ast.walk(tree)
               if isinstance(node, ast.FunctionDef) and any("cache" in ast.unparse(d) for d in node.decorator_list)}
    assert present == PURE_MEMOS


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Every content file the loader parses."""
    seen: list[str] = []
    real = validate.parse

    def counting(text, shown):
        seen.append(shown)
        return real(text, shown)

    monkeypatch.setattr(validate, "parse", counting)
    return seen


def test_a_run_without_a_session_starts_from_nothing(parses: list[str]) -> None:
    generate(FIXTURE, None)
    once = len(parses)
    assert once > 10
    generate(FIXTURE, None)
    assert len(parses) == 2 * once, "a second run must not find what the first one parsed"


def test_a_session_keeps_what_it_learned(parses: list[str]) -> None:
    session = Session()
    generate(FIXTURE, None, session=session)
    once = len(parses)
    again = generate(FIXTURE, None, session=session)
    assert len(parses) == once, "unchanged files are not parsed again within one session"
    assert again.files == generate(FIXTURE, None).files  # and the output is the same
