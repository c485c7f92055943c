"""Small key/value settings saved with a survey (e.g. the clock offset used for its photos)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from contrechamp.store.base import SurveyBase
from contrechamp.store.schema import settings

__all__ = ["OWN_SECTOR", "SettingRecords"]

OWN_SECTOR = "own_sector"
"""The id of the sector a handout's pair walks (``contrechamp handout`` sets it)."""


class SettingRecords(SurveyBase):
    """The settings stored in a survey file."""

    def setting(self, key: str, default: str | None = None) -> str | None:
        """Return the value of a setting, ``default`` when it was never set."""
        value = self._run(select(settings.c.value).where(settings.c.key == key)).scalar()
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        """Save a setting durably, replacing its previous value."""
        statement = insert(settings).values(key=key, value=value)
        statement = statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
        with self._writing():
            self._db.conn.execute(statement)
