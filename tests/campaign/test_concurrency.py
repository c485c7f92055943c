"""Four organisers pushing overlapping surveys of 5,000 cameras at the same moment: the
campaign ends as the same four pushes one after another leave it, with no duplicate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contrechamp.ops.campaign import init_campaign_at, push_survey
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import METRE_LAT, groups, seen_by, write_survey

CHILD = Path(__file__).with_name("push_child.py")
ROOT = Path(__file__).resolve().parents[2]
PUSHERS, PER_SURVEY, STEP = 4, 5_000, 1_000  # survey k sees cameras k*STEP .. k*STEP+4,999
SPACING_M = 60.0  # cameras apart: twice what the merge can join at 4 m accuracy


def _places() -> list[tuple[float, float]]:
    count = (PUSHERS - 1) * STEP + PER_SURVEY
    columns = 100
    return [
        (43.28 + (i // columns) * SPACING_M * METRE_LAT, 5.36 + (i % columns) * 0.00074)
        for i in range(count)
    ]


def _surveys(folder: Path) -> list[Path]:
    places = _places()
    return [
        write_survey(
            folder / f"pair{k}.cartoparty",
            seen_by(places, range(k * STEP, k * STEP + PER_SURVEY), seed=k),
            surveyor=f"pair-{k}",
        )
        for k in range(PUSHERS)
    ]


def _duplicates(connection) -> int:  # type: ignore[no-untyped-def]
    """Pairs of campaign cameras closer than 10 m (each physical camera is 60 m from the next)."""
    row = connection.execute(
        "SELECT count(*) FROM campaign.cameras a JOIN campaign.cameras b "
        "ON a.id < b.id AND b.geom && ST_Expand(a.geom, 10 / 111320.0 / cos(radians(a.lat)))"
    ).fetchone()
    return int(row[0])


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_concurrent_pushes_equal_the_sequential_push(pg_cluster: Cluster, tmp_path: Path) -> None:
    surveys = _surveys(tmp_path)
    concurrent = pg_cluster.new_database("t_concurrent_pushes")
    sequential = pg_cluster.new_database("t_sequential_pushes")
    init_campaign_at(concurrent)
    init_campaign_at(sequential)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(s), concurrent, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for s in surveys
    ]
    go.touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=170)
        assert child.returncode == 0, err
        results.append(json.loads(out))
    print("concurrent pushes (s):", [r["seconds"] for r in results])
    for survey in surveys:
        push_survey(survey, sequential)
    with pg_cluster.admin("t_concurrent_pushes") as a, pg_cluster.admin("t_sequential_pushes") as b:
        assert groups(a) == groups(b)
        cameras = a.execute("SELECT count(*) FROM campaign.cameras").fetchone()
        sightings = a.execute("SELECT count(*) FROM campaign.sightings").fetchone()
        assert _duplicates(a) == 0
    assert cameras == (len(_places()),)
    assert sightings == (PUSHERS * PER_SURVEY,)
    assert sum(r["sightings"] for r in results) == PUSHERS * PER_SURVEY
    assert sum(r["added"] for r in results) == len(_places())
