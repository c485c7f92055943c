"""File → Merge surveys: the group's survey files merged into one, off the window's thread.

The organiser picks the pairs' surveys, then where the merged survey goes: a new file, or an
existing merged survey to add late surveys to (the open one included: it is closed for the
merge, everything being saved already, and opened again after). The merge itself is
``ops.merge.merge_surveys``, the same as ``contrechamp merge``: all or nothing, decisions kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTemporaryDir, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from contrechamp.ui.messages import failure_text
from contrechamp.ui.tasks import run_task
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

if TYPE_CHECKING:
    from contrechamp.ops.merge import MergeResult

_Snapshots = tuple[Path, Path] | None  # the merged survey before and after a merge into it

__all__ = ["MergeCommands", "merged_text"]

_SURVEY_FILTER = "*.cartoparty"


def merged_text(result: MergeResult, translate: Callable[..., str]) -> str:
    """One sentence on what a merge did, in the window's language (``translate`` is a
    QObject's ``tr``)."""
    counts = result.counts
    if not result.changed:
        return translate("Nothing new to merge: these surveys were merged already.")
    text = translate("Merged %n survey(s):", "", result.surveys)
    text += " " + translate("%n camera(s),", "", result.cameras)
    text += " " + translate("%n seen by several pairs,", "", counts.groups)
    text += " " + translate("%n conflict(s) to decide.", "", counts.open_conflicts)
    possible = counts.matches.get("possible", 0)
    if possible:
        text += " " + translate("%n possibly already in OpenStreetMap.", "", possible)
    return text


class MergeCommands(QObject):
    """Asks for the surveys and the merged file, merges in the background, opens the result.

    ``open_survey`` and ``close_survey`` are the window's: the merged survey is shown once
    made. ``running_changed`` says when a merge starts and ends (the action is disabled).
    """

    running_changed = Signal(bool)
    merged = Signal(object)  # MergeResult, after the merged survey was opened

    def __init__(
        self,
        survey: OpenSurvey,
        status: StatusSink,
        parent: QWidget,
        open_survey: Callable[[Path], bool],
        close_survey: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._survey, self._status, self._parent = survey, status, parent
        self._open_survey, self._close_survey = open_survey, close_survey
        self._running = False
        self._snapshots = QTemporaryDir()  # before/after copies for undo, gone on exit
        self._count = 0

    def running(self) -> bool:
        """Whether a merge is under way."""
        return self._running

    def choose_and_merge(self) -> bool:
        """Ask for the surveys to merge and where, then merge; False if the organiser
        cancelled either question or a merge is already running."""
        if self._running:
            return False
        names, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Surveys to merge"),
            "",
            self.tr("Survey files") + f" ({_SURVEY_FILTER})",
        )
        if not names:
            return False
        out = self._ask_where([Path(name) for name in names])
        if out is None:
            return False
        return self.merge(out, [Path(name) for name in names])

    def _ask_where(self, surveys: Sequence[Path]) -> Path | None:
        session = self._survey.session
        if session is not None and session.survey.is_merged_survey():
            proposed = session.survey.path  # a late survey joins the open merged survey
        else:
            proposed = surveys[0].with_name(self.tr("merged") + ".cartoparty")
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Merged survey (new, or one to add to)"),
            str(proposed),
            self.tr("Survey files") + f" ({_SURVEY_FILTER})",
            options=QFileDialog.Option.DontConfirmOverwrite,  # merging adds, never overwrites
        )
        if not name:
            return None
        out = Path(name)
        return out if out.suffix else out.with_suffix(".cartoparty")

    def merge(self, out: Path, surveys: Sequence[Path], radius_m: float | None = None) -> bool:
        """Merge ``surveys`` into ``out`` in the background, then open ``out``."""
        from contrechamp.core.dedup import DEFAULT_RADIUS_M

        if self._running:
            return False
        session = self._survey.session
        reopen = session.survey.path if session is not None else None
        if reopen is not None and _same_file(reopen, out):
            self._close_survey()  # everything is saved; the merge needs the file to itself
        else:
            reopen = None
        radius = DEFAULT_RADIUS_M if radius_m is None else radius_m
        paths = list(surveys)
        self._set_running(True)
        count = len(paths)
        self._status.say(self.tr("Merging %n survey(s)…", "", count))
        self._count += 1
        folder = Path(self._snapshots.path()) / str(self._count)

        def work(_progress: object, _cancelled: object) -> tuple[MergeResult, _Snapshots]:
            return _merge_with_snapshots(out, paths, radius, folder)

        run_task(
            work,
            lambda done: self._on_merged(*done),
            lambda error: self._on_failed(error, reopen),
        )
        return True

    def _on_merged(self, result: MergeResult, snapshots: _Snapshots) -> None:
        self._set_running(False)
        if not self._open_survey(result.out):
            return
        session = self._survey.session
        if session is not None and snapshots is not None:  # into a merged survey: undoable
            session.push_merge(*snapshots, self.tr("Merge surveys"))
        self._status.say(merged_text(result, self.tr))
        self.merged.emit(result)

    def _on_failed(self, error: Exception, reopen: Path | None) -> None:
        self._set_running(False)
        if reopen is not None:
            self._open_survey(reopen)  # unchanged: the merge is all or nothing
        self._status.warn(self.tr("Cannot merge these surveys"), failure_text(error))

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.running_changed.emit(running)


def _merge_with_snapshots(
    out: Path, surveys: list[Path], radius_m: float, folder: Path
) -> tuple[MergeResult, _Snapshots]:
    """Merge into ``out``; when ``out`` was a merged survey already and the merge changed
    it, keep copies of it before and after (in ``folder``) for undo and redo."""
    from contrechamp.ops.merge import merge_surveys
    from contrechamp.store.migrate import copy_survey

    before = folder / "before.cartoparty"
    if out.exists():
        folder.mkdir(parents=True, exist_ok=True)
        copy_survey(out, before)
    result = merge_surveys(out, surveys, radius_m)
    if not before.exists() or not result.changed:
        return result, None
    after = folder / "after.cartoparty"
    copy_survey(out, after)
    return result, (before, after)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
