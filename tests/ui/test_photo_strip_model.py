"""The photo strips' one list model: thumbnails read lazily, labels, tips and photo ids."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.photos.photo_strip_model import PHOTO_ROLE, PhotoStripModel
from tests.photos.photo_factory import jpeg_bytes


def _info(name: str, role: PhotoRole = PhotoRole.CLOSE_UP) -> PhotoInfo:
    return PhotoInfo(None, None, "", name, "image/jpeg", role)


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[SurveyFile]:
    """A survey with a photo that has a 40 × 30 preview and one without any preview yet."""
    with SurveyFile.create(tmp_path / "strip.cartoparty", surveyor="ana") as survey:
        survey.add_photo(_info("IMG_1.jpg"), jpeg_bytes(color="red"), jpeg_bytes(size=(40, 30)))
        survey.add_photo(_info("IMG_2.jpg", PhotoRole.WIDE), jpeg_bytes(color="blue"))
        yield survey


@pytest.fixture
def snapshot(writer: SurveyFile) -> Iterator[SurveyFile]:
    """The read-only connection the window reads from, as the session's ``survey``."""
    reader = SurveyFile.reader(writer.path)
    yield reader
    reader.close()


@pytest.fixture
def model(qtbot: QtBot, snapshot: SurveyFile) -> PhotoStripModel:
    strip = PhotoStripModel(lambda photo: f"{photo.role.value} label")
    strip.set_photos(snapshot, snapshot.photos())
    return strip


def _icon(model: PhotoStripModel, row: int) -> QIcon:
    icon = model.index(row).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    return icon


def test_the_strip_is_a_sound_qt_model(qtmodeltester: ModelTester, model: PhotoStripModel) -> None:
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    model.set_photos(None, [])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_a_row_shows_its_label_file_name_and_photo(model: PhotoStripModel) -> None:
    first = model.index(0)
    assert first.data(Qt.ItemDataRole.DisplayRole) == "close_up label"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "IMG_1.jpg"
    photo = first.data(PHOTO_ROLE)
    assert isinstance(photo, PhotoInfo)
    assert photo == model.photo(0)
    assert photo.id is not None
    assert model.row_of(photo.id) == 0
    assert model.index(1).data(Qt.ItemDataRole.DisplayRole) == "wide label"
    assert model.photo(2) is None
    assert model.row_of(None) == -1


def test_a_photo_id_beyond_32_bits_comes_back_whole(qtbot: QtBot, snapshot: SurveyFile) -> None:
    big = PhotoInfo(2**40 + 7, None, "", "IMG_9.jpg", "image/jpeg")
    model = PhotoStripModel(lambda photo: photo.filename)
    model.set_photos(snapshot, [big, _info("not stored yet.jpg")])  # the second has no id
    assert model.rowCount() == 1
    assert model.index(0).data(PHOTO_ROLE).id == 2**40 + 7
    assert model.row_of(2**40 + 7) == 0
    assert not _icon(model, 0).isNull()  # not in this survey: a plain icon, no error


def test_a_photo_without_a_preview_shows_a_plain_icon(model: PhotoStripModel) -> None:
    assert _icon(model, 0).availableSizes() == [QSize(40, 30)]
    plain = _icon(model, 1)
    assert not plain.isNull()
    assert QSize(40, 30) not in plain.availableSizes()


def test_a_preview_is_decoded_once_until_the_photos_are_set_again(
    model: PhotoStripModel, writer: SurveyFile, snapshot: SurveyFile
) -> None:
    assert _icon(model, 0).availableSizes() == [QSize(40, 30)]
    photo = model.photo(0)
    assert photo is not None
    assert photo.id is not None
    writer.set_thumbnail(photo.id, jpeg_bytes(size=(32, 24)))  # previews made in background
    assert _icon(model, 0).availableSizes() == [QSize(40, 30)]
    model.set_photos(snapshot, snapshot.photos())
    assert _icon(model, 0).availableSizes() == [QSize(32, 24)]


def test_relabel_redraws_every_label(qtbot: QtBot, model: PhotoStripModel) -> None:
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.relabel()
    first, last, roles = changed.args or []
    assert (first.row(), last.row()) == (0, 1)
    assert roles == [Qt.ItemDataRole.DisplayRole]
