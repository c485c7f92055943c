"""Reads and writes of a campaign database, inside the caller's transaction.

Bulk rows go through ``COPY`` (psycopg), the rest through SQL on the same connection, so a
push is one transaction whatever it writes. Neighbourhood reads use the GiST indexes: a push
reads only the campaign's cameras near the cameras it brings, never the whole campaign.
Every row read is checked as a survey file's rows are (``CameraReader``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy import Connection, text

from contrechamp.core.area import BBox, ExistingCamera, Sector
from contrechamp.core.camera import Camera
from contrechamp.store.campaign.errors import CampaignError
from contrechamp.store.merge_records import (
    CameraMerge,
    ConflictRecord,
    MergedSighting,
    StoredChoice,
)
from contrechamp.store.rows import (
    CAMERA_COLUMNS,
    CameraReader,
    camera_values,
    tags_from_json,
)

__all__ = [
    "COLUMNS",
    "PUSH_LOCK",
    "REVISION_COLUMNS",
    "SIGHTING_COLUMNS",
    "CampaignRecords",
    "CampaignState",
    "PushCounts",
    "camera_row",
    "choices_json",
]

PUSH_LOCK = 0x43_4D_50_50_55_53_48  # "CMPPUSH": the advisory lock every push holds
COLUMNS = ", ".join(CAMERA_COLUMNS)
SIGHTING_COLUMNS = f"survey_id, {COLUMNS}, camera_id"
REVISION_COLUMNS = ", ".join(("camera_id", *CAMERA_COLUMNS[1:], "revision", "push_id"))
_METRES_PER_DEGREE = 111_320.0
# A box of ``:reach`` metres around each point of push_points (longitudes widen with latitude).
_AROUND = (
    "ST_Expand(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), "
    f":reach / ({_METRES_PER_DEGREE} * greatest(cos(radians(p.lat)), 0.01)), "
    f":reach / {_METRES_PER_DEGREE})"
)


@dataclass
class CampaignState:
    """The part of the campaign a push merges into: cameras (with their revisions), their
    sightings, what the merge knows of them, their conflicts, and the OSM cameras near."""

    cameras: dict[str, Camera] = field(default_factory=dict)
    revisions: dict[str, int] = field(default_factory=dict)
    sightings: list[MergedSighting] = field(default_factory=list)
    merges: dict[str, CameraMerge] = field(default_factory=dict)
    conflicts: dict[str, list[ConflictRecord]] = field(default_factory=dict)
    existing: list[ExistingCamera] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PushCounts:
    """What one push changed, as recorded in ``campaign.pushes``."""

    sightings: int = 0
    cameras_added: int = 0
    cameras_changed: int = 0
    edits: int = 0
    conflicts: int = 0
    photos: int = 0


def camera_row(camera: Camera) -> tuple[Any, ...]:
    """A camera's columns in ``CAMERA_COLUMNS`` order, as the survey file writes them."""
    return tuple(camera_values(camera).values())


def _corrupt(what: str) -> CampaignError:
    return CampaignError(f"Bad {what} in the campaign database.", "campaign.corrupt")


def choices_json(choices: Sequence[StoredChoice]) -> str:
    """A conflict's choices as stored (the survey file's layout)."""
    return json.dumps(
        [{"value": v, "sightings": [list(k) for k in keys]} for v, keys in choices],
        ensure_ascii=False,
    )


def _choices(text_value: object) -> tuple[StoredChoice, ...]:
    try:
        data = json.loads(text_value) if isinstance(text_value, str) else None
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, list):
        raise _corrupt("merge conflict")
    found: list[StoredChoice] = []
    for item in data:
        value = item.get("value") if isinstance(item, dict) else None
        keys = item.get("sightings") if isinstance(item, dict) else None
        if not isinstance(value, str) or not isinstance(keys, list):
            raise _corrupt("merge conflict")
        pairs = [k for k in keys if isinstance(k, list) and len(k) == 2]
        found.append((value, tuple((str(k[0]), str(k[1])) for k in pairs)))
    return tuple(found)


