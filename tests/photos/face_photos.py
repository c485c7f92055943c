"""Photos with and without faces, made from the images scikit-image ships (no binary blobs):
the astronaut (Eileen Collins, a public-domain NASA portrait), heads pasted onto a brick
façade at known places, and the bare façade."""

from __future__ import annotations

import io

from PIL import Image

ASTRONAUT_HEAD = (160, 30, 290, 190)
"""Where the astronaut's head is in ``data.astronaut()`` (left, top, right, bottom)."""


def astronaut() -> Image.Image:
    """The 512 × 512 astronaut portrait."""
    from skimage import data

    return Image.fromarray(data.astronaut())


def facade(size: tuple[int, int] = (2000, 1500)) -> Image.Image:
    """A plain brick façade: scikit-image's brick texture tiled over ``size``."""
    from skimage import data

    tile = Image.fromarray(data.brick()).convert("RGB").resize((500, 500))
    wall = Image.new("RGB", size)
    for x in range(0, size[0], 500):
        for y in range(0, size[1], 500):
            wall.paste(tile, (x, y))
    return wall


def street_photo(heads: list[tuple[int, int, int]]) -> Image.Image:
    """The façade with the astronaut's head pasted at each (left, top, height)."""
    photo = facade()
    head = astronaut().crop(ASTRONAUT_HEAD)
    for left, top, height in heads:
        width = round(height * head.width / head.height)
        photo.paste(head.resize((width, height)), (left, top))
    return photo


def encoded(image: Image.Image, fmt: str = "JPEG", exif: Image.Exif | None = None) -> bytes:
    """The image as a file's bytes (JPEG at quality 95 by default), with EXIF if given."""
    out = io.BytesIO()
    options: dict[str, object] = {"quality": 95} if fmt == "JPEG" else {}
    if exif is not None:
        options["exif"] = exif.tobytes()
    image.save(out, fmt, **options)
    return out.getvalue()
