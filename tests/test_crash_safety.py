"""A build killed at any moment leaves ``site/`` as the old or the new complete site; the next
build cleans up; two builds never run into each other (issue 15.4).

Kills are real SIGKILLs: at named points inside the build (``BKK_TEST_CRASH_AT``, the build
kills itself there) and at moments spread over a running build (from outside, by time).
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURE, bkk, make_project
from test_atomic_build import tree_hash

POINTS = ["locked", "checked", "generated", "built", "verified", "exchanged", "published"]
TIMED_KILLS = 6  # moments spread over one build's duration


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0", **extra}
    env.pop("BKK_CONTENT", None)
    return env


def _run(root: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, env=_env(**extra),
                          capture_output=True, text=True, timeout=300, check=False)


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """A project with site A published, its content changed to B, and the hash of both complete sites."""
    root = make_project(tmp_path_factory.mktemp("crash"), FIXTURE)
    done = bkk("build", cwd=root)
    assert done.returncode == 0, done.stderr
    old = tree_hash(root / "site")
    page = root / "content" / "phasen" / "erkennen.yaml"
    page.write_text(page.read_text(encoding="utf-8").replace("title: ", "title: Neu – ", 1), encoding="utf-8")
    return root, old


def _is_whole(root: Path, allowed: set[str]) -> str:
    assert (root / "site").is_dir(), "site/ fehlt"
    digest = tree_hash(root / "site")
    assert digest in allowed, "site/ ist weder die alte noch die neue vollständige Website"
    return digest


def test_kill_at_every_point_leaves_old_or_new_site(sites):
    root, old = sites
    seen = []
    for point in POINTS:
        done = _run(root, BKK_TEST_CRASH_AT=point)
        assert done.returncode == -signal.SIGKILL, f"{point}: der Build wurde nicht abgebrochen\n{done.stderr}"
        seen.append((point, tree_hash(root / "site") if (root / "site").is_dir() else None))
    done = _run(root)
    assert done.returncode == 0, done.stderr
    new = tree_hash(root / "site")
    assert new != old
    assert _leftovers(root) == [], "der nächste Build räumt Reste abgebrochener Builds auf"
    for point, digest in seen:
        assert digest in (old, new), f"nach SIGKILL bei „{point}“ ist site/ weder alt noch neu vollständig"
    # before the exchange the old site stays; from the exchange on it is the new one
    assert [d == new for _, d in seen] == [p in ("exchanged", "published") for p in POINTS]


def test_kill_at_moments_spread_over_a_build(sites):
    root, old = sites
    done = _run(root)  # the new site, and how long a build takes here
    assert done.returncode == 0
    new = tree_hash(root / "site")
    started = time.monotonic()
    _run(root)
    duration = time.monotonic() - started
    page = root / "content" / "phasen" / "erkennen.yaml"
    texts = [page.read_text(encoding="utf-8").replace("title: Neu – ", "title: ", 1), page.read_text(encoding="utf-8")]
    for i in range(TIMED_KILLS):
        page.write_text(texts[i % 2], encoding="utf-8")  # every killed build would change the site
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root, env=_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(duration * (i + 0.5) / TIMED_KILLS)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        _is_whole(root, {old, new})
    page.write_text(texts[1], encoding="utf-8")
    assert _run(root).returncode == 0
    assert _leftovers(root) == []
    assert tree_hash(root / "site") == new


def test_fallback_without_exchange_recovers_at_the_next_build(sites):
    """Where the system cannot exchange two folders, a kill between the two renames strands the old
    site beside an empty place; the next build puts it back first, even if that build then fails."""
    root, _ = sites
    assert _run(root).returncode == 0
    before = tree_hash(root / "site")
    done = _run(root, BKK_TEST_CRASH_AT="between-renames", BKK_TEST_NO_EXCHANGE="1")
    assert done.returncode == -signal.SIGKILL
    assert not (root / "site").exists()  # the gap the exchange closes on Linux
    page = root / "content" / "phasen" / "erkennen.yaml"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("order: 10", "order: zehn"), encoding="utf-8")
    try:
        done = _run(root)
        assert done.returncode == 1
    finally:
        page.write_text(good, encoding="utf-8")
    assert tree_hash(root / "site") == before
    assert _leftovers(root) == []


def test_second_build_waits_for_the_first(sites):
    root, _ = sites
    assert _run(root).returncode == 0
    before = tree_hash(root / "site")
    fd = os.open(root / ".site.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a first build holds the lock
    err = root / "second.err"
    with err.open("w") as stream:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root, env=_env(), stdout=subprocess.DEVNULL,
                                stderr=stream)
    try:
        deadline = time.monotonic() + 30
        while "wartet" not in err.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Ein anderer Build schreibt gerade" in err.read_text(encoding="utf-8")
        time.sleep(1)
        assert proc.poll() is None, "der zweite Build wartet, statt loszulegen"
        assert tree_hash(root / "site") == before and _leftovers(root) == []
    finally:
        os.close(fd)  # the first build ends
    assert proc.wait(timeout=300) == 0, err.read_text(encoding="utf-8")


def test_leftovers_of_a_killed_build_are_removed(sites):
    root, _ = sites
    (root / ".site-new-abgebrochen").mkdir()
    (root / ".site-new-abgebrochen" / "index.html").write_text("halb", encoding="utf-8")
    (root / ".site-old").mkdir()
    done = _run(root)
    assert done.returncode == 0, done.stderr
    assert _leftovers(root) == []
