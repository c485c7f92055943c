"""Read the surveys to merge, and the OSM extract to compare with, before anything is written.

Every survey is someone else's file: it is opened with ``open_untrusted_readonly`` (a
corrupt, newer or hostile file is refused, the refusal naming it) and read whole, photos
aside: their bytes are copied later, one at a time (:func:`stream_photos`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from contrechamp.core.area import BBox, ExistingCamera, MapFeature
from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import ContrechampError, InputError, SurveyError
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats.held_files import refuse_held
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.ops.blur_transfer import PhotoBlur, blur_of_photos
from contrechamp.ops.camera_records import check_cameras_writable
from contrechamp.ops.names import display_name
from contrechamp.store.merge_records import SourceSurvey
from contrechamp.store.survey import SurveyFile

__all__ = [
    "SurveyToMerge",
    "area_features",
    "read_existing",
    "read_survey_to_merge",
    "stream_photos",
]


@dataclass
class SurveyToMerge:
    """One survey as read for a merge: which survey and whose, its sightings (rejected ones
    left out), their photos' metadata, sheet lines and blur regions, its area's box and
    existing cameras."""

    path: Path
    survey_id: str
    title: str
    surveyor: str | None
    created_at: datetime | None
    sightings: list[Camera]
    rejected: int
    photos: list[PhotoInfo] = field(default_factory=list)
    photos_without_bytes: int = 0
    bbox: BBox | None = None
    existing: list[ExistingCamera] = field(default_factory=list)
    sheet_lines: dict[str, str] = field(default_factory=dict)  # of its sightings, by id
    blur: PhotoBlur = field(default_factory=PhotoBlur)  # its photos' blur regions

    def source(self, merged_at: datetime) -> SourceSurvey:
        """Its record in the merged survey."""
        return SourceSurvey(self.survey_id, self.title, self.surveyor, self.created_at, merged_at)


def _named(path: Path, error: ContrechampError) -> ContrechampError:
    """The same error, its sentence led by the file's name (the one file to blame)."""
    name = display_name(path)
    detail = error.detail if error.detail.startswith(name) else f"{name}: {error.detail}"
    return type(error)(detail, error.code, subject=name)


def _refuse_output(path: Path, out: Path) -> None:
    try:
        same = out.exists() and os.path.samefile(path, out)
    except OSError:
        same = False
    if same:
        raise InputError(
            f"{display_name(path)} is the merged survey itself: give another output file",
            "merge.same_file",
        )


def _read(path: Path, survey: SurveyFile) -> SurveyToMerge:
    cameras = survey.cameras()
    check_cameras_writable(cameras, display_name(path))
    pending = {photo.photo_id for photo in survey.pending_photos()}
    taken = [c for c in cameras if c.status is not Status.REJECTED]
    wanted = {c.id for c in taken}
    photos = [p for p in survey.photos() if p.camera_id in wanted]
    stored = [p for p in photos if p.id not in pending]
    return SurveyToMerge(
        path,
        survey.survey_id or f"file:{display_name(path)}",
        survey.title or display_name(path),
        survey.surveyor,
        survey.created_at,
        taken,
        len(cameras) - len(taken),
        stored,
        sum(1 for p in photos if p.id in pending),
        survey.area_bbox(),
        survey.existing_cameras(),
        {k: v for k, v in survey.sheet_lines().items() if k in wanted},
        blur_of_photos(survey, stored),
    )


def read_survey_to_merge(path: Path, out: Path) -> SurveyToMerge:
    """Read one survey to merge into ``out``; an error names the file and changes nothing."""
    path = Path(path)
    try:
        refuse_held(path)
        _refuse_output(path, out)
        with SurveyFile.open_untrusted_readonly(path) as survey:
            return _read(path, survey)
    except (InputError, SurveyError) as error:
        raise _named(path, error) from None


def read_existing(extract: Path) -> list[ExistingCamera]:
    """The cameras already in OSM from an extract (nodes without a version are left out:
    a ``<modify>`` needs it)."""
    try:
        nodes = read_camera_nodes(Path(extract))
    except (InputError, SurveyError) as error:
        raise _named(Path(extract), error) from None
    return [
        ExistingCamera(n.id, n.version, n.lat, n.lon, dict(n.tags))
        for n in nodes
        if n.id > 0 and n.version is not None
    ]


def area_features(path: Path) -> tuple[BBox, list[MapFeature], str] | None:
    """The area of a survey to merge (box, base map, source), None if it has none."""
    try:
        with SurveyFile.open_untrusted_readonly(path) as survey:
            bbox = survey.area_bbox()
            if bbox is None:
                return None
            return bbox, survey.map_features(), survey.area_source() or display_name(path)
    except (InputError, SurveyError) as error:
        raise _named(path, error) from None


def stream_photos(
    path: Path, photos: Sequence[PhotoInfo]
) -> Iterator[tuple[PhotoInfo, bytes, bytes | None]]:
    """Yield each photo of ``photos`` with its bytes and preview, one at a time."""
    try:
        with SurveyFile.open_untrusted_readonly(path) as survey:
            for info in photos:
                # Only bytes inside the file: never a path on someone else's disk.
                if info.id is None or survey.pending_photo(info.id) is not None:
                    continue
                yield info, survey.photo_data(info.id), survey.thumbnail(info.id)
    except (InputError, SurveyError) as error:
        raise _named(path, error) from None
