"""One open survey in the window: cameras in memory, every edit written at once and undoable."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.sightings import NEAR_M, Nearby, nearby
from contrechamp.core.track import TrackPoint
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.undo import CameraCommand, PhotoLinkCommand

__all__ = ["SurveySession"]


class SurveySession(QObject):
    """Holds the open SurveyFile, its undo stack and the cameras shown by the window.

    Every public edit writes to the file first (durable when it returns) and only then pushes
    its undo step, so a failed write leaves nothing half-done: it raises ContrechampError.
    Undo and redo write too; a failure there is reported through ``write_failed``.
    """

    camera_added = Signal(object)  # Camera
    camera_changed = Signal(object)  # Camera
    camera_removed = Signal(str)  # camera id
    photos_changed = Signal(str)  # camera id
    write_failed = Signal(object)  # ContrechampError

    def __init__(self, survey: SurveyFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.survey = survey
        self.undo_stack = QUndoStack(self)
        self._cameras: dict[str, Camera] = {c.id: c for c in survey.cameras()}
        self._existing = {e.osm_id: e for e in survey.existing_cameras()}

    def cameras(self) -> list[Camera]:
        """Return the survey's cameras, oldest first."""
        return sorted(self._cameras.values(), key=lambda c: c.created_at)

    def camera_count(self) -> int:
        """How many cameras the survey holds."""
        return len(self._cameras)

    def camera(self, camera_id: str) -> Camera | None:
        """Return one camera of the survey, or None if it is not (or no longer) there."""
        return self._cameras.get(camera_id)

    def existing_cameras(self) -> list[ExistingCamera]:
        """Return the cameras already in OSM for the survey's area."""
        return list(self._existing.values())

    def existing_camera(self, osm_id: int) -> ExistingCamera | None:
        """Return one camera already in OSM by its node id."""
        return self._existing.get(osm_id)

    def reload_area(self) -> None:
        """Read the OSM cameras again after the survey's area was replaced."""
        self._existing = {e.osm_id: e for e in self.survey.existing_cameras()}

    def adopt_cameras(self, camera_ids: list[str]) -> None:
        """Take in cameras another connection wrote to the file (a background photo import).

        They are already saved, so no undo step is pushed; ``camera_added`` is emitted.
        """
        for camera_id in camera_ids:
            if camera_id not in self._cameras:
                camera = self.survey.camera(camera_id)
                self._cameras[camera_id] = camera
                self.camera_added.emit(camera)

    def adopt_new_cameras(self) -> list[str]:
        """Take in every camera of the file not shown yet (after a background import).

        Returns their ids; no undo step is pushed (they are already saved).
        """
        fresh = [c.id for c in self.survey.cameras() if c.id not in self._cameras]
        self.adopt_cameras(fresh)
        return fresh

    def unplaced_photos(self) -> list[PhotoInfo]:
        """Photos stored without a camera: they wait to be placed on the map."""
        return [p for p in self.survey.photos() if p.camera_id is None and p.id is not None]

    def add_camera(self, camera: Camera, text: str) -> None:
        """Write a new camera and push its undo step (``text`` names the step)."""
        self.survey.add_camera(camera)
        self._cameras[camera.id] = camera
        self.camera_added.emit(camera)
        self.undo_stack.push(CameraCommand(self, None, camera, text))

    def edit_camera(self, camera: Camera, text: str, field: str | None = None) -> None:
        """Write a changed camera; edits of one ``field`` in a row merge into one undo step."""
        before = self._cameras.get(camera.id)
        if before is None:
            raise ContrechampError("This camera is no longer in the survey.", "camera.missing")
        if _same_content(before, camera):
            return
        self.survey.update_camera(camera)
        self._cameras[camera.id] = camera
        self.camera_changed.emit(camera)
        self.undo_stack.push(CameraCommand(self, before, camera, text, field))

    def delete_camera(self, camera_id: str, text: str) -> None:
        """Delete a camera (its photos stay in the file, detached, and come back on undo)."""
        before = self._cameras.get(camera_id)
        if before is None:
            return
        photos = self.photo_links(camera_id)
        self.survey.delete_camera(camera_id)
        del self._cameras[camera_id]
        self.camera_removed.emit(camera_id)
        self.undo_stack.push(CameraCommand(self, before, None, text, photos=photos))

    def attach_photo(self, photo_id: int, camera_id: str, role: PhotoRole, text: str) -> None:
        """Attach a stored photo to a camera as an undoable step."""
        self.survey.attach_photo(photo_id, camera_id, role)
        self.photos_changed.emit(camera_id)
        self.undo_stack.push(PhotoLinkCommand(self, photo_id, camera_id, role, text))

    def photo_links(self, camera_id: str) -> list[tuple[int, PhotoRole]]:
        """Return (photo id, role) of every photo attached to a camera."""
        return [(p.id, p.role) for p in self.survey.photos(camera_id) if p.id is not None]

    def link_photo(self, photo_id: int, camera_id: str | None, role: PhotoRole) -> None:
        """Attach or detach a photo for an undo step; failures go to ``write_failed``."""
        try:
            old = [p.camera_id for p in self.survey.photos() if p.id == photo_id]
            self.survey.attach_photo(photo_id, camera_id, role)
        except ContrechampError as error:
            self.write_failed.emit(error)
            return
        for changed in {camera_id, *old}:
            if changed is not None:
                self.photos_changed.emit(changed)

    def apply_change(
        self,
        old: Camera | None,
        new: Camera | None,
        photos: list[tuple[int, PhotoRole]],
    ) -> list[tuple[int, PhotoRole]]:
        """Write the step from ``old`` to ``new`` for undo/redo; return photos a delete detached."""
        try:
            if new is None and old is not None:
                return self._write_delete(old.id)
            if new is not None and old is None:
                self._write_add(new, photos)
            elif new is not None:
                self.survey.update_camera(new)
                self._cameras[new.id] = new
                self.camera_changed.emit(new)
        except ContrechampError as error:
            self.write_failed.emit(error)
        return []

    def _write_add(self, camera: Camera, photos: list[tuple[int, PhotoRole]]) -> None:
        with self.survey.transaction():
            self.survey.add_camera(camera)
            for photo_id, role in photos:
                self.survey.attach_photo(photo_id, camera.id, role)
        self._cameras[camera.id] = camera
        self.camera_added.emit(camera)

    def _write_delete(self, camera_id: str) -> list[tuple[int, PhotoRole]]:
        photos = self.photo_links(camera_id)
        self.survey.delete_camera(camera_id)
        self._cameras.pop(camera_id, None)
        self.camera_removed.emit(camera_id)
        return photos

    def nearby(
        self, lat: float, lon: float, radius_m: float = NEAR_M, exclude: str | None = None
    ) -> list[Nearby]:
        """Return survey and OSM cameras within ``radius_m`` (geodesic), nearest first."""
        return nearby(lat, lon, self._cameras.values(), self._existing.values(), radius_m, exclude)

    def sighting_of(self, osm_id: int) -> Camera | None:
        """Return the survey's camera already linked to an OSM node, if any."""
        return next((c for c in self._cameras.values() if c.osm_id == osm_id), None)

    def append_track(self, points: list[TrackPoint]) -> None:
        """Store GPS track points (only called when the walker turned tracking on)."""
        try:
            self.survey.append_track(points)
        except ContrechampError as error:
            self.write_failed.emit(error)

    def close(self) -> None:
        """Close the survey file; the session must not be used afterwards."""
        self.undo_stack.clear()
        self.survey.close()


def _same_content(a: Camera, b: Camera) -> bool:
    return replace(a, updated_at=b.updated_at) == b
