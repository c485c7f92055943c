"""The upload journal of a survey, and the links an upload writes back onto its cameras."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert

from contrechamp.core.camera import utc_now
from contrechamp.core.errors import SurveyError
from contrechamp.core.uploads import Action, NodeLink, SentChange
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import datetime_to_text, tags_from_json, tags_to_json
from contrechamp.store.schema import cameras, existing_cameras, uploads

__all__ = ["UploadRecords"]

_ACTIONS = {action.value: action for action in Action}


def _sent_change(row: Sequence[Any]) -> SentChange:
    """A journal row as a SentChange; SurveyError "survey.corrupt" on a bad one (the file
    may come from someone else)."""
    camera_id, changeset_id, action, node_id, version, lat, lon, tags, based_on = row
    kind = _ACTIONS.get(action) if type(action) is str else None
    numbers_ok = {type(changeset_id), type(node_id)} == {int} and (
        version is None or type(version) is int
    )
    places_ok = {type(lat), type(lon)} == {float}
    texts_ok = {type(camera_id), type(tags), type(based_on)} == {str}
    if kind is None or not (numbers_ok and places_ok and texts_ok):
        raise SurveyError("Bad upload journal in the survey file.", "survey.corrupt")
    return SentChange(
        camera_id, changeset_id, kind, node_id, version, lat, lon, tags_from_json(tags), based_on
    )


class UploadRecords(SurveyBase):
    """What an upload to OSM keeps in the survey: changes sent but not yet settled."""

    def sent_changes(self, server: str) -> list[SentChange]:
        """The changes sent to ``server`` whose answer is not settled, oldest first."""
        c = uploads.c
        statement = (
            select(
                c.camera_id,
                c.changeset_id,
                c.action,
                c.node_id,
                c.version,
                c.lat,
                c.lon,
                c.tags,
                c.based_on,
            )
            .where(c.server == server)
            .order_by(c.changeset_id, c.node_id.desc())
        )
        return [_sent_change(tuple(row)) for row in self._run(statement)]

    def linked_osm_ids(self) -> set[int]:
        """The OSM nodes the survey's cameras are linked to."""
        statement = select(cameras.c.osm_id).where(cameras.c.osm_id.is_not(None))
        return {int(osm_id) for (osm_id,) in self._run(statement)}

    def updated_texts(self) -> dict[str, str]:
        """Each camera's ``updated_at`` exactly as stored: what an upload is planned from."""
        statement = select(cameras.c.id, cameras.c.updated_at)
        return {str(camera_id): str(text) for camera_id, text in self._run(statement)}

    def unsettled_servers(self) -> list[str]:
        """The servers an upload was sent to whose answers are not all settled."""
        statement = select(uploads.c.server).distinct().order_by(uploads.c.server)
        return [str(server) for (server,) in self._run(statement)]

    def record_sent(self, server: str, changes: Iterable[SentChange]) -> None:
        """Write down, durably and in one step, the changes about to be sent to ``server``."""
        now = datetime_to_text(utc_now())
        rows = [
            {
                "camera_id": change.camera_id,
                "server": server,
                "changeset_id": change.changeset_id,
                "action": change.action.value,
                "node_id": change.node_id,
                "version": change.version,
                "lat": change.lat,
                "lon": change.lon,
                "tags": tags_to_json(change.tags),
                "based_on": change.based_on,
                "sent_at": now,
            }
            for change in changes
        ]
        if rows:
            with self._writing():
                self._db.conn.execute(insert(uploads), rows)

    def settle_sent(
        self, server: str, links: Iterable[NodeLink], unapplied: Iterable[str] = ()
    ) -> None:
        """In one transaction: link each camera to the node OSM gave it (and keep that node
        as the camera's original), and clear the journal of the linked cameras and of the
        ``unapplied`` ones (changes OSM is known not to have applied)."""
        links = list(links)
        done = [link.camera_id for link in links] + list(unapplied)
        with self._writing():
            conn = self._db.conn
            for link in links:
                _link_camera(conn, link)
                row = {
                    "osm_id": link.osm_id,
                    "version": link.version,
                    "lat": link.lat,
                    "lon": link.lon,
                    "tags": tags_to_json(link.tags),
                }
                upsert = insert(existing_cameras).values(row)
                fresh = {k: v for k, v in row.items() if k != "osm_id"}
                conn.execute(upsert.on_conflict_do_update(index_elements=["osm_id"], set_=fresh))
            for start in range(0, len(done), 500):
                chunk = done[start : start + 500]
                where = (uploads.c.server == server) & uploads.c.camera_id.in_(chunk)
                conn.execute(delete(uploads).where(where))


def _link_camera(conn: Connection, link: NodeLink) -> None:
    """Link the camera to its node; it takes what was sent (the node's tags and position now)
    unless it was edited since it was planned, when only the link is written (the edit then
    goes with the next upload)."""
    c = cameras.c
    unchanged = conn.execute(
        update(cameras)
        .where((c.id == link.camera_id) & (c.updated_at == link.based_on))
        .values(
            osm_id=link.osm_id,
            osm_version=link.version,
            lat=link.lat,
            lon=link.lon,
            tags=tags_to_json(link.tags),
        )
    )
    if unchanged.rowcount == 0:
        conn.execute(
            update(cameras)
            .where(c.id == link.camera_id)
            .values(osm_id=link.osm_id, osm_version=link.version)
        )
