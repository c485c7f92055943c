"""Create and migrate a campaign database with its own Alembic migrations, and check it.

``init_campaign`` makes the PostGIS extension (when this user may) and the ``campaign``
schema, then runs the migrations in one transaction, under an advisory lock so that two
organisers running ``campaign init`` at once do not race. Every other operation first calls
``check_campaign``: a database from a newer Contrechamp is refused with a clear sentence
(never touched), an older one is to be brought up to date with ``campaign init``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from contrechamp.core.camera import utc_now
from contrechamp.store.campaign.errors import CampaignError, translate_campaign_errors
from contrechamp.store.rows import datetime_to_text

__all__ = [
    "CAMPAIGN_SCHEMA_VERSION",
    "CampaignInit",
    "campaign_id",
    "check_campaign",
    "init_campaign",
    "schema_version",
]

CAMPAIGN_SCHEMA_VERSION = 1
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
INIT_LOCK = 0x43_4D_50_49_4E_49_54  # "CMPINIT": pg_advisory_xact_lock key of campaign init


@dataclass(frozen=True, slots=True)
class CampaignInit:
    """What ``campaign init`` did: the version found before (None: no campaign yet), the
    version now, and the campaign's id."""

    before: int | None
    version: int
    campaign_id: str


def _revision(version: int) -> str:
    return f"c{version:04d}"


def schema_version(connection: Connection) -> int | None:
    """The campaign schema version of the database, None when it holds no campaign."""
    found = connection.execute(text("SELECT to_regclass('campaign.meta')")).scalar()
    if found is None:
        return None
    value = connection.execute(
        text("SELECT value FROM campaign.meta WHERE key = 'schema_version'")
    ).scalar()
    try:
        return int(value) if value is not None else None
    except ValueError as error:
        raise CampaignError(
            "This database holds a damaged campaign (bad schema version).", "campaign.corrupt"
        ) from error


def _refuse_newer(version: int) -> None:
    if version > CAMPAIGN_SCHEMA_VERSION:
        raise CampaignError(
            f"This campaign was made by a newer Contrechamp (schema {version}; this one knows "
            f"up to {CAMPAIGN_SCHEMA_VERSION}): update Contrechamp to use it.",
            "campaign.newer",
        )


def check_campaign(connection: Connection) -> None:
    """Refuse a database without a campaign, from a newer Contrechamp, or not migrated yet."""
    version = schema_version(connection)
    if version is None:
        raise CampaignError(
            "This database holds no campaign yet: run 'contrechamp campaign init URL' first.",
            "campaign.missing",
        )
    _refuse_newer(version)
    if version < CAMPAIGN_SCHEMA_VERSION:
        raise CampaignError(
            f"This campaign has an older schema ({version}): run 'contrechamp campaign init "
            "URL' to bring it up to date.",
            "campaign.older",
        )


def campaign_id(connection: Connection) -> str:
    """The campaign's id (kept in every survey pulled from it)."""
    value = connection.execute(
        text("SELECT value FROM campaign.meta WHERE key = 'campaign_id'")
    ).scalar()
    return str(value or "")


def _ensure_postgis(connection: Connection) -> None:
    present = connection.execute(
        text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
    ).scalar()
    if present:
        return
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION postgis"))
    except Exception as error:
        raise CampaignError(
            "PostGIS is not available in this database: ask its administrator to run "
            "'CREATE EXTENSION postgis' in it.",
            "campaign.postgis",
        ) from error


def _upgrade(connection: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, _revision(CAMPAIGN_SCHEMA_VERSION))


def init_campaign(engine: Engine) -> CampaignInit:
    """Create the campaign in an empty database, or bring an older one up to date."""
    with translate_campaign_errors(), engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INIT_LOCK})
        before = schema_version(connection)
        if before is not None:
            _refuse_newer(before)
        _ensure_postgis(connection)
        connection.execute(text("CREATE SCHEMA IF NOT EXISTS campaign"))
        if before != CAMPAIGN_SCHEMA_VERSION:
            _upgrade(connection)
        if before is None:
            connection.execute(
                text(
                    "INSERT INTO campaign.meta (key, value) VALUES "
                    "('campaign_id', :id), ('created_at', :at)"
                ),
                {"id": uuid.uuid4().hex, "at": datetime_to_text(utc_now())},
            )
        return CampaignInit(before, CAMPAIGN_SCHEMA_VERSION, campaign_id(connection))
