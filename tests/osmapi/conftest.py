"""Fixtures of the OSM API tests: the local stand-in server, a client, a survey."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera, Status
from contrechamp.osmapi.client import OsmClient
from contrechamp.osmapi.servers import OsmServer
from contrechamp.store.survey import SurveyFile
from tests.osmapi.api_server import FakeOsm

TOKEN = "token-of-ana"
TIMEOUT = (2.0, 0.15)  # the stand-in stalls 0.3 s to play a time-out
PATIENT_TIMEOUT = (2.0, 30.0)


class Sleeps(list[float]):
    """Records the waits a client asks for, without waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def osm() -> Iterator[FakeOsm]:
    with FakeOsm() as server:
        server.add_user(TOKEN, 1, "ana")
        yield server


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(osm: FakeOsm, sleeps: Sleeps) -> Iterator[OsmClient]:
    made = OsmClient(OsmServer(osm.url, osm.url), TOKEN, timeout=TIMEOUT, sleep=sleeps)
    yield made
    made.close()


@pytest.fixture
def patient_client(osm: FakeOsm, sleeps: Sleeps) -> Iterator[OsmClient]:
    """A client that waits for large diffs on a busy machine (no time-out is played)."""
    made = OsmClient(OsmServer(osm.url, osm.url), TOKEN, timeout=PATIENT_TIMEOUT, sleep=sleeps)
    yield made
    made.close()


def camera_at(i: int, status: Status = Status.CONFIRMED, **tags: str) -> Camera:
    """A camera along a street of Monaco, the i-th."""
    base = {"man_made": "surveillance", "surveillance:type": "camera", "camera:type": "fixed"}
    return Camera(43.7300 + i * 1e-5, 7.4200 + i * 2e-5, {**base, **tags}, status=status)


@pytest.fixture
def survey(tmp_path: Path) -> Iterator[SurveyFile]:
    with SurveyFile.create(tmp_path / "walk.cartoparty", title="Walk") as made:
        yield made
