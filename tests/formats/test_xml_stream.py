"""XML readers stay bounded inside the size caps: they stream, and stop at the first sign of a
hostile file (a tag or text longer than any real data, more decompressed XML than allowed)
instead of reading it all."""

from __future__ import annotations

import bz2
import tracemalloc
from pathlib import Path

import pytest

from contrechamp.core.errors import InputError
from contrechamp.formats import _xml_stream
from contrechamp.formats._xml_stream import MAX_XML_TOKEN_BYTES, XmlBudget
from contrechamp.formats.basemap import read_area
from contrechamp.formats.gpx import read_gpx_track
from contrechamp.formats.osm_read import read_camera_nodes

MiB = 1024 * 1024
CAMERA = '<node id="-1" lat="43.7" lon="7.4"><tag k="man_made" v="surveillance"/></node>\n'
# What follows a hostile run: if a reader got this far, it would say the file is damaged.
BROKEN_TAIL = "<node id='x' lat='y'></osm>"


def long_attribute_osm(path: Path, length: int) -> Path:
    with path.open("w") as out:
        out.write(f'<osm version="0.6">{CAMERA}<node id="-2" lat="1" lon="2"><tag k="note" v="')
        out.write("a" * length)
        out.write('"/></node>' + BROKEN_TAIL)
    return path


def test_a_tag_longer_than_the_bound_is_refused_before_the_rest_is_read(tmp_path: Path) -> None:
    path = long_attribute_osm(tmp_path / "long.osm", 4 * MAX_XML_TOKEN_BYTES)
    with pytest.raises(InputError) as caught:
        read_camera_nodes(path)
    assert caught.value.code == "osm.hostile"  # not osm.corrupt: the tail was never parsed
    assert "long.osm" in caught.value.detail


def test_a_long_text_in_a_gpx_file_is_refused_before_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.gpx"
    path.write_text("<gpx><desc>" + "a" * (3 * MAX_XML_TOKEN_BYTES) + "</desc><trk></gpx>")
    with pytest.raises(InputError) as caught:
        read_gpx_track(path)
    assert caught.value.code == "gpx.hostile"


def test_tags_just_under_the_bound_and_runs_across_chunks_are_read(tmp_path: Path) -> None:
    budget = XmlBudget(tmp_path / "x.osm", "osm.hostile")
    half = MAX_XML_TOKEN_BYTES // 2
    budget.check(b"<" + b"a" * (MAX_XML_TOKEN_BYTES - 1))
    budget.check(b"<" + b"b" * half)
    budget.check(b"c" * (half - 1) + b"<")
    with pytest.raises(InputError):
        budget.check(b"d" * (MAX_XML_TOKEN_BYTES + 1))


def test_gpx_memory_stays_flat_whatever_else_the_file_holds(tmp_path: Path) -> None:
    path = tmp_path / "walk.gpx"
    junk = '<extensions><x a="1">y</x></extensions>' * 1000
    with path.open("w") as out:
        out.write('<gpx><trk><trkseg><trkpt lat="1" lon="2"><time>2024-05-01T10:00:00Z</time>')
        out.write("</trkpt>" + junk * (8 * MiB // len(junk)) + "</trkseg></trk></gpx>")
    tracemalloc.start()
    try:
        points = read_gpx_track(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(p.lat, p.lon) for p in points] == [(1.0, 2.0)]
    assert peak < 24 * MiB  # a tree of the 8 MiB of elements took about 90 MiB


def _osm_bz2(path: Path, copies: int) -> Path:
    body = CAMERA.replace('id="-1"', 'id="1" version="1"') * copies
    path.write_bytes(
        bz2.compress(f'<?xml version="1.0"?>\n<osm version="0.6">\n{body}</osm>\n'.encode())
    )
    return path


def test_the_area_counts_decompressed_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _osm_bz2(tmp_path / "bomb.osm.bz2", 40_000)  # 3 MiB of XML in a few kB
    assert read_area(path).cameras  # under the cap it is an area
    monkeypatch.setattr(_xml_stream, "MAX_XML_BYTES", MiB)
    with pytest.raises(InputError) as caught:
        read_area(path)
    assert caught.value.code == "file.too_large"
    assert "bomb.osm.bz2" in caught.value.detail


def test_the_area_refuses_a_tag_longer_than_the_bound(tmp_path: Path) -> None:
    path = long_attribute_osm(tmp_path / "long.osm", 2 * MAX_XML_TOKEN_BYTES)
    with pytest.raises(InputError) as caught:
        read_area(path)
    assert caught.value.code == "osm.hostile"
