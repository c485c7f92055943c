"""limits.checked_size: missing, unreadable and oversized files are refused before reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.errors import InputError
from contrechamp.formats.limits import MAX_JSON_BYTES, MAX_PBF_BYTES, MAX_XML_BYTES, checked_size


def test_caps_are_in_the_documented_order() -> None:
    assert MAX_JSON_BYTES < MAX_XML_BYTES < MAX_PBF_BYTES == 2 * 1024**3


def test_a_file_under_the_cap_gives_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 10)
    assert checked_size(path, 10) == 10


@pytest.mark.parametrize(
    ("make", "code"),
    [("missing", "file.missing"), ("folder", "file.unreadable"), ("big", "file.too_large")],
)
def test_bad_files_are_refused(tmp_path: Path, make: str, code: str) -> None:
    path = tmp_path / "data.osm"
    if make == "folder":
        path.mkdir()
    elif make == "big":
        path.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match=r"data\.osm") as caught:
        checked_size(path, 10)
    assert caught.value.code == code


def test_sparse_file_over_the_cap_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.osm.pbf"
    with path.open("wb") as stream:
        stream.truncate(MAX_PBF_BYTES + 1)
    with pytest.raises(InputError) as caught:
        checked_size(path, MAX_PBF_BYTES)
    assert caught.value.code == "file.too_large"
