"""The flow runs one way: no module imports a later stage, and only ``generator/mkdocs`` imports MkDocs.

Read from the source (every ``import``, also inside functions), so a lazy import cannot hide a
step back. The order is the flow of a build: load → model → check → render → extras → write the
tree → postbuild checks (engine-independent, any static folder) → the MkDocs side → the command line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

# Module (or package) → its place in the flow; shared helpers come first.
STAGES: dict[str, int] = {
    "generator.problems": 0, "generator.options": 0, "generator.history": 0,
    "generator.load": 1,
    "generator.model": 2,
    "generator.check": 3,
    "generator.render": 4,
    "generator.extras": 5,
    "generator.generate": 6, "generator.write": 6,
    "generator.postbuild": 7,
    "generator.mkdocs": 8,
    "generator.report": 9, "generator.editor": 9, "generator.cli": 9, "generator.__main__": 9, "generator": 9,
}


def stage(module: str) -> int:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        name = ".".join(parts[:n])
        if name in STAGES:
            return STAGES[name]
    raise KeyError(f"{module}: no stage in tests/test_stages.py: add it to STAGES")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, name: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the file (read as module ``name`` when given)."""
    here = (name or module_name(path)).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names
                      if (PACKAGE.parent / f"{module}.{alias.name}".replace(".", "/")).with_suffix(".py").exists()]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_stage_imports_a_later_one(path: Path) -> None:
    mine = stage(module_name(path))
    later = [f"{path.relative_to(PACKAGE.parent)}:{line}: imports {module} (stage {stage(module)} > {mine})"
             for line, module in imports(path) if module.startswith("generator") and stage(module) > mine]
    assert not later, "\n".join(later)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_only_the_mkdocs_side_imports_mkdocs(path: Path) -> None:
    if module_name(path).startswith("generator.mkdocs"):
        return
    assert not [m for _line, m in imports(path) if m == "mkdocs" or m.startswith("mkdocs.")]


def test_the_check_catches_a_step_back(tmp_path: Path) -> None:
    """The reader itself: a lazy import of a later stage inside a function is found."""
    source = tmp_path / "pages.py"
    source.write_text("def f():\n    from ..extras import qr\n", encoding="utf-8")
    found = [m for _line, m in imports(source, "generator.render.pages")]
    assert "generator.extras" in found and stage("generator.extras") > stage("generator.render.pages")
