"""File → Campaign…: the shared campaign (PostgreSQL + PostGIS) from the window.

The same actions as ``contrechamp campaign``: *Status*, *Push this survey* (with a comment)
and *Pull into a new survey* (the map view or a sector, with or without photos; the new
survey opens). The campaign's address is remembered in the settings; it never holds the
password, which comes from the keyring, ``PGPASSWORD`` or ``~/.pgpass`` as for the command
line. When none is found (or it is refused), the dialog asks once and offers to keep the
answer in the keyring; without a keyring it is kept in memory until Contrechamp quits.

Everything that waits on the network runs off the GUI thread: a push as one of the open
survey's jobs (``ui/survey_jobs.py``, in turn with the window's other work on the file), a
status or a pull as a background task (``ui/tasks.py``). A push refuses the open survey's
file, so the job pushes a consistent copy of it, made with SQLite's backup API
(``copy_survey``). Push and pull stop when asked (nothing is changed); errors are told as one
translated sentence.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.area import BBox
from contrechamp.core.errors import ContrechampError
from contrechamp.ui.messages import error_text, failure_text
from contrechamp.ui.settings import CAMPAIGN_URL, Settings
from contrechamp.ui.survey_jobs import SurveyJob, SurveyJobs
from contrechamp.ui.tasks import Task, run_task
from contrechamp.ui.window_parts import OpenSurvey

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from contrechamp.ops.campaign import CampaignStatus, PushResult
    from contrechamp.ops.campaign_pull import PullResult
    from contrechamp.ops.progress import Progress
    from contrechamp.store.survey import SurveyFile
    from contrechamp.ui.map import MapCanvas

__all__ = ["CampaignDialog", "PasswordDialog", "view_bbox"]

_SURVEY_FILTER = "*.cartoparty"
_SESSION_PASSWORDS: dict[str, str] = {}  # typed passwords no keyring could keep, until quit
_SESSION_LOCK = threading.Lock()
CampaignWork = Callable[["Engine", "Progress"], Any]


def view_bbox(canvas: MapCanvas) -> BBox | None:
    """The part of the world the map shows (None when the map has no size yet)."""
    width, height = canvas.viewport().width(), canvas.viewport().height()
    if width <= 0 or height <= 0:
        return None
    north, west = canvas.lat_lon_at(0, 0)
    south, east = canvas.lat_lon_at(width, height)
    west, east = max(-180.0, min(west, east)), min(180.0, max(west, east))
    south, north = max(-90.0, min(south, north)), min(90.0, max(south, north))
    return BBox(west, south, east, north) if west < east and south < north else None


def _account(url: str) -> str:
    from contrechamp.store.campaign.connection import campaign_url, keyring_account

    return keyring_account(campaign_url(url))


def _session_password(url: str) -> str | None:
    try:
        account = _account(url)
    except ContrechampError:
        return None
    with _SESSION_LOCK:
        return _SESSION_PASSWORDS.get(account)


def _remember(url: str, password: str | None) -> None:
    """Keep (``password``) or forget (None) a typed password for this session."""
    account = _account(url)
    with _SESSION_LOCK:
        if password is None:
            _SESSION_PASSWORDS.pop(account, None)
        else:
            _SESSION_PASSWORDS[account] = password


@dataclass(frozen=True)
class _Attempt:
    """One try of an action: the campaign's address, the password typed (None: the
    keyring's or libpq's) and whether to keep it in the keyring once it worked."""

    url: str
    password: str | None = None
    keep: bool = False


@dataclass(frozen=True)
class _Done:
    """What an action gave back, and whether the typed password went into the keyring."""

    value: Any
    kept: bool


def _on_campaign(attempt: _Attempt, work: CampaignWork, progress: Progress) -> _Done:
    """Off the GUI thread: connect, do ``work``, then keep the typed password if asked."""
    from contrechamp.store.campaign.connection import campaign_engine, campaign_url, keep_password

    url = campaign_url(attempt.url)
    engine = campaign_engine(url, password=attempt.password)
    try:
        value = work(engine, progress)
    finally:
        engine.dispose()
    kept = attempt.keep and attempt.password is not None and keep_password(url, attempt.password)
    return _Done(value, kept)


def _push_copy(survey: SurveyFile, attempt: _Attempt, comment: str, progress: Progress) -> _Done:
    """Off the GUI thread: push a consistent copy of the open survey (a push refuses the
    file the window holds open), then remove the copy."""
    from contrechamp.ops.campaign import push_survey
    from contrechamp.store.migrate import copy_survey

    folder = Path(tempfile.mkdtemp(prefix="contrechamp-push-"))
    try:
        copy = folder / survey.path.name  # errors name the survey as the walker knows it
        copy_survey(survey.path, copy)
        return _on_campaign(
            attempt,
            lambda engine, watched: push_survey(
                copy, attempt.url, comment=comment, engine=engine, progress=watched
            ),
            progress,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class PasswordDialog(QDialog):
    """Asks for the campaign's password once; offers to keep it in the keyring."""

    def __init__(self, account: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason_label = QLabel(reason)
        self.reason_label.setWordWrap(True)
        self.account_label = QLabel(account)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep_box = QCheckBox()
        self.keep_box.setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._password_label = QLabel()
        self._password_label.setBuddy(self.password_edit)
        form = QFormLayout()
        form.addRow(self._password_label, self.password_edit)
        column = QVBoxLayout(self)
        for widget in (self.reason_label, self.account_label):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.keep_box)
        column.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Campaign password"))
        self._password_label.setText(self.tr("&Password"))
        self.keep_box.setText(self.tr("&Keep it in the keyring"))


