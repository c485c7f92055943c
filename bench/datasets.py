"""The generated data of one benchmark run, built once and cached under ``bench/data/``.

Every file is written under a temporary name and renamed when complete, so a file that exists
is whole; the folder name carries ``DATA_VERSION`` and the sizes, so changed generators or
sizes never reuse stale data.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bench.config import Sizes, city_extract, data_dir, scratch_path
from bench.gen_cameras import StreetCameras, write_survey, write_surveys
from bench.gen_osm import write_camera_nodes, write_tiled_city
from bench.gen_photos import write_photos
from contrechamp.core.camera import Camera
from contrechamp.formats.basemap import Area, read_area
from contrechamp.formats.csv_io import write_csv
from contrechamp.ops.camera_records import record_from_camera
from contrechamp.ops.demo import build_demo_survey
from contrechamp.store.survey import SurveyFile

__all__ = ["BenchData"]

_SURVEYORS = tuple(f"walker{n:02d}" for n in range(20))


@dataclass
class BenchData:
    """Paths to the generated data; each property builds its file on first use."""

    sizes: Sizes

    @property
    def folder(self) -> Path:
        """The cache folder of these sizes."""
        return data_dir(self.sizes)

    @property
    def extract(self) -> Path:
        """The real city extract everything is placed in."""
        return city_extract()

    @cached_property
    def area(self) -> Area:
        """The city's base map and existing cameras."""
        return read_area(self.extract)

    @cached_property
    def survey(self) -> Path:
        """A survey holding the city's base map and ``sizes.cameras`` cameras along its streets."""
        return self.survey_of(self.sizes.cameras)

    def survey_of(self, count: int) -> Path:
        """A survey holding the city's base map and ``count`` cameras along its streets (the
        same generator and seed at every size)."""
        path = self.folder / f"cameras-{count}.cartoparty"
        if not path.exists():
            street = StreetCameras(self.area)
            write_survey(path, self.area, self.extract.name, street.cameras(count, _SURVEYORS))
        return path

    @cached_property
    def cameras_pbf(self) -> Path:
        """The survey's cameras as OSM nodes in a PBF (what ``osmium cat`` converts)."""
        path = self.folder / "cameras.osm.pbf"
        if not path.exists():
            write_camera_nodes(path, self._cameras())
        return path

    @cached_property
    def cameras_csv(self) -> Path:
        """The survey's cameras as CSV: id, lat, lon and one column per tag (ogr2ogr's input)."""
        return self.cameras_csv_of(self.survey, self.folder / "cameras.csv")

    def cameras_csv_of(self, survey: Path, path: Path) -> Path:
        """A survey's cameras as CSV at ``path`` (written once): what ogr2ogr reads."""
        if not path.exists():
            partial = scratch_path(path)
            records = (record_from_camera(c) for c in self._cameras(survey))
            write_csv(partial, records, meta_columns=("id",))
            partial.replace(path)
        return path

    def _cameras(self, survey: Path | None = None) -> list[Camera]:
        with SurveyFile.open_untrusted_readonly(survey or self.survey) as opened:
            return opened.cameras()

    @cached_property
    def photos(self) -> list[Path]:
        """``sizes.photos`` 12-MP phone JPEGs taken along the city's streets."""
        folder = self.folder / "photos"
        if not folder.exists():
            partial = scratch_path(folder)
            lats, lons = StreetCameras(self.area, seed=11).positions(self.sizes.photos)
            write_photos(partial, list(zip(lats.tolist(), lons.tolist(), strict=True)))
            try:
                partial.rename(folder)
            except OSError:  # another run finished the same photos first
                shutil.rmtree(partial, ignore_errors=True)
        return sorted(folder.glob("*.jpg"))

    @cached_property
    def city_pbf(self) -> Path:
        """A city PBF: ``sizes.pbf_copies`` copies of the extract side by side, ids dense."""
        path = self.folder / f"city-dense-x{self.sizes.pbf_copies}.osm.pbf"
        if not path.exists():
            write_tiled_city(self.extract, path, self.sizes.pbf_copies)
        return path

    @cached_property
    def demo_survey(self) -> Path:
        """The app's demo survey (central Helsinki, a few sightings), built once."""
        path = self.folder / "demo.cartoparty"
        if not path.exists():
            partial = scratch_path(path)
            build_demo_survey(partial)
            partial.replace(path)
        return path

    @cached_property
    def surveys(self) -> list[Path]:
        """``sizes.surveys`` participants' surveys sharing ``sizes.cameras`` sightings."""
        folder = self.folder / "surveys"
        return write_surveys(
            folder, self.area, self.extract.name, self.sizes.cameras, self.sizes.surveys
        )
