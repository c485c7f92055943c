"""What every part of SurveyFile shares: the open database and its transactions."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Executable, Result, Row, Table, func, select

from contrechamp.core.errors import SurveyError
from contrechamp.store.database import Database
from contrechamp.store.errors import translate_errors

__all__ = ["SurveyBase"]


class SurveyBase:
    """The open database of a survey file; the record mixins of SurveyFile build on it."""

    def __init__(self, database: Database) -> None:
        self._database: Database | None = database

    @property
    def _db(self) -> Database:
        if self._database is None:
            raise SurveyError("The survey file is closed.", "survey.closed")
        return self._database

    @property
    def lock(self) -> threading.RLock:
        """Held for each statement and each whole transaction: threads sharing this survey
        take turns through it (see :class:`~contrechamp.store.database.Database`)."""
        return self._db.lock

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one all-or-nothing, durable commit.

        Nested blocks join the outer one (as savepoints: a failing inner block undoes only
        its own writes when the caller catches its error).
        """
        with self._db.transaction():
            yield

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One durable write (or part of the enclosing transaction); errors become SurveyError."""
        with self._db.transaction(), translate_errors():
            yield

    def _run(self, statement: Executable, params: Any = None) -> Result[*tuple[Any, ...]]:
        """Execute one statement and fetch its rows; SQLite errors become SurveyError.

        Rows are fetched here, inside the error translation: a damaged page or undecodable
        text in a received file fails while fetching, not while executing.
        """
        database = self._db
        with database.lock, translate_errors():
            return database.conn.execute(statement, params).freeze()()

    def _count(self, table: Table) -> int:
        """How many rows a table holds (without reading them)."""
        return int(self._run(select(func.count()).select_from(table)).scalar_one())

    def _all(self, statement: Executable) -> Sequence[Row[*tuple[Any, ...]]]:
        """Execute one statement and return all its rows (the fast path for big reads)."""
        database = self._db
        with database.lock, translate_errors():
            return database.conn.execute(statement).all()
