"""The bundle's Windows and macOS icons (packaging/icons, made by make_icons.py from the SVG)
hold every size those systems ask for, and the PyInstaller spec names them."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parents[2] / "packaging" / "icons"


def test_windows_icon_holds_sizes_from_16_to_256_pixels() -> None:
    with Image.open(ICONS / "contrechamp.ico") as ico:
        sizes = ico.info["sizes"]
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes


def test_macos_icon_holds_sizes_up_to_1024_pixels() -> None:
    with Image.open(ICONS / "contrechamp.icns") as icns:
        assert icns.size == (1024, 1024)
        sizes = {size[:2] for size in icns.info["sizes"]}
    assert {(16, 16), (128, 128), (256, 256), (512, 512)} <= sizes


def test_large_icon_is_the_drawing_not_an_empty_square() -> None:
    with Image.open(ICONS / "contrechamp.icns") as icns:
        colours = icns.convert("RGB").resize((32, 32)).getcolors(4096) or []
    assert len(colours) >= 4  # the blue tile, the orange field of view, the white camera


def test_spec_names_the_icons_of_each_platform() -> None:
    spec = (ICONS.parent / "contrechamp.spec").read_text(encoding="utf-8")
    assert '"icons/contrechamp.ico"' in spec
    assert '"icons/contrechamp.icns"' in spec
