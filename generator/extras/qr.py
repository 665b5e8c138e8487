"""QR codes for printed pages and slides, made offline with segno (SVG and PNG, no Pillow).

File convention: the page ``empfehlungen/x.md`` has ``qr/empfehlungen/x.svg`` and ``.png``, so
the print footer in the theme finds a page's code from its source path alone.

Encoding is the slowest step of a build (segno tries all eight masks in pure Python), so each
code is encoded once for both formats, kept in a session's memory (the live preview asks after
every save), and kept on disk in a cache folder between builds (like Material's ``.cache``): a
code depends only on its URL.
"""

from __future__ import annotations

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
MEMORY_MAX = 20000
Memory = dict[tuple[str, str], bytes]  # (format, URL) → image


def _make(code: segno.QRCode, url: str, ext: str) -> bytes:
    buf = io.BytesIO()
    if ext == "svg":
        code.save(buf, kind="svg", scale=SCALE_SVG, border=4, xmldecl=False, title=f"QR-Code: {url}", dark="#000", light="#fff")
        return buf.getvalue() + b"\n"
    code.save(buf, kind="png", scale=SCALE_PNG, border=4, dark="#000", light="#fff")
    return buf.getvalue()


class Codes:
    """QR images by URL; ``cache`` is a folder that keeps them between builds (None: none), ``memory``
    a session's images (None: this object's own)."""

    def __init__(self, cache: Path | None = None, memory: Memory | None = None):
        self.cache = Path(cache) / "qr" if cache else None
        self.memory = memory if memory is not None else {}
        self._last: tuple[str, segno.QRCode] | None = None  # a page asks for both formats in a row

    def image(self, url: str, ext: str) -> bytes:
        key = (ext, url)
        if key in self.memory:
            return self.memory[key]
        data = self._read(url, ext)
        if data is None:
            data = _make(self._encode(url), url, ext)
            self._write(url, ext, data)
        if len(self.memory) >= MEMORY_MAX:
            self.memory.clear()
        self.memory[key] = data
        return data

    def _encode(self, url: str) -> segno.QRCode:
        if self._last is None or self._last[0] != url:
            # Error correction M survives a little dirt or a fold on paper and keeps the code small.
            self._last = (url, segno.make(url, error="m", micro=False))
        return self._last[1]

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

