"""Put a built site in place in one atomic step, one build at a time, and clean up after a crash.

On Linux the new tree and ``site/`` trade places with one ``renameat2(RENAME_EXCHANGE)``: at
every instant ``site/`` is a complete directory, the old or the new one, even if the build is
killed. Where the system cannot exchange (another OS, a file system without support), two
renames remain, and the next build puts a stranded old site back before anything else.
A lock file next to the site keeps a second build waiting until the first is done.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _leftover_prefix(site: Path) -> str:
    return f".{site.name}-new-"


def _old(site: Path) -> Path:
    return site.with_name(f".{site.name}-old")


def lock_path(site: Path) -> Path:
    return site.with_name(f".{site.name}.lock")


@contextlib.contextmanager
def locked(site: Path) -> Iterator[None]:
    """Hold the site's lock for the whole build; a second build says it waits, then waits.

    The system releases the lock when the process ends, also when it is killed.
    """
    site.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(site), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Ein anderer Build schreibt gerade nach {site}; dieser Build wartet, bis er fertig ist …",
                  file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def recover(site: Path) -> list[str]:
    """Undo what a killed build left (call under the lock): a stranded old site goes back, temporary trees go."""
    cleaned = []
    old = _old(site)
    if old.is_dir() and not os.path.lexists(site):
        old.rename(site)  # killed between the two renames of the fallback: the old site is whole
        cleaned.append(old.name)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
        cleaned.append(old.name)
    for path in site.parent.glob(_leftover_prefix(site) + "*"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            cleaned.append(path.name)
    return cleaned


def new_tree(site: Path) -> Path:
    """An empty folder next to the site, on the same file system, for the build to fill."""
    return Path(tempfile.mkdtemp(prefix=_leftover_prefix(site), dir=site.parent))


def crash_point(name: str) -> None:
    """Test hook: ``BKK_TEST_CRASH_AT=<name>`` kills the build here with SIGKILL, as a power cut would.

    Without the variable this does nothing; tests/test_crash_safety.py kills builds at every point.
    """
    if os.environ.get("BKK_TEST_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when this system cannot (the caller falls back)."""
    if not sys.platform.startswith("linux") or os.environ.get("BKK_TEST_NO_EXCHANGE"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def publish(new: Path, site: Path) -> None:
    """Make ``new`` the site in one step; afterwards ``new`` is gone (it held the old site)."""
    if not os.path.lexists(site):
        new.rename(site)
        return
    if _exchange(new, site):
        crash_point("exchanged")
        shutil.rmtree(new, ignore_errors=True)
        return
    old = _old(site)  # fallback: two renames; recover() repairs a crash between them
    shutil.rmtree(old, ignore_errors=True)
    site.rename(old)
    crash_point("between-renames")
    try:
        new.rename(site)
    except BaseException:
        old.rename(site)
        raise
    shutil.rmtree(old, ignore_errors=True)
