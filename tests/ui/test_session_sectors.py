"""Sectors written through the session: a failed write (a full disk) raises, leaves the
survey as it was and pushes no undo step, for a sector drawn and for one deleted."""

from __future__ import annotations

import pytest
import shapely

from contrechamp.core.area import Sector
from contrechamp.core.errors import ContrechampError
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.session import SurveySession

BLOCK = shapely.box(7.420, 43.730, 7.423, 43.732).wkb


def _full_disk(*_args: object) -> None:
    raise ContrechampError("disk full", "survey.full")


def _on_disk(session: SurveySession) -> list[str]:
    with SurveyFile.open_untrusted_readonly(session.survey.path) as survey:
        return [sector.name for sector in survey.sectors()]


def test_a_sector_that_cannot_be_written_is_not_added_and_leaves_no_undo_step(
    session: SurveySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = session.undo_stack.count()
    monkeypatch.setattr(session.writer.survey, "add_sector", _full_disk)
    with pytest.raises(ContrechampError):
        session.add_sector(Sector("Nord", BLOCK), "Draw sector Nord")
    assert session.undo_stack.count() == steps
    assert _on_disk(session) == []


def test_a_sector_whose_deletion_cannot_be_written_stays_and_leaves_no_undo_step(
    session: SurveySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.add_sector(Sector("Nord", BLOCK), "Draw sector Nord")
    [saved] = session.survey.sectors()
    steps = session.undo_stack.count()
    monkeypatch.setattr(session.writer.survey, "delete_sector", _full_disk)
    with pytest.raises(ContrechampError):
        session.delete_sector(saved, "Delete sector Nord")
    assert session.undo_stack.count() == steps
    assert _on_disk(session) == ["Nord"]
    monkeypatch.undo()  # the disk has room again
    session.undo_stack.undo()  # the drawing is still the step on top, and undoes
    assert _on_disk(session) == []
