"""Logging cameras: new ones at the GPS fix or on the map, sightings of OSM ones, moves."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from contrechamp.core.camera import Camera, PositionSource
from contrechamp.core.direction import Bearing
from contrechamp.core.errors import ContrechampError
from contrechamp.core.sightings import NEAR_M, confirmed_sighting
from contrechamp.core.tags import surveillance_tags
from contrechamp.ui.form.edits import direction_tags
from contrechamp.ui.gps import GpsStatus
from contrechamp.ui.undo import on_map

if TYPE_CHECKING:
    from contrechamp.ui.main_window import MainWindow

__all__ = ["Sightings"]


class Sightings(QObject):
    """The window's camera-level commands; every change goes through the survey session."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._armed = False

    def new_camera_here(self) -> Camera | None:
        """N: log a camera at the GPS position, or at the map centre when there is no fix."""
        fix = self._window.gps.last_fix if self._window.gps.status == GpsStatus.FIX else None
        if fix is not None:
            return self.add_camera_at(fix.lat, fix.lon, PositionSource.GPS, fix.accuracy_m)
        lat, lon = self._window.canvas.view_center()
        camera = self.add_camera_at(lat, lon, PositionSource.MAP, None)
        if camera is not None:
            note = self.tr("No GPS fix: the camera is at the map centre. Drag it to its place.")
            near = self._window.form.warning.text()
            self._window.form.set_warning(f"{note}\n\n{near}" if near else note)
        return camera

    def arm_add_on_map(self) -> None:
        """A: the next click on the map adds a camera there (A again cancels)."""
        action = self._window.commands.add_on_map
        self._armed = action.isChecked() and self._window.session is not None
        action.setChecked(self._armed)
        if self._armed:
            self._window.say(self.tr("Click the map where the camera is."))

    def on_map_clicked(self, lat: float, lon: float) -> None:
        """A click on an empty spot of the map: adds a camera there when armed with A."""
        if self._armed:
            self._disarm()
            self.add_camera_at(lat, lon, PositionSource.MAP, None)

    def _disarm(self) -> None:
        self._armed = False
        self._window.commands.add_on_map.setChecked(False)

    def add_camera_at(
        self, lat: float, lon: float, source: PositionSource, accuracy_m: float | None
    ) -> Camera | None:
        """Log a new camera at a point, open it in the form and warn if another is very close."""
        if self._window.session is None:
            return None
        tags = surveillance_tags() | {"survey:date": date.today().isoformat()}
        surveyor = self._window.session.survey.surveyor
        camera = Camera(lat, lon, tags, source=source, accuracy_m=accuracy_m, surveyor=surveyor)
        try:
            self._window.session.add_camera(camera, self.tr("Add camera"))
        except ContrechampError as error:
            self._window.show_error(error)
            return None
        self._window.select_camera(camera.id)
        self._window.form.set_warning(self.near_warning(camera))
        self._window.form.focus_first()
        return camera

    def near_warning(self, camera: Camera) -> str:
        """Say if another camera is within NEAR_M metres ("" if none): warn, never block."""
        assert self._window.session is not None
        near = self._window.session.nearby(camera.lat, camera.lon, NEAR_M, exclude=camera.id)
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
        session = self._window.session
        node = session.existing_camera(osm_id) if session is not None else None
        if session is None or node is None:
            return
        seen = session.sighting_of(osm_id)
        if seen is not None:
            self._window.select_camera(seen.id)
            self._window.say(self.tr("You already logged this camera."))
            return
        self._window.show_existing(node)

    def log_sighting(self, osm_id: int) -> Camera | None:
        """I saw this one: a confirmed sighting linked to the OSM node, checked today."""
        if (
            self._window.session is None
            or (node := self._window.session.existing_camera(osm_id)) is None
        ):
            return None
        camera = confirmed_sighting(node, self._window.session.survey.surveyor, date.today())
        try:
            self._window.session.add_camera(camera, self.tr("I saw this one"))
        except ContrechampError as error:
            self._window.show_error(error)
            return None
        self._window.select_camera(camera.id)
        self._window.say(self.tr("Logged as seen today."))
        return camera

    def delete_camera(self, camera_id: str) -> None:
        """Delete a camera of the survey (Ctrl+Z brings it back)."""
        if self._window.session is None:
            return
        try:
            self._window.session.delete_camera(camera_id, self.tr("Delete camera"))
        except ContrechampError as error:
            self._window.show_error(error)
            return
        self._window.say(self.tr("Camera deleted. Ctrl+Z brings it back."))

    def delete_selected(self) -> None:
        """Delete: removes the camera open in the form."""
        camera_id = self._window.edited_camera_id()
        if camera_id is not None:
            self.delete_camera(camera_id)

    def on_camera_moved(self, camera_id: str, lat: float, lon: float) -> None:
        """A camera dragged on the map: save its new position (placed by hand)."""
        camera = self._window.session.camera(camera_id) if self._window.session else None
        if self._window.session is None or camera is None:
            return
        moved = camera.moved_to(lat, lon, PositionSource.MAP)
        self._edit(moved, self.tr("Move camera"), on_map("position"))

    def on_direction_dragged(self, camera_id: str, bearing: float) -> None:
        """The direction handle dragged on the map: save the bearing, to the degree."""
        camera = self._window.session.camera(camera_id) if self._window.session else None
        if camera is None:
            return
        text = Bearing.of(round(bearing)).text
        turned = camera.with_tags(direction_tags(camera.tags, text))
        self._edit(turned, self.tr("Change direction"), on_map("camera:direction"))

    def _edit(self, camera: Camera, text: str, field: str) -> None:
        assert self._window.session is not None
        try:
            self._window.session.edit_camera(camera, text, field)
        except ContrechampError as error:
            self._window.show_error(error)
