"""import_files from another survey: its photos follow their cameras, streamed one at a time."""

from __future__ import annotations

import json
import logging
import random
import tracemalloc
from pathlib import Path

import osmium
import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import InputError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.ops.imports import import_files
from contrechamp.store.survey import SurveyFile

PHOTO_BYTES = 1024 * 1024


def _survey_with_photos(path: Path, count: int) -> Path:
    """A survey of ``count`` cameras, each with one distinct photo of 1 MB."""
    noise = random.Random(7)
    with SurveyFile.create(path, title="Other pair", surveyor="pair1") as other:
        for index in range(count):
            camera = Camera(60.17 + index * 1e-4, 24.94, {"man_made": "surveillance"})
            other.add_camera(camera)
            info = PhotoInfo(None, camera.id, "", f"{index}.jpg", "image/jpeg", PhotoRole.WIDE)
            other.add_photo(info, b"\xff\xd8" + noise.randbytes(PHOTO_BYTES - 4) + b"\xff\xd9")
    return path


def test_a_survey_of_40_photos_of_1_mb_is_imported_without_holding_them_all(
    tmp_path: Path,
) -> None:
    source = _survey_with_photos(tmp_path / "other.cartoparty", 40)
    with SurveyFile.create(tmp_path / "walk.cartoparty") as survey:
        tracemalloc.start()
        try:
            result = import_files(survey, [source])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert (result.added, result.files[0].photos) == (40, 40)
        assert peak < 10 * PHOTO_BYTES  # all 40 held at once would be over 40 MB
        with SurveyFile.open_untrusted_readonly(source) as other:
            theirs = {p.sha256: other.photo_data(p.id) for p in other.photos() if p.id}
        ours = survey.photos()
        assert all(p.camera_id is not None for p in ours)
        assert {p.sha256: survey.photo_data(p.id) for p in ours if p.id} == theirs


def test_a_bad_file_after_a_survey_imports_nothing_of_either(tmp_path: Path) -> None:
    source = _survey_with_photos(tmp_path / "other.cartoparty", 2)
    bad = tmp_path / "bad.geojson"
    bad.write_text("{ not json")
    with SurveyFile.create(tmp_path / "walk.cartoparty") as survey:
        with pytest.raises(InputError):
            import_files(survey, [source, bad])
        assert (survey.cameras(), survey.photo_count()) == ([], 0)


def test_importing_a_survey_again_copies_no_photo_twice(tmp_path: Path) -> None:
    source = _survey_with_photos(tmp_path / "other.cartoparty", 3)
    with SurveyFile.create(tmp_path / "walk.cartoparty") as survey:
        import_files(survey, [source])
        again = import_files(survey, [source])
        assert (again.added, again.files[0].photos, survey.photo_count()) == (0, 0, 3)


def _overpass_body_answer(source: Path, out: Path) -> list[osmium.osm.Node]:
    """Overpass Turbo's default answer (``[out:json]; …; out body;``) for the camera nodes of
    ``source``: ids, positions and tags, no versions, timestamps or users."""
    nodes = [
        {"type": "node", "id": n.id, "lat": n.location.lat, "lon": n.location.lon,
         "tags": {t.k: t.v for t in n.tags}}
        for n in osmium.FileProcessor(str(source), osmium.osm.NODE)
        if n.tags.get("man_made") == "surveillance"
    ]  # fmt: skip
    answer = {
        "version": 0.6,
        "generator": "Overpass API 0.7.62.1 084b4234",
        "osm3s": {"timestamp_osm_base": "2026-11-20T10:00:00Z", "copyright": "ODbL 1.0"},
        "elements": nodes,
    }
    out.write_text(json.dumps(answer, indent=1), encoding="utf-8")
    return nodes


def test_an_overpass_answer_without_versions_imports_every_camera_linked_by_id(
    tmp_path: Path, shared_data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    answer = tmp_path / "turbo.json"
    nodes = _overpass_body_answer(shared_data / "osm" / "monaco_cameras.osm", answer)
    assert len(nodes) > 10
    with SurveyFile.create(tmp_path / "walk.cartoparty") as survey:
        with caplog.at_level(logging.WARNING, logger="contrechamp"):
            result = import_files(survey, [answer])
        cameras = {c.osm_id: c for c in survey.cameras()}
        again = import_files(survey, [answer])
    assert (result.added, result.unversioned) == (len(nodes), len(nodes))
    assert {n["id"]: n["tags"] for n in nodes} == {i: dict(c.tags) for i, c in cameras.items()}
    assert {c.osm_version for c in cameras.values()} == {None}
    warnings = [r for r in caplog.records if "without a known version" in r.getMessage()]
    assert len(warnings) == 1  # said once, not once per camera
    assert again.added == 0  # linked by id: not imported twice
