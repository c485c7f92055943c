"""One open survey in the window: cameras in memory, every edit written at once and undoable."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from contrechamp.core.area import ExistingCamera
from contrechamp.core.blur import BlurRegion, RegionSource
from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.sightings import NEAR_M, Nearby, nearby
from contrechamp.core.track import TrackPoint
from contrechamp.ops.merge_review import ReviewState, write_review_state
from contrechamp.ops.photo_attach import PhotoToAttach, commit_photos
from contrechamp.ops.survey_writer import SurveyWriter, Write
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.session_sectors import SectorEdits
from contrechamp.ui.session_sheet_lines import SheetLineEdits
from contrechamp.ui.undo import (
    BatchCommand,
    BatchLeftovers,
    BlurRegionCommand,
    CameraCommand,
    PhotoLinkCommand,
    SheetLineCommand,
    StateCommand,
)

__all__ = ["SurveySession"]


class SurveySession(SheetLineEdits, SectorEdits, QObject):
    """Holds the open survey, its undo stack and the cameras shown by the window.

    Every write goes through the survey's one writer (``writer``, shared with the window's
    background jobs); reads on the window's thread go to ``survey``, a read-only snapshot
    that never waits for a job. When the survey is free (nearly always) an edit is written
    first and only then shown and made undoable: a failed write raises ContrechampError,
    leaves nothing half-done and does not move the undo stack. During a job's turn the edit
    is shown at once and written in order after the turn, without blocking the window; a
    failure then goes to ``write_failed`` (as do those of undo and redo) and the window shows
    what the file holds again.
    """

    camera_added = Signal(object)  # Camera
    camera_changed = Signal(object)  # Camera
    camera_removed = Signal(str)  # camera id
    photos_changed = Signal(str)  # camera id
    sectors_changed = Signal()  # a sector was added or deleted (undo and redo included)
    sheet_line_changed = Signal(str)  # camera id
    blur_regions_changed = Signal(int)  # photo id
    write_failed = Signal(object)  # ContrechampError
    contents_replaced = Signal()  # the whole survey was put back (undo or redo of a merge)
    review_changed = Signal(list)  # the camera ids a review decision, undo or redo touched
    _delivered = Signal(object)  # a queued write finished: what to run on the window's thread

    def __init__(
        self,
        survey: SurveyFile,
        cameras: list[Camera] | None = None,
        existing: list[ExistingCamera] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``cameras`` and ``existing``: the survey's, when already read (off the window's
        thread, by :func:`open_for_session`); read here otherwise."""
        super().__init__(parent)
        self.writer = SurveyWriter(survey)
        self.survey = SurveyFile.reader(survey.path)
        self.undo_stack = QUndoStack(self)
        self._thread = threading.current_thread()
        self._delivered.connect(self._run_delivered)
        cameras = self.survey.cameras() if cameras is None else cameras
        existing = self.survey.existing_cameras() if existing is None else existing
        self._cameras: dict[str, Camera] = {c.id: c for c in cameras}
        self._existing = {e.osm_id: e for e in existing}

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

    def adopt_cameras(self, camera_ids: list[str], text: str | None = None) -> None:
        """Take in cameras a background job wrote to the file (an import of cameras or photos).

        They are already saved; ``camera_added`` is emitted for each. With ``text``, the whole
        batch becomes one undo step (undo removes them all, redo brings them back).
        """
        adopted = []
        for camera_id in camera_ids:
            if camera_id not in self._cameras:
                camera = self.survey.camera(camera_id)
                self._cameras[camera_id] = camera
                self.camera_added.emit(camera)
                adopted.append(camera)
        if text is not None and adopted:
            self.undo_stack.push(BatchCommand(self, adopted, text))

    def adopt_new_cameras(self, text: str | None = None) -> list[str]:
        """Take in every camera of the file not shown yet (after a background import); with
        ``text`` they become one undo step. Returns their ids."""
        fresh = [c.id for c in self.survey.cameras() if c.id not in self._cameras]
        self.adopt_cameras(fresh, text)
        return fresh

    def remove_batch(self, cameras: list[Camera]) -> BatchLeftovers:
        """Delete a batch of cameras in one write (undo of an import); return what they leave
        behind for a redo: the photos each had, which stay in the file detached, and their
        sheet lines, which the file drops with them."""
        ids = [c.id for c in cameras]
        links = {camera_id: self.photo_links(camera_id) for camera_id in ids}
        lines = {i: line for i in ids if (line := self.sheet_line(i)) is not None}
        self._write(lambda survey: _delete_all(survey, ids), lambda _: self._hide_all(ids), True)
        return BatchLeftovers(links, lines)

    def restore_batch(self, cameras: list[Camera], leftovers: BatchLeftovers) -> None:
        """Write a removed batch back in one write, its photos attached again and its sheet
        lines given back (redo)."""
        self._write(
            lambda survey: _add_all(survey, cameras, leftovers),
            lambda _: self._batch_restored(cameras, leftovers.sheet_lines),
            report=True,
        )

    def _batch_restored(self, cameras: list[Camera], lines: dict[str, str]) -> None:
        self._show_all(cameras)
        for camera_id, line in lines.items():
            self._show_sheet_line(camera_id, line)

    def _show_all(self, cameras: list[Camera]) -> None:
        for camera in cameras:
            self._show(camera)

    def _hide_all(self, camera_ids: list[str]) -> None:
        for camera_id in camera_ids:
            self._hide(camera_id)

    def review(self, before: ReviewState, after: ReviewState, text: str) -> None:
        """Write a merge review decision (the records ``after``) as one undo step; undo
        writes ``before`` back. A failed write raises and changes nothing."""
        self._write(
            lambda survey: write_review_state(survey, after),
            lambda _: self._reviewed(before, after, text),
        )

    def _reviewed(self, before: ReviewState, after: ReviewState, text: str) -> None:
        self._show_review_state(after)
        stack = self.undo_stack
        stack.push(StateCommand(stack, self.apply_review_state, before, after, text))

    def apply_review_state(self, state: ReviewState) -> None:
        """Write a review state for undo/redo (a failure goes to ``write_failed``)."""
        self._write(
            lambda survey: write_review_state(survey, state),
            lambda _: self._show_review_state(state),
            report=True,
        )

    def _show_review_state(self, state: ReviewState) -> None:
        for camera_id, camera in state.cameras.items():
            if camera is not None:
                self._show(camera)
            elif camera_id in self._cameras:
                self._hide(camera_id)
        for camera_id, line in state.sheet_lines.items():
            if state.cameras.get(camera_id) is not None:
                self._show_sheet_line(camera_id, line)
        self._photos_changed({*state.cameras, *state.photos.values()})
        self.review_changed.emit(list(state.cameras))

    def unplaced_photos(self) -> list[PhotoInfo]:
        """Photos stored without a camera: they wait to be placed on the map."""
        return [p for p in self.survey.photos() if p.camera_id is None and p.id is not None]

    def add_camera(self, camera: Camera, text: str) -> None:
        """Write a new camera and push its undo step (``text`` names the step)."""
        self._write(lambda survey: survey.add_camera(camera), lambda _: self._added(camera, text))

    def _added(self, camera: Camera, text: str) -> None:
        self._cameras[camera.id] = camera
        self.camera_added.emit(camera)
        self.undo_stack.push(CameraCommand(self, None, camera, text))

    def edit_camera(self, camera: Camera, text: str, field: str | None = None) -> None:
        """Write a changed camera; edits of one ``field`` in a row merge into one undo step."""
        current = self._cameras.get(camera.id)
        if current is None:
            raise ContrechampError("This camera is no longer in the survey.", "camera.missing")
        if _same_content(current, camera):
            return
        self._write(
            lambda survey: survey.update_camera(camera),
            lambda _: self._edited(camera, text, field),
        )

    def _edited(self, camera: Camera, text: str, field: str | None) -> None:
        before = self._cameras.get(camera.id)  # as the writes before this one left it
        self._cameras[camera.id] = camera
        self.camera_changed.emit(camera)
        if before is not None:
            self.undo_stack.push(CameraCommand(self, before, camera, text, field))

    def delete_camera(self, camera_id: str, text: str) -> None:
        """Delete a camera (its photos stay in the file, detached, and come back on undo)."""
        before = self._cameras.get(camera_id)
        if before is None:
            return
        photos = self.photo_links(camera_id)
        self._write(
            lambda survey: survey.delete_camera(camera_id),
            lambda _: self._deleted(before, text, photos),
        )

    def _deleted(self, before: Camera, text: str, photos: list[tuple[int, PhotoRole]]) -> None:
        line = self.sheet_line(before.id)  # the file dropped it with the camera
        self._hide(before.id)
        deleted = CameraCommand(self, before, None, text, photos=photos)
        if line is None:
            self.undo_stack.push(deleted)
            return
        self.undo_stack.beginMacro(text)  # undone camera first, then its line
        self.undo_stack.push(SheetLineCommand(self, before.id, line, None, text))
        self.undo_stack.push(deleted)
        self.undo_stack.endMacro()

    def add_blur_region(self, photo_id: int, region: BlurRegion, text: str) -> None:
        """Store a region of a photo to blur, as an undo step (a failure raises
        ContrechampError and changes nothing)."""
        self._write(
            lambda survey: survey.add_blur_region(photo_id, region),
            lambda stored: self._blur_changed(photo_id, None, stored, text),
            at_once=False,
        )

    def take_out_blur_region(self, photo_id: int, region: BlurRegion, text: str) -> None:
        """Stop blurring a region, as an undo step: a hand region is deleted, a detector's
        is marked removed (so that the detector does not bring it back)."""
        after = None if region.source is RegionSource.HAND else replace(region, removed=True)
        self._write(
            lambda survey: _change_blur_region(survey, photo_id, region, after),
            lambda _: self._blur_changed(photo_id, region, after, text),
            at_once=False,
        )

    def _blur_changed(
        self, photo_id: int, before: BlurRegion | None, after: BlurRegion | None, text: str
    ) -> None:
        self.blur_regions_changed.emit(photo_id)
        self.undo_stack.push(BlurRegionCommand(self, photo_id, before, after, text))

    def apply_blur_region(
        self, photo_id: int, before: BlurRegion | None, after: BlurRegion | None
    ) -> None:
        """Write a blur region's change for undo/redo (a failure goes to ``write_failed``)."""
        self._write(
            lambda survey: _change_blur_region(survey, photo_id, before, after),
            lambda _: self.blur_regions_changed.emit(photo_id),
            report=True,
            at_once=False,
        )

    def attach_photo(self, photo_id: int, camera_id: str, role: PhotoRole, text: str) -> None:
        """Attach a stored photo to a camera as an undoable step."""
        self._write(
            lambda survey: survey.attach_photo(photo_id, camera_id, role),
            lambda _: self._attached([(photo_id, role)], camera_id, text),
            at_once=False,  # the photo strips read the file: they follow the write
        )

    def attach_photos(self, camera_id: str, photos: list[PhotoToAttach], text: str) -> None:
        """Store photos read beforehand (:func:`read_photos_to_attach`) with a camera, as one
        undoable step; a photo already in the survey is attached, not stored twice."""
        self._write(
            lambda survey: commit_photos(survey, camera_id, photos),
            lambda stored: self._attached(
                [(p.id, p.role) for p in stored if p.id is not None], camera_id, text
            ),
            at_once=False,
        )

    def _attached(self, links: list[tuple[int, PhotoRole]], camera_id: str, text: str) -> None:
        self.photos_changed.emit(camera_id)
        self.undo_stack.beginMacro(text)
        for photo_id, role in links:
            self.undo_stack.push(PhotoLinkCommand(self, photo_id, camera_id, role, text))
        self.undo_stack.endMacro()

    def photo_links(self, camera_id: str) -> list[tuple[int, PhotoRole]]:
        """Return (photo id, role) of every photo attached to a camera."""
        return [(p.id, p.role) for p in self.survey.photos(camera_id) if p.id is not None]

    def link_photo(self, photo_id: int, camera_id: str | None, role: PhotoRole) -> None:
        """Attach or detach a photo for an undo step; failures go to ``write_failed``."""
        try:
            old = [p.camera_id for p in self.survey.photos() if p.id == photo_id]
        except ContrechampError as error:
            self.write_failed.emit(error)
            return
        self._write(
            lambda survey: survey.attach_photo(photo_id, camera_id, role),
            lambda _: self._photos_changed({camera_id, *old}),
            report=True,
            at_once=False,  # the photo strips read the file: they follow the write
        )

    def _photos_changed(self, camera_ids: set[str | None]) -> None:
        for changed in camera_ids:
            if changed is not None:
                self.photos_changed.emit(changed)

    def apply_change(
        self,
        old: Camera | None,
        new: Camera | None,
        photos: list[tuple[int, PhotoRole]],
    ) -> list[tuple[int, PhotoRole]]:
        """Write the step from ``old`` to ``new`` for undo/redo; return photos a delete detached."""
        if new is None and old is not None:
            return self._write_delete(old.id)
        if new is not None and old is None:
            self._write(
                lambda survey: _add_with(survey, new, photos), lambda _: self._show(new), True
            )
        elif new is not None:
            self._write(lambda survey: survey.update_camera(new), lambda _: self._show(new), True)
        return []

    def _show(self, camera: Camera) -> None:
        known = camera.id in self._cameras
        self._cameras[camera.id] = camera
        (self.camera_changed if known else self.camera_added).emit(camera)

    def _write_delete(self, camera_id: str) -> list[tuple[int, PhotoRole]]:
        try:
            photos = self.photo_links(camera_id)
        except ContrechampError as error:
            self.write_failed.emit(error)
            return []
        self._write(
            lambda survey: survey.delete_camera(camera_id),
            lambda _: self._hide(camera_id),
            report=True,
        )
        return photos

    def _hide(self, camera_id: str) -> None:
        self._cameras.pop(camera_id, None)
        self._forget_sheet_line(camera_id)
        self.camera_removed.emit(camera_id)

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
        self._write(lambda survey: survey.append_track(points), lambda _: None, report=True)

    def _write(
        self,
        write: Write,
        then: Callable[[Any], None],
        report: bool = False,
        at_once: bool = True,
    ) -> None:
        """Run ``write`` through the writer, then ``then(result)`` on the window's thread.

        Run at once (the survey is free): a failure raises here, or with ``report`` goes to
        ``write_failed``. Queued behind a job's turn: ``at_once`` shows the edit now (``then``
        gets None: the walker keeps going, undo included) and the file follows in order;
        otherwise ``then`` waits for the write. A queued write that fails goes to
        ``write_failed``; the cameras shown are read again from the file and the undo
        history, which no longer matches it, is cleared.
        """
        failures: list[ContrechampError] = []

        def done(result: object) -> None:
            if threading.current_thread() is self._thread:
                then(result)
            elif not at_once:
                self._delivered.emit(partial(then, result))

        def failed(error: ContrechampError) -> None:
            if threading.current_thread() is self._thread:
                failures.append(error)
            else:
                self._delivered.emit(partial(self._queued_write_failed, error))

        if not self.writer.submit(write, done, failed) and at_once:
            then(None)
        if failures and report:
            self.write_failed.emit(failures[0])
        elif failures:
            raise failures[0]

    def _run_delivered(self, action: Callable[[], None]) -> None:
        action()

    def _queued_write_failed(self, error: ContrechampError) -> None:
        self.undo_stack.clear()
        if self.writer.pending() == 0:  # the file is the truth: show what it holds
            self._resync()
        self.write_failed.emit(error)

    def _resync(self) -> None:
        self._forget_sheet_lines()
        try:
            stored = {c.id: c for c in self.survey.cameras()}
        except ContrechampError:
            return
        for camera_id in set(self._cameras) - set(stored):
            self._hide(camera_id)
        for camera in stored.values():
            if self._cameras.get(camera.id) != camera:
                self._show(camera)

    def push_merge(self, before: Path, after: Path, text: str) -> None:
        """Make a whole merge just written into this survey one undo step (``before`` and
        ``after``: copies of the file on each side of it)."""
        stack = self.undo_stack
        stack.push(StateCommand(stack, self.replace_contents, before, after, text))

    def replace_contents(self, snapshot: Path) -> None:
        """Undo or redo of a whole merge: the file holds ``snapshot`` again; the cameras,
        the area and the review are read again once it does."""
        self._write(
            lambda survey: survey.replace_contents(snapshot),
            lambda _: self._reload_all(),
            report=True,
            at_once=False,
        )

    def _reload_all(self) -> None:
        self.reload_area()
        self._resync()
        self.review_changed.emit([])
        self.contents_replaced.emit()

    def take_outside_changes(self) -> None:
        """Show what a step outside the undo history wrote (an upload linking cameras to their
        new OSM nodes); the history is cleared, so that no undo can unlink them."""
        self.undo_stack.clear()
        self._resync()

    def close(self) -> None:
        """Finish the queued writes and close the survey; the session is not used afterwards."""
        self.undo_stack.clear()
        self.writer.close()
        self.writer.survey.close()
        self.survey.close()


