"""Provenance of what was imported into a survey: which file, what kind, when, how many cameras."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from contrechamp.core.camera import utc_now
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import datetime_from_text, datetime_to_text
from contrechamp.store.schema import imports

__all__ = ["ImportRecord", "ImportRecords"]


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One import into the survey: its source (file name), kind (e.g. "geojson"), camera count."""

    source: str
    kind: str
    count: int
    imported_at: datetime
    id: int | None = None


class ImportRecords(SurveyBase):
    """The import history of a survey."""

    def record_import(self, source: str, kind: str, count: int) -> None:
        """Note that ``count`` cameras were imported from ``source`` (of ``kind``) just now."""
        row = {
            "source": source,
            "kind": kind,
            "count": count,
            "imported_at": datetime_to_text(utc_now()),
        }
        with self._writing():
            self._db.conn.execute(insert(imports), row)

    def imports(self) -> list[ImportRecord]:
        """Return every recorded import, oldest first."""
        c = imports.c
        statement = select(c.source, c.kind, c.count, c.imported_at, c.id).order_by(c.id)
        return [
            ImportRecord(source, kind, count, datetime_from_text(at), record_id)
            for source, kind, count, at, record_id in self._run(statement)
        ]
