"""The sectors part of the survey session: a sector drawn in the window or deleted, written
through the session's writer, each one undo step (undo puts a deleted sector back under its
own id, so that a handout's own sector stays its own)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contrechamp.core.area import Sector
from contrechamp.ui.undo import StateCommand

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from contrechamp.ops.survey_writer import Write
    from contrechamp.store.survey import SurveyFile

__all__ = ["SectorEdits", "SectorPlace"]


@dataclass(frozen=True, slots=True)
class SectorPlace:
    """One side of a sector's undo step: the sector (with its id), in the survey or not."""

    sector: Sector
    in_survey: bool


class SectorEdits:
    """Mixed into ``SurveySession``: adding and deleting sectors, undoably."""

    if TYPE_CHECKING:  # what the session provides
        survey: SurveyFile
        undo_stack: QUndoStack
        sectors_changed: SignalInstance

        def _write(
            self,
            write: Write,
            then: Callable[[Any], None],
            report: bool = False,
            at_once: bool = True,
        ) -> None: ...

    def add_sector(self, sector: Sector, text: str) -> None:
        """Write a new sector as one undo step (``sectors_changed`` follows). A failed write
        raises ContrechampError and changes nothing."""
        self._write(
            lambda survey: survey.add_sector(sector),
            lambda saved: self._sector_step(SectorPlace(saved, False), True, text),
            at_once=False,  # undo needs the id the file gave it
        )

    def delete_sector(self, sector: Sector, text: str) -> None:
        """Delete a sector as one undo step (undo puts it back with its id and pair). A
        failed write raises ContrechampError and changes nothing."""
        sector_id = sector.id
        if sector_id is None:
            raise ValueError("a sector not read from the survey has no id to delete")
        self._write(
            lambda survey: survey.delete_sector(sector_id),
            lambda _: self._sector_step(SectorPlace(sector, True), False, text),
            at_once=False,
        )

    def _sector_step(self, before: SectorPlace, in_survey: bool, text: str) -> None:
        after = SectorPlace(before.sector, in_survey)
        self.sectors_changed.emit()
        stack = self.undo_stack
        stack.push(StateCommand(stack, self.apply_sector, before, after, text))

    def apply_sector(self, place: SectorPlace) -> None:
        """Put a sector in the survey or take it out, for undo and redo (a failure goes to
        ``write_failed``)."""
        sector = place.sector
        assert sector.id is not None  # every sector of an undo step was saved once
        sector_id = sector.id

        def write(survey: SurveyFile) -> None:
            if place.in_survey:
                survey.add_sector(sector)
            else:
                survey.delete_sector(sector_id)

        self._write(write, lambda _: self.sectors_changed.emit(), report=True, at_once=False)
