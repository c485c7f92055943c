"""The detectors' findings kept by photo content: read back as written, first finding kept,
a damaged row refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from contrechamp.core.blur import BlurRegion, Detection, RegionKind, RegionSource
from contrechamp.core.errors import SurveyError
from contrechamp.store.survey import SurveyFile

SHA = "ab" * 32
FACE = BlurRegion(0.1, 0.2, 0.3, 0.4, RegionKind.FACE, RegionSource.AUTO, "m1")


@pytest.fixture
def survey(tmp_path: Path) -> Iterator[SurveyFile]:
    with SurveyFile.create(tmp_path / "s.cartoparty") as opened:
        yield opened


def test_what_a_model_found_is_read_back_by_hash_and_model(survey: SurveyFile) -> None:
    survey.add_detections([Detection(SHA, "m1", (FACE,)), Detection(SHA, "m2", ())])
    assert survey.detections_of([SHA], "m1") == {(SHA, "m1"): Detection(SHA, "m1", (FACE,))}
    assert survey.detections_of([SHA]) == {
        (SHA, "m1"): Detection(SHA, "m1", (FACE,)),
        (SHA, "m2"): Detection(SHA, "m2", ()),
    }
    assert survey.detections_of(["cd" * 32], "m1") == {}


def test_a_photo_already_scanned_by_a_model_keeps_its_first_finding(survey: SurveyFile) -> None:
    survey.add_detections([Detection(SHA, "m1", (FACE,))])
    survey.add_detections([Detection(SHA, "m1", ())])
    assert survey.detections_of([SHA], "m1")[(SHA, "m1")].regions == (FACE,)


def test_many_hashes_are_read_in_chunks(survey: SurveyFile) -> None:
    hashes = [f"{n:064x}" for n in range(1200)]
    survey.add_detections([Detection(sha, "m1") for sha in hashes])
    assert len(survey.detections_of(hashes, "m1")) == 1200


@pytest.mark.parametrize(
    "stored",
    ["not json", '{"x": 1}', '[[0.1, 0.2, 0.3]]', '[[0.1, 0.2, 0.3, "wide", "face"]]',
     '[[0.1, 0.2, 0.3, 0.4, "ghost"]]', "[[1e999, 0, 0, 0, \"face\"]]"],
)  # fmt: skip
def test_a_damaged_detection_row_is_reported_not_trusted(survey: SurveyFile, stored: str) -> None:
    survey.add_detections([Detection(SHA, "m1", (FACE,))])
    with survey.transaction():
        survey._db.conn.execute(text("UPDATE detections SET regions = :r"), {"r": stored})
    with pytest.raises(SurveyError) as caught:
        survey.detections_of([SHA], "m1")
    assert caught.value.code == "survey.corrupt"
