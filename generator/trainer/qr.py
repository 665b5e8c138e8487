"""QR codes for printed pages and slides, made offline with segno (SVG and PNG, no Pillow).

File convention: the page ``empfehlungen/x.md`` has ``qr/empfehlungen/x.svg`` and ``.png``, so
the print footer in the theme finds a page's code from its source path alone.
"""

from __future__ import annotations

import io

import segno

SCALE_SVG = 4
SCALE_PNG = 10  # about 3 cm at 300 dpi for a typical code: sharp on slides and paper


def qr_path(md_path: str, ext: str = "svg") -> str:
    return "qr/" + md_path.removesuffix(".md") + "." + ext


def _code(url: str) -> segno.QRCode:
    # Error correction M survives a little dirt or a fold on paper and keeps the code small.
    return segno.make(url, error="m", micro=False)


def svg(url: str) -> bytes:
    buf = io.BytesIO()
    _code(url).save(buf, kind="svg", scale=SCALE_SVG, border=4, xmldecl=False, title=f"QR-Code: {url}",
                    dark="#000", light="#fff")
    return buf.getvalue() + b"\n"


def png(url: str) -> bytes:
    buf = io.BytesIO()
    _code(url).save(buf, kind="png", scale=SCALE_PNG, border=4, dark="#000", light="#fff")
    return buf.getvalue()


def qr_files(md_path: str, url: str, with_png: bool = True) -> dict[str, bytes]:
    files = {qr_path(md_path, "svg"): svg(url)}
    if with_png:
        files[qr_path(md_path, "png")] = png(url)
    return files
