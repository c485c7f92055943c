"""Upload the survey's confirmed cameras to OpenStreetMap: log in, see the plan, send it.

Everything that may wait (the keyring, the browser login, the API) runs off the GUI thread
through :func:`~contrechamp.ui.tasks.run_task`; the survey is written as the upload goes,
so closing the dialog or losing the connection never loses a link (the next upload resumes).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.errors import ContrechampError
from contrechamp.ops.upload import UploadReport, prepare_upload, upload_survey
from contrechamp.osmapi.auth import log_in
from contrechamp.osmapi.client import OsmClient
from contrechamp.osmapi.errors import OsmApiError
from contrechamp.osmapi.servers import OsmServer, server_named
from contrechamp.osmapi.tokens import TokenStore, TokenWhere
from contrechamp.osmapi.upload import UploadPlan, changeset_tags, settle_unfinished
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.messages import error_text, failure_text
from contrechamp.ui.tasks import Task, run_task

__all__ = ["PreparedUpload", "UploadDialog"]

_SERVERS = ("osm", "dev", "custom")


@dataclass
class PreparedUpload:
    """A logged-in client, who it is, where its token is kept, and the plan."""

    client: OsmClient
    user: str
    kept: TokenWhere
    plan: UploadPlan
    recovered: int


def _logged_in(server: OsmServer, cancelled: threading.Event) -> tuple[OsmClient, str, TokenWhere]:
    """Off the GUI thread: the kept token, else a browser login; checked against the API."""
    store = TokenStore()
    found = store.load(server)
    for attempt in range(2):
        if found is None:
            token = log_in(server, cancelled=cancelled)
            found = (token, store.save(server, token))
        client = OsmClient(server, found[0])
        try:
            return client, client.user().display_name, found[1]
        except OsmApiError as error:
            if error.code != "osmapi.unauthorized" or attempt or found[1].place == "environment":
                raise
            store.forget(server)  # revoked: log in again, once
            found = None
    raise AssertionError("unreachable")


class UploadDialog(QDialog):
    """Comment, hashtags and server; *Prepare* logs in and shows the plan; *Upload* sends."""

    sig_uploaded = Signal(object)  # the UploadReport, once the survey's links are written

    def __init__(self, survey: SurveyFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._survey = survey
        self._prepared: PreparedUpload | None = None
        self._task: Task | None = None
        self.comment_edit, self.hashtags_edit = QLineEdit(), QLineEdit()
        self.server_box, self.url_edit, self.client_id_edit = QComboBox(), QLineEdit(), QLineEdit()
        for name in _SERVERS:
            self.server_box.addItem("", name)
        self.server_box.currentIndexChanged.connect(self._on_server_changed)
        self.comment_edit.textChanged.connect(self._forget_plan)
        self.summary_label, self.progress_bar = QLabel(), QProgressBar()
        self.summary_label.setWordWrap(True)
        self.progress_bar.hide()
        self.prepare_button, self.upload_button = QPushButton(), QPushButton()
        self.prepare_button.clicked.connect(self._on_prepare_clicked)
        self.upload_button.clicked.connect(self._on_upload_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.prepare_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.upload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        fields = (self.comment_edit, self.hashtags_edit, self.server_box, self.url_edit,
                  self.client_id_edit)  # fmt: skip
        for label, field in zip(self._labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.summary_label)
        column.addWidget(self.progress_bar)
        column.addWidget(self.buttons)
        self.retranslate_ui()
        self._on_server_changed()

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.setWindowTitle(self.tr("Upload to OpenStreetMap"))
        texts = (self.tr("&Comment"), self.tr("&Hashtags"), self.tr("&Server"),
                 self.tr("&Address"), self.tr("Client &id"))  # fmt: skip
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.comment_edit.setPlaceholderText(self.tr("What you mapped, and how"))
        self.hashtags_edit.setPlaceholderText(self.tr("#cartoparty #technopolice"))
        names = (self.tr("OpenStreetMap"), self.tr("Test server (master.apis.dev)"),
                 self.tr("Another server"))  # fmt: skip
        for row, name in enumerate(names):
            self.server_box.setItemText(row, name)
        self.prepare_button.setText(self.tr("&Log in and check"))
        self.upload_button.setText(self.tr("&Upload"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def server(self) -> OsmServer:
        """The chosen server (OsmApiError for a bad address)."""
        name = self.server_box.currentData()
        given = self.url_edit.text() if name == "custom" else name
        client_id = self.client_id_edit.text().strip() or None
        return server_named(given, client_id)

    def _on_server_changed(self) -> None:
        self.url_edit.setEnabled(self.server_box.currentData() == "custom")
        self._forget_plan()

    def _forget_plan(self) -> None:
        self._prepared = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._task is not None
        self.prepare_button.setEnabled(not busy and bool(self.comment_edit.text().strip()))
        ready = self._prepared is not None and bool(self._prepared.plan.changes)
        self.upload_button.setEnabled(not busy and ready)

    def _start(self, work: Any, done: Any) -> None:
        self._task = run_task(work, done, self._on_failed)
        self._update_buttons()

    def _on_prepare_clicked(self) -> None:
        try:
            server = self.server()
            changeset_tags(self.comment_edit.text(), self.hashtags_edit.text())
        except ContrechampError as error:
            self.summary_label.setText(error_text(error))
            return
        survey = self._survey
        self.summary_label.setText(self.tr("Logging in… (your browser opens if needed)"))

        def prepare(_progress: Any, cancelled: threading.Event) -> PreparedUpload:
            client, user, kept = _logged_in(server, cancelled)
            recovered = settle_unfinished(client, survey)
            return PreparedUpload(client, user, kept, prepare_upload(survey, client), recovered)

        self._start(prepare, self._on_prepared)

    def _on_prepared(self, prepared: PreparedUpload) -> None:
        self._task, self._prepared = None, prepared
        plan = prepared.plan
        lines = [
            self.tr("Logged in as %1.").replace("%1", prepared.user),
            self.tr("To upload: %1 new, %2 changed; %3 skipped; %4 cannot be sent.")
            .replace("%1", str(plan.created)).replace("%2", str(plan.modified))
            .replace("%3", str(sum(plan.skipped.values()))).replace("%4", str(len(plan.problems))),
        ]  # fmt: skip
        if prepared.recovered:
            lines.append(
                self.tr(
                    "%n cameras of an interrupted upload were found in OSM and linked.",
                    "",
                    prepared.recovered,
                )
            )
        if not prepared.kept.kept:
            lines.append(self.tr("No keyring: this login is kept until Contrechamp quits."))
        if not plan.changes:
            lines.append(self.tr("Nothing to upload."))
        self.summary_label.setText("\n".join(lines))
        self._update_buttons()

    def _on_upload_clicked(self) -> None:
        prepared = self._prepared
        if prepared is None:
            return
        tags = changeset_tags(self.comment_edit.text(), self.hashtags_edit.text())
        survey = self._survey
        self.progress_bar.setRange(0, max(1, len(prepared.plan.changes)))
        self.progress_bar.setValue(0)
        self.progress_bar.show()

        def send(progress: Any, _cancelled: threading.Event) -> UploadReport:
            return upload_survey(survey, prepared.client, tags, plan=prepared.plan,
                                 progress=progress)  # fmt: skip

        self._start(send, self._on_uploaded)
        assert self._task is not None
        self._task.signals.progress.connect(self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)

    def _on_uploaded(self, report: UploadReport) -> None:
        self._task, self._prepared = None, None
        done = report.outcome
        text = self.tr("Uploaded: %1 new and %2 changed cameras, in changeset %3.")
        changesets = ", ".join(str(c) for c in done.changesets)
        self.summary_label.setText(
            text.replace("%1", str(done.created)).replace("%2", str(done.modified))
            .replace("%3", changesets or "–")
        )  # fmt: skip
        self.progress_bar.hide()
        self._update_buttons()
        self.sig_uploaded.emit(report)

    def _on_failed(self, error: Exception) -> None:
        self._task = None
        self.progress_bar.hide()
        self.summary_label.setText(failure_text(error))  # what was sent stays linked
        self._update_buttons()

    def reject(self) -> None:
        """Close; a login waiting for the browser is cancelled (an upload finishes its diff)."""
        if self._task is not None:
            self._task.cancelled.set()
        super().reject()
