"""Benchmark (not a test): durable save of one camera vs a raw sqlite3 insert + commit.

Run: ``.venv/bin/python tests/store/bench_save.py [DIR]``. Both sides use WAL and
synchronous=FULL on the same disk; prints median and p99 in milliseconds over 500 saves.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from contrechamp.core.camera import Camera
from contrechamp.store import SurveyFile
from contrechamp.store.rows import camera_values

SAVES = 500


def _summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    return f"median {statistics.median(ordered) * 1000:.3f} ms, p99 {p99 * 1000:.3f} ms"


def _raw_table(path: Path, row: dict[str, object]) -> tuple[sqlite3.Connection, str]:
    """A bare sqlite3 connection (WAL, synchronous=FULL) and the INSERT for camera rows."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(f"CREATE TABLE cameras ({', '.join(row)}, PRIMARY KEY (id))")
    connection.commit()
    return connection, f"INSERT INTO cameras VALUES ({', '.join(':' + name for name in row)})"


def bench(folder: Path, cameras: list[Camera]) -> tuple[list[float], list[float]]:
    """Time raw insert+commit and SurveyFile.add_camera alternately, so load drifts hit both."""
    raw_samples, our_samples = [], []
    rows = [camera_values(camera) for camera in cameras]
    connection, sql = _raw_table(folder / "raw.sqlite", rows[0])
    with SurveyFile.create(folder / "bench.cartoparty") as survey:
        for camera, row in zip(cameras, rows, strict=True):
            start = time.perf_counter()
            connection.execute(sql, row)
            connection.commit()
            raw_samples.append(time.perf_counter() - start)
            start = time.perf_counter()
            survey.add_camera(camera)
            our_samples.append(time.perf_counter() - start)
    connection.close()
    return raw_samples, our_samples


def main() -> None:
    """Run both benchmarks in one directory and print the figures."""
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(dir=base) as folder:
        tags = {"man_made": "surveillance", "surveillance:type": "camera"}
        cameras = [Camera(48.85 + i * 1e-5, 2.35, tags) for i in range(SAVES)]
        raw, ours = bench(Path(folder), cameras)
        print(f"raw sqlite3 insert+commit: {_summary(raw)}")
        print(f"SurveyFile.add_camera:     {_summary(ours)}")
        ratio = statistics.median(ours) / statistics.median(raw)
        print(f"ratio of medians: {ratio:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
