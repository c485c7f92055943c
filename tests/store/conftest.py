"""Fixtures for the survey file tests: a fresh survey file in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contrechamp.store import SurveyFile


@pytest.fixture
def survey_path(tmp_path: Path) -> Path:
    """Where a test's survey file lives."""
    return tmp_path / "walk.cartoparty"


@pytest.fixture
def survey(survey_path: Path) -> Iterator[SurveyFile]:
    """A new survey file, closed after the test."""
    opened = SurveyFile.create(survey_path, title="Quartier Nord", surveyor="renard")
    yield opened
    opened.close()
