"""The writes of a push into a campaign, inside the caller's transaction.

New rows go through ``COPY``; replaced cameras through a staging table, their previous
revision kept in ``camera_revisions`` (the base an offline edit is compared with).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import text

from contrechamp.core.area import ExistingCamera, Sector
from contrechamp.core.camera import Camera
from contrechamp.store.campaign.records import (
    COLUMNS,
    REVISION_COLUMNS,
    SIGHTING_COLUMNS,
    CampaignRecords,
    PushCounts,
    camera_row,
    choices_json,
)
from contrechamp.store.merge_records import (
    CameraMerge,
    ConflictRecord,
    MergedSighting,
    SourceSurvey,
)
from contrechamp.store.rows import CAMERA_COLUMNS, datetime_to_text, tags_to_json

__all__ = ["PushRecords"]


class PushRecords(CampaignRecords):
    """The campaign tables as a push reads and writes them."""

    def start_push(self, survey: SourceSurvey, comment: str) -> int:
        """Record a push (its counts come at the end) and return its id."""
        return int(
            self.connection.execute(
                text(
                    "INSERT INTO campaign.pushes (pusher, survey_id, survey_title, comment, "
                    "sightings, cameras_added, cameras_changed, edits, conflicts, photos) "
                    "VALUES (:pusher, :survey, :title, :comment, 0, 0, 0, 0, 0, 0) RETURNING id"
                ),
                {
                    "pusher": survey.surveyor,
                    "survey": survey.survey_id,
                    "title": survey.title,
                    "comment": comment,
                },
            ).scalar_one()
        )

    def finish_push(self, push_id: int, counts: PushCounts) -> None:
        """Record what the push changed."""
        self._run(
            "UPDATE campaign.pushes SET sightings = :sightings, cameras_added = :added, "
            "cameras_changed = :changed, edits = :edits, conflicts = :conflicts, "
            "photos = :photos WHERE id = :id",
            {
                "id": push_id,
                "sightings": counts.sightings,
                "added": counts.cameras_added,
                "changed": counts.cameras_changed,
                "edits": counts.edits,
                "conflicts": counts.conflicts,
                "photos": counts.photos,
            },
        )

    def changed_by_others(self, pulled: Mapping[str, int], survey_id: str) -> set[str]:
        """The cameras (camera id -> revision pulled) that a push of a survey other than
        ``survey_id`` changed after the revision pulled."""
        if not pulled:
            return set()
        rows = self._rows(
            "SELECT w.id FROM unnest(CAST(:ids AS text[]), CAST(:revisions AS int[])) "
            "AS w(id, revision) WHERE EXISTS (SELECT 1 FROM campaign.cameras c "
            "JOIN campaign.pushes p ON p.id = c.push_id WHERE c.id = w.id "
            "AND c.revision > w.revision AND p.survey_id <> :survey) "
            "OR EXISTS (SELECT 1 FROM campaign.camera_revisions r "
            "JOIN campaign.pushes p ON p.id = r.push_id WHERE r.camera_id = w.id "
            "AND r.revision > w.revision AND p.survey_id <> :survey)",
            {"ids": list(pulled), "revisions": list(pulled.values()), "survey": survey_id},
        )
        return {str(row[0]) for row in rows}

    def add_survey(self, survey: SourceSurvey, push_id: int) -> None:
        """Record a survey pushed (one pushed before keeps its first record)."""
        self._run(
            "INSERT INTO campaign.surveys (survey_id, title, surveyor, created_at, push_id) "
            "VALUES (:id, :title, :surveyor, :created, :push) ON CONFLICT DO NOTHING",
            {
                "id": survey.survey_id,
                "title": survey.title,
                "surveyor": survey.surveyor,
                "created": None
                if survey.created_at is None
                else datetime_to_text(survey.created_at),
                "push": push_id,
            },
        )

    def add_cameras(self, cameras: Sequence[Camera], push_id: int) -> None:
        """Insert new cameras (revision 1)."""
        rows = ((*camera_row(c), 1, push_id) for c in cameras)
        self._copy(f"campaign.cameras ({COLUMNS}, revision, push_id)", rows)

    def update_cameras(self, cameras: Sequence[Camera], push_id: int) -> None:
        """Replace cameras (next revision each), keeping the replaced revision in
        ``camera_revisions`` (the base an offline edit of it is compared with)."""
        if not cameras:
            return
        self._run(
            "CREATE TEMP TABLE staged_cameras ON COMMIT DROP AS "
            f"SELECT {COLUMNS} FROM campaign.cameras WITH NO DATA"
        )
        self._copy(f"staged_cameras ({COLUMNS})", map(camera_row, cameras))
        self._run(
            f"INSERT INTO campaign.camera_revisions ({REVISION_COLUMNS}) "
            f"SELECT {', '.join('c.' + n for n in (*CAMERA_COLUMNS, 'revision', 'push_id'))} "
            "FROM campaign.cameras c JOIN staged_cameras s ON s.id = c.id"
        )
        assignments = ", ".join(f"{name} = s.{name}" for name in CAMERA_COLUMNS if name != "id")
        self._run(
            f"UPDATE campaign.cameras c SET {assignments}, revision = c.revision + 1, "
            "push_id = :push FROM staged_cameras s WHERE c.id = s.id",
            {"push": push_id},
        )
        self._run("DROP TABLE staged_cameras")

    def add_sightings(self, sightings: Iterable[MergedSighting], push_id: int) -> int:
        """Insert new sightings; return how many."""
        return self._copy(
            f"campaign.sightings ({SIGHTING_COLUMNS}, push_id)",
            ((s.survey_id, *camera_row(s.camera), s.camera_id, push_id) for s in sightings),
        )

    def set_camera_merges(self, merges: Sequence[CameraMerge], new: Collection[str]) -> None:
        """Record what the merge knows of merged cameras: those of the ``new`` cameras
        straight, the others replacing what was known."""
        columns = "camera_id, written, reviewed, match, match_osm_id, match_distance_m"
        rows = [
            (m.camera_id, m.written, m.reviewed, m.match, m.match_osm_id, m.match_distance_m)
            for m in merges
        ]
        self._copy(f"campaign.merged_cameras ({columns})", (r for r in rows if r[0] in new))
        changed = [r for r in rows if r[0] not in new]
        if not changed:
            return
        self._run(
            f"CREATE TEMP TABLE staged_merges ON COMMIT DROP AS SELECT {columns} "
            "FROM campaign.merged_cameras WITH NO DATA"
        )
        self._copy(f"staged_merges ({columns})", changed)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns.split(", ")[1:])
        self._run(
            f"INSERT INTO campaign.merged_cameras ({columns}) SELECT {columns} FROM staged_merges "
            f"ON CONFLICT (camera_id) DO UPDATE SET {updates}"
        )
        self._run("DROP TABLE staged_merges")

    def set_conflicts(self, conflicts: Mapping[str, Sequence[ConflictRecord]]) -> None:
        """Replace the conflicts of the cameras given (camera id -> all its conflicts)."""
        if not conflicts:
            return
        self._run(
            "DELETE FROM campaign.merge_conflicts WHERE camera_id = ANY(CAST(:ids AS text[]))",
            {"ids": list(conflicts)},
        )
        self._copy(
            "campaign.merge_conflicts (camera_id, key, choices, decided)",
            (
                (camera_id, c.key, choices_json(c.choices), c.decided)
                for camera_id, records in conflicts.items()
                for c in records
            ),
        )

    def add_sectors(self, sectors: Iterable[Sector], push_id: int) -> int:
        """Add the sectors whose names the campaign does not know yet; return how many."""
        added = 0
        for sector in sectors:
            result = self.connection.execute(
                text(
                    "INSERT INTO campaign.sectors (name, wkb, pair, push_id) "
                    "VALUES (:name, :wkb, :pair, :push) ON CONFLICT DO NOTHING"
                ),
                {"name": sector.name, "wkb": sector.wkb, "pair": sector.pair, "push": push_id},
            )
            added += result.rowcount
        return added

    def merge_existing(self, cameras: Sequence[ExistingCamera]) -> int:
        """Keep the newest version of each OSM camera; return how many rows changed."""
        changed = 0
        for camera in cameras:
            result = self.connection.execute(
                text(
                    "INSERT INTO campaign.existing_cameras (osm_id, version, lat, lon, tags) "
                    "VALUES (:id, :version, :lat, :lon, :tags) ON CONFLICT (osm_id) DO UPDATE "
                    "SET version = excluded.version, lat = excluded.lat, lon = excluded.lon, "
                    "tags = excluded.tags WHERE coalesce(campaign.existing_cameras.version, 0) "
                    "< coalesce(excluded.version, 0)"
                ),
                {
                    "id": camera.osm_id,
                    "version": camera.version,
                    "lat": camera.lat,
                    "lon": camera.lon,
                    "tags": tags_to_json(camera.tags),
                },
            )
            changed += result.rowcount
        return changed

    def add_photo(self, row: Mapping[str, Any], data: bytes) -> bool:
        """Store one photo of a camera (its bytes once, by SHA-256); False if it had it."""
        self.connection.execute(
            text(
                "INSERT INTO campaign.photo_blobs (sha256, mime, data) "
                "VALUES (:sha256, :mime, :data) ON CONFLICT DO NOTHING"
            ),
            {"sha256": row["sha256"], "mime": row["mime"], "data": data},
        )
        names = [name for name in row if name != "mime"]
        result = self.connection.execute(
            text(
                f"INSERT INTO campaign.photos ({', '.join(names)}) "
                f"VALUES ({', '.join(':' + n for n in names)}) ON CONFLICT DO NOTHING"
            ),
            dict(row),
        )
        return bool(result.rowcount)
