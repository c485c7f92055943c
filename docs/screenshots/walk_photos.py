"""Walk photos for the screenshots: drawn cameras with EXIF placing them in the demo area.

The guide's pictures must show photos of cameras, not of people, taken where the demo survey
is. Each camera gets a close-up and a wide shot (as walkers are asked to take), from a few
metres away and facing it, so the photo import groups them into one draft beside the camera.
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw
from tests.photos.photo_factory import make_exif

from contrechamp.core.geo import offset

__all__ = ["camera_photo", "write_walk_photos"]

SIZE = (960, 720)
WALK_START = datetime(2026, 6, 13, 10, 0, 0)
_SKY, _WALL, _GROUND = (176, 200, 222), (214, 196, 168), (128, 128, 124)


def _box_camera(draw: ImageDraw.ImageDraw, x: int, y: int, scale: float) -> None:
    """A box camera under its sun hood on a wall bracket, its lens towards the viewer."""
    s = scale
    draw.rectangle((x - 6 * s, y - 40 * s, x + 6 * s, y + 10 * s), fill=(70, 70, 72))
    draw.rounded_rectangle(
        (x - 70 * s, y - 70 * s, x + 90 * s, y - 30 * s), radius=int(8 * s), fill=(236, 236, 232)
    )
    draw.rectangle((x - 80 * s, y - 80 * s, x + 100 * s, y - 66 * s), fill=(250, 250, 246))
    draw.ellipse((x + 70 * s, y - 64 * s, x + 96 * s, y - 36 * s), fill=(30, 34, 40))


def camera_photo(seed: int, wide: bool) -> Image.Image:
    """A drawn photo of a box camera: close up, or wide on its building to show where."""
    image = Image.new("RGB", SIZE, _SKY)
    draw = ImageDraw.Draw(image)
    tint = (seed * 23) % 40
    if wide:
        draw.rectangle((0, 520, SIZE[0], SIZE[1]), fill=_GROUND)
        draw.rectangle((120, 80, 840, 520), fill=(_WALL[0] - tint, _WALL[1] - tint, _WALL[2]))
        for column in range(5):
            for row in range(3):
                left, top = 170 + column * 135, 120 + row * 130
                draw.rectangle((left, top, left + 70, top + 90), fill=(84, 98, 112))
        _box_camera(draw, 230 + (seed % 4) * 120, 500, 0.45)
    else:
        draw.rectangle((0, 300, SIZE[0], SIZE[1]), fill=(_WALL[0] - tint, _WALL[1], _WALL[2]))
        _box_camera(draw, 430 + (seed % 3) * 40, 520, 2.6)
    return image


def _jpeg(image: Image.Image, exif: Image.Exif) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def write_walk_photos(folder: Path, cameras: list[tuple[float, float]]) -> Path:
    """Into ``folder``: a wide shot and a close-up of each camera at (lat, lon), taken 12 and
    6 m away facing it, then one photo without a position (to place by hand)."""
    folder.mkdir(parents=True, exist_ok=True)
    taken = WALK_START
    for n, (lat, lon) in enumerate(cameras):
        heading = (30.0 + 70.0 * n) % 360.0  # the walker faces the camera
        # The wide shot first, then a step closer and zoomed in, as the import expects.
        for role, metres, focal in (("wide", 12.0, 24), ("close", 6.0, 70)):
            at = offset(lat, lon, (heading + 180.0) % 360.0, metres)
            exif = make_exif(
                lat=at[0],
                lon=at[1],
                heading=heading,
                accuracy_m=5.0,
                taken_at=taken,
                focal_35mm=focal,
            )
            photo = camera_photo(n, wide=role == "wide")
            (folder / f"IMG_{n + 1:02d}_{role}.jpg").write_bytes(_jpeg(photo, exif))
            taken += timedelta(seconds=20)
        taken += timedelta(minutes=3)
    no_position = make_exif(taken_at=taken)
    (folder / "IMG_99_no_gps.jpg").write_bytes(_jpeg(camera_photo(7, wide=False), no_position))
    return folder
