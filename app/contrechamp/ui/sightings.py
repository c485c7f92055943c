"""Logging cameras: new ones at the GPS fix or on the map, sightings of OSM ones, moves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from contrechamp.core.camera import Camera, PositionSource
from contrechamp.core.direction import Bearing
from contrechamp.core.errors import ContrechampError
from contrechamp.core.sightings import NEAR_M, confirmed_sighting
from contrechamp.core.tags import surveillance_tags
from contrechamp.ui.form.edits import direction_tags
from contrechamp.ui.gps import GpsService, GpsStatus
from contrechamp.ui.undo import on_map
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["Sightings"]


class Sightings(QObject):
    """The window's camera-level commands; every change goes through the survey session.

    ``add_on_map`` is the checkable A action; ``map_centre`` and ``edited_camera`` read the
    map's centre and the camera open in the form. What to show next is told with signals.
    """

    camera_logged = Signal(str, str)  # camera id, a warning to show beside it ("" if none)
    camera_chosen = Signal(str)  # show this camera of the survey
    existing_chosen = Signal(object)  # ExistingCamera: offer "I saw this one"

    def __init__(
        self,
        survey: OpenSurvey,
        status: StatusSink,
        gps: GpsService,
        add_on_map: QAction,
        map_centre: Callable[[], tuple[float, float]],
        edited_camera: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._survey = survey
        self._status = status
        self._gps = gps
        self._add_on_map = add_on_map
        self._map_centre = map_centre
        self._edited_camera = edited_camera
        self._armed = False

    def new_camera_here(self) -> Camera | None:
        """N: log a camera at the GPS position, or at the map centre when there is no fix."""
        fix = self._gps.last_fix if self._gps.status == GpsStatus.FIX else None
        if fix is not None:
            return self.add_camera_at(fix.lat, fix.lon, PositionSource.GPS, fix.accuracy_m)
        lat, lon = self._map_centre()
        note = self.tr("No GPS fix: the camera is at the map centre. Drag it to its place.")
        return self.add_camera_at(lat, lon, PositionSource.MAP, None, note)

    def arm_add_on_map(self) -> None:
        """A: the next click on the map adds a camera there (A again cancels)."""
        action = self._add_on_map
        self._armed = action.isChecked() and self._survey.session is not None
        action.setChecked(self._armed)
        if self._armed:
            self._status.say(self.tr("Click the map where the camera is."))

    def on_map_clicked(self, lat: float, lon: float) -> None:
        """A click on an empty spot of the map: adds a camera there when armed with A."""
        if self._armed:
            self._disarm()
            self.add_camera_at(lat, lon, PositionSource.MAP, None)

    def _disarm(self) -> None:
        self._armed = False
        self._add_on_map.setChecked(False)

    def add_camera_at(
        self,
        lat: float,
        lon: float,
        source: PositionSource,
        accuracy_m: float | None,
        note: str = "",
    ) -> Camera | None:
        """Log a new camera at a point and tell it with ``camera_logged``, with ``note`` and a
        warning if another camera is very close."""
        session = self._survey.session
        if session is None:
            return None
        tags = surveillance_tags() | {"survey:date": date.today().isoformat()}
        surveyor = session.survey.surveyor
        camera = Camera(lat, lon, tags, source=source, accuracy_m=accuracy_m, surveyor=surveyor)
        try:
            session.add_camera(camera, self.tr("Add camera"))
        except ContrechampError as error:
            self._status.show_error(error)
            return None
        near = self.near_warning(camera)
        self.camera_logged.emit(camera.id, "\n\n".join(t for t in (note, near) if t))
        return camera

    def near_warning(self, camera: Camera) -> str:
        """Say if another camera is within NEAR_M metres ("" if none): warn, never block."""
        assert self._survey.session is not None
        near = self._survey.session.nearby(camera.lat, camera.lon, NEAR_M, exclude=camera.id)
        if not near:
            return ""
        metres = f"{near[0].distance_m:.0f}"
        if near[0].existing is not None:
            text = self.tr(
                "A camera already in OpenStreetMap is %1 m away. If it is the same one, "
                "undo (Ctrl+Z), click it on the map and choose “I saw this one”."
            )
        else:
            text = self.tr(
                "Another camera of this survey is %1 m away. Several cameras on one pole "
                "are normal; if it is the same one, undo (Ctrl+Z)."
            )
        return text.replace("%1", metres)

    def select_existing(self, osm_id: int) -> None:
        """A camera already in OSM was clicked: offer "I saw this one", or show our sighting.

        Armed with A, that click was the one A waited for: the next click adds nothing."""
        self._disarm()
        session = self._survey.session
        node = session.existing_camera(osm_id) if session is not None else None
        if session is None or node is None:
            return
        seen = session.sighting_of(osm_id)
        if seen is not None:
            self.camera_chosen.emit(seen.id)
            self._status.say(self.tr("You already logged this camera."))
            return
        self.existing_chosen.emit(node)

    def log_sighting(self, osm_id: int) -> Camera | None:
        """I saw this one: a confirmed sighting linked to the OSM node, checked today."""
        session = self._survey.session
        if session is None or (node := session.existing_camera(osm_id)) is None:
            return None
        camera = confirmed_sighting(node, session.survey.surveyor, date.today())
        try:
            session.add_camera(camera, self.tr("I saw this one"))
        except ContrechampError as error:
            self._status.show_error(error)
            return None
        self.camera_chosen.emit(camera.id)
        self._status.say(self.tr("Logged as seen today."))
        return camera

    def delete_camera(self, camera_id: str) -> None:
        """Delete a camera of the survey (Ctrl+Z brings it back)."""
        if self._survey.session is None:
            return
        try:
            self._survey.session.delete_camera(camera_id, self.tr("Delete camera"))
        except ContrechampError as error:
            self._status.show_error(error)
            return
        self._status.say(self.tr("Camera deleted. Ctrl+Z brings it back."))

    def delete_selected(self) -> None:
        """Delete: removes the camera open in the form."""
        camera_id = self._edited_camera()
        if camera_id is not None:
            self.delete_camera(camera_id)

    def on_camera_moved(self, camera_id: str, lat: float, lon: float) -> None:
        """A camera dragged on the map: save its new position (placed by hand)."""
        session = self._survey.session
        camera = session.camera(camera_id) if session is not None else None
        if camera is None:
            return
        moved = camera.moved_to(lat, lon, PositionSource.MAP)
        self._edit(moved, self.tr("Move camera"), on_map("position"))

    def on_direction_dragged(self, camera_id: str, bearing: float) -> None:
        """The direction handle dragged on the map: save the bearing, to the degree."""
        session = self._survey.session
        camera = session.camera(camera_id) if session is not None else None
        if camera is None:
            return
        text = Bearing.of(round(bearing)).text
        turned = camera.with_tags(direction_tags(camera.tags, text))
        self._edit(turned, self.tr("Change direction"), on_map("camera:direction"))

    def _edit(self, camera: Camera, text: str, field: str) -> None:
        assert self._survey.session is not None
        try:
            self._survey.session.edit_camera(camera, text, field)
        except ContrechampError as error:
            self._status.show_error(error)
