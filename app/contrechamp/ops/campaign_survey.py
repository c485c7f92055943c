"""The survey side of a campaign: what a push reads of a survey, what a pull leaves in it.

A pushed survey is someone else's file: it is opened with ``open_untrusted_readonly`` (a
corrupt, newer or hostile file is refused, naming it) and never changed by a push. A pulled
survey keeps in its settings (``campaign.pulled``) the campaign's id and, for each camera,
the revision it was pulled at: pushed back, a camera that differs from that revision comes
back as an edit of the campaign's camera, not as a new sighting. Photos leave the laptop
as exports do: faces and blur regions blurred, metadata stripped (``ops/blur.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import shapely

from contrechamp.core.area import ExistingCamera, Sector
from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError, InputError, SurveyError
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats.held_files import refuse_held
from contrechamp.formats.photo_files import sniff_mime
from contrechamp.ops.blur import PhotoScan, blurred_copy, scan_photos
from contrechamp.ops.camera_records import check_cameras_writable
from contrechamp.ops.names import display_name
from contrechamp.store.survey import SurveyFile

__all__ = [
    "PULLED_SETTING",
    "PulledFrom",
    "SharedPhoto",
    "SurveyToPush",
    "camera_photos",
    "read_survey_to_push",
    "scan_faces",
    "shared_photos",
]

PULLED_SETTING = "campaign.pulled"


@dataclass(frozen=True)
class PulledFrom:
    """Which campaign a survey was pulled from, and the revision of each camera pulled."""

    campaign_id: str
    revisions: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        """The setting's text."""
        return json.dumps(
            {"campaign_id": self.campaign_id, "revisions": self.revisions}, separators=(",", ":")
        )

    @classmethod
    def from_json(cls, text: str | None) -> PulledFrom | None:
        """Read the setting (None when absent or not as written by a pull: the file is
        untrusted, and a survey that does not say where it came from is pushed as new)."""
        try:
            data = json.loads(text) if text else None
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("campaign_id"), str):
            return None
        revisions = data.get("revisions")
        if not isinstance(revisions, dict):
            return None
        kept = {
            k: v for k, v in revisions.items() if type(v) is int and v > 0 and isinstance(k, str)
        }
        return cls(data["campaign_id"], kept)


@dataclass
class SurveyToPush:
    """One survey as read for a push: whose, every camera, the photos whose bytes it holds,
    its sectors and OSM cameras, and the campaign it was pulled from if any."""

    path: Path
    survey_id: str
    title: str
    surveyor: str | None
    created_at: datetime | None
    cameras: list[Camera]
    photos: list[PhotoInfo] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    existing: list[ExistingCamera] = field(default_factory=list)
    pulled: PulledFrom | None = None

    def pulled_from(self, campaign_id: str) -> dict[str, int]:
        """The revisions of the cameras pulled from this campaign (none from another)."""
        if self.pulled is None or self.pulled.campaign_id != campaign_id:
            return {}
        return self.pulled.revisions


@dataclass(frozen=True, slots=True)
class SharedPhoto:
    """A photo as the campaign stores it: its metadata, the SHA-256 of the original bytes
    (how the survey knows it), and the bytes shared (blurred, EXIF stripped unless kept)."""

    info: PhotoInfo
    original_sha256: str
    sha256: str
    mime: str
    data: bytes


def _named(path: Path, error: ContrechampError) -> ContrechampError:
    name = display_name(path)
    detail = error.detail if error.detail.startswith(name) else f"{name}: {error.detail}"
    return type(error)(detail, error.code, subject=name)


def _valid_sectors(sectors: list[Sector]) -> list[Sector]:
    """The sectors that are readable polygons (a hostile file may hold anything)."""
    kept = []
    for sector in sectors:
        try:
            shape = shapely.from_wkb(sector.wkb)
        except shapely.errors.ShapelyError:
            continue
        if shape.geom_type in ("Polygon", "MultiPolygon") and shape.is_valid:
            kept.append(sector)
    return kept


def _read(path: Path, survey: SurveyFile) -> SurveyToPush:
    cameras = survey.cameras()
    check_cameras_writable(cameras, display_name(path))
    pending = {photo.photo_id for photo in survey.pending_photos()}
    return SurveyToPush(
        path,
        survey.survey_id or f"file:{display_name(path)}",
        survey.title or display_name(path),
        survey.surveyor,
        survey.created_at,
        cameras,
        [p for p in survey.photos() if p.id not in pending and p.camera_id is not None],
        _valid_sectors(survey.sectors()),
        survey.existing_cameras(),
        PulledFrom.from_json(survey.setting(PULLED_SETTING)),
    )


def read_survey_to_push(path: Path) -> SurveyToPush:
    """Read a survey to push; an error names the file and nothing is changed anywhere."""
    path = Path(path)
    try:
        refuse_held(path)
        with SurveyFile.open_untrusted_readonly(path) as survey:
            return _read(path, survey)
    except (InputError, SurveyError) as error:
        raise _named(path, error) from None


def scan_faces(path: Path, photos: list[PhotoInfo]) -> PhotoScan:
    """The regions to blur in ``photos``: faces looked for where the current detector has
    not looked yet (kept in the survey when this user may write it, as an export does), the
    regions drawn by hand. Call it before the push's transaction: it can take a while."""
    ids = [p.id for p in photos if p.id is not None]
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    opened = SurveyFile.changing if writable else SurveyFile.open_untrusted_readonly
    try:
        with opened(path) as survey:
            return scan_photos(survey, ids)
    except (InputError, SurveyError) as error:
        raise _named(path, error) from None


def shared_photos(
    path: Path, photos: list[PhotoInfo], scan: PhotoScan | None, *, keep_exif: bool = False
) -> Iterator[SharedPhoto]:
    """Yield each photo of ``photos`` as the campaign stores it, one at a time: its regions
    in ``scan`` blurred (None: not blurred), its metadata stripped unless ``keep_exif``. A
    photo that cannot be read, or whose faces could not be looked for, is left out."""
    try:
        with SurveyFile.open_untrusted_readonly(path) as survey:
            for info in photos:
                if info.id is None or (scan is not None and scan.missed(info.id)):
                    continue
                regions = [] if scan is None else scan.of(info.id)
                try:
                    original = survey.photo_data(info.id)
                    data = blurred_copy(original, regions, keep_metadata=keep_exif)
                except InputError:
                    continue
                mime = sniff_mime(data[:64]) or info.mime
                digest = hashlib.sha256(data).hexdigest()
                original_sha = hashlib.sha256(original).hexdigest()
                yield SharedPhoto(info, original_sha, digest, mime, data)
    except (InputError, SurveyError) as error:
        raise _named(path, error) from None


def camera_photos(
    photos: list[PhotoInfo], owners: Mapping[str, str], known: set[tuple[str, str]]
) -> list[PhotoInfo]:
    """The photos to push: those of cameras that have a campaign camera (``owners``: survey
    camera id -> campaign camera id), not already there (``known``: (campaign camera id,
    original SHA-256)), each once per campaign camera."""
    wanted, seen = [], set()
    for photo in photos:
        owner = owners.get(photo.camera_id or "")
        if owner is None or (owner, photo.sha256) in known or (owner, photo.sha256) in seen:
            continue
        seen.add((owner, photo.sha256))
        wanted.append(photo)
    return wanted
