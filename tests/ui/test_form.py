"""The camera form: each field typed with the keyboard is saved at once, odd values kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.core.photo import PhotoRole
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.form.camera_form import _CHOICE_KEYS, CameraForm
from contrechamp.ui.form.edits import direction_tags, fixed_tags, number_tags
from contrechamp.ui.form.fields import ChoiceField
from contrechamp.ui.form.photos import PhotoViewer
from contrechamp.ui.glossary.entries import ENTRIES
from contrechamp.ui.session import SurveySession


@pytest.fixture
def form(qtbot: QtBot, session: SurveySession) -> CameraForm:
    """A form editing one new camera of a real survey."""
    widget = CameraForm(session)
    qtbot.addWidget(widget)
    widget.set_session(session)
    camera = Camera(43.7320, 7.4230, {"man_made": "surveillance", "surveillance": "public"})
    session.add_camera(camera, "Add")
    widget.show_camera(camera.id)
    widget.show()
    return widget


def _tags(form: CameraForm) -> dict[str, str]:
    camera = form.camera()
    assert camera is not None
    return dict(camera.tags)


def _type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    target = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    target.selectAll()
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Tab)


def _on_disk(form: CameraForm) -> dict[str, str]:
    camera = form.camera()
    assert camera is not None
    assert form._session is not None
    with SurveyFile.open(form._session.survey.path) as survey:
        return dict(survey.camera(camera.id).tags)


@pytest.mark.parametrize(
    ("key", "typed", "expected"),
    [
        ("surveillance:type", "plate", "ALPR"),
        ("surveillance:type", "guard", "guard"),
        ("surveillance", "indoor", "indoor"),
        ("camera:type", "dome", "dome"),
        ("camera:mount", "street", "street_lamp"),
        ("surveillance:zone", "parking", "parking"),
    ],
)
def test_choice_fields_complete_as_you_type_and_save_at_once(
    qtbot: QtBot, form: CameraForm, key: str, typed: str, expected: str
) -> None:
    _type_into(qtbot, form.choices[key], typed)
    assert _tags(form)[key] == expected
    assert _on_disk(form)[key] == expected


@pytest.mark.parametrize(
    ("field", "key", "typed", "expected"),
    [
        ("height_field", "height", "4,5", "4.5"),
        ("angle", "camera:angle", "20", "20"),
        ("direction", "camera:direction", "90-270", "90-270"),
        ("direction", "camera:direction", "ne;sw", "NE;SW"),
        ("operator", "operator", "Ville de Paris", "Ville de Paris"),
    ],
)
def test_text_fields_write_clean_values(
    qtbot: QtBot, form: CameraForm, field: str, key: str, typed: str, expected: str
) -> None:
    _type_into(qtbot, getattr(form, field), typed)
    assert _on_disk(form)[key] == expected


@pytest.mark.parametrize(
    ("field", "key", "typed"),
    [
        ("height_field", "height", "about 4 m"),
        ("angle", "camera:angle", "15°"),
        ("direction", "camera:direction", "towards the bank"),
    ],
)
def test_messy_values_are_kept_as_typed_and_flagged(
    qtbot: QtBot, form: CameraForm, field: str, key: str, typed: str
) -> None:
    _type_into(qtbot, getattr(form, field), typed)
    assert _on_disk(form)[key] == typed
    assert typed in form.problems.text()


def test_an_unknown_choice_is_kept_and_flagged(qtbot: QtBot, form: CameraForm) -> None:
    _type_into(qtbot, form.choices["camera:mount"], "bus shelter")
    assert _tags(form)["camera:mount"] == "bus shelter"
    assert "bus shelter" in form.problems.text()
    assert form.choices["camera:mount"].currentText() == "bus shelter"


def test_use_suggestions_fixes_what_is_clear_in_one_step(qtbot: QtBot, form: CameraForm) -> None:
    _type_into(qtbot, form.angle, "15°")
    assert form.fix_button.isVisibleTo(form)
    form.fix_button.click()
    assert _tags(form)["camera:angle"] == "15"
    assert form.problems.text() == ""
    assert form._session is not None
    form._session.undo_stack.undo()
    assert _tags(form)["camera:angle"] == "15°"


def test_compass_click_and_arrow_keys_set_the_direction(qtbot: QtBot, form: CameraForm) -> None:
    rose = form.compass
    centre = rose.rect().center()
    east = QPoint(rose.width() - 6, centre.y())
    qtbot.mouseClick(rose, Qt.MouseButton.LeftButton, pos=east)
    assert _on_disk(form)["camera:direction"] == "90"
    qtbot.keyClick(rose, Qt.Key.Key_Right)
    assert _tags(form)["camera:direction"] == "112.5"
    form.points.setChecked(False)  # 8 points
    qtbot.keyClick(rose, Qt.Key.Key_Right)
    assert _tags(form)["camera:direction"] == "157.5"
    west = QPoint(6, centre.y())
    qtbot.mouseClick(rose, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, west)
    assert _tags(form)["camera:direction"] == "157.5;270"
    assert form.direction.text() == "157.5;270"


def test_compass_edits_merge_into_one_undo_step(qtbot: QtBot, form: CameraForm) -> None:
    assert form._session is not None
    steps = form._session.undo_stack.count()
    for _ in range(4):
        qtbot.keyClick(form.compass, Qt.Key.Key_Right)
    assert form._session.undo_stack.count() == steps + 1
    form._session.undo_stack.undo()
    assert "camera:direction" not in _tags(form)


def test_notes_are_saved_but_are_not_a_tag(qtbot: QtBot, form: CameraForm) -> None:
    form.notes.setFocus()
    qtbot.keyClicks(form.notes, "behind the bus stop")
    form.operator.setFocus()
    camera = form.camera()
    assert camera is not None
    assert camera.notes == "behind the bus stop"
    assert "behind the bus stop" not in camera.tags.values()


def test_status_is_chosen_from_the_keyboard(qtbot: QtBot, form: CameraForm) -> None:
    form.status.setFocus()
    qtbot.keyClicks(form.status, "c")
    form.status.activated.emit(form.status.currentIndex())
    camera = form.camera()
    assert camera is not None
    assert camera.status == Status.CONFIRMED


def test_enter_saves_and_escape_leaves(qtbot: QtBot, form: CameraForm) -> None:
    form.height_field.setFocus()
    qtbot.keyClicks(form.height_field, "3")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.height_field, Qt.Key.Key_Return)
    assert _on_disk(form)["height"] == "3"
    with qtbot.waitSignal(form.closed):
        qtbot.keyClick(form.height_field, Qt.Key.Key_Escape)


def test_every_field_has_a_keyboard_mnemonic(qtbot: QtBot, form: CameraForm) -> None:
    letters = [label.text().split("&", 1)[1][0].lower() for label in form.labels.values()]
    assert len(letters) == len(set(letters))
    assert all(label.buddy() is not None for label in form.labels.values())


def test_glossary_values_apply_as_one_step(qtbot: QtBot, form: CameraForm) -> None:
    alpr = next(e for e in ENTRIES if e.drawing == "alpr")
    form.apply_tags(alpr.tags, "Glossary")
    tags = _tags(form)
    assert tags["surveillance:type"] == "ALPR"
    assert tags["surveillance:zone"] == "traffic"
    assert form.choices["surveillance:type"].value() == "ALPR"
    assert form._session is not None
    form._session.undo_stack.undo()
    assert "surveillance:type" not in _tags(form)


def test_photos_are_attached_shown_and_undone(
    qtbot: QtBot, form: CameraForm, shared_data: Path
) -> None:
    photo = shared_data / "photos" / "jpg_gps_DSCN0010.jpg"
    form.photos.role.setCurrentIndex(form.photos.role.findData(PhotoRole.WIDE))
    form.photos.attach_files([photo])
    thumbnails = form.photos.photo_model
    qtbot.waitUntil(lambda: thumbnails.rowCount() == 1, timeout=10000)
    assert form._session is not None
    camera_id = form.camera_id
    assert camera_id is not None
    stored = form._session.survey.photos(camera_id)
    assert [(p.filename, p.role) for p in stored] == [(photo.name, PhotoRole.WIDE)]
    assert stored[0].lat == pytest.approx(43.4674483, abs=1e-5)
    assert thumbnails.index(0).data(Qt.ItemDataRole.DecorationRole).isNull() is False
    shown: list[tuple[str, int]] = []

    def look_and_close() -> None:
        viewer = QApplication.activeModalWidget()
        assert viewer is not None
        assert isinstance(viewer, PhotoViewer)
        shown.append((viewer.windowTitle(), viewer.editor.image().width()))
        viewer.close()

    QTimer.singleShot(200, look_and_close)
    form.photos.thumbnails.activated.emit(thumbnails.index(0))
    assert shown == [(photo.name, 640)]
    form._session.undo_stack.undo()
    assert form._session.survey.photos(camera_id) == []


def test_a_file_that_is_not_a_photo_is_refused_with_a_code(
    qtbot: QtBot, form: CameraForm, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.jpg"
    bogus.write_text("not a photo", encoding="utf-8")
    with qtbot.waitSignal(form.failed) as failed:
        form.photos.attach_files([bogus])
    assert failed.args[0].code == "photo.unsupported"  # the one photo reader says what it is


def test_edit_helpers_write_documented_values() -> None:
    assert number_tags({}, "height", "nan") == {"height": "nan"}
    assert number_tags({"height": "4"}, "height", "") == {}
    assert direction_tags({"direction": "E", "camera:direction": "1"}, "") == {}
    assert fixed_tags({"man_made": "surveillance", "surveillance:direction": "90"}) == {
        "man_made": "surveillance",
        "camera:direction": "90",
    }


def test_tab_walks_every_field_in_form_order(qtbot: QtBot, form: CameraForm) -> None:
    expected = [
        *(form.choices[k] for k in _CHOICE_KEYS),
        form.direction,
        form.points,
        form.compass,
        form.height_field,
        form.angle,
        form.choices["surveillance:zone"],
        form.operator,
        form.notes,
        form.sheet_line,
        form.status,
    ]
    form.choices["surveillance:type"].setFocus()
    visited = [form.focusWidget()]
    for _ in range(len(expected) - 1):
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        visited.append(form.focusWidget())
    assert [_field_of(w) for w in visited] == expected


def _field_of(widget: QWidget | None) -> QWidget | None:
    """The form field a focused widget belongs to (a combo box's line edit -> the combo)."""
    parent = widget.parentWidget() if widget is not None else None
    return parent if isinstance(parent, ChoiceField) else widget
