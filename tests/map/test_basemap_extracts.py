"""Reading the real extracts (formats/basemap.py) gives what it gave before libosmium was
asked to filter: the same features, cameras and extent, pinned by counts and checksums (a
pyosmium upgrade that assembles areas differently shows here too)."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from contrechamp.formats.basemap import Area, read_area

HELSINKI = Path(__file__).resolve().parents[2] / "resources" / "demo" / "helsinki.osm.pbf"


def fingerprint(area: Area) -> dict[str, object]:
    """Counts per kind, the extent, and checksums of the features (kind, id, name, WKB;
    sorted), of their order within each geometry type (lines and areas interleave as
    libosmium buffers them, but each keeps the file's order) and of the cameras."""
    by_type: dict[int, list[str]] = {}
    for f in area.features:
        by_type.setdefault(int.from_bytes(f.wkb[1:5], "little"), []).append(str(f.osm_id))
    order = (f"{geometry}:{','.join(ids)}" for geometry, ids in sorted(by_type.items()))
    features = sorted(
        f"{f.kind.value}|{f.osm_id}|{f.name}|{f.wkb.hex()}".encode() for f in area.features
    )
    cameras = (
        repr((c.osm_id, c.version, c.lat, c.lon, sorted(c.tags.items()))).encode()
        for c in area.cameras
    )
    return {
        "kinds": dict(sorted(Counter(f.kind.value for f in area.features).items())),
        "bbox": (area.bbox.west, area.bbox.south, area.bbox.east, area.bbox.north),
        "features": hashlib.sha256(b"\n".join(features)).hexdigest(),
        "order": hashlib.sha256("\n".join(order).encode()).hexdigest(),
        "cameras": hashlib.sha256(b"\n".join(cameras)).hexdigest(),
    }


MONACO = {
    "kinds": {
        "building": 4608,
        "green": 244,
        "path": 2342,
        "primary": 161,
        "residential": 403,
        "secondary": 196,
        "service": 452,
        "tertiary": 135,
        "water": 153,
    },
    "bbox": (7.4021982, 43.7187823, 7.4867087, 43.7604823),
    "features": "eef912913e6705b91e8d0557e14a3fc31f94788aabb1f2c9a65ad8090a47068e",
    "order": "1edf70f09c69f54d476aafb811b3ea6d18aba26ac96b405d054bb77efdc1a6ba",
    "cameras": "fa3b93e58ed55ab9bea53c108296bf9890084a3c74e24a4853ef79f925836cc9",
}
HELSINKI_AREA = {
    "kinds": {
        "building": 446,
        "green": 176,
        "path": 1109,
        "primary": 146,
        "railway": 296,
        "residential": 401,
        "secondary": 140,
        "service": 176,
        "tertiary": 44,
        "water": 14,
    },
    "bbox": (24.9351844, 60.1641551, 24.953411, 60.1791074),
    "features": "bed78750156ebda10deae67a5863046b3da306f05e3f304b9a236317c2a193b3",
    "order": "61f3d3f8a4fefed3b3962b3668680e3292dba23257440a3f3fb6c7bfbaee5fe4",
    "cameras": "6c54e44f642ca7151d067a39fe1789f729dd75dfcca132f73a55638eb30c7f15",
}


def test_monaco_reads_the_same_features_cameras_and_extent(monaco_area: Area) -> None:
    assert fingerprint(monaco_area) == MONACO


def test_helsinki_reads_the_same_features_cameras_and_extent() -> None:
    assert fingerprint(read_area(HELSINKI)) == HELSINKI_AREA
