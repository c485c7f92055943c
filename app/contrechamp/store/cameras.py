"""Cameras in the survey file: add, update, delete, list and count."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import bindparam, delete, func, insert, literal_column, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnClause

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import SurveyError
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import CAMERA_COLUMNS, CameraReader, camera_from_row, camera_values
from contrechamp.store.schema import cameras

__all__ = ["CameraRecords"]

_INSERT = insert(cameras)
_UPDATE = (
    update(cameras)
    .where(cameras.c.id == bindparam("old_id"))
    .values({name: bindparam(name) for name in CAMERA_COLUMNS if name != "id"})
)
_SELECT = select(*(cameras.c[name] for name in CAMERA_COLUMNS))
_ADDED_ORDER: ColumnClause[int] = literal_column("cameras.rowid")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that form no cycles:
    otherwise it runs again and again over them (a quarter of the time for 100k cameras).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _missing(camera_id: str) -> SurveyError:
    return SurveyError(f"No camera {camera_id!r} in this survey.", "camera.missing")


class CameraRecords(SurveyBase):
    """The cameras of a survey."""

    def add_camera(self, camera: Camera) -> None:
        """Save a new camera durably; SurveyError("camera.exists") if its id is taken."""
        with self._writing():
            try:
                self._db.conn.execute(_INSERT, camera_values(camera))
            except IntegrityError as error:
                raise SurveyError(
                    f"Camera {camera.id!r} is already in this survey.", "camera.exists"
                ) from error

    def add_cameras(self, cameras_to_add: Iterable[Camera]) -> int:
        """Save many cameras in one transaction (all or none); return how many."""
        rows = [camera_values(camera) for camera in cameras_to_add]
        if not rows:
            return 0
        with self._writing():
            try:
                self._db.conn.execute(_INSERT, rows)
            except IntegrityError as error:
                raise SurveyError(
                    "Some of these cameras are already in this survey.", "camera.exists"
                ) from error
        return len(rows)

    def update_camera(self, camera: Camera) -> None:
        """Replace the saved camera with ``camera.id``; SurveyError("camera.missing") if none."""
        values = camera_values(camera)
        values["old_id"] = values.pop("id")
        with self._writing():
            if self._db.conn.execute(_UPDATE, values).rowcount == 0:
                raise _missing(camera.id)

    def delete_camera(self, camera_id: str) -> None:
        """Delete a camera (its photos stay, detached); SurveyError("camera.missing") if absent."""
        with self._writing():
            result = self._db.conn.execute(delete(cameras).where(cameras.c.id == camera_id))
            if result.rowcount == 0:
                raise _missing(camera_id)

    def camera(self, camera_id: str) -> Camera:
        """Return one camera; SurveyError("camera.missing") if absent."""
        row = self._run(_SELECT.where(cameras.c.id == camera_id)).first()
        if row is None:
            raise _missing(camera_id)
        return camera_from_row(row)

    def cameras(self, status: Status | None = None) -> list[Camera]:
        """Return every camera, or those with ``status``, in the order they were added."""
        statement = _SELECT if status is None else _SELECT.where(cameras.c.status == status.value)
        rows = self._all(statement.order_by(_ADDED_ORDER))
        read = CameraReader()
        with _collector_paused():
            return [read(row) for row in rows]

    def camera_counts(self) -> dict[Status, int]:
        """Return how many cameras have each status (every status present, zero included)."""
        counts = dict.fromkeys(Status, 0)
        statement = select(cameras.c.status, func.count()).group_by(cameras.c.status)
        for status, count in self._run(statement):
            try:
                counts[Status(status)] = count
            except ValueError as error:
                raise SurveyError(
                    f"Bad status {status!r} in the survey file.", "survey.corrupt"
                ) from error
        return counts
