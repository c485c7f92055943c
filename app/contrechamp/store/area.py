"""The survey's area in the file: its box, base map features, existing OSM cameras and sectors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from contrechamp.core.area import BBox, ExistingCamera, FeatureKind, MapFeature, Sector
from contrechamp.core.camera import utc_now
from contrechamp.core.errors import SurveyError
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import datetime_to_text, tags_from_json, tags_to_json
from contrechamp.store.schema import area, existing_cameras, map_features, sectors, settings
from contrechamp.store.settings import OWN_SECTOR

__all__ = ["AreaRecords"]


def _feature_kind(value: str) -> FeatureKind:
    try:
        return FeatureKind(value)
    except ValueError as error:
        raise SurveyError(f"Bad map feature kind {value!r}.", "survey.corrupt") from error


class AreaRecords(SurveyBase):
    """The area of a survey (replaced as a whole) and its sectors."""

    def set_area(
        self,
        bbox: BBox,
        features: Iterable[MapFeature],
        existing: Iterable[ExistingCamera],
        source: str,
    ) -> None:
        """Replace the area, its base map features and existing cameras, in one transaction."""
        feature_rows = [
            {"kind": f.kind.value, "name": f.name, "osm_id": f.osm_id, "wkb": f.wkb}
            for f in features
        ]
        camera_rows = [
            {
                "osm_id": c.osm_id,
                "version": c.version,
                "lat": c.lat,
                "lon": c.lon,
                "tags": tags_to_json(c.tags),
            }
            for c in existing
        ]
        area_row = {
            "id": 1,
            "west": bbox.west,
            "south": bbox.south,
            "east": bbox.east,
            "north": bbox.north,
            "source": source,
            "loaded_at": datetime_to_text(utc_now()),
        }
        with self._writing():
            for table in (area, map_features, existing_cameras):
                self._db.conn.execute(delete(table))
            self._db.conn.execute(insert(area), area_row)
            if feature_rows:
                self._db.conn.execute(insert(map_features), feature_rows)
            if camera_rows:
                self._db.conn.execute(insert(existing_cameras), camera_rows)

    def area_bbox(self) -> BBox | None:
        """Return the box of the loaded area, None before an area was loaded."""
        statement = select(area.c.west, area.c.south, area.c.east, area.c.north)
        row = self._run(statement).first()
        return None if row is None else BBox(row[0], row[1], row[2], row[3])

    def area_source(self) -> str | None:
        """Return where the area was loaded from (a file name or URL), None if none was."""
        return self._run(select(area.c.source)).scalar()

    def map_features(self) -> list[MapFeature]:
        """Return the base map features of the area, in the order they were given."""
        statement = select(
            map_features.c.kind, map_features.c.wkb, map_features.c.name, map_features.c.osm_id
        ).order_by(map_features.c.id)
        return [
            MapFeature(_feature_kind(kind), bytes(wkb), name, osm_id)
            for kind, wkb, name, osm_id in self._run(statement)
        ]

    def map_feature_count(self) -> int:
        """How many base map features the area holds."""
        return self._count(map_features)

    def existing_camera_count(self) -> int:
        """How many cameras already in OSM the area holds."""
        return self._count(existing_cameras)

    def existing_cameras(self) -> list[ExistingCamera]:
        """Return the cameras already in OSM within the area, by node id."""
        columns = existing_cameras.c
        statement = select(columns.osm_id, columns.version, columns.lat, columns.lon, columns.tags)
        return [
            ExistingCamera(osm_id, version, lat, lon, tags_from_json(tags))
            for osm_id, version, lat, lon, tags in self._run(statement.order_by(columns.osm_id))
        ]

    def add_sector(self, sector: Sector) -> Sector:
        """Save a sector and return it with its new id; a sector that carries an id keeps it
        (one deleted and put back by undo: a handout's own sector stays its own)."""
        row: dict[str, object] = {"name": sector.name, "wkb": sector.wkb, "pair": sector.pair}
        if sector.id is not None:
            row["id"] = sector.id
        with self._writing():
            result = self._db.conn.execute(insert(sectors), row)
        return replace(sector, id=result.lastrowid)

    def sectors(self) -> list[Sector]:
        """Return the sectors in the order they were added."""
        columns = sectors.c
        statement = select(columns.name, columns.wkb, columns.id, columns.pair)
        return [
            Sector(name, bytes(wkb), sector_id, pair)
            for name, wkb, sector_id, pair in self._run(statement.order_by(columns.id))
        ]

    def replace_sectors(self, new: Iterable[Sector], *, keep_others: bool) -> list[Sector]:
        """Save ``new`` sectors in one transaction and return them with their ids.

        Sectors of the same name are replaced; with ``keep_others`` false every other sector
        goes too. A sector keeps its id when it is replaced by name, so a handout's own
        sector (:meth:`own_sector`) stays its own.
        """
        new = list(new)
        with self._writing():
            by_name = {s.name: s.id for s in self.sectors()}
            keep = {by_name[s.name] for s in new if s.name in by_name}
            others = sectors.c.id.not_in(keep)
            if not keep_others:
                self._db.conn.execute(delete(sectors).where(others))
            saved = []
            for sector in new:
                row = {"name": sector.name, "wkb": sector.wkb, "pair": sector.pair}
                sector_id = by_name.get(sector.name)
                if sector_id is None:
                    sector_id = self._db.conn.execute(insert(sectors), row).lastrowid
                else:
                    statement = update(sectors).where(sectors.c.id == sector_id).values(row)
                    self._db.conn.execute(statement)
                saved.append(replace(sector, id=sector_id))
        return saved

    def own_sector(self) -> Sector | None:
        """The sector this survey's pair walks (a handout's), None for other surveys."""
        own = self._run(select(settings.c.value).where(settings.c.key == OWN_SECTOR)).scalar()
        return next((s for s in self.sectors() if str(s.id) == own), None)

    def set_own_sector(self, sector_id: int) -> None:
        """Mark a sector as the one this survey's pair walks."""
        statement = sqlite_insert(settings).values(key=OWN_SECTOR, value=str(sector_id))
        statement = statement.on_conflict_do_update(
            index_elements=["key"], set_={"value": str(sector_id)}
        )
        with self._writing():
            self._db.conn.execute(statement)

    def delete_sector(self, sector_id: int) -> None:
        """Delete a sector; SurveyError("sector.missing") if absent."""
        with self._writing():
            result = self._db.conn.execute(delete(sectors).where(sectors.c.id == sector_id))
            if result.rowcount == 0:
                raise SurveyError(f"No sector {sector_id} in this survey.", "sector.missing")
