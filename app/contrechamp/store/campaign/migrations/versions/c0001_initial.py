"""Campaign schema version 1: merged cameras, sightings, pushes, photos, sectors, OSM cameras.

Everything lives in the PostgreSQL schema ``campaign``. Positions are ``lat``/``lon`` columns
(what the app reads and writes) and a ``geom`` PostGIS point generated from them, with a GiST
index, for bounding-box pulls and for QGIS, ogr2ogr and web maps. ``camera_map`` is the view
those read: one row per camera not rejected, its main tags as columns, all its tags as JSON,
without notes nor pseudonyms. ``camera_geojson`` gives the same cameras as one GeoJSON
FeatureCollection (for uMap).
"""

from __future__ import annotations

from alembic import op

revision = "c0001"
down_revision: str | None = None
branch_labels = None
depends_on = None

_POINT = (
    "geom geometry(Point, 4326) GENERATED ALWAYS AS "
    "(ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED"
)
_CAMERA_RECORD = """
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    status text NOT NULL,
    source text NOT NULL,
    accuracy_m double precision,
    surveyor text,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    osm_id bigint,
    osm_version integer,
    notes text NOT NULL,
    tags text NOT NULL
"""

_TABLES = (
    "CREATE TABLE campaign.meta (key text PRIMARY KEY, value text)",
    """CREATE TABLE campaign.pushes (
        id bigserial PRIMARY KEY,
        pushed_at timestamptz NOT NULL DEFAULT now(),
        pusher text,
        survey_id text NOT NULL,
        survey_title text NOT NULL,
        comment text NOT NULL,
        sightings integer NOT NULL,
        cameras_added integer NOT NULL,
        cameras_changed integer NOT NULL,
        edits integer NOT NULL,
        conflicts integer NOT NULL,
        photos integer NOT NULL)""",
    """CREATE TABLE campaign.surveys (
        survey_id text PRIMARY KEY,
        title text NOT NULL,
        surveyor text,
        created_at text,
        push_id bigint NOT NULL REFERENCES campaign.pushes (id))""",
    f"""CREATE TABLE campaign.cameras (
        id text PRIMARY KEY, {_CAMERA_RECORD},
        revision integer NOT NULL,
        push_id bigint NOT NULL REFERENCES campaign.pushes (id),
        {_POINT})""",
    f"""CREATE TABLE campaign.camera_revisions (
        camera_id text NOT NULL REFERENCES campaign.cameras (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        push_id bigint NOT NULL REFERENCES campaign.pushes (id), {_CAMERA_RECORD},
        PRIMARY KEY (camera_id, revision))""",
    f"""CREATE TABLE campaign.sightings (
        survey_id text NOT NULL,
        id text NOT NULL, {_CAMERA_RECORD},
        camera_id text REFERENCES campaign.cameras (id) ON DELETE SET NULL,
        push_id bigint NOT NULL REFERENCES campaign.pushes (id),
        {_POINT},
        PRIMARY KEY (survey_id, id))""",
    """CREATE TABLE campaign.merged_cameras (
        camera_id text PRIMARY KEY REFERENCES campaign.cameras (id) ON DELETE CASCADE,
        written text NOT NULL,
        reviewed boolean NOT NULL,
        match text NOT NULL,
        match_osm_id bigint,
        match_distance_m double precision)""",
    """CREATE TABLE campaign.merge_conflicts (
        camera_id text NOT NULL REFERENCES campaign.cameras (id) ON DELETE CASCADE,
        key text NOT NULL,
        choices text NOT NULL,
        decided boolean NOT NULL,
        PRIMARY KEY (camera_id, key))""",
    f"""CREATE TABLE campaign.existing_cameras (
        osm_id bigint PRIMARY KEY,
        version integer,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        tags text NOT NULL,
        {_POINT})""",
    """CREATE TABLE campaign.sectors (
        name text PRIMARY KEY,
        wkb bytea NOT NULL,
        pair text,
        push_id bigint NOT NULL REFERENCES campaign.pushes (id),
        geom geometry(Geometry, 4326) GENERATED ALWAYS AS
            (ST_SetSRID(ST_GeomFromWKB(wkb), 4326)) STORED)""",
    """CREATE TABLE campaign.photo_blobs (
        sha256 text PRIMARY KEY,
        mime text NOT NULL,
        data bytea NOT NULL)""",
    """CREATE TABLE campaign.photos (
        id bigserial PRIMARY KEY,
        camera_id text NOT NULL REFERENCES campaign.cameras (id) ON DELETE CASCADE,
        sha256 text NOT NULL REFERENCES campaign.photo_blobs (sha256),
        original_sha256 text NOT NULL,
        role text NOT NULL,
        taken_at text,
        lat double precision,
        lon double precision,
        accuracy_m double precision,
        heading double precision,
        heading_ref text,
        altitude double precision,
        orientation integer NOT NULL,
        push_id bigint NOT NULL REFERENCES campaign.pushes (id),
        UNIQUE (camera_id, original_sha256))""",
)

