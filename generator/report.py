"""Problems printed for people (text), for programs (json) and for GitHub Actions (annotations).

One list of problems, three shapes: the text shape is the design contract
``FILE:LINE:COL: error: MESSAGE`` with the source line and an indented hint.
"""

from __future__ import annotations

import json

from .problems import Problem, source_line

FORMATS = ("text", "json", "github")


def summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append("1 Fehler" if errors == 1 else f"{errors} Fehler")
    if warnings:
        parts.append("1 Warnung" if warnings == 1 else f"{warnings} Warnungen")
    return (" und ".join(parts) + " gefunden.") if parts else "Keine Probleme gefunden."


def as_text(problems: list[Problem]) -> str:
    return "\n".join(p.format() for p in problems)


def as_json(problems: list[Problem]) -> str:
    """A stable, documented shape: one object per problem, sorted like the text output."""
    rows = [{
        "file": p.mark.file, "line": p.mark.line, "col": p.mark.col, "severity": p.severity,
        "message": p.message, "hint": p.hint, "source": source_line(p.mark.file, p.mark.line),
    } for p in problems]
    return json.dumps({"problems": rows, "errors": sum(r["severity"] == "error" for r in rows),
                       "warnings": sum(r["severity"] == "warning" for r in rows)}, ensure_ascii=False, indent=2)


def _escape_data(value: str) -> str:
    """Workflow-command message escaping: %, CR and LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """Property values additionally escape the separators ':' and ','."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    command = "error" if problem.severity == "error" else "warning"
    props = ",".join([
        f"file={_escape_property(problem.mark.file)}", f"line={problem.mark.line}", f"col={problem.mark.col}",
        f"title={_escape_property('Inhalt: ' + ('Fehler' if command == 'error' else 'Warnung'))}",
    ])
    message = problem.message + (f"\n{problem.hint}" if problem.hint else "")
    return f"::{command} {props}::{_escape_data(message)}"


def as_github(problems: list[Problem]) -> str:
    return "\n".join(github_annotation(p) for p in problems)


def render(problems: list[Problem], fmt: str) -> str:
    return {"text": as_text, "json": as_json, "github": as_github}[fmt](problems)