def open_for_session(path: Path) -> tuple[SurveyFile, list[Camera], list[ExistingCamera]]:
    """Open, check (and migrate) a survey and read its cameras: the slow part of opening
    one in the window, to run off its thread. Raises SurveyError as SurveyFile.open."""
    survey = SurveyFile.open(path)
    try:
        return survey, survey.cameras(), survey.existing_cameras()
    except BaseException:
        survey.close()
        raise


def _change_blur_region(
    survey: SurveyFile, photo_id: int, before: BlurRegion | None, after: BlurRegion | None
) -> None:
    """Turn a stored region ``before`` into ``after`` (None: no region)."""
    if before is None and after is not None:
        survey.add_blur_region(photo_id, after)
    elif before is not None and before.id is not None and after is None:
        survey.delete_blur_region(before.id)
    elif after is not None and after.id is not None:
        survey.set_blur_region_removed(after.id, after.removed)


def _delete_all(survey: SurveyFile, camera_ids: list[str]) -> None:
    with survey.transaction():
        for camera_id in camera_ids:
            survey.delete_camera(camera_id)


def _add_all(survey: SurveyFile, cameras: list[Camera], leftovers: BatchLeftovers) -> None:
    with survey.transaction():
        survey.add_cameras(cameras)
        for camera in cameras:
            for photo_id, role in leftovers.photos.get(camera.id, []):
                survey.attach_photo(photo_id, camera.id, role)
        for camera_id, line in leftovers.sheet_lines.items():
            survey.set_sheet_line(camera_id, line)


def _add_with(survey: SurveyFile, camera: Camera, photos: list[tuple[int, PhotoRole]]) -> None:
    with survey.transaction():
        survey.add_camera(camera)
        for photo_id, role in photos:
            survey.attach_photo(photo_id, camera.id, role)


def _same_content(a: Camera, b: Camera) -> bool:
    return replace(a, updated_at=b.updated_at) == b
