"""Street crossings written in words, matched to the area's streets and placed where they meet."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from shapely import LineString

from contrechamp.core.area import FeatureKind, MapFeature
from contrechamp.core.crossings import Crossing, StreetIndex, parse_crossing, street_key
from contrechamp.core.geo import distance_m, offset


@pytest.mark.parametrize(
    ("written", "on_the_map"),
    [
        ("Bd des Moulins", "Boulevard des Moulins"),
        ("bld. de la République", "Boulevard de la République"),
        ("AV. DE LA COSTA", "Avenue de la Costa"),
        ("pl. d'Armes", "Place d'Armes"),
        ("r. du Ténao", "Rue du Ténao"),
        ("Av. St-Michel", "Avenue Saint-Michel"),
        ("Av. Ste Cécile", "Avenue Sainte-Cécile"),
        ("rue Suffren-Reymond", "Rue Suffren Reymond"),
        ("Avenue de l’Hermitage", "Avenue de l'Hermitage"),
    ],
)
def test_a_street_written_differently_has_the_same_key(written: str, on_the_map: str) -> None:
    assert street_key(written) == street_key(on_the_map)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Rue Grimaldi, rue Princesse Caroline", "Rue Grimaldi", "rue Princesse Caroline"),
        ("angle rue Grimaldi / bd Albert 1er", "rue Grimaldi", "bd Albert 1er"),
        ("À l'angle de la rue Bosio et du bd Charles III", "rue Bosio", "bd Charles III"),
        ("carrefour Boulevard des Moulins et Avenue de la Costa", "Boulevard des Moulins",
         "Avenue de la Costa"),
        ("Rue Grimaldi x Rue Suffren Reymond", "Rue Grimaldi", "Rue Suffren Reymond"),
        ("Croisement av. de la Costa - bd Princesse Charlotte", "av. de la Costa",
         "bd Princesse Charlotte"),
        ("Intersection Rue Grimaldi & Rue Bosio, 98000 Monaco", "Rue Grimaldi", "Rue Bosio"),
        ("angle des rues Grimaldi et Bosio", "rue Grimaldi", "rue Bosio"),
        ("Corner of Rue Grimaldi and Rue Bosio", "Rue Grimaldi", "Rue Bosio"),
    ],
)  # fmt: skip
def test_crossings_are_read_as_lists_write_them(text: str, first: str, second: str) -> None:
    assert parse_crossing(text) == Crossing(first, second)


@pytest.mark.parametrize(
    "text",
    [
        "12 rue Grimaldi",
        "12 rue Grimaldi, 98000 Monaco",
        "Rue Grimaldi",
        "Rue Grimaldi, face au marché",
        "Stade Louis II, avenue des Castelans",
        "angle 12 rue A / 3 rue B",
        "",
    ],
)
def test_an_address_is_not_a_crossing(text: str) -> None:
    assert parse_crossing(text) is None


def _street(name: str, *points: tuple[float, float]) -> MapFeature:
    """A residential street through (lat, lon) points."""
    line = LineString([(lon, lat) for lat, lon in points])
    return MapFeature(FeatureKind.RESIDENTIAL, shapely.to_wkb(line), name)


# A small grid near Monaco: one east-west street, one north-south street crossing it.
EAST_WEST = _street("Rue Grimaldi", (43.7340, 7.4170), (43.7340, 7.4200))
NORTH_SOUTH = _street("Rue Suffren Reymond", (43.7330, 7.4185), (43.7350, 7.4185))


def test_a_crossing_is_placed_where_the_two_streets_meet() -> None:
    streets = StreetIndex.from_features([EAST_WEST, NORTH_SOUTH])
    found = streets.place(Crossing("R. Grimaldi", "r. Suffren-Reymond"))
    assert found is not None
    assert (found.lat, found.lon) == (43.734, 7.4185)
    assert (found.first, found.second) == ("Rue Grimaldi", "Rue Suffren Reymond")


def test_a_street_missing_from_the_map_places_nothing() -> None:
    streets = StreetIndex.from_features([EAST_WEST, NORTH_SOUTH])
    assert streets.place(Crossing("Rue Grimaldi", "Rue Inconnue")) is None
    assert streets.place(Crossing("Rue Grimaldi", "Rue Grimaldi")) is None


def test_buildings_and_parks_are_not_streets() -> None:
    park = MapFeature(FeatureKind.GREEN, NORTH_SOUTH.wkb, "Rue Suffren Reymond")
    streets = StreetIndex.from_features([EAST_WEST, park])
    assert streets.match("Rue Suffren Reymond") is None


def test_a_name_without_first_names_matches_only_when_one_street_ends_so() -> None:
    kennedy = _street("Avenue John F. Kennedy", (43.7350, 7.4200), (43.7360, 7.4220))
    streets = StreetIndex.from_features([EAST_WEST, kennedy])
    assert streets.match("Av. Kennedy") == street_key("Avenue John F. Kennedy")
    assert streets.match("Bd Kennedy") is None  # another kind of street
    other = _street("Avenue Président Kennedy", (43.7300, 7.4200), (43.7310, 7.4220))
    assert StreetIndex.from_features([kennedy, other]).match("Av. Kennedy") is None


def test_streets_a_few_metres_apart_still_meet() -> None:
    lat, lon = offset(43.7340, 7.4185, 180.0, 8.0)  # ends 8 m short of Rue Grimaldi
    short = _street("Rue Bosio", (43.7320, 7.4185), (lat, lon))
    streets = StreetIndex.from_features([EAST_WEST, short])
    found = streets.place(Crossing("Rue Grimaldi", "Rue Bosio"))
    assert found is not None
    assert distance_m(found.lat, found.lon, 43.7340, 7.4185) < 5.0
    far = _street("Rue Bosio", (43.7320, 7.4185), (43.7335, 7.4185))  # 55 m short
    assert (
        StreetIndex.from_features([EAST_WEST, far]).place(Crossing("Rue Grimaldi", "Rue Bosio"))
        is None
    )


def test_streets_that_meet_twice_far_apart_are_not_placed() -> None:
    loop = _street(
        "Rue Bosio", (43.7330, 7.4172), (43.7350, 7.4172), (43.7350, 7.4198), (43.7330, 7.4198)
    )
    streets = StreetIndex.from_features([EAST_WEST, loop])
    assert streets.place(Crossing("Rue Grimaldi", "Rue Bosio")) is None


@pytest.fixture(scope="module")
def monaco_streets(shared_data: Path) -> StreetIndex:
    from contrechamp.formats.basemap import read_area

    return StreetIndex.from_features(read_area(shared_data / "osm" / "monaco.osm.pbf").features)


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("Angle bd des Moulins / av. de la Costa", (43.7405657, 7.4256731)),
        ("Carrefour av. Princesse Grace et av. des Spélugues", (43.7403489, 7.4297349)),
        ("Rue Grimaldi, rue Princesse Caroline", (43.733061, 7.4187615)),
    ],
)
def test_real_crossings_of_monaco_are_placed_on_the_node_the_streets_share(
    monaco_streets: StreetIndex, text: str, node: tuple[float, float]
) -> None:
    crossing = parse_crossing(text)
    assert crossing is not None
    found = monaco_streets.place(crossing)
    assert found is not None
    assert distance_m(found.lat, found.lon, *node) < 1.0
