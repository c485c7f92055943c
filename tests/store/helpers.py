"""Helpers for the survey file tests: sample cameras and file fingerprints."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from contrechamp.core.camera import Camera


def camera(index: int = 0, **fields: object) -> Camera:
    """A camera with ordinary OSM tags, placed by ``index``."""
    tags = {"man_made": "surveillance", "surveillance:type": "camera", "ref": str(index)}
    return Camera(lat=48.85 + index * 1e-5, lon=2.35, tags=tags, **fields)  # type: ignore[arg-type]


def closed_file_bytes(path: Path) -> bytes:
    """The main file's bytes once every change is checkpointed into it."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path.read_bytes()


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_v1_survey(path: Path, cameras: int = 3) -> None:
    """Write a schema version 1 survey holding ``cameras`` cameras, as version 1 saved it."""
    from contrechamp.store.database import Database
    from contrechamp.store.migrate import upgrade

    path.touch()
    database = Database(path, readonly=False)
    with database.transaction():
        upgrade(database.conn, 1)
    database.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("title", "Ancienne"), ("created_at", "2025-01-02T03:04:05+00:00")],
        )
        connection.executemany(
            "INSERT INTO cameras VALUES (?, 48.85, 2.35, 'draft', 'gps', NULL, 'renard',"
            " '2025-01-02T03:04:05+00:00', '2025-01-02T03:04:05+00:00', NULL, NULL, '',"
            ' \'{"man_made":"surveillance","name":"Été"}\')',
            [(f"old{i}",) for i in range(cameras)],
        )
    connection.close()


V2_PHOTO = b"\xff\xd8\xff\xe0 a photo saved by version 2" * 100


def make_v2_survey(path: Path) -> None:
    """Write a schema version 2 survey with one camera and one photo (bytes inside)."""
    from contrechamp.store.database import Database
    from contrechamp.store.migrate import upgrade

    path.touch()
    database = Database(path, readonly=False)
    with database.transaction():
        upgrade(database.conn, 2)
    database.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("INSERT INTO meta (key, value) VALUES ('title', 'Deuxième')")
        connection.execute(
            "INSERT INTO cameras VALUES ('cam2', 48.85, 2.35, 'draft', 'photo', NULL, 'renard',"
            " '2025-01-02T03:04:05+00:00', '2025-01-02T03:04:05+00:00', NULL, NULL, '',"
            ' \'{"man_made":"surveillance"}\', NULL)'
        )
        connection.execute(
            "INSERT INTO photos VALUES (1, 'cam2', ?, 'IMG_1.jpg', 'image/jpeg', 'close_up',"
            " NULL, 48.85, 2.35, NULL, NULL, NULL, NULL, 1)",
            (hashlib.sha256(V2_PHOTO).hexdigest(),),
        )
        connection.execute("INSERT INTO photo_blobs VALUES (1, X'FFD8', ?)", (V2_PHOTO,))
    connection.close()
