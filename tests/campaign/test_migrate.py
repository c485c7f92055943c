"""The campaign schema: made by its own Alembic migrations, with PostGIS geometry and GiST
indexes that QGIS and ogr2ogr read; a newer schema is refused and never touched."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from contrechamp.ops.campaign import campaign_status, init_campaign_at, push_survey
from contrechamp.ops.campaign_pull import pull_survey
from contrechamp.store.campaign.errors import CampaignError
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import camera_at, street, table_counts, write_survey


def _admin(cluster: Cluster, url: str):  # type: ignore[no-untyped-def]
    return cluster.admin(url.rsplit("/", 1)[1])


def test_init_creates_geometry_columns_with_gist_indexes(
    pg_cluster: Cluster, campaign_db: str
) -> None:
    done = init_campaign_at(campaign_db)
    assert (done.before, done.version) == (None, 1)
    assert len(done.campaign_id) == 32
    with _admin(pg_cluster, campaign_db) as connection:
        columns = connection.execute(
            "SELECT f_table_name, type, srid FROM geometry_columns "
            "WHERE f_table_schema = 'campaign' ORDER BY 1"
        ).fetchall()
        gist = connection.execute(
            "SELECT tablename FROM pg_indexes WHERE schemaname = 'campaign' "
            "AND indexdef LIKE '%USING gist (geom)%' ORDER BY 1"
        ).fetchall()
        revision = connection.execute("SELECT version_num FROM campaign.alembic_version").fetchone()
    assert ("cameras", "POINT", 4326) in columns
    assert ("sightings", "POINT", 4326) in columns
    assert {row[0] for row in gist} == {"cameras", "existing_cameras", "sectors", "sightings"}
    assert revision == ("c0001",)


def test_init_twice_changes_nothing_and_keeps_the_campaign_id(campaign_db: str) -> None:
    first = init_campaign_at(campaign_db)
    again = init_campaign_at(campaign_db)
    assert again.before == 1
    assert again.campaign_id == first.campaign_id


def test_a_bbox_pull_uses_the_spatial_index(
    pg_cluster: Cluster, campaign_db: str, tmp_path: Path
) -> None:
    init_campaign_at(campaign_db)
    survey = write_survey(tmp_path / "a.cartoparty", [camera_at(*p) for p in street(50)])
    push_survey(survey, campaign_db)
    with _admin(pg_cluster, campaign_db) as connection:
        connection.execute("SET enable_seqscan = off")  # a 50-row table: force the choice
        plan = connection.execute(
            "EXPLAIN SELECT id FROM campaign.cameras "
            "WHERE geom && ST_MakeEnvelope(5.36, 43.29, 5.38, 43.30, 4326)"
        ).fetchall()
    assert "ix_cameras_geom" in " ".join(row[0] for row in plan)


def test_the_map_view_gives_geojson_to_ogr2ogr(
    pg_cluster: Cluster, campaign_db: str, tmp_path: Path
) -> None:
    ogr2ogr = shutil.which("ogr2ogr")
    if ogr2ogr is None:
        pytest.skip("ogr2ogr (gdal-bin) is not installed")
    init_campaign_at(campaign_db)
    cameras = [camera_at(*p, operator="Ville de Marseille") for p in street(3)]
    push_survey(write_survey(tmp_path / "a.cartoparty", cameras), campaign_db)
    out = tmp_path / "cameras.geojson"
    database = campaign_db.rsplit("/", 1)[1]
    subprocess.run(
        [ogr2ogr, "-f", "GeoJSON", str(out),
         f"PG:host=127.0.0.1 port={pg_cluster.port} dbname={database} user={pg_cluster.user}",
         "campaign.camera_map"],
        check=True, capture_output=True, timeout=60, env={"PGPASSFILE": str(pg_cluster.pgpass)},
    )  # fmt: skip
    features = json.loads(out.read_text())["features"]
    assert len(features) == 3
    assert features[0]["geometry"]["type"] == "Point"
    assert features[0]["properties"]["operator"] == "Ville de Marseille"
    assert "notes" not in features[0]["properties"]
    assert "surveyor" not in features[0]["properties"]


def test_the_geojson_view_is_one_feature_collection(
    pg_cluster: Cluster, campaign_db: str, tmp_path: Path
) -> None:
    init_campaign_at(campaign_db)
    push_survey(write_survey(tmp_path / "a.cartoparty", [camera_at(*street(1)[0])]), campaign_db)
    with _admin(pg_cluster, campaign_db) as connection:
        (collection,) = connection.execute(
            "SELECT feature_collection FROM campaign.camera_geojson"
        ).fetchone() or (None,)
    assert collection["type"] == "FeatureCollection"
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert (round(lat, 4), round(lon, 4)) == (43.2965, 5.3698)


def _from_the_future(cluster: Cluster, url: str) -> None:
    with _admin(cluster, url) as connection:
        connection.execute("UPDATE campaign.meta SET value = '99' WHERE key = 'schema_version'")


def test_a_campaign_from_a_newer_contrechamp_is_refused_and_left_alone(
    pg_cluster: Cluster, campaign_db: str, tmp_path: Path
) -> None:
    init_campaign_at(campaign_db)
    push_survey(write_survey(tmp_path / "a.cartoparty", [camera_at(*street(1)[0])]), campaign_db)
    _from_the_future(pg_cluster, campaign_db)
    with _admin(pg_cluster, campaign_db) as connection:
        before = table_counts(connection)
    survey = write_survey(tmp_path / "b.cartoparty", [camera_at(*street(2)[1])])
    attempts = (
        lambda: init_campaign_at(campaign_db),
        lambda: push_survey(survey, campaign_db),
        lambda: pull_survey(campaign_db, tmp_path / "pulled.cartoparty"),
        lambda: campaign_status(campaign_db),
    )
    for attempt in attempts:
        with pytest.raises(CampaignError) as caught:
            attempt()
        assert caught.value.code == "campaign.newer"
        assert "newer Contrechamp" in caught.value.detail
    with _admin(pg_cluster, campaign_db) as connection:
        assert table_counts(connection) == before
    assert not (tmp_path / "pulled.cartoparty").exists()


def test_a_database_without_a_campaign_asks_for_init(campaign_db: str, tmp_path: Path) -> None:
    survey = write_survey(tmp_path / "a.cartoparty", [camera_at(*street(1)[0])])
    with pytest.raises(CampaignError) as caught:
        push_survey(survey, campaign_db)
    assert caught.value.code == "campaign.missing"
    assert "campaign init" in caught.value.detail


def test_without_postgis_and_the_right_to_add_it_init_says_so(pg_cluster: Cluster) -> None:
    url = pg_cluster.new_database("t_no_postgis", postgis=False)
    with pg_cluster.admin("t_no_postgis") as connection:
        connection.execute("DROP ROLE IF EXISTS walker")
        connection.execute("CREATE ROLE walker LOGIN PASSWORD 'walker-pw'")
        connection.execute("GRANT CREATE ON DATABASE t_no_postgis TO walker")
    with pg_cluster.pgpass.open("a") as pgpass:
        pgpass.write(f"127.0.0.1:{pg_cluster.port}:*:walker:walker-pw\n")
    with pytest.raises(CampaignError) as caught:
        init_campaign_at(pg_cluster.url("t_no_postgis", user="walker"))
    assert caught.value.code == "campaign.postgis"
    assert url.endswith("t_no_postgis")
