"""QR codes for printed pages and slides, made offline with segno (SVG and PNG, no Pillow).

File convention: the page ``empfehlungen/x.md`` has ``qr/empfehlungen/x.svg`` and ``.png``, so
the print footer in the theme finds a page's code from its source path alone.

Encoding is the slowest step of a build (segno tries all eight masks in pure Python), so each
code is encoded once for both formats, kept in memory for the live preview, and kept on disk
in a cache folder between builds (like Material's ``.cache``): a code depends only on its URL.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import tempfile
from pathlib import Path

import segno

from ..model.paths import qr_path

SCALE_SVG = 4
SCALE_PNG = 10  # about 3 cm at 300 dpi for a typical code: sharp on slides and paper
# Everything that shapes the image: a new segno or other settings make new cache entries.
_RECIPE = f"segno {segno.__version__}; error m; border 4; svg {SCALE_SVG} #000/#fff titled; png {SCALE_PNG} #000/#fff"
_MEMORY: dict[tuple[str, str], bytes] = {}
_MEMORY_MAX = 20000


@functools.lru_cache(maxsize=256)
def _code(url: str) -> segno.QRCode:
    # Error correction M survives a little dirt or a fold on paper and keeps the code small.
    return segno.make(url, error="m", micro=False)


def _make(url: str, ext: str) -> bytes:
    buf = io.BytesIO()
    if ext == "svg":
        _code(url).save(buf, kind="svg", scale=SCALE_SVG, border=4, xmldecl=False, title=f"QR-Code: {url}",
                        dark="#000", light="#fff")
        return buf.getvalue() + b"\n"
    _code(url).save(buf, kind="png", scale=SCALE_PNG, border=4, dark="#000", light="#fff")
    return buf.getvalue()


class Codes:
    """QR images by URL; ``cache`` is a folder that keeps them between builds (None: memory only)."""

    def __init__(self, cache: Path | None = None):
        self.cache = Path(cache) / "qr" if cache else None

    def image(self, url: str, ext: str) -> bytes:
        key = (ext, url)
        if key in _MEMORY:
            return _MEMORY[key]
        data = self._read(url, ext)
        if data is None:
            data = _make(url, ext)
            self._write(url, ext, data)
        if len(_MEMORY) >= _MEMORY_MAX:
            _MEMORY.clear()
        _MEMORY[key] = data
        return data

    def svg(self, url: str) -> bytes:
        return self.image(url, "svg")

    def png(self, url: str) -> bytes:
        return self.image(url, "png")

    def files(self, md_path: str, url: str, with_png: bool = True) -> dict[str, bytes]:
        files = {qr_path(md_path, "svg"): self.svg(url)}
        if with_png:
            files[qr_path(md_path, "png")] = self.png(url)
        return files

    def _file(self, url: str, ext: str) -> Path | None:
        if self.cache is None:
            return None
        digest = hashlib.sha256(f"{_RECIPE}\n{url}".encode()).hexdigest()
        return self.cache / digest[:2] / f"{digest}.{ext}"

    def _read(self, url: str, ext: str) -> bytes | None:
        path = self._file(url, ext)
        try:
            return path.read_bytes() if path else None
        except OSError:
            return None

    def _write(self, url: str, ext: str, data: bytes) -> None:
        """Best effort and atomic: a cache that cannot be written only costs time."""
        path = self._file(url, ext)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)

