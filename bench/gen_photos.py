"""Generated 12-MP phone photos: noise-textured JPEGs with GPS, heading, time and a thumbnail.

Encoding 12 MP takes Pillow a fraction of a second, so a few base images are encoded once and
every photo is one of them with its own EXIF block spliced in (each file is unique by content).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from PIL import Image

from bench.exif_blob import PhotoTags, exif_segment

__all__ = ["PHOTO_SIZE", "base_jpeg", "write_photos"]

PHOTO_SIZE = (4000, 3000)
_THUMB_SIZE = (160, 120)
_VARIANTS = 4
_START = datetime(2026, 6, 13, 9, 0, tzinfo=UTC)


def _texture(seed: int, size: tuple[int, int]) -> Image.Image:
    """A photo-like texture: smooth colour fields, mid-scale blotches and fine grain."""
    rng = np.random.default_rng(seed)
    width, height = size
    coarse = Image.fromarray(rng.integers(40, 215, (12, 16, 3), dtype=np.uint8))
    base = np.asarray(coarse.resize(size, Image.Resampling.BICUBIC), dtype=np.int16)
    blotch = Image.fromarray(rng.integers(0, 60, (height // 40, width // 40), dtype=np.uint8))
    mid = np.asarray(blotch.resize(size, Image.Resampling.BILINEAR), dtype=np.int16)[..., None]
    grain = rng.integers(-6, 7, (height, width, 1), dtype=np.int16)
    pixels = np.clip(base + mid - 30 + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "RGB")


def _encoded(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def base_jpeg(seed: int, size: tuple[int, int] = PHOTO_SIZE) -> tuple[bytes, bytes]:
    """Return (JPEG without metadata, its 160×120 thumbnail JPEG)."""
    image = _texture(seed, size)
    thumb = image.resize(_THUMB_SIZE, Image.Resampling.BILINEAR)
    return _encoded(image, 88), _encoded(thumb, 75)


def _without_app0(jpeg: bytes) -> bytes:
    """The JPEG after its SOI and JFIF APP0 segment (Pillow writes them first)."""
    if jpeg[2:4] == b"\xff\xe0":
        length = int.from_bytes(jpeg[4:6], "big")
        return jpeg[4 + length :]
    return jpeg[2:]


def write_photos(folder: Path, positions: Sequence[tuple[float, float]]) -> list[Path]:
    """Write one photo per (lat, lon) into ``folder``: phone EXIF, 12 MP, a quarter portrait."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [base_jpeg(seed) for seed in range(_VARIANTS)]
    paths = []
    for i, (lat, lon) in enumerate(positions):
        body, thumb = bases[i % _VARIANTS]
        tags = PhotoTags(
            lat=lat,
            lon=lon,
            heading=(i * 37.3) % 360,
            taken_at=_START + timedelta(seconds=i * 11),
            width=PHOTO_SIZE[0],
            height=PHOTO_SIZE[1],
            orientation=6 if i % 4 == 3 else 1,
        )
        path = folder / f"IMG_{20260613 + 0}_{i:05d}.jpg"
        path.write_bytes(b"\xff\xd8" + exif_segment(tags, thumb) + _without_app0(body))
        paths.append(path)
    return paths