class CampaignRecords:
    """The campaign tables, through one connection in one transaction (the caller's)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        raw = connection.connection.dbapi_connection
        if not isinstance(raw, psycopg.Connection):
            raise TypeError("a campaign connection goes through psycopg")
        self._raw: psycopg.Connection[Any] = raw

    def _rows(self, sql: str, params: Mapping[str, Any] | None = None) -> Sequence[Any]:
        return self.connection.execute(text(sql), dict(params or {})).all()

    def _run(self, sql: str, params: Mapping[str, Any] | None = None) -> int:
        """Execute a statement that returns no rows; return how many rows it touched."""
        return int(self.connection.execute(text(sql), dict(params or {})).rowcount)

    def _copy(self, target: str, rows: Iterable[Sequence[Any]]) -> int:
        """COPY ``rows`` into ``target`` ("table (columns)"); return how many."""
        count = 0
        with self._raw.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count

    def lock_pushes(self) -> None:
        """Wait for the pushes before this one to end; held until this transaction ends."""
        self._rows("SELECT pg_advisory_xact_lock(:key)", {"key": PUSH_LOCK})

    # -- reading, for a push ------------------------------------------------------------

    def known_sightings(self, survey_id: str) -> dict[str, str | None]:
        """The sightings of one survey that the campaign holds already: their ids there and
        the campaign camera each belongs to (None once an organiser deleted it)."""
        rows = self._rows(
            "SELECT id, camera_id FROM campaign.sightings WHERE survey_id = :survey",
            {"survey": survey_id},
        )
        return {str(row[0]): row[1] for row in rows}

    def neighbourhood(
        self,
        points: Sequence[tuple[float, float]],
        records: Sequence[str],
        osm_ids: Sequence[int],
        reach_m: float,
    ) -> CampaignState:
        """The campaign's cameras that a push of sightings at ``points`` (lat, lon) can
        join: those with a sighting or a position within ``reach_m`` of one, or a sighting
        of the same record or OSM node; with all their sightings, and the OSM cameras near."""
        self._run("CREATE TEMP TABLE push_points (lat float8, lon float8) ON COMMIT DROP")
        self._copy("push_points (lat, lon)", points)
        self._run("ANALYZE push_points")
        reach = {"reach": reach_m, "records": list(records), "osm": list(osm_ids)}
        self._run(
            "CREATE TEMP TABLE near_existing ON COMMIT DROP AS SELECT DISTINCT e.osm_id "
            f"FROM push_points p JOIN campaign.existing_cameras e ON e.geom && {_AROUND}",
            reach,
        )
        self._run(
            "CREATE TEMP TABLE near_cameras ON COMMIT DROP AS "
            f"SELECT s.camera_id AS id FROM push_points p JOIN campaign.sightings s "
            f"ON s.geom && {_AROUND} WHERE s.camera_id IS NOT NULL "
            f"UNION SELECT c.id FROM push_points p JOIN campaign.cameras c ON c.geom && {_AROUND} "
            "UNION SELECT camera_id FROM campaign.sightings WHERE camera_id IS NOT NULL "
            "AND (id = ANY(CAST(:records AS text[])) OR osm_id = ANY(CAST(:osm AS bigint[]))) "
            "UNION SELECT c.id FROM campaign.cameras c JOIN near_existing n ON c.osm_id = n.osm_id",
            reach,
        )
        self._run("ANALYZE near_cameras")
        state = CampaignState()
        self._read_cameras(state, "JOIN near_cameras n USING (id)", {})
        self._read_sightings(state)
        self._read_merges(state)
        state.conflicts = self._read_conflicts("JOIN near_cameras n ON n.id = k.camera_id", {})
        state.existing = self._read_existing("JOIN near_existing n USING (osm_id)", {})
        return state

    def _read_cameras(self, state: CampaignState, join: str, params: Mapping[str, Any]) -> None:
        read = CameraReader()
        rows = self._rows(f"SELECT {COLUMNS}, revision FROM campaign.cameras {join}", params)
        for row in rows:
            camera = read(tuple(row[:-1]))
            state.cameras[camera.id] = camera
            state.revisions[camera.id] = int(row[-1])

    def _read_sightings(self, state: CampaignState) -> None:
        read = CameraReader()
        rows = self._rows(
            f"SELECT {', '.join('s.' + c for c in SIGHTING_COLUMNS.split(', '))} "
            "FROM campaign.sightings s "
            "JOIN near_cameras n ON s.camera_id = n.id ORDER BY s.push_id, s.survey_id, s.id"
        )
        for row in rows:
            camera = read(tuple(row[1:-1]))
            state.sightings.append(MergedSighting(str(row[0]), camera, row[-1]))

    def _read_merges(self, state: CampaignState) -> None:
        rows = self._rows(
            "SELECT m.camera_id, m.written, m.reviewed, m.match, m.match_osm_id, "
            "m.match_distance_m FROM campaign.merged_cameras m "
            "JOIN near_cameras n ON n.id = m.camera_id"
        )
        for camera_id, written, reviewed, match, osm_id, distance in rows:
            state.merges[camera_id] = CameraMerge(
                camera_id, written, bool(reviewed), match, osm_id, distance
            )

    def _read_conflicts(
        self, join: str, params: Mapping[str, Any]
    ) -> dict[str, list[ConflictRecord]]:
        found: dict[str, list[ConflictRecord]] = {}
        rows = self._rows(
            f"SELECT k.camera_id, k.key, k.choices, k.decided FROM campaign.merge_conflicts k "
            f"{join} ORDER BY k.camera_id, k.key",
            params,
        )
        for owner, key, choices, decided in rows:
            record = ConflictRecord(owner, key, _choices(choices), bool(decided))
            found.setdefault(owner, []).append(record)
        return found

    def _read_existing(self, join: str, params: Mapping[str, Any]) -> list[ExistingCamera]:
        rows = self._rows(
            f"SELECT e.osm_id, e.version, e.lat, e.lon, e.tags FROM campaign.existing_cameras e "
            f"{join} ORDER BY e.osm_id",
            params,
        )
        return [
            ExistingCamera(int(osm_id), version, lat, lon, tags_from_json(tags))
            for osm_id, version, lat, lon, tags in rows
        ]

    def cameras_by_id(self, ids: Sequence[str]) -> CampaignState:
        """These cameras of the campaign (those it holds) with their revisions and conflicts."""
        state = CampaignState()
        if not ids:
            return state
        params = {"ids": list(ids)}
        self._read_cameras(state, "WHERE id = ANY(CAST(:ids AS text[]))", params)
        state.conflicts = self._read_conflicts(
            "WHERE k.camera_id = ANY(CAST(:ids AS text[]))", params
        )
        return state

    def revisions(self, wanted: Mapping[str, int]) -> dict[str, Camera]:
        """The cameras as they were at the given revisions (camera id -> revision)."""
        if not wanted:
            return {}
        self._run(
            "CREATE TEMP TABLE wanted_revisions (camera_id text, revision int) ON COMMIT DROP"
        )
        self._copy("wanted_revisions (camera_id, revision)", wanted.items())
        history = ", ".join("r." + n for n in ("camera_id", *CAMERA_COLUMNS[1:]))
        current = ", ".join("c." + n for n in CAMERA_COLUMNS)
        rows = self._rows(
            f"SELECT {current} FROM campaign.cameras c JOIN wanted_revisions w "
            "ON w.camera_id = c.id AND w.revision = c.revision "
            f"UNION ALL SELECT {history} FROM campaign.camera_revisions r "
            "JOIN wanted_revisions w USING (camera_id, revision)"
        )
        read = CameraReader()
        return {camera.id: camera for camera in map(read, (tuple(row) for row in rows))}

    def known_photos(self, camera_ids: Sequence[str]) -> set[tuple[str, str]]:
        """(camera id, SHA-256) of the photos these cameras have: by the original's hash
        and by the stored bytes' hash (a pulled survey holds the stored bytes)."""
        if not camera_ids:
            return set()
        rows = self._rows(
            "SELECT camera_id, original_sha256, sha256 FROM campaign.photos "
            "WHERE camera_id = ANY(CAST(:ids AS text[]))",
            {"ids": list(camera_ids)},
        )
        return {(c, h) for c, original, stored in rows for h in (original, stored)}

    # -- reading, for a pull and for status ---------------------------------------------

    def sector(self, name: str) -> Sector | None:
        """The campaign's sector of this name, None if it has none."""
        rows = self._rows(
            "SELECT name, wkb, pair FROM campaign.sectors WHERE name = :name", {"name": name}
        )
        return None if not rows else Sector(rows[0][0], bytes(rows[0][1]), None, rows[0][2])

    def sector_names(self) -> tuple[str, ...]:
        """The names of the campaign's sectors, in order."""
        rows = self._rows("SELECT name FROM campaign.sectors ORDER BY name")
        return tuple(str(row[0]) for row in rows)

    def cameras_within(
        self, bbox: BBox | None, sector: str | None
    ) -> tuple[list[Camera], dict[str, int]]:
        """The cameras (not rejected) in a box, in a sector, or all; and their revisions."""
        where, params = self._area(bbox, sector, "c")
        state = CampaignState()
        self._read_cameras(
            state, f"c WHERE c.status <> 'rejected' AND {where} ORDER BY c.id", params
        )
        return list(state.cameras.values()), state.revisions

    def existing_within(self, bbox: BBox | None, sector: str | None) -> list[ExistingCamera]:
        """The OSM cameras in a box, in a sector, or all."""
        where, params = self._area(bbox, sector, "e")
        return self._read_existing(f"WHERE {where}", params)

    @staticmethod
    def _area(bbox: BBox | None, sector: str | None, alias: str) -> tuple[str, dict[str, Any]]:
        if sector is not None:
            return (
                f"ST_Intersects({alias}.geom, "
                "(SELECT geom FROM campaign.sectors WHERE name = :sector))",
                {"sector": sector},
            )
        if bbox is not None:
            return (
                f"{alias}.geom && ST_MakeEnvelope(:west, :south, :east, :north, 4326)",
                {"west": bbox.west, "south": bbox.south, "east": bbox.east, "north": bbox.north},
            )
        return "true", {}

    def photos_of(self, camera_ids: Sequence[str]) -> Iterator[tuple[dict[str, Any], bytes]]:
        """The photos of these cameras with their bytes, one at a time."""
        if not camera_ids:
            return
        columns = (
            "camera_id", "sha256", "role", "taken_at", "lat", "lon", "accuracy_m", "heading",
            "heading_ref", "altitude", "orientation",
        )  # fmt: skip
        result = self.connection.execution_options(stream_results=True).execute(
            text(
                f"SELECT {', '.join('p.' + c for c in columns)}, b.mime, b.data "
                "FROM campaign.photos p JOIN campaign.photo_blobs b ON b.sha256 = p.sha256 "
                "WHERE p.camera_id = ANY(CAST(:ids AS text[])) ORDER BY p.id"
            ),
            {"ids": list(camera_ids)},
        )
        for row in result:
            values = dict(zip((*columns, "mime"), row[:-1], strict=True))
            yield values, bytes(row[-1])

    def figures(self) -> dict[str, Any]:
        """The campaign in figures, for ``campaign status``."""
        counts = dict(self._rows("SELECT status, count(*) FROM campaign.cameras GROUP BY status"))
        scalar = {
            "sightings": "SELECT count(*) FROM campaign.sightings",
            "surveys": "SELECT count(*) FROM campaign.surveys",
            "pushes": "SELECT count(*) FROM campaign.pushes",
            "photos": "SELECT count(*) FROM campaign.photos",
            "photo_bytes": "SELECT coalesce(sum(length(data)), 0) FROM campaign.photo_blobs",
            "open_conflicts": "SELECT count(*) FROM campaign.merge_conflicts WHERE NOT decided",
            "sectors": "SELECT count(*) FROM campaign.sectors",
            "existing_cameras": "SELECT count(*) FROM campaign.existing_cameras",
        }
        figures: dict[str, Any] = {key: int(self._rows(sql)[0][0]) for key, sql in scalar.items()}
        figures["cameras"] = {str(k): int(v) for k, v in counts.items()}
        return figures

    def last_pushes(self, limit: int = 5) -> list[dict[str, Any]]:
        """The latest pushes, newest first: who (pseudonym), when, which survey, what changed."""
        rows = self._rows(
            "SELECT pushed_at, pusher, survey_title, comment, sightings, cameras_added, "
            "cameras_changed, edits, conflicts, photos FROM campaign.pushes "
            "ORDER BY id DESC LIMIT :limit",
            {"limit": limit},
        )
        names = ("pushed_at", "pusher", "survey_title", "comment", "sightings", "cameras_added",
                 "cameras_changed", "edits", "conflicts", "photos")  # fmt: skip
        return [dict(zip(names, row, strict=True)) for row in rows]
