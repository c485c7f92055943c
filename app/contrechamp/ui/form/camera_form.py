"""The camera form: every field of one camera; each change is written at once and undoable."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.camera import Camera, PositionSource, Status, utc_now
from contrechamp.core.errors import ContrechampError
from contrechamp.core.tags import read_camera, set_value
from contrechamp.core.validation import check_tags, fixable
from contrechamp.ui.form.choices import match_choice, status_label
from contrechamp.ui.form.compass import CompassRose
from contrechamp.ui.form.edits import direction_tags, fixed_tags, number_tags
from contrechamp.ui.form.fields import ChoiceField, NotesField, TextField
from contrechamp.ui.form.hints import field_hint, set_hint
from contrechamp.ui.form.photos import PhotoStrip
from contrechamp.ui.form.sheet_line import SheetLineField
from contrechamp.ui.messages import field_name, problem_text
from contrechamp.ui.session import SurveySession
from contrechamp.ui.undo import end_step

__all__ = ["CameraForm"]

_CHOICE_KEYS = ("surveillance:type", "surveillance", "camera:type", "camera:mount")


class CameraForm(QWidget):
    """Edits the camera chosen with ``show_camera``.

    Keyboard: every field has an Alt mnemonic and Tab order follows the form; Enter saves
    (``saved``), Escape goes back to the map (``closed``). Choice fields complete as you type.
    """

    saved = Signal(str)  # camera id
    closed = Signal()
    failed = Signal(object)  # ContrechampError
    glossary_requested = Signal()
    delete_requested = Signal(str)  # camera id

    def __init__(self, session: SurveySession | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: SurveySession | None = None
        self._camera_id: str | None = None
        self._build_fields()
        self._build_layout()
        self._connect()
        self.retranslate_ui()
        if session is not None:
            self.set_session(session)

    def _build_fields(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("formTitle")
        self.position = QLabel()
        self.position.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("nearWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.choices = {key: ChoiceField(key) for key in (*_CHOICE_KEYS, "surveillance:zone")}
        self.direction = TextField()
        self.compass = CompassRose()
        self.points = QCheckBox()
        self.points.setChecked(True)
        self.height_field = TextField()
        self.angle = TextField()
        self.operator = TextField()
        self.notes = NotesField()
        self.notes.setFixedHeight(60)
        self.sheet_line = SheetLineField()
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(status_label(status), status)
        self.photos = PhotoStrip(None)
        self._build_checks_and_buttons()

    def _build_checks_and_buttons(self) -> None:
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.fix_button = QPushButton()
        self.glossary_button = QPushButton()
        self.delete_button = QPushButton()
        self.done_button = QPushButton()
        self.done_button.setDefault(True)

    def _build_layout(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        rows: list[tuple[str, QWidget]] = [
            *((key, self.choices[key]) for key in _CHOICE_KEYS),
            ("camera:direction", self._direction_row()),
            ("height", self.height_field),
            ("camera:angle", self.angle),
            ("surveillance:zone", self.choices["surveillance:zone"]),
            ("operator", self.operator),
            ("notes", self.notes),
            ("sheet_line", self.sheet_line),
            ("status", self.status),
        ]
        for key, widget in rows:
            label = QLabel()
            label.setBuddy(self.direction if key == "camera:direction" else widget)
            self.labels[key] = label
            self.form.addRow(label, widget)
        self._add_columns()

    def _direction_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        typed = QVBoxLayout()
        typed.addWidget(self.direction)
        typed.addWidget(self.points, 0, Qt.AlignmentFlag.AlignLeft)
        typed.addStretch(1)
        line.addLayout(typed, 1)
        line.addWidget(self.compass, 0)
        return row

    def _add_columns(self) -> None:
        problems = QHBoxLayout()
        problems.addWidget(self.problems, 1)
        problems.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.glossary_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.position)
        column.addWidget(self.warning)
        column.addLayout(problems)
        column.addLayout(self.form)
        column.addWidget(self.photos)
        column.addStretch(1)
        column.addLayout(buttons)

    def _connect(self) -> None:
        for key, field in self.choices.items():
            field.committed.connect(lambda value, k=key: self._edit_tags(k, _choice_edit(k, value)))
        self.direction.committed.connect(
            lambda text: self._edit_tags("camera:direction", lambda t: direction_tags(t, text))
        )
        self.compass.direction_picked.connect(self._on_compass_picked)
        self.points.toggled.connect(lambda on: self.compass.set_points(16 if on else 8))
        for key, edit in (("height", self.height_field), ("camera:angle", self.angle)):
            edit.committed.connect(
                lambda text, k=key: self._edit_tags(k, lambda t: number_tags(t, k, text))
            )
        self.operator.committed.connect(
            lambda text: self._edit_tags("operator", lambda t: set_value(t, "operator", text))
        )
        self.notes.committed.connect(self._on_notes_committed)
        self.sheet_line.failed.connect(self.failed)
        self.status.activated.connect(self._on_status_activated)
        self.photos.failed.connect(self.failed)
        self.fix_button.clicked.connect(self._on_fix_clicked)
        self.glossary_button.clicked.connect(self.glossary_requested)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.done_button.clicked.connect(self._save_and_leave)

    def retranslate_ui(self) -> None:
        """Refresh every translated text of the form."""
        texts = {
            "surveillance:type": self.tr("&Kind"),
            "surveillance": self.tr("&Area filmed"),
            "camera:type": self.tr("&Type"),
            "camera:mount": self.tr("&Mount"),
            "camera:direction": self.tr("&Direction"),
            "height": self.tr("&Height (m)"),
            "camera:angle": self.tr("T&ilt (° down)"),
            "surveillance:zone": self.tr("&Zone"),
            "operator": self.tr("&Operator"),
            "notes": self.tr("&Notes (private)"),
            "sheet_line": self.tr("Sheet &line"),
            "status": self.tr("&Status"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self._retranslate_fields()
        self._refresh()

    def _retranslate_fields(self) -> None:
        for field in self.choices.values():
            field.retranslate_ui()
        for row in range(self.status.count()):
            self.status.setItemText(row, status_label(Status(self.status.itemData(row))))
        self.compass.retranslate_ui()
        self._retranslate_hints()
        self.notes.setPlaceholderText(self.tr("Never sent to OpenStreetMap"))
        self.points.setText(self.tr("16 points"))
        self.fix_button.setText(self.tr("&Use suggestions"))
        self.glossary_button.setText(self.tr("&Glossary (F1)"))
        self.delete_button.setText(self.tr("Delete"))
        self.done_button.setText(self.tr("Done (Enter)"))

    def _retranslate_hints(self) -> None:
        """Short placeholders the fields always fit; the details are in the tooltips."""
        edits = {"camera:direction": self.direction, "height": self.height_field}
        edits |= {"camera:angle": self.angle, "operator": self.operator}
        for key, edit in edits.items():
            set_hint(edit, *field_hint(key), self.labels[key])
        self.sheet_line.retranslate_ui(self.labels["sheet_line"])

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_session(self, session: SurveySession | None) -> None:
        """Edit the cameras of another open survey (None when it closes)."""
        if self._session is not None:
            self._session.camera_changed.disconnect(self._on_camera_changed)
        self._session = session
        self.photos.set_session(session)
        self.sheet_line.set_session(session)
        if session is not None:
            session.camera_changed.connect(self._on_camera_changed)
        self.show_camera(None)

    @property
    def camera_id(self) -> str | None:
        """The id of the camera being edited."""
        return self._camera_id

    def camera(self) -> Camera | None:
        """The camera being edited, as last saved."""
        if self._session is None or self._camera_id is None:
            return None
        return self._session.camera(self._camera_id)

    def show_camera(self, camera_id: str | None) -> None:
        """Edit another camera (None: nothing to edit)."""
        self._camera_id = camera_id
        self.set_warning("")
        self.photos.show_camera(camera_id)
        self.sheet_line.show_camera(camera_id)
        self._refresh()

    def focus_first(self) -> None:
        """Put the cursor in the camera type, the field walkers set first."""
        field = self.choices["camera:type"]
        field.setFocus(Qt.FocusReason.TabFocusReason)
        edit = field.lineEdit()
        if edit is not None:
            edit.selectAll()

    def set_warning(self, text: str) -> None:
        """Show (or hide, with "") a warning above the fields, e.g. a camera very close by."""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def apply_tags(self, tags: Mapping[str, str], text: str) -> None:
        """Set several tags at once as one undo step (e.g. from the glossary)."""
        self._edit_tags(None, lambda t: {**t, **tags}, text)

    def _on_camera_changed(self, camera: Camera) -> None:
        if camera.id == self._camera_id:
            self._refresh()

    def _refresh(self) -> None:
        camera = self.camera()
        self.setEnabled(camera is not None)
        if camera is None:
            self.title.setText(self.tr("No camera selected"))
            self.position.setText("")
            self.problems.setText("")
            self.fix_button.hide()
            return
        self._show_values(camera)
        self._show_header(camera)
        self._show_problems(camera)

    def _show_values(self, camera: Camera) -> None:
        reading = read_camera(camera.tags)
        for key, field in self.choices.items():
            field.set_value(camera.tags.get(key))
        self.direction.set_value(reading.direction.raw)
        self.compass.set_direction_text(reading.direction.raw or "")
        self.height_field.set_value(reading.height.raw)
        self.angle.set_value(reading.angle.raw)
        self.operator.set_value(reading.operator.raw)
        self.notes.set_value(camera.notes)
        self.status.setCurrentIndex(self.status.findData(camera.status))

    def _show_header(self, camera: Camera) -> None:
        self.title.setText(self.tr("Camera · %1").replace("%1", status_label(camera.status)))
        where = {
            PositionSource.GPS: self.tr("Placed at your GPS position"),
            PositionSource.MAP: self.tr("Placed on the map"),
            PositionSource.PHOTO: self.tr("Placed from a photo"),
            PositionSource.IMPORT: self.tr("Position from a file or from OSM"),
        }[camera.source]
        if camera.accuracy_m is not None:
            where += " " + self.tr("(±%1 m)").replace("%1", f"{camera.accuracy_m:.0f}")
        if camera.osm_id is not None:
            where += "\n" + self.tr("Re-checks OSM camera %1").replace("%1", str(camera.osm_id))
        self.position.setText(where + f"\n{camera.lat:.6f}, {camera.lon:.6f}")

    def _show_problems(self, camera: Camera) -> None:
        problems = check_tags(camera.tags)
        lines = [problem_text(p) for p in problems]
        header = self.tr("To check:") if lines else ""
        self.problems.setText("\n".join([header, *("• " + line for line in lines)]).strip())
        self.problems.setVisible(bool(lines))
        self.fix_button.setVisible(bool(fixable(problems)))

    def _edit_tags(
        self,
        key: str | None,
        change: Callable[[Mapping[str, str]], dict[str, str]],
        text: str | None = None,
    ) -> None:
        camera = self.camera()
        if camera is None:
            return
        tags = change(camera.tags)
        if tags != dict(camera.tags):
            step = text or self.tr("Change %1").replace("%1", field_name(key or ""))
            self._save(camera.with_tags(tags), step, key)

    def _save(self, camera: Camera, text: str, field: str | None) -> None:
        if self._session is None:
            return
        try:
            self._session.edit_camera(camera, text, field)
        except ContrechampError as error:
            self.failed.emit(error)
            self._refresh()

    def _on_compass_picked(self, text: str) -> None:
        self.direction.set_value(text)
        self._edit_tags("camera:direction", lambda t: direction_tags(t, text))

    def _on_notes_committed(self, text: str) -> None:
        camera = self.camera()
        if camera is not None and camera.notes != text:
            changed = replace(camera, notes=text, updated_at=utc_now())
            self._save(changed, self.tr("Change notes"), "notes")

    def _on_status_activated(self, _row: int) -> None:
        camera = self.camera()
        status = Status(self.status.currentData())
        if camera is not None and camera.status != status:
            changed = replace(camera, status=status, updated_at=utc_now())
            self._save(changed, self.tr("Change status"), "status")

    def _on_fix_clicked(self) -> None:
        self._edit_tags(None, fixed_tags, self.tr("Use suggestions"))

    def _on_delete_clicked(self) -> None:
        if self._camera_id is not None:
            self.delete_requested.emit(self._camera_id)

    def _save_and_leave(self) -> None:
        focused = self.focusWidget()
        fields: list[ChoiceField | TextField | NotesField] = [
            *self.choices.values(),
            self.direction,
            self.height_field,
            self.angle,
            self.operator,
            self.notes,
            self.sheet_line,
        ]
        for field in fields:
            if focused is not None and (focused is field or field.isAncestorOf(focused)):
                field.commit()
        if self._session is not None:
            end_step(self._session.undo_stack)  # saved for good: the next edit is a new step
        if self._camera_id is not None:
            self.saved.emit(self._camera_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter saves and goes back to the map; Escape goes back without more changes."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save_and_leave()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


def _choice_edit(key: str, value: str) -> Callable[[Mapping[str, str]], dict[str, str]]:
    clean = match_choice(key, value) or value
    return lambda tags: set_value(tags, key, clean)
