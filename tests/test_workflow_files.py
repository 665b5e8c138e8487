"""The editors' safety net: pre-commit and the GitHub Actions workflow are valid and pinned."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import REPO, bkk, make_project

ROOT = Path(__file__).resolve().parent.parent


def _uses(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "uses"] + [u for v in node.values() for u in _uses(v)]
    if isinstance(node, list):
        return [u for v in node for u in _uses(v)]
    return []


def test_workflow_checks_builds_strict_and_deploys_pinned() -> None:
    text = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    flow = yaml.safe_load(text)
    jobs = flow["jobs"]
    runs = " ".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "bkk-site check --format github" in runs and "bkk-site build" in runs
    uses = _uses(jobs)
    assert {u.split("@")[0] for u in uses} >= {"actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages"}
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert flow["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build" and "refs/heads/main" in jobs["deploy"]["if"]
    checkout = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # "Stand" dates need the history


def test_build_is_strict_a_warning_fails_it(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", docs=REPO / "docs")
    (root / "docs" / "ueber.md").write_text("# Über\n\n[Kaputt](gibt-es-nicht.md)\n", encoding="utf-8")
    done = bkk("build", cwd=root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "gibt-es-nicht.md" in done.stderr and "Build fehlgeschlagen" in done.stderr
    assert "Traceback" not in done.stderr and not (root / "site").exists()


def test_pre_commit_runs_the_check() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert "check" in hooks["bkk-site-check"]["entry"] and hooks["bkk-site-check"]["pass_filenames"] is False
    assert re.search(r"^check:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert re.search(r"^schemas:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


def test_editor_guide_is_in_the_navigation() -> None:
    from bench.zensical import load_mkdocs_yml

    nav = load_mkdocs_yml(ROOT / "mkdocs.yml")["nav"]
    section = next(entry["Für die Redaktion"] for entry in nav if isinstance(entry, dict) and "Für die Redaktion" in entry)
    assert "redaktion/index.md" in str(section) and "redaktion/felder.md" in str(section)
    assert (ROOT / "docs" / "redaktion" / "index.md").exists()
    assert not (ROOT / "docs" / "redaktion" / "felder.md").exists()  # generated, never written by hand


def _build_step(jobs: dict) -> dict:
    return next(s for s in jobs["build"]["steps"] if "bkk-site build" in s.get("run", ""))


def test_deployment_build_runs_with_launch_and_after_the_offline_zip() -> None:
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))["jobs"]
    step = _build_step(jobs)
    assert "$BKK_LAUNCH" in step["run"]
    flag = step["env"]["BKK_LAUNCH"]
    assert "--launch" in flag and "refs/heads/main" in flag and "push" in flag  # what deploys gets the flag
    runs = [s.get("run", "") for s in jobs["build"]["steps"]]
    assert runs.index("make offline") < runs.index(step["run"])  # the page links the zip the step before built


def test_launch_build_fails_while_the_address_is_the_placeholder(tmp_path: Path) -> None:
    """What the workflow's build step runs on main, with the shipped mkdocs.yml."""
    root = make_project(tmp_path / "project")
    assert "site_url: https://bkk.example.org/" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    done = bkk("build", "--launch", cwd=root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^mkdocs\.yml:5:1: error: NOCH NICHT STARTKLAR", done.stderr, re.M)
    assert "Traceback" not in done.stderr and not (root / "site").exists()


def test_check_warns_loudly_while_the_address_is_the_placeholder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    done = bkk("check", cwd=root)
    assert done.returncode == 0, done.stderr  # a warning: editors can keep working
    assert "mkdocs.yml:5:1: warning: NOCH NICHT STARTKLAR" in done.stderr
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://bkk.example.org/", "https://bkk.kinderschutz.de/"),
                      encoding="utf-8")
    assert "STARTKLAR" not in bkk("check", cwd=root).stderr


def test_placeholder_addresses() -> None:
    from generator.check.launch import is_placeholder

    assert is_placeholder("https://bkk.example.org/") and is_placeholder("") and is_placeholder("https://x.example.com/")
    assert is_placeholder("http://localhost:8000/") and is_placeholder("https://bkk.test/")
    assert not is_placeholder("https://bkk.ecpat.de/") and not is_placeholder("https://example-verein.de/")
