"""The survey file (``.cartoparty``): one SQLite database holding everything of one survey."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert

from contrechamp import __version__
from contrechamp.core.camera import utc_now
from contrechamp.core.errors import SurveyError
from contrechamp.store.area import AreaRecords
from contrechamp.store.blur_regions import BlurRecords
from contrechamp.store.cameras import CameraRecords
from contrechamp.store.database import Database, file_uri
from contrechamp.store.detections import DetectionRecords
from contrechamp.store.errors import translate_errors
from contrechamp.store.imports import ImportRecords
from contrechamp.store.layout import SCHEMA_VERSION
from contrechamp.store.listed import ListedRecords
from contrechamp.store.merge_records import MergeRecords
from contrechamp.store.migrate import (
    backup_path,
    copy_survey,
    migrate_file,
    migrate_in_place,
    upgrade,
)
from contrechamp.store.photos import PhotoRecords
from contrechamp.store.rows import datetime_from_text, datetime_to_text
from contrechamp.store.safety import inspect_survey, read_only_medium
from contrechamp.store.schema import meta
from contrechamp.store.settings import SettingRecords
from contrechamp.store.sheet_lines import SheetLineRecords
from contrechamp.store.track import TrackRecords
from contrechamp.store.uploads import UploadRecords

__all__ = ["SurveyFile"]


class SurveyFile(
    CameraRecords,
    PhotoRecords,
    AreaRecords,
    TrackRecords,
    ImportRecords,
    SettingRecords,
    MergeRecords,
    ListedRecords,
    UploadRecords,
    BlurRecords,
    DetectionRecords,
    SheetLineRecords,
):
    """An open survey file. Every write is durable when it returns, unless inside
    :meth:`transaction`, whose block commits as a whole. Use it from one thread at a time.
    """

    SUFFIX = ".cartoparty"

    def __init__(self, path: Path, database: Database, *, scratch: Path | None = None) -> None:
        super().__init__(database)
        self.path = path
        self._scratch = scratch

    @classmethod
    def create(cls, path: Path, *, title: str = "", surveyor: str | None = None) -> SurveyFile:
        """Create a new, empty survey file; SurveyError("survey.exists") if ``path`` exists."""
        path = Path(path)
        _claim(path)
        try:
            database = Database(path, readonly=False)
            survey = cls(path, database)
            with database.transaction(), translate_errors():
                upgrade(database.conn)
                survey._init_meta(title, surveyor)
        except BaseException:
            if "database" in locals():
                database.close()
            _remove_with_sidecars(path)
            raise
        return survey

    @classmethod
    def open(cls, path: Path) -> SurveyFile:
        """Open a survey for editing, after checking it; migrate an older one after a backup.

        SurveyError codes: survey.missing, survey.corrupt, survey.newer, survey.hostile (the file
        is then unchanged), survey.busy, survey.io.
        """
        path = Path(path)
        version = inspect_survey(path)
        if version < SCHEMA_VERSION:
            migrate_file(path, version)
        return cls(path, Database(path, readonly=False))

    @classmethod
    def reader(cls, path: Path) -> SurveyFile:
        """A second, read-only connection to a survey this process already opened (and so
        checked and migrated) with :meth:`open`: reads from it never wait for the writer."""
        path = Path(path)
        return cls(path, Database(path, readonly=True))

    @classmethod
    def open_untrusted_readonly(cls, path: Path) -> SurveyFile:
        """Open someone else's survey to read it: same checks, read-only, never changed.

        An older file is migrated in a temporary copy, removed again by :meth:`close`.
        """
        path = Path(path)
        immutable = read_only_medium(path)
        version = inspect_survey(path, immutable=immutable)
        if version == SCHEMA_VERSION:
            return cls(path, Database(path, readonly=True, immutable=immutable))
        scratch = Path(tempfile.mkdtemp(prefix="contrechamp-"))
        try:
            copy = scratch / f"survey{cls.SUFFIX}"
            copy_survey(path, copy, immutable=immutable)
            migrate_in_place(copy)
            return cls(path, Database(copy, readonly=True), scratch=scratch)
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise

    @classmethod
    @contextmanager
    def changing(cls, path: Path) -> Iterator[SurveyFile]:
        """Open a survey for one command that changes it, all or nothing for an older file.

        A current file is simply opened. An older one is migrated in a copy beside it; only if
        the block succeeds is the original backed up and replaced by the copy, so a command
        that fails leaves an older file exactly as it was (no migration, no backup).
        """
        path = Path(path)
        version = inspect_survey(path)
        if version == SCHEMA_VERSION:
            with cls(path, Database(path, readonly=False)) as survey:
                yield survey
            return
        work = path.with_name(f".{path.name}.migrating")
        _remove_with_sidecars(work)
        try:
            copy_survey(path, work)
            migrate_in_place(work)
            with cls(path, Database(work, readonly=False)) as survey:
                yield survey
            _settle_copy(work)
            copy_survey(path, backup_path(path, version))
            os.replace(work, path)
        finally:
            _remove_with_sidecars(work)

    @staticmethod
    def install(work: Path, path: Path) -> None:
        """Make the closed survey at ``work`` one self-contained, durable file, then rename
        it over ``path``: a survey built beside another replaces it in one step."""
        _settle_copy(work)
        os.replace(work, path)

    @staticmethod
    def discard(path: Path) -> None:
        """Delete a closed survey file and the -wal, -shm and -journal files beside it."""
        _remove_with_sidecars(path)

    def replace_contents(self, snapshot: Path) -> None:
        """Make this open survey hold exactly what ``snapshot`` (a copy of it made by
        ``copy_survey``) holds, in one step: the undo and redo of a whole merge. A snapshot of
        another schema version is refused and nothing changes."""
        if inspect_survey(snapshot) != self.schema_version:
            raise SurveyError("This copy of the survey cannot be restored.", "survey.invalid")
        with self._db.lock, translate_errors():
            source = sqlite3.connect(file_uri(snapshot, readonly=True), uri=True)
            try:
                source.backup(self._db.raw)
            finally:
                source.close()

    def close(self) -> None:
        """Close the file (safe to call twice); nothing is lost, every write was committed."""
        if self._database is not None:
            self._database.close()
            self._database = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> SurveyFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def readonly(self) -> bool:
        """True when the survey was opened read-only (writes raise "survey.readonly")."""
        return self._db.readonly

    @property
    def title(self) -> str:
        """The survey's title."""
        return self._meta("title") or ""

    @title.setter
    def title(self, value: str) -> None:
        self._set_meta("title", value)

    @property
    def surveyor(self) -> str | None:
        """The pseudonym of whoever logs cameras with this survey, None if not given."""
        return self._meta("surveyor")

    @surveyor.setter
    def surveyor(self, value: str | None) -> None:
        self._set_meta("surveyor", value)

    @property
    def schema_version(self) -> int:
        """The schema version of the file (also in ``PRAGMA user_version``)."""
        return int(self._meta("schema_version") or 0)

    @property
    def created_at(self) -> datetime:
        """When the survey was created (UTC)."""
        return datetime_from_text(self._meta("created_at") or "")

    @property
    def survey_id(self) -> str:
        """The survey's unique id: what ``cameras.origin`` holds after a merge."""
        return self._meta("survey_id") or ""

    def _meta(self, key: str) -> str | None:
        value = self._run(select(meta.c.value).where(meta.c.key == key)).scalar()
        return None if value is None else str(value)

    def _set_meta(self, key: str, value: str | None) -> None:
        with self._writing():
            if value is None:
                self._db.conn.execute(delete(meta).where(meta.c.key == key))
                return
            statement = insert(meta).values(key=key, value=value)
            self._db.conn.execute(
                statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
            )

    def _init_meta(self, title: str, surveyor: str | None) -> None:
        self._set_meta("app_version", __version__)
        self._set_meta("created_at", datetime_to_text(utc_now()))
        self._set_meta("title", title)
        self._set_meta("surveyor", surveyor)


def _claim(path: Path) -> None:
    """Create ``path`` empty, atomically refusing an existing file."""
    try:
        path.open("xb").close()
    except FileExistsError as error:
        raise SurveyError(f"{path} already exists.", "survey.exists") from error
    except OSError as error:
        raise SurveyError(f"Cannot create {path} ({error.strerror}).", "survey.io") from error


def _settle_copy(path: Path) -> None:
    """Make the closed copy at ``path`` one self-contained, durable file (no -wal beside)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    with path.open("rb") as stream:  # not open through SQLite in this process any more
        os.fsync(stream.fileno())


def _remove_with_sidecars(path: Path) -> None:
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        path.with_name(name).unlink(missing_ok=True)
