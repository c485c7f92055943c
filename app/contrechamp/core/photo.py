"""Photos of cameras: what is known about one photo, independent of where it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = ["PhotoInfo", "PhotoRole"]


class PhotoRole(StrEnum):
    """What a photo shows: the camera itself, or where it is."""

    CLOSE_UP = "close_up"
    WIDE = "wide"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    """Metadata of one photo attached to a camera (the bytes live in the survey file)."""

    id: int | None
    camera_id: str | None
    sha256: str
    filename: str
    mime: str
    role: PhotoRole = PhotoRole.OTHER
    taken_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    accuracy_m: float | None = None
    heading: float | None = None
    heading_ref: str | None = None
    altitude: float | None = None
    orientation: int = 1
