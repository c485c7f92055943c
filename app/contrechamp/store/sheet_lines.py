"""The sheet line of each camera in the survey file: private, never exported nor uploaded."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert

from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.sheet_lines import check_sheet_line
from contrechamp.store.base import SurveyBase
from contrechamp.store.schema import cameras, sheet_lines

__all__ = ["SheetLineRecords"]


def _stored(camera_id: object, line: object) -> tuple[str, str]:
    """A stored sheet line, checked as if typed: the file may be someone else's."""
    try:
        checked = check_sheet_line(line) if isinstance(line, str) else None
    except InputError:
        checked = None
    if not isinstance(camera_id, str) or checked is None:
        raise SurveyError("Bad sheet line of a camera in the survey file.", "survey.corrupt")
    return camera_id, checked


class SheetLineRecords(SurveyBase):
    """Which line of a printed field sheet each camera was written on."""

    def sheet_line(self, camera_id: str) -> str | None:
        """The sheet line of a camera, None if it has none."""
        statement = select(sheet_lines.c.line).where(sheet_lines.c.camera_id == camera_id)
        line = self._run(statement).scalar()
        return None if line is None else _stored(camera_id, line)[1]

    def set_sheet_line(self, camera_id: str, line: str | None) -> None:
        """Give a camera its sheet line (None or blank removes it).

        Raises InputError("sheet_line.invalid") for a text that is not a sheet line and
        SurveyError("camera.missing") for a camera not in the survey; nothing is changed.
        """
        checked = check_sheet_line(line)
        with self._writing():
            if checked is None:
                self._db.conn.execute(
                    delete(sheet_lines).where(sheet_lines.c.camera_id == camera_id)
                )
                return
            self._insert_line(camera_id, checked)

    def _insert_line(self, camera_id: str, line: str) -> None:
        known = select(cameras.c.id).where(cameras.c.id == camera_id)
        if self._db.conn.execute(known).first() is None:
            raise SurveyError(f"No camera {camera_id[:40]!r} in this survey.", "camera.missing")
        statement = insert(sheet_lines).values(camera_id=camera_id, line=line)
        self._db.conn.execute(
            statement.on_conflict_do_update(index_elements=["camera_id"], set_={"line": line})
        )

    def sheet_lines(self) -> dict[str, str]:
        """Every camera's sheet line, by camera id."""
        statement = select(sheet_lines.c.camera_id, sheet_lines.c.line)
        return dict(_stored(camera_id, line) for camera_id, line in self._run(statement))
