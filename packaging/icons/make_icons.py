"""Make the Windows and macOS icons of the bundle from resources/icons/contrechamp.svg.

Qt's SVG renderer draws the icon at each size (Pillow reads no SVG); Pillow writes them into
``contrechamp.ico`` (Windows: 16 to 256 pixels) and ``contrechamp.icns`` (macOS: 16 to 1024).
packaging/contrechamp.spec picks the one of the platform. Run it again after changing the SVG:
``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SVG = HERE.parents[1] / "resources" / "icons" / "contrechamp.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int) -> Image.Image:
    """The SVG drawn on a transparent square of ``size`` pixels, as a Pillow RGBA image."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    with tempfile.TemporaryDirectory() as folder:
        png = str(Path(folder) / "icon.png")
        image.save(png)
        with Image.open(png) as drawn:
            return drawn.convert("RGBA")


def main(svg: Path = SVG, out: Path = HERE) -> list[Path]:
    """Write contrechamp.ico and contrechamp.icns into ``out``; return their paths."""
    largest = render(svg, max(ICNS_SIZES))
    ico, icns = out / "contrechamp.ico", out / "contrechamp.icns"
    # Each size drawn from the vector, not scaled down from the largest: sharp small icons.
    frames = [render(svg, size) for size in ICO_SIZES]
    frames[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames)
    smaller = [render(svg, size) for size in ICNS_SIZES[:-1]]
    largest.save(icns, format="ICNS", append_images=smaller)
    return [ico, icns]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in main():
        print(f"{path}: {path.stat().st_size // 1024} KB")
