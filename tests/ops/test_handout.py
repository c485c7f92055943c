"""Handing a workshop out: one survey per pair, the area and every sector, its own marked, and
never the workshop's own cameras, photos or track; never a file replaced unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.errors import InputError
from contrechamp.core.opening_view import opening_view
from contrechamp.ops.handout import hand_out
from contrechamp.ops.sectors import import_sectors
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest
from tests.ops.workshop_files import MONACO_SECTORS, sectors_file, workshop


@pytest.fixture
def atelier(tmp_path: Path, shared_data: Path) -> Path:
    return workshop(tmp_path, shared_data)


def test_each_pair_gets_a_survey_of_the_area_with_every_sector_and_its_own_marked(
    atelier: Path, tmp_path: Path
) -> None:
    handouts = hand_out(atelier, tmp_path / "handouts")
    assert [h.path.name for h in handouts] == [
        "01-monaco-ville-zoe-ana.cartoparty",
        "02-la-condamine-leo-sam.cartoparty",
    ]  # Monte-Carlo has no pair yet
    with SurveyFile.open_untrusted_readonly(atelier) as source:
        features, existing = source.map_feature_count(), source.existing_camera_count()
    for handout, (name, pair, *_) in zip(handouts, MONACO_SECTORS, strict=False):
        with SurveyFile.open(handout.path) as survey:
            assert survey.title == f"Atelier Monaco — {name}"
            assert survey.surveyor == pair
            assert [s.name for s in survey.sectors()] == [n for n, *_ in MONACO_SECTORS]
            own = survey.own_sector()
            assert own is not None
            assert (own.name, own.pair) == (name, pair)
            assert survey.map_feature_count() == features
            assert survey.existing_camera_count() == existing == 16
            assert sum(survey.camera_counts().values()) == 0  # the workshop's camera stays
            assert survey.photo_count() == 0
            assert survey.track() == []


def test_a_handout_opens_on_its_own_sector(atelier: Path, tmp_path: Path) -> None:
    handouts = hand_out(atelier, tmp_path / "handouts")
    with SurveyFile.open(handouts[0].path) as survey:
        own = survey.own_sector()
        cameras = [(c.lat, c.lon) for c in survey.existing_cameras()]
        view = opening_view(
            survey.area_bbox(), cameras, survey.map_features(), survey.sectors(), own
        )
    assert view is not None
    assert view.contains(43.731, 7.421)  # Monaco-Ville
    assert not view.contains(43.745, 7.435)  # Monte-Carlo, another pair's


def test_a_handout_whose_own_sector_was_deleted_has_none(atelier: Path, tmp_path: Path) -> None:
    [first, _] = hand_out(atelier, tmp_path / "handouts")
    with SurveyFile.open(first.path) as survey:
        own = survey.own_sector()
        assert own is not None
        assert own.id is not None
        survey.delete_sector(own.id)
        assert survey.own_sector() is None
        assert len(survey.sectors()) == 2


def test_handing_out_again_refuses_to_replace_the_handouts_unless_forced(
    atelier: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "handouts"
    first = hand_out(atelier, folder)
    with SurveyFile.open(first[0].path) as survey:
        survey.surveyor = "Zoé"  # the pair has started
    before = {h.path: digest(h.path) for h in first}
    with pytest.raises(InputError) as raised:
        hand_out(atelier, folder)
    assert raised.value.code == "handout.exists"
    assert "01-monaco-ville-zoe-ana.cartoparty" in raised.value.detail
    assert {p: digest(p) for p in before} == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in before)
    again = hand_out(atelier, folder, force=True)
    with SurveyFile.open(again[0].path) as survey:
        assert survey.surveyor == "Zoé & Ana"


def test_a_handout_never_replaces_the_workshop_itself(tmp_path: Path, shared_data: Path) -> None:
    atelier = workshop(tmp_path, shared_data)
    named = atelier.with_name("01-monaco-ville-zoe-ana.cartoparty")
    atelier.rename(named)
    before = digest(named)
    with pytest.raises(InputError) as raised:
        hand_out(named, tmp_path, force=True)
    assert raised.value.code == "handout.target"
    assert digest(named) == before


def test_without_any_pair_nothing_is_handed_out(tmp_path: Path, shared_data: Path) -> None:
    atelier = workshop(tmp_path, shared_data)
    nobody = [(name, None, w, s, e, n) for name, _, w, s, e, n in MONACO_SECTORS]
    with SurveyFile.open(atelier) as survey:
        import_sectors(survey, sectors_file(tmp_path, nobody), replace_all=True)
    with pytest.raises(InputError) as raised:
        hand_out(atelier, tmp_path / "handouts")
    assert raised.value.code == "handout.no_pairs"
    assert not (tmp_path / "handouts").exists()
