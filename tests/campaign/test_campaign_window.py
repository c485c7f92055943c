"""File → Campaign… in the real window (offscreen) against the real throw-away server: status,
a push of the open survey (a consistent copy of it), a pull of the map view or a sector that
opens the new survey, an offline deletion pushed back, the password asked once, Cancel, and
errors told as one translated sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shapely import box

from contrechamp.core.area import Sector
from contrechamp.core.errors import InputError
from contrechamp.ops.campaign import init_campaign_at, push_survey
from contrechamp.store.campaign.records import PUSH_LOCK
from contrechamp.ui import campaign_dialog
from contrechamp.ui.campaign_dialog import CampaignDialog
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.settings import CAMPAIGN_URL, Settings
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import MARSEILLE, METRE_LAT, seen_by, street, table_counts, write_survey

_WAIT_MS = 60_000


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a private INI file."""
    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, tmp_path: Path) -> Iterator[MainWindow]:
    """The window with a survey of 4 cameras along a street in Marseille, open and in view."""
    places = street(4)
    survey = write_survey(tmp_path / "walk.cartoparty", seen_by(places, range(4), 5))
    win = MainWindow(settings, gps=GpsService(replay_speed=50.0))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_survey(survey)
    win.canvas.center_on(places[1][0], MARSEILLE[1], 17)
    yield win
    win.close()


@pytest.fixture(autouse=True)
def _no_typed_password() -> Iterator[None]:
    """Each test starts without a password typed in an earlier one."""
    campaign_dialog._SESSION_PASSWORDS.clear()
    yield
    campaign_dialog._SESSION_PASSWORDS.clear()


@pytest.fixture
def campaign(campaign_db: str) -> str:
    """An empty campaign."""
    init_campaign_at(campaign_db)
    return campaign_db


def _dialog(window: MainWindow, url: str) -> CampaignDialog:
    window.commands.campaign.trigger()
    dialog = window.campaign_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.url_edit.setText(url)
    return dialog


def _wait(qtbot: QtBot, dialog: CampaignDialog) -> str:
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=_WAIT_MS)
    return dialog.result_label.text()


