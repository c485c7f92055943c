"""A real PostgreSQL + PostGIS server for the campaign tests (no mock of the database).

The server is started once per test session in a throw-away folder (``cluster.py``); each
test gets a database of its own, copied from a template holding PostGIS. The tests skip,
saying why, only when no server can be started here; under CI (``CI`` set) that is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

from tests.campaign.cluster import Cluster, NoServerError, running_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """The session's server; its password reaches clients through ``PGPASSFILE``."""
    try:
        context = running_cluster()
        cluster = context.__enter__()
    except NoServerError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI must start a PostgreSQL server: {error}")
        pytest.skip(f"no PostgreSQL + PostGIS server can be started: {error}")
    saved = {name: os.environ.get(name) for name in ("PGPASSFILE", "PYTHON_KEYRING_BACKEND")}
    os.environ["PGPASSFILE"] = str(cluster.pgpass)
    # No desktop keyring in the tests unless one asks for it: the password comes from .pgpass.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    try:
        yield cluster
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        context.__exit__(None, None, None)


def database_name(node_name: str) -> str:
    """A database name made from a test's name (PostgreSQL keeps 63 bytes)."""
    return "t_" + re.sub(r"[^a-z0-9]+", "_", node_name.lower())[:55]


@pytest.fixture
def campaign_db(pg_cluster: Cluster, request: pytest.FixtureRequest) -> str:
    """The URL of an empty database with PostGIS, for this test alone."""
    return pg_cluster.new_database(database_name(request.node.name))