class CampaignDialog(QDialog):
    """Status, push and pull of the campaign at the address given (see the module)."""

    survey_pulled = Signal(object)  # the new survey's Path: the window opens it
    pushed = Signal(object)  # PushResult

    def __init__(
        self,
        settings: Settings,
        opened: OpenSurvey,
        jobs: SurveyJobs,
        view: Callable[[], BBox | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._opened, self._jobs, self._view = settings, opened, jobs, view
        self._task: Task | None = None
        self._pushing = False
        self.password_dialog: PasswordDialog | None = None
        self._build()
        self.url_edit.setText(settings.get(CAMPAIGN_URL))
        opened.changed.connect(lambda _session: self._survey_changed())
        self.retranslate_ui()
        self._survey_changed()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.url_edit, self.comment_edit = QLineEdit(), QLineEdit()
        self.status_button, self.push_button = QPushButton(), QPushButton()
        self.pull_button, self.cancel_button = QPushButton(), QPushButton()
        self.area_box, self.photos_box = QComboBox(), QCheckBox()
        self.photos_box.setChecked(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumWidth(420)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self._labels = [QLabel() for _ in range(3)]
        self.push_group, self.pull_group = QGroupBox(), QGroupBox()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        address = QFormLayout()
        address.addRow(self._labels[0], self.url_edit)
        push = QFormLayout(self.push_group)
        push.addRow(self._labels[1], self.comment_edit)
        push.addRow(self.push_button)
        pull = QFormLayout(self.pull_group)
        pull.addRow(self._labels[2], self.area_box)
        pull.addRow(self.photos_box)
        pull.addRow(self.pull_button)
        for label, field in zip(
            self._labels, (self.url_edit, self.comment_edit, self.area_box), strict=True
        ):
            label.setBuddy(field)
        busy = QHBoxLayout()
        busy.addWidget(self.progress_bar)
        busy.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addLayout(address)
        column.addWidget(self.status_button)
        column.addWidget(self.push_group)
        column.addWidget(self.pull_group)
        column.addWidget(self.result_label)
        column.addLayout(busy)
        column.addWidget(self.buttons)
        self.status_button.clicked.connect(self.show_status)
        self.push_button.clicked.connect(self.push)
        self.pull_button.clicked.connect(self._choose_pull)
        self.cancel_button.clicked.connect(self.cancel)
        self._set_busy(False)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.setWindowTitle(self.tr("Campaign"))
        texts = (self.tr("Campaign a&ddress"), self.tr("&Comment"), self.tr("&Area"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.url_edit.setPlaceholderText("postgresql://USER@HOST:PORT/DATABASE")
        self.url_edit.setToolTip(
            self.tr(
                "No password here: it comes from the keyring, PGPASSWORD or ~/.pgpass, "
                "or Contrechamp asks for it."
            )
        )
        self.comment_edit.setPlaceholderText(self.tr("What this push brings"))
        self.status_button.setText(self.tr("&Status"))
        self.push_group.setTitle(self.tr("Push"))
        self.push_button.setText(self.tr("&Push this survey"))
        self.pull_group.setTitle(self.tr("Pull"))
        self.photos_box.setText(self.tr("With p&hotos"))
        self.pull_button.setText(self.tr("Pu&ll into a new survey…"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.area_box.count():
            self.area_box.setItemText(0, self.tr("The map view"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _survey_changed(self) -> None:
        """Another survey is open: its sectors to pull by, and whether there is one to push."""
        session = self._opened.session
        names = [] if session is None else [s.name for s in session.survey.sectors()]
        self._set_sectors(names)
        self._update_buttons()

    def _set_sectors(self, names: list[str]) -> None:
        chosen = self.area_box.currentData()
        self.area_box.clear()
        self.area_box.addItem(self.tr("The map view"), None)
        for name in sorted(set(names)):
            self.area_box.addItem(name, name)
        found = self.area_box.findData(chosen)
        self.area_box.setCurrentIndex(max(found, 0))

    # --- busy -------------------------------------------------------------------------------

    def busy(self) -> bool:
        """Whether an action is running."""
        return self._task is not None or self._pushing

    def _set_busy(self, busy: bool, text: str = "", cancellable: bool = False) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy and cancellable)
        if busy:
            self.progress_bar.setRange(0, 0)
            self.result_label.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.busy()
        self.status_button.setEnabled(idle)
        self.pull_button.setEnabled(idle)
        self.push_button.setEnabled(idle and self._opened.session is not None)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    def cancel(self) -> None:
        """Stop the running push or pull (nothing is changed in the campaign nor on disk)."""
        if self._task is not None:
            self._task.cancelled.set()
        elif self._pushing:
            self._jobs.cancel()

    # --- the address and the password -------------------------------------------------------

    def _attempt(self) -> _Attempt | None:
        """The address checked (remembered in the settings) and the password typed this
        session if any; None (said) when the address cannot be a campaign's."""
        from contrechamp.store.campaign.connection import campaign_url

        text = self.url_edit.text().strip()
        try:
            campaign_url(text)
        except ContrechampError as error:
            self.result_label.setText(error_text(error))
            return None
        self._settings.set(CAMPAIGN_URL, text)
        return _Attempt(text, _session_password(text))

    def _failed(self, attempt: _Attempt, again: Callable[[_Attempt], None]) -> Callable[..., None]:
        """What to do when an action fails: ask for the password once when the one found was
        missing or refused, else say why in one sentence."""

        def tell(error: Exception) -> None:
            self._task, self._pushing = None, False
            self._set_busy(False)
            refused = isinstance(error, ContrechampError) and error.code == "campaign.password"
            if refused and attempt.password is None:
                self._ask_password(attempt, failure_text(error), again)
                return
            if refused:
                _remember(attempt.url, None)  # the typed one is wrong: ask again next time
            self.result_label.setText(failure_text(error))

        return tell

    def _ask_password(
        self, attempt: _Attempt, reason: str, again: Callable[[_Attempt], None]
    ) -> None:
        dialog = PasswordDialog(_account(attempt.url), reason, self)
        self.password_dialog = dialog
        self.result_label.setText(reason)

        def answered(result: int) -> None:
            self.password_dialog = None
            password = dialog.password_edit.text()
            if result == QDialog.DialogCode.Accepted and password:
                again(_Attempt(attempt.url, password, dialog.keep_box.isChecked()))

        dialog.finished.connect(answered)
        dialog.open()

    def _succeeded(self, attempt: _Attempt, done: _Done) -> str:
        """Remember a typed password that worked; what to add to the result's words."""
        self._task, self._pushing = None, False
        self._set_busy(False)
        if attempt.password is None:
            return ""
        _remember(attempt.url, None if done.kept else attempt.password)
        if done.kept:
            return self.tr("The password is kept in the keyring.")
        if attempt.keep:
            return self.tr("No keyring: the password is kept until Contrechamp quits.")
        return ""

    def _run(
        self,
        attempt: _Attempt,
        work: CampaignWork,
        on_done: Callable[[_Attempt, Any], None],
        again: Callable[[_Attempt], None],
        text: str,
        cancellable: bool,
    ) -> None:
        """Run ``work`` on the campaign as a background task (a status, a pull)."""

        def task(progress: Callable[[int, int], None], cancelled: threading.Event) -> _Done:
            from contrechamp.ops.progress import Progress

            return _on_campaign(attempt, work, Progress.watching(cancelled, progress))

        self._task = run_task(
            task, lambda done: on_done(attempt, done), self._failed(attempt, again)
        )
        self._task.signals.progress.connect(self._on_progress)
        self._set_busy(True, text, cancellable)

    # --- status -----------------------------------------------------------------------------

    def show_status(self) -> None:
        """Show the campaign in figures, and its latest push."""
        attempt = self._attempt()
        if attempt is not None and not self.busy():
            self._status(attempt)

    def _status(self, attempt: _Attempt) -> None:
        from contrechamp.ops.campaign import campaign_status

        self._run(
            attempt,
            lambda engine, _progress: campaign_status(attempt.url, engine=engine),
            self._on_status,
            self._status,
            self.tr("Reading the campaign…"),
            cancellable=False,
        )

    def _on_status(self, attempt: _Attempt, done: _Done) -> None:
        note = self._succeeded(attempt, done)
        status: CampaignStatus = done.value
        self._set_sectors([self.area_box.itemData(i) for i in range(1, self.area_box.count())]
                          + list(status.sectors))  # fmt: skip
        self.result_label.setText(" ".join(s for s in (self.status_text(status), note) if s))

    def status_text(self, status: CampaignStatus) -> str:
        """The campaign in a few translated sentences."""
        f = status.figures
        cameras = sum(n for s, n in f["cameras"].items() if s != "rejected")
        lines = [
            self.tr("%n camera(s) in the campaign,", "", cameras)
            + " "
            + self.tr("%n confirmed.", "", int(f["cameras"].get("confirmed", 0))),
            self.tr("%n survey(s) pushed,", "", int(f["surveys"]))
            + " "
            + self.tr("%n conflict(s) to decide.", "", int(f["open_conflicts"])),
            self.tr("%n photo(s),", "", int(f["photos"]))
            + " "
            + self.tr("%n sector(s).", "", int(f["sectors"])),
        ]
        if status.last_pushes:
            last = status.last_pushes[0]
            lines.append(
                self.tr("Last push: %1, by %2 (%3).")
                .replace("%1", last["pushed_at"].strftime("%Y-%m-%d %H:%M UTC"))
                .replace("%2", last["pusher"] or self.tr("anonymous"))
                .replace("%3", last["survey_title"])
            )
        return "\n".join(lines)

    # --- push -------------------------------------------------------------------------------

    def push(self) -> bool:
        """Push a copy of the open survey, with the comment; False when nothing started."""
        attempt = self._attempt()
        if attempt is None or self.busy() or self._opened.session is None:
            return False
        self._push(attempt)
        return True

    def _push(self, attempt: _Attempt) -> None:
        session = self._opened.session
        if session is None:
            return
        comment = self.comment_edit.text().strip()
        path = session.survey.path
        self._pushing = True
        self._jobs.run(
            SurveyJob(
                path,
                lambda survey, progress: _push_copy(survey, attempt, comment, progress),
                lambda done: self._on_pushed(attempt, done),
                self._failed(attempt, self._push),
                self.tr("Pushing to the campaign…"),
                cancellable=True,
            )
        )
        self._set_busy(True, self.tr("Pushing to the campaign…"), cancellable=True)

    def _on_pushed(self, attempt: _Attempt, done: _Done) -> None:
        note = self._succeeded(attempt, done)
        result: PushResult = done.value
        self.result_label.setText(" ".join(s for s in (self.pushed_text(result), note) if s))
        self.pushed.emit(result)

    def pushed_text(self, result: PushResult) -> str:
        """What a push did, in translated sentences (what it kept back is said too)."""
        c = result.counts
        if result.changed:
            said = [
                self.tr("Pushed: %n camera(s) added,", "", c.cameras_added),
                self.tr("%n changed,", "", c.cameras_changed),
                self.tr("%n conflict(s) to decide.", "", c.conflicts),
            ]
            if c.photos:
                said.append(self.tr("%n photo(s) sent.", "", c.photos))
        else:
            said = [self.tr("Nothing new to push: the campaign has this survey already.")]
        if result.deleted:
            said.append(
                self.tr(
                    "%n camera(s) deleted here are marked deleted in the campaign.",
                    "",
                    result.deleted,
                )
            )
        if result.deletions_kept:
            said.append(
                self.tr(
                    "%n camera(s) deleted here were kept: changed in the campaign since the pull.",
                    "",
                    result.deletions_kept,
                )
            )
        return " ".join(said)

    # --- pull -------------------------------------------------------------------------------

    def _choose_pull(self) -> None:
        session = self._opened.session
        folder = session.survey.path.parent if session is not None else Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New survey from the campaign"),
            str(folder / (self.tr("campaign") + ".cartoparty")),
            self.tr("Survey files") + f" ({_SURVEY_FILTER})",
        )
        if name:
            out = Path(name)
            self.pull(out if out.suffix else out.with_suffix(".cartoparty"))

    def pull(self, out: Path) -> bool:
        """Pull the area chosen (the map view or a sector) into the new survey ``out``, then
        have it opened; False when nothing started."""
        attempt = self._attempt()
        if attempt is None or self.busy():
            return False
        sector = self.area_box.currentData()
        bbox = None if sector is not None else self._view()
        if sector is None and bbox is None:
            return False
        photos = self.photos_box.isChecked()

        def pull(again: _Attempt) -> None:
            from contrechamp.ops.campaign_pull import pull_survey

            self._run(
                again,
                lambda engine, progress: pull_survey(
                    again.url,
                    out,
                    bbox=bbox,
                    sector=sector,
                    photos=photos,
                    engine=engine,
                    progress=progress,
                ),
                self._on_pulled,
                pull,
                self.tr("Pulling from the campaign…"),
                cancellable=True,
            )

        pull(attempt)
        return True

    def _on_pulled(self, attempt: _Attempt, done: _Done) -> None:
        note = self._succeeded(attempt, done)
        result: PullResult = done.value
        text = self.tr("Pulled %n camera(s) into %1.", "", result.cameras).replace(
            "%1", result.out.name
        )
        if result.photos:
            text += " " + self.tr("%n photo(s).", "", result.photos)
        self.result_label.setText(" ".join(s for s in (text, note) if s))
        self.survey_pulled.emit(result.out)