def _wait_opened(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Wait until the window shows the survey pulled into ``path``."""
    qtbot.waitUntil(
        lambda: window.session is not None and window.session.survey.path == path,
        timeout=_WAIT_MS,
    )


def _admin(cluster: Cluster, url: str):  # type: ignore[no-untyped-def]
    return cluster.admin(url.rsplit("/", 1)[1])


def test_the_menu_item_is_in_the_file_menu_and_the_address_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: Settings, campaign: str
) -> None:
    file_menu = window.commands.menus[0]
    assert window.commands.campaign in file_menu.actions()
    assert window.commands.campaign.text() == "Campaign…"
    dialog = _dialog(window, campaign)
    dialog.status_button.click()
    text = _wait(qtbot, dialog)
    assert text.startswith("0 camera(s) in the campaign, 0 confirmed.")
    assert settings.get(CAMPAIGN_URL) == campaign
    dialog.reject()
    window.commands.campaign.trigger()  # shown again: the same dialog, the address kept
    assert window.campaign_dialog is dialog
    assert dialog.url_edit.text() == campaign


def test_pushing_the_open_survey_pushes_a_copy_and_the_survey_stays_open(
    qtbot: QtBot, window: MainWindow, pg_cluster: Cluster, campaign: str
) -> None:
    dialog = _dialog(window, campaign)
    dialog.comment_edit.setText("Belsunce")
    assert dialog.push()
    assert not dialog.push_button.isEnabled()  # one action at a time
    assert _wait(qtbot, dialog) == "Pushed: 4 camera(s) added, 0 changed, 0 conflict(s) to decide."
    with _admin(pg_cluster, campaign) as connection:
        pushes = connection.execute("SELECT pusher, comment FROM campaign.pushes").fetchall()
    assert pushes == [("pair-zebra", "Belsunce")]
    assert window.session is not None
    assert window.session.survey.path.name == "walk.cartoparty"
    assert window.session.camera_count() == 4
    with pytest.raises(InputError) as refused:  # why the window pushes a copy
        push_survey(window.session.survey.path, campaign)
    assert refused.value.code == "file.held"
    assert dialog.push()
    assert _wait(qtbot, dialog).startswith("Nothing new to push")


def test_pulling_the_map_view_opens_a_new_survey_with_the_cameras_in_view(
    qtbot: QtBot, window: MainWindow, campaign: str, tmp_path: Path
) -> None:
    far = street(3, start=(MARSEILLE[0] + 2000 * METRE_LAT, MARSEILLE[1]))
    push_survey(
        write_survey(tmp_path / "near.cartoparty", seen_by(street(4), range(4), 7)), campaign
    )
    push_survey(write_survey(tmp_path / "far.cartoparty", seen_by(far, range(3), 8)), campaign)
    dialog = _dialog(window, campaign)
    assert dialog.area_box.currentData() is None  # the map view
    out = tmp_path / "next-walk.cartoparty"
    assert dialog.pull(out)
    _wait_opened(qtbot, window, out)
    assert window.session is not None
    assert window.session.camera_count() == 4  # the 3 cameras 2 km north are out of view
    assert dialog.result_label.text() == "Pulled 4 camera(s) into next-walk.cartoparty."


def test_pulling_a_sector_of_the_campaign_without_photos(
    qtbot: QtBot, window: MainWindow, campaign: str, tmp_path: Path
) -> None:
    places = street(6)
    north = box(5.36, places[3][0] - 5 * METRE_LAT, 5.38, 43.40)
    cameras = seen_by(places, range(6), 9)
    push_survey(
        write_survey(tmp_path / "sectors.cartoparty", cameras, sectors=[Sector("Nord", north.wkb)]),
        campaign,
    )
    dialog = _dialog(window, campaign)
    dialog.status_button.click()  # the campaign's sectors join the list
    _wait(qtbot, dialog)
    dialog.area_box.setCurrentIndex(dialog.area_box.findData("Nord"))
    dialog.photos_box.setChecked(False)
    out = tmp_path / "nord.cartoparty"
    assert dialog.pull(out)
    _wait_opened(qtbot, window, out)
    assert window.session is not None
    assert window.session.camera_count() == 3
    assert [s.name for s in window.session.survey.sectors()] == ["Nord"]


def test_a_camera_deleted_in_the_window_is_marked_deleted_by_the_next_push(
    qtbot: QtBot, window: MainWindow, pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    dialog = _dialog(window, campaign)
    assert dialog.push()
    _wait(qtbot, dialog)
    out = tmp_path / "pulled.cartoparty"
    assert dialog.pull(out)
    _wait_opened(qtbot, window, out)
    assert window.session is not None
    gone = window.session.cameras()[0].id
    window.sightings.delete_camera(gone)
    assert window.session.camera(gone) is None
    assert dialog.push()
    text = _wait(qtbot, dialog)
    assert "1 camera(s) deleted here are marked deleted in the campaign." in text
    with _admin(pg_cluster, campaign) as connection:
        row = connection.execute(
            "SELECT status, revision FROM campaign.cameras WHERE id = %s", (gone,)
        ).fetchone()
    assert row == ("rejected", 2)


def test_without_a_password_the_dialog_asks_once_and_keeps_it_for_the_session(
    qtbot: QtBot,
    window: MainWindow,
    pg_cluster: Cluster,
    campaign: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = tmp_path / "pgpass"
    empty.write_text("", encoding="utf-8")
    empty.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    dialog = _dialog(window, campaign)
    dialog.status_button.click()
    qtbot.waitUntil(lambda: dialog.password_dialog is not None, timeout=_WAIT_MS)
    asked = dialog.password_dialog
    assert asked is not None
    assert "password" in asked.reason_label.text()
    assert asked.keep_box.isChecked()  # offered, and the keyring is the place
    asked.password_edit.setText(pg_cluster.password)
    asked.accept()
    text = _wait(qtbot, dialog)
    assert text.startswith("0 camera(s) in the campaign")
    assert text.endswith("No keyring: the password is kept until Contrechamp quits.")
    dialog.status_button.click()  # the typed password is used again: not asked twice
    assert _wait(qtbot, dialog).startswith("0 camera(s) in the campaign")
    assert dialog.password_dialog is None


def test_a_wrong_typed_password_is_told_in_one_sentence_and_forgotten(
    qtbot: QtBot,
    window: MainWindow,
    campaign: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    dialog = _dialog(window, campaign)
    dialog.status_button.click()
    qtbot.waitUntil(lambda: dialog.password_dialog is not None, timeout=_WAIT_MS)
    asked = dialog.password_dialog
    assert asked is not None
    asked.password_edit.setText("not-the-password")
    asked.accept()
    text = _wait(qtbot, dialog)
    assert text == (
        "The campaign server refused the password: check the one in the keyring, PGPASSWORD "
        "or ~/.pgpass."
    )
    assert dialog.password_dialog is None  # asked once, not again for this try
    assert campaign_dialog._SESSION_PASSWORDS == {}


def test_an_address_holding_a_password_is_refused_before_anything_runs(
    window: MainWindow, settings: Settings
) -> None:
    dialog = _dialog(window, "postgresql://ana:secret@localhost/tp")
    dialog.status_button.click()
    assert not dialog.busy()
    assert dialog.result_label.text().startswith("The campaign address holds a password")
    assert settings.get(CAMPAIGN_URL) == ""  # never stored


def test_an_unreachable_server_is_one_sentence(
    qtbot: QtBot, window: MainWindow, pg_cluster: Cluster
) -> None:
    dialog = _dialog(window, f"postgresql://{pg_cluster.user}@127.0.0.1:1/nothing")
    dialog.status_button.click()
    assert _wait(qtbot, dialog) == (
        "The campaign server cannot be reached: check its address and the network."
    )


def test_cancel_during_a_push_changes_nothing_in_the_campaign(
    qtbot: QtBot, window: MainWindow, pg_cluster: Cluster, campaign: str
) -> None:
    dialog = _dialog(window, campaign)
    with _admin(pg_cluster, campaign) as holder:
        before = table_counts(holder)
        with holder.transaction():
            holder.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))  # the push waits
            assert dialog.push()
            assert dialog.cancel_button.isVisible()
            qtbot.wait(300)
            dialog.cancel_button.click()
        text = _wait(qtbot, dialog)
        assert text == "The campaign action was stopped: nothing was changed."
        assert table_counts(holder) == before
    assert window.session is not None
    assert dialog.push()  # and the next push goes through
    assert _wait(qtbot, dialog).startswith("Pushed: 4 camera(s) added")


def test_a_push_without_an_open_survey_is_not_offered(window: MainWindow, campaign: str) -> None:
    dialog = _dialog(window, campaign)
    window.set_session(None)
    assert not dialog.push_button.isEnabled()
    assert not dialog.push()
    assert dialog.pull_button.isEnabled()  # a pull needs no survey open
