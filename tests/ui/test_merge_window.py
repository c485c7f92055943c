"""File → Merge surveys in the window: merged off the window's thread, then opened; a late
survey merged into the open merged survey; a hostile file changes nothing and is named."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera
from contrechamp.core.tags import surveillance_tags
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.main_window import MainWindow
from tests.ops.test_merge import dump


def _pair_survey(path: Path, surveyor: str, lat: float, lon: float) -> Path:
    """A pair's survey with one camera at a point (the same camera, seen by every pair)."""
    with SurveyFile.create(path, title=path.stem, surveyor=surveyor) as survey:
        survey.add_camera(Camera(lat, lon, surveillance_tags(), surveyor=surveyor))
    return path


def _merge(qtbot: QtBot, window: MainWindow, out: Path, surveys: list[Path]) -> None:
    assert window.merges.merge(out, surveys)
    assert not window.commands.merge_surveys.isEnabled()  # one merge at a time
    qtbot.waitUntil(lambda: not window.merges.running(), timeout=60_000)
    assert window.commands.merge_surveys.isEnabled()


def test_merging_in_the_window_opens_the_merged_survey_with_double_sightings_grouped(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a = _pair_survey(tmp_path / "a.cartoparty", "Hibou", 43.73300, 7.42500)
    b = _pair_survey(tmp_path / "b.cartoparty", "Renard", 43.73302, 7.42503)  # 3 m away
    out = tmp_path / "merged.cartoparty"
    _merge(qtbot, window, out, [a, b])
    assert window.session is not None
    assert window.session.survey.path == out
    assert window.session.camera_count() == 1  # two sightings, one camera
    assert window.statusBar().currentMessage().startswith("Merged 2 survey")
    assert "1 seen by several pairs" in window.statusBar().currentMessage()


def test_a_late_survey_joins_the_open_merged_survey_and_it_opens_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a = _pair_survey(tmp_path / "a.cartoparty", "Hibou", 43.73300, 7.42500)
    out = tmp_path / "merged.cartoparty"
    _merge(qtbot, window, out, [a])
    late = _pair_survey(tmp_path / "late.cartoparty", "Loutre", 43.73500, 7.42700)
    _merge(qtbot, window, out, [late])
    assert window.session is not None
    assert window.session.survey.path == out
    assert window.session.camera_count() == 2
    with SurveyFile.open_untrusted_readonly(out) as merged:
        assert {s.surveyor for s in merged.source_surveys()} == {"Hibou", "Loutre"}


def test_a_corrupt_survey_changes_nothing_is_named_and_the_open_survey_comes_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a = _pair_survey(tmp_path / "a.cartoparty", "Hibou", 43.73300, 7.42500)
    out = tmp_path / "merged.cartoparty"
    _merge(qtbot, window, out, [a])
    before = dump(out)
    broken = tmp_path / "broken.cartoparty"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    _merge(qtbot, window, out, [broken])
    assert window.session is not None
    assert window.session.survey.path == out  # opened again, as it was
    assert window.message_box is not None
    assert "broken.cartoparty" in window.message_box.text()
    window.set_session(None)
    assert dump(out) == before


def test_a_merge_into_the_merged_survey_is_one_undo_step_and_redo_brings_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a = _pair_survey(tmp_path / "a.cartoparty", "Hibou", 43.73300, 7.42500)
    out = tmp_path / "merged.cartoparty"
    _merge(qtbot, window, out, [a])
    late = _pair_survey(tmp_path / "late.cartoparty", "Loutre", 43.73500, 7.42700)
    _merge(qtbot, window, out, [late])
    session = window.session
    assert session is not None
    assert session.camera_count() == 2
    assert session.undo_stack.undoText() == "Merge surveys"
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: session.camera_count() == 1, timeout=10_000)
    assert window.model.rowCount() == 1  # the list and the map follow
    assert {s.surveyor for s in session.survey.source_surveys()} == {"Hibou"}
    window.commands.redo.trigger()
    qtbot.waitUntil(lambda: session.camera_count() == 2, timeout=10_000)
    assert {s.surveyor for s in session.survey.source_surveys()} == {"Hibou", "Loutre"}
