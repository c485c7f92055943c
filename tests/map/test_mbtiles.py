"""Reading MBTiles files (formats/mbtiles.py): TMS rows, metadata, bad files."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from contrechamp.core.errors import InputError
from contrechamp.formats.mbtiles import MBTiles, xyz_to_tms_row
from tests.map.mbtiles_samples import make_mbtiles, tile_color


def test_tiles_are_read_with_the_tms_row_flip(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "t.mbtiles", 3, range(2, 5), range(1, 4))
    with MBTiles(path) as mbtiles:
        data = mbtiles.tile(3, 4, 1)
        assert data is not None
        assert Image.open(io.BytesIO(data)).getpixel((10, 10)) == tile_color(3, 4, 1)
        assert mbtiles.tile(3, 4, 6) is None  # the TMS row of y=1, read as XYZ, is absent
        assert mbtiles.tile(3, 0, 0) is None
        assert mbtiles.tile(3, 99, 0) is None


def test_metadata_is_read(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "t.mbtiles", 5, range(1), range(1))
    with MBTiles(path) as mbtiles:
        info = mbtiles.info
    assert (info.image_format, info.min_zoom, info.max_zoom) == ("png", 5, 5)
    assert info.attribution == "Sample tiles"
    assert info.bounds is None


def test_vector_mbtiles_are_refused(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "v.mbtiles", 1, range(1), range(1), image_format="pbf")
    with pytest.raises(InputError) as caught:
        MBTiles(path)
    assert caught.value.code == "mbtiles.format"


def test_not_sqlite_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "junk.mbtiles"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InputError) as caught:
        MBTiles(path)
    assert caught.value.code == "mbtiles.corrupt"


def test_sqlite_without_tiles_table_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE x (a)").connection.close()
    with pytest.raises(InputError) as caught:
        MBTiles(path)
    assert caught.value.code == "mbtiles.corrupt"


def test_the_file_is_opened_read_only(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "t.mbtiles", 2, range(1), range(1))
    before = path.read_bytes()
    with MBTiles(path) as mbtiles:
        mbtiles.tile(2, 0, 0)
    assert path.read_bytes() == before


def test_tms_row() -> None:
    assert [xyz_to_tms_row(2, y) for y in range(4)] == [3, 2, 1, 0]
