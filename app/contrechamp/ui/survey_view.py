"""Keeps the map on the survey: where it opens, View → Go to the survey area (G), GPS fixes far
from the area (not followed without asking), and photo drafts from elsewhere.

The decisions are pure functions of the core (``opening_view``, ``area_distance``); this
module applies them to the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from contrechamp.core.area import BBox, MapFeature
from contrechamp.core.area_distance import (
    FAR_FROM_AREA_M,
    distance_from_area_m,
    drafts_far_from_area,
)
from contrechamp.core.camera import Camera, Status, utc_now
from contrechamp.core.errors import ContrechampError
from contrechamp.core.gps_fix import GpsFix
from contrechamp.core.opening_view import opening_view, positions
from contrechamp.ui.gps import GpsService, GpsStatus
from contrechamp.ui.gps.far_notice import FarFromAreaNotice
from contrechamp.ui.map import MapCanvas
from contrechamp.ui.session import SurveySession
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["SurveyView"]


class SurveyView(QObject):
    """The window's view of its survey's area; ``notice`` goes in the status bar.

    ``follow_requested``: the walker asked to follow a far position (the window turns
    following on)."""

    follow_requested = Signal()

    def __init__(
        self,
        survey: OpenSurvey,
        status: StatusSink,
        gps: GpsService,
        canvas: MapCanvas,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._survey, self._status, self._gps, self._canvas = survey, status, gps, canvas
        self._parent = parent
        self._area: BBox | None = None
        self._features: Sequence[MapFeature] = ()
        self._far_allowed = False  # the walker chose to follow a far position anyway
        self._fix: GpsFix | None = None  # the latest position
        self.notice = FarFromAreaNotice()
        self.notice.follow_anyway.connect(self.follow_anyway)
        gps.follow_changed.connect(self._on_gps_follow_changed)
        gps.status_changed.connect(self._on_gps_status_changed)
        self.far_drafts_box: QMessageBox | None = None

    # --- opening and going back ---------------------------------------------------------

    def show_opening(
        self,
        session: SurveySession | None,
        cameras: Sequence[Camera] = (),
        features: Sequence[MapFeature] = (),
    ) -> None:
        """Show a survey just opened (or its new area) where its cameras or streets are."""
        self._area = session.survey.area_bbox() if session is not None else None
        self._features = features
        self._far_allowed = False
        self.notice.clear()
        if session is not None:
            self._fit(session, cameras)

    def go_to_area(self) -> None:
        """G: bring the map back to the survey (a far GPS position is no longer followed)."""
        session = self._survey.session
        if session is None:
            return
        self._far_allowed = False
        if not self._fit(session, session.cameras()):
            self._status.say(self.tr("This survey has no area yet: load one from the File menu."))
        self._refresh_notice()

    def _fit(self, session: SurveySession, cameras: Sequence[Camera]) -> bool:
        """Fit the map to where the survey should be seen; False when there is nowhere."""
        kept = [c for c in cameras if c.status is not Status.REJECTED]
        points = positions(kept, session.existing_cameras())
        sectors, own = session.survey.sectors(), session.survey.own_sector()
        box = opening_view(self._area, points, self._features, sectors, own_sector=own)
        if box is None:
            return False
        self._canvas.show_box(box)
        return True

    # --- GPS far from the area ----------------------------------------------------------

    def on_fix(self, fix: GpsFix) -> bool:
        """Say how far a fix is from the area; return whether the map may follow it."""
        self._fix = fix
        if self._area is None:
            return True
        metres = distance_from_area_m(self._area, fix.lat, fix.lon)
        if metres <= FAR_FROM_AREA_M:
            self._far_allowed = False
            self.notice.clear()
            return True
        paused = self._gps.follow and not self._far_allowed
        self.notice.show_far(metres / 1000.0, paused)
        return not paused

    def follow_anyway(self) -> None:
        """The walker asked to follow the far position: follow it until back near the area."""
        self._far_allowed = True
        self.follow_requested.emit()
        if self._fix is not None:
            self._canvas.center_on(self._fix.lat, self._fix.lon)
        self._refresh_notice()

    def _refresh_notice(self) -> None:
        """Show the notice again for the latest fix (after follow or the area changed)."""
        if self._fix is not None and self.notice.km is not None:
            self.on_fix(self._fix)

    def _on_gps_follow_changed(self, _on: bool) -> None:
        self._refresh_notice()

    def _on_gps_status_changed(self, status: str) -> None:
        if status == GpsStatus.OFF:
            self._fix = None
            self.notice.clear()

    # --- photo drafts far from the area -------------------------------------------------

    def offer_to_reject_far_drafts(
        self, camera_ids: Sequence[str], parent: QWidget | None = None
    ) -> list[str]:
        """After a photo import: say how many new drafts lie far from the area, and offer to
        reject them in one undoable step (the question above ``parent``, or the window).
        Returns their ids (none: nothing is said)."""
        session = self._survey.session
        if session is None or self._area is None:
            return []
        cameras = [c for c in map(session.camera, camera_ids) if c is not None]
        far = drafts_far_from_area(self._area, cameras)
        if far:
            self._ask_about(far, parent or self._parent)
        return far

    def _ask_about(self, far: list[str], parent: QWidget) -> None:
        text = self.tr(
            "%n new draft(s) lie more than %1 km outside the survey area: photos taken elsewhere?",
            "",
            len(far),
        ).replace("%1", f"{FAR_FROM_AREA_M / 1000:g}")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Drafts outside the area"),
            text,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setInformativeText(
            self.tr("Rejected drafts are never exported; Ctrl+Z brings them back.")
        )
        reject = box.addButton(self.tr("Reject them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reject)
        reject.clicked.connect(lambda: self.reject_drafts(far))
        self.far_drafts_box = box
        box.open()

    def reject_drafts(self, camera_ids: Sequence[str]) -> int:
        """Reject drafts as one undo step; on a failed write none stays rejected."""
        session = self._survey.session
        if session is None:
            return 0
        text = self.tr("Reject drafts outside the area")
        stack = session.undo_stack
        done = 0
        stack.beginMacro(text)
        try:
            for camera in filter(None, map(session.camera, camera_ids)):
                if camera.status is Status.DRAFT:
                    rejected = replace(camera, status=Status.REJECTED, updated_at=utc_now())
                    session.edit_camera(rejected, text)
                    done += 1
        except ContrechampError as error:
            stack.endMacro()
            stack.undo()
            self._status.show_error(error)
            return 0
        stack.endMacro()
        self._status.say(self.tr("%n draft(s) rejected. Ctrl+Z brings them back.", "", done))
        return done