_INDEXES = (
    "CREATE INDEX ix_cameras_geom ON campaign.cameras USING gist (geom)",
    "CREATE INDEX ix_cameras_status ON campaign.cameras (status)",
    "CREATE INDEX ix_cameras_osm_id ON campaign.cameras (osm_id)",
    "CREATE INDEX ix_sightings_geom ON campaign.sightings USING gist (geom)",
    "CREATE INDEX ix_sightings_camera_id ON campaign.sightings (camera_id)",
    "CREATE INDEX ix_sightings_id ON campaign.sightings (id)",
    "CREATE INDEX ix_sightings_osm_id ON campaign.sightings (osm_id)",
    "CREATE INDEX ix_existing_cameras_geom ON campaign.existing_cameras USING gist (geom)",
    "CREATE INDEX ix_sectors_geom ON campaign.sectors USING gist (geom)",
    "CREATE INDEX ix_photos_sha256 ON campaign.photos (sha256)",
)

_MAP_VIEW = """
CREATE VIEW campaign.camera_map AS
SELECT c.id,
       c.status,
       t.tags ->> 'surveillance' AS surveillance,
       t.tags ->> 'surveillance:type' AS surveillance_type,
       t.tags ->> 'surveillance:zone' AS surveillance_zone,
       t.tags ->> 'camera:type' AS camera_type,
       t.tags ->> 'camera:mount' AS camera_mount,
       t.tags ->> 'camera:direction' AS camera_direction,
       t.tags ->> 'operator' AS operator,
       t.tags,
       c.osm_id,
       c.osm_version,
       m.match AS osm_match,
       c.created_at::timestamptz AS first_seen,
       c.updated_at::timestamptz AS updated_at,
       c.revision,
       c.geom
FROM campaign.cameras c
CROSS JOIN LATERAL (SELECT c.tags::jsonb AS tags) t
LEFT JOIN campaign.merged_cameras m ON m.camera_id = c.id
WHERE c.status <> 'rejected'
"""

_GEOJSON_VIEW = """
CREATE VIEW campaign.camera_geojson AS
SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(ST_AsGeoJSON(m.*, 'geom', 7)::json), '[]'::json)
) AS feature_collection
FROM campaign.camera_map m
"""


def upgrade() -> None:
    """Create the campaign's tables, indexes and views, and record version 1."""
    for statement in (*_TABLES, *_INDEXES, _MAP_VIEW, _GEOJSON_VIEW):
        op.execute(statement)
    op.execute("INSERT INTO campaign.meta (key, value) VALUES ('schema_version', '1')")


def downgrade() -> None:
    """Remove everything version 1 created (the campaign's data with it)."""
    for view in ("camera_geojson", "camera_map"):
        op.execute(f"DROP VIEW campaign.{view}")
    for table in (
        "photos", "photo_blobs", "sectors", "existing_cameras", "merge_conflicts",
        "merged_cameras", "sightings", "camera_revisions", "cameras", "surveys", "pushes",
    ):  # fmt: skip
        op.execute(f"DROP TABLE campaign.{table}")
    op.execute("DROP TABLE campaign.meta")
