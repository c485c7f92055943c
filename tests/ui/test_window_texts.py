"""Every text of the field window reads whole at 1024×700, in English and in French.

Each side-panel tab and each page of the first tab (key reminder, form, OSM camera) is shown
with a survey that has counts (drafts to review, photos to place, values to check), with the
panel as opened and as narrow as the splitter lets it go.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QSplitter
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.ops.photo_import import import_photos
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.settings import Settings
from contrechamp.ui.style import FIELD_STYLE
from contrechamp.ui.translations import Translations, i18n_dir
from tests.photos.photo_factory import write_walk
from tests.ui.conftest import OSM_CAMERAS
from tests.ui.text_fit import cut_texts

SIZE = (1024, 700)  # a small laptop screen, the window not maximised
# A camera logged in a hurry: two values to check, nothing typed yet (every hint shows).
TO_CHECK = Camera(
    lat=43.7325,
    lon=7.4262,
    tags={"man_made": "surveillance", "surveillance:type": "ANPR", "camera:angle": "15°"},
    status=Status.DRAFT,
    source=PositionSource.MAP,
    accuracy_m=None,
    surveyor="pair-3",
)


@pytest.fixture
def counted_survey(survey_path: Path, tmp_path: Path) -> Path:
    """The test area with 2 photo drafts to review, 1 photo to place, 1 camera to check."""
    with SurveyFile.open(survey_path) as survey:
        import_photos(survey, [write_walk(tmp_path / "walk")])
        survey.add_camera(TO_CHECK)
    return survey_path


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    """The window's language, from the project's compiled catalogues, in the field style."""
    if request.param != "en" and not (i18n_dir() / f"contrechamp_{request.param}.qm").is_file():
        pytest.fail(f"i18n/contrechamp_{request.param}.qm is missing: run `make translations`")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations()
    app.setStyleSheet(FIELD_STYLE)
    try:
        assert translations.apply(request.param) == request.param
        yield request.param
    finally:
        translations.clear()
        app.setStyleSheet("")


@pytest.fixture
def small_window(
    qtbot: QtBot, language: str, settings: Settings, counted_survey: Path
) -> Iterator[MainWindow]:
    """The window opened at 1024×700 on the counted survey."""
    window = MainWindow(settings, gps=GpsService())
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    assert window.open_survey(counted_survey)
    yield window
    window.close()


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _splits(window: MainWindow) -> Iterator[str]:
    """Show the panel as opened, then dragged as narrow as it goes (the map at its widest)."""
    splitter = window.centralWidget()
    assert isinstance(splitter, QSplitter)
    _settle()
    yield "as opened"
    splitter.setCollapsible(1, False)
    splitter.setSizes([SIZE[0], 1])
    _settle()
    yield "panel at its narrowest"


def _pages(window: MainWindow) -> Iterator[str]:
    """Every page of the side panel: each tab, and the three pages of the first one."""
    window.tabs.setCurrentIndex(0)
    window.panel.setCurrentWidget(window.start)
    yield "key reminder"
    window.select_camera(TO_CHECK.id)
    yield "form of a camera with values to check"
    window.show_existing(OSM_CAMERAS[0])
    yield "camera already in OSM"
    for index in range(1, window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        yield f"tab {window.tabs.tabText(index)!r}"


def test_every_text_of_the_window_reads_whole_at_1024_by_700(
    qtbot: QtBot, small_window: MainWindow, language: str
) -> None:
    window = small_window
    assert (window.width(), window.height()) == SIZE  # no text may widen the window
    assert window.review.draft_count() == 2
    assert window.review.unplaced.photo_model.rowCount() == 1
    found: dict[str, str] = {}  # each cut text once, with where it was first seen
    for split in _splits(window):
        for page in _pages(window):
            _settle()
            for cut in cut_texts(window):
                found.setdefault(cut, f"{language}, {split}, {page}")
    assert window.width() == SIZE[0]
    assert not found, "\n".join(f"{where}: {cut}" for cut, where in found.items())
