"""The merge review tab: the merged cameras that need the organiser, with the keyboard.

The queue (conflicts first, then possible OSM matches, then cameras seen by several pairs)
is ``ops.merge_queue``; each decision is ``ops.merge_review``, written through the session
as one undo step. Keys in the tab: C accepts, 1–9 picks a value of the first open conflict,
S splits the chosen sighting off into a camera of its own, J joins the nearest other merged
camera into this one, M shows it close up on the map. Photos of the camera sit under it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError
from contrechamp.core.geo import distance_m
from contrechamp.core.messages import QT_TRANSLATE_NOOP
from contrechamp.ops.merge_queue import ReviewItem, ReviewKind, review_queue
from contrechamp.ops.merge_review import (
    ReviewState,
    accepted,
    joined,
    read_review_state,
    split_off,
    value_picked,
)
from contrechamp.store.merge_records import ConflictRecord, MergedSighting
from contrechamp.ui.photos.photo_strip_model import PhotoStripModel, photo_strip_view
from contrechamp.ui.photos.review_keys import ReviewKeys
from contrechamp.ui.session import SurveySession
from contrechamp.ui.side_tabs import TabTexts
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["JOIN_RADIUS_M", "MERGE_TAB", "MERGE_TAB_TEXTS", "MergeReviewPanel"]

MERGE_TAB = "merge"
MERGE_TAB_TEXTS = TabTexts(
    "MergeReviewPanel",
    QT_TRANSLATE_NOOP("MergeReviewPanel", "Merge"),
    QT_TRANSLATE_NOOP(
        "MergeReviewPanel",
        "The merged cameras to review: double sightings, values that disagree, "
        "cameras maybe already in OpenStreetMap",
    ),
)

JOIN_RADIUS_M = 30.0
"""How far J looks for another merged camera to join (a street across and a half)."""

_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DIGITS = tuple(Qt.Key(Qt.Key.Key_1.value + n) for n in range(9))


class MergeReviewPanel(QWidget):
    """The queue of merged cameras to review, the chosen one's sightings, values and photos.

    ``camera_current`` asks the window to show a camera on the map (``close``: close up)."""

    camera_current = Signal(str, bool)  # camera id, close up
    count_changed = Signal(int)

    def __init__(self, survey: OpenSurvey, status: StatusSink) -> None:
        super().__init__()
        self._survey, self._status = survey, status
        self._session: SurveySession | None = None
        self._items: list[ReviewItem] = []
        self.heading, self.conflict = QLabel(), QLabel()
        self.conflict.setWordWrap(True)
        self.keys_help = QLabel()
        self.keys_help.setWordWrap(True)
        self.queue, self.sightings = QListWidget(), QListWidget()
        self.photo_model = PhotoStripModel(lambda photo: photo.filename, self)
        self.photos = photo_strip_view(self.photo_model, 96)
        self.photos.setMaximumHeight(140)
        column = QVBoxLayout(self)
        for widget in (self.heading, self.queue, self.conflict, self.sightings, self.photos):
            column.addWidget(widget)
        column.addWidget(self.keys_help)
        self.queue.currentRowChanged.connect(self._on_current_changed)
        self._keys = ReviewKeys(self)
        self._bind_keys()
        self._keys.watch(self)
        survey.changed.connect(self.set_session)
        self.retranslate_ui()

    def _bind_keys(self) -> None:
        bindings: tuple[tuple[tuple[Qt.Key, ...], Callable[[], object]], ...] = (
            ((Qt.Key.Key_C,), self.accept_current),
            ((Qt.Key.Key_S,), self.split_current),
            ((Qt.Key.Key_J,), self.join_nearest),
            ((Qt.Key.Key_M,), self._show_close_up),
        )
        for keys, action in bindings:
            self._keys.bind(keys, action)
        for n, key in enumerate(_DIGITS):
            self._keys.bind((key,), partial(self.pick_value, n))

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.keys_help.setText(
            self.tr(
                "C accept · 1–9 pick a value · S split the chosen sighting off · "
                "J join the nearest other camera · M show close up · Ctrl+Z undo"
            )
        )
        self._show_heading()
        self._fill_queue(self.current_camera_id())

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the queue ---------------------------------------------------------------------

    def set_session(self, session: SurveySession | None) -> None:
        """Review another survey (a survey never merged into has nothing to review)."""
        if self._session is not None:
            self._session.review_changed.disconnect(self.refresh)
        self._session = session
        if session is not None:
            session.review_changed.connect(self.refresh)
        self.refresh()

    def is_merged_survey(self) -> bool:
        """Whether the open survey was merged into (the tab then has a use)."""
        return self._session is not None and self._session.survey.is_merged_survey()

    def refresh(self, touched: list[str] | None = None) -> None:
        """Read the queue again: on the same camera when it still waits, else on a camera
        just ``touched`` that is back (an undo), else on the next one."""
        current, row = self.current_camera_id(), self.queue.currentRow()
        waiting = {item.camera_id for item in self._items}
        session = self._session
        try:
            merged = session is not None and session.survey.is_merged_survey()
            self._items = review_queue(session.survey) if session is not None and merged else []
        except ContrechampError as error:
            self._items = []
            self._status.show_error(error)
        ids = [item.camera_id for item in self._items]
        back = [i for i in touched or () if i in ids and i not in waiting]
        if back:
            current = back[0]
        elif current not in ids and ids:
            current = ids[min(max(row, 0), len(ids) - 1)]
        self._fill_queue(current)
        self._show_heading()
        self.count_changed.emit(len(self._items))

    def _fill_queue(self, current: str | None) -> None:
        self.queue.blockSignals(True)
        self.queue.clear()
        for item in self._items:
            row = QListWidgetItem(self._item_text(item))
            row.setData(_ID_ROLE, item.camera_id)
            self.queue.addItem(row)
        self.queue.blockSignals(False)
        ids = [item.camera_id for item in self._items]
        self.queue.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        self._on_current_changed(self.queue.currentRow())

    def _item_text(self, item: ReviewItem) -> str:
        if item.kind is ReviewKind.CONFLICT:
            keys = ", ".join(item.open_conflicts)
            return self.tr("Values disagree: %1").replace("%1", keys)
        if item.kind is ReviewKind.POSSIBLE_MATCH:
            metres = f"{item.match_distance_m or 0:.0f}"
            text = self.tr("Maybe already in OpenStreetMap (node %1, %2 m)")
            return text.replace("%1", str(item.match_osm_id)).replace("%2", metres)
        return self.tr("Seen by %n pair(s): one camera?", "", item.sightings)

    def _show_heading(self) -> None:
        if not self.is_merged_survey():
            self.heading.setText(self.tr("Merge surveys (File menu) to review them here."))
        elif not self._items:
            self.heading.setText(self.tr("Nothing left to review."))
        else:
            self.heading.setText(self.tr("%n merged camera(s) to review", "", len(self._items)))

    def current_camera_id(self) -> str | None:
        """The merged camera chosen in the queue."""
        row = self.queue.currentItem()
        return str(row.data(_ID_ROLE)) if row is not None else None

    def focus_queue(self) -> None:
        """Give the queue the keyboard."""
        self.queue.setFocus()

    # --- the chosen camera -------------------------------------------------------------

    def _on_current_changed(self, _row: int) -> None:
        camera_id = self.current_camera_id()
        session = self._session
        self.sightings.clear()
        self.conflict.clear()
        if session is None or camera_id is None:
            self.photo_model.set_photos(None, [])
            return
        camera = session.camera(camera_id)
        for sighting in session.survey.merged_sightings(camera_id):  # rows in this order
            self.sightings.addItem(QListWidgetItem(self._sighting_text(sighting, camera)))
        self.sightings.setCurrentRow(0)
        conflict = self._open_conflict(camera_id)
        if conflict is not None:
            self.conflict.setText(self._conflict_text(conflict))
        self.photo_model.set_photos(session.survey, session.survey.photos(camera_id))
        self.camera_current.emit(camera_id, False)

    def _sighting_text(self, sighting: MergedSighting, merged: Camera | None) -> str:
        seen = sighting.camera
        who = seen.surveyor or self.tr("unnamed pair")
        when = seen.created_at.strftime("%H:%M")
        at = merged or seen
        metres = f"{distance_m(at.lat, at.lon, seen.lat, seen.lon):.0f}"
        kind = seen.tags.get("camera:type", "?")
        direction = seen.tags.get("camera:direction") or seen.tags.get("direction") or "?"
        text = self.tr("%1 at %2 · %3 m away · %4, %5")
        for n, value in enumerate((who, when, metres, kind, direction), start=1):
            text = text.replace(f"%{n}", value)
        return text

    def _open_conflict(self, camera_id: str) -> ConflictRecord | None:
        assert self._session is not None
        records = self._session.survey.merge_conflicts(camera_id)
        return next((c for c in records if not c.decided), None)

    def _conflict_text(self, conflict: ConflictRecord) -> str:
        choices = "   ".join(
            self.tr("%1: %2 (%n sighting(s))", "", len(keys))
            .replace("%1", str(n))
            .replace("%2", value)
            for n, (value, keys) in enumerate(conflict.choices[:9], start=1)
        )
        return f"{conflict.key} — {choices}"

    def _show_close_up(self) -> None:
        camera_id = self.current_camera_id()
        if camera_id is not None:
            self.camera_current.emit(camera_id, True)

    # --- decisions ---------------------------------------------------------------------

    def accept_current(self) -> bool:
        """C: the merged camera is right as it stands."""
        camera_id = self.current_camera_id()
        if camera_id is None:
            return False
        return self._decide([camera_id], lambda s: accepted(s, camera_id), self.tr("Accept"))

    def pick_value(self, index: int) -> bool:
        """1–9: take the ``index``-th value of the first conflict left open."""
        camera_id = self.current_camera_id()
        conflict = self._open_conflict(camera_id) if camera_id is not None else None
        if camera_id is None or conflict is None or index >= len(conflict.choices):
            return False
        value = conflict.choices[index][0]
        text = self.tr("Pick %1 for %2").replace("%1", value).replace("%2", conflict.key)
        return self._decide(
            [camera_id], lambda s: value_picked(s, camera_id, conflict.key, value), text
        )

    def split_current(self) -> bool:
        """S: the chosen sighting was another camera: it becomes one of its own."""
        camera_id, session = self.current_camera_id(), self._session
        seen = session.survey.merged_sightings(camera_id) if session and camera_id else []
        row = self.sightings.currentRow()
        if camera_id is None or session is None or len(seen) < 2 or not 0 <= row < len(seen):
            self._status.say(self.tr("Choose one of several sightings to split it off."))
            return False
        sighting = seen[row]
        photos = session.survey.sighting_photo_ids(sighting.key)
        new_id = str(uuid.uuid4())
        return self._decide(
            [camera_id, new_id],
            lambda s: split_off(s, camera_id, sighting, photos, new_id),
            self.tr("Split a sighting off"),
        )

    def join_nearest(self) -> bool:
        """J: the nearest other merged camera (within JOIN_RADIUS_M) is this one."""
        camera_id, session = self.current_camera_id(), self._session
        camera = session.camera(camera_id) if session and camera_id else None
        if session is None or camera is None:
            return False
        near = session.nearby(camera.lat, camera.lon, JOIN_RADIUS_M, exclude=camera.id)
        other = next((n.camera for n in near if n.camera is not None), None)
        if other is None:
            text = self.tr("No other camera within %1 m to join.")
            self._status.say(text.replace("%1", f"{JOIN_RADIUS_M:.0f}"))
            return False
        return self._decide(
            [camera.id, other.id], lambda s: joined(s, camera.id, other.id), self.tr("Join")
        )

    def _decide(
        self, camera_ids: list[str], decide: Callable[[ReviewState], ReviewState], text: str
    ) -> bool:
        session = self._session
        if session is None:
            return False
        try:
            before = read_review_state(session.survey, camera_ids)
            session.review(before, decide(before), text)
        except ContrechampError as error:
            self._status.show_error(error)
            return False
        self._status.say(self.tr("%1 — Ctrl+Z undoes it.").replace("%1", text))
        return True
