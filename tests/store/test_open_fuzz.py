"""Mutated survey files never crash the opener: it works or it says what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo
from contrechamp.store import SurveyFile

from .helpers import camera, closed_file_bytes


@pytest.fixture(scope="module")
def sample_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "sample.cartoparty"
    with SurveyFile.create(path, title="fuzz", surveyor="lynx") as survey:
        survey.add_cameras(camera(i) for i in range(40))
        survey.add_photo(PhotoInfo(None, None, "", "a.jpg", "image/jpeg"), b"\xff\xd8" * 500)
    return closed_file_bytes(path)


def _read_everything(survey: SurveyFile) -> None:
    survey.cameras()
    survey.photos()
    survey.existing_cameras()
    survey.map_features()
    survey.track()
    _ = survey.title, survey.surveyor


mutations = st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 255)), min_size=1, max_size=12)


@settings(
    max_examples=200,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations=mutations, cut=st.one_of(st.none(), st.integers(0, 2**31)))
def test_a_mutated_survey_opens_or_fails_with_a_survey_error(
    sample_bytes: bytes, tmp_path: Path, mutations: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(sample_bytes)
    for offset, value in mutations:
        data[offset % len(data)] = value
    if cut is not None:
        data = data[: cut % len(data)]
    folder = tmp_path / "case"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / "mutated.cartoparty"
    path.write_bytes(bytes(data))
    for opener in (SurveyFile.open_untrusted_readonly, SurveyFile.open):
        codes = []
        try:
            with opener(path) as survey:
                _read_everything(survey)
        except SurveyError as error:
            codes.append(error.code)
        assert all(code.startswith("survey.") for code in codes)
