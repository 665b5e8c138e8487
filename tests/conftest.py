"""Shared helpers: a copy of the fixture content that each test may change freely, a throw-away
project (config, docs, theme, content) and the CLI in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = ROOT = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "content"
HOSTILE = REPO / "tests" / "hostile"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def overlay(target: Path, *sources: Path) -> None:
    """Copy each source tree over ``target`` (files replace files of the same path; links stay links)."""
    for source in sources:
        for path in sorted(source.rglob("*")):
            if path.name in ("README.md", "expect.txt") or not (path.is_file() or path.is_symlink()):
                continue
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if path.is_symlink():  # hostile cases: a link to a file outside the content folder
                if dest.is_symlink() or dest.is_file():
                    dest.unlink()
                elif dest.is_dir():
                    shutil.rmtree(dest)
                dest.symlink_to(os.readlink(path))
            else:
                shutil.copyfile(path, dest)


def make_project(root: Path, *content: Path, docs: Path | None = None) -> Path:
    """A project folder like the repository's, with its own content (and optionally its own docs)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "generator").symlink_to(REPO / "generator")
    # Copies, not links: a build refuses a linked docs or overrides folder (it could point anywhere).
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(docs or REPO / "docs", root / "docs")
    (root / "content").mkdir()
    overlay(root / "content", *(content or (FIXTURE,)))
    return root


def bkk(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``bkk-site`` as an editor would; a hang fails the test instead of blocking the suite."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    env.pop("BKK_CONTENT", None)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The fixture plus the valid-but-hostile overlay, built once by ``bkk-site build``."""
    root = make_project(tmp_path_factory.mktemp("hostile-site"), FIXTURE, HOSTILE / "valid")
    done = bkk("build", cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped ``content/`` built once by ``bkk-site build``, shared read-only by the tests that read it."""
    tmp = tmp_path_factory.mktemp("shipped")
    listing = tmp / "published-urls.txt"  # a build may add addresses: never touch the real list
    shutil.copyfile(ROOT / "content" / "published-urls.txt", listing)
    done = bkk("build", "--content", str(ROOT / "content"), "--site-dir", str(tmp / "site"), "--published", str(listing),
               cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return tmp / "site"
