"""Reach a campaign database: check its URL, find its password, open an SQLAlchemy engine.

A campaign URL is an SQLAlchemy PostgreSQL URL (``postgresql://user@host:port/database``).
It never carries the password: one in the URL is refused, since it would end up in the shell
history, the process list and the logs. The password comes from the system keyring (service
``Contrechamp PostgreSQL``, account ``user@host:port/database``), else from what libpq reads
itself: ``PGPASSWORD`` or ``~/.pgpass`` (``PGPASSFILE``). As for the OSM token, the fail, null
and keyrings.alt backends count as no keyring. Keyring calls can block: call this off the GUI
thread.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool

from contrechamp.store.campaign.errors import CampaignError

__all__ = [
    "KEYRING_SERVICE",
    "campaign_engine",
    "campaign_url",
    "keep_password",
    "keyring_account",
    "keyring_password",
]

KEYRING_SERVICE = "Contrechamp PostgreSQL"
_NOT_SAFE = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_CONNECT_TIMEOUT_S = 10
_DRIVERS = ("postgresql", "postgresql+psycopg", "postgres")


def campaign_url(text: str) -> URL:
    """Check a campaign URL and return it for the psycopg driver; CampaignError if unusable.

    >>> campaign_url("postgresql://ana@localhost:5433/technopolice").render_as_string()
    'postgresql+psycopg://ana@localhost:5433/technopolice'
    >>> campaign_url("postgresql://ana:secret@localhost/db")
    Traceback (most recent call last):
    ...
    contrechamp.store.campaign.errors.CampaignError: The campaign URL holds a password: \
remove it and put it in the keyring, PGPASSWORD or ~/.pgpass instead.
    """
    try:
        url = make_url(text.strip().replace("postgres://", "postgresql://", 1))
    except ArgumentError as error:
        raise CampaignError(
            "This is not a campaign URL: give postgresql://USER@HOST:PORT/DATABASE.",
            "campaign.url",
        ) from error
    if url.drivername not in _DRIVERS:
        raise CampaignError(
            f"A campaign is a PostgreSQL database, not {url.drivername}: "
            "give postgresql://USER@HOST:PORT/DATABASE.",
            "campaign.url",
        )
    if url.password is not None or "password" in url.query:
        raise CampaignError(
            "The campaign URL holds a password: remove it and put it in the keyring, "
            "PGPASSWORD or ~/.pgpass instead.",
            "campaign.url_password",
        )
    if not url.database:
        raise CampaignError(
            "The campaign URL names no database: give postgresql://USER@HOST:PORT/DATABASE.",
            "campaign.url",
        )
    return url.set(drivername="postgresql+psycopg")


def keyring_account(url: URL) -> str:
    """The keyring account of a campaign's password: ``user@host:port/database``.

    >>> keyring_account(campaign_url("postgresql://ana@db.example.org/tp"))
    'ana@db.example.org:5432/tp'
    """
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _safe(backend: Any) -> bool:
    inner = getattr(backend, "backends", None)
    if inner is not None:
        return any(_safe(b) for b in inner)
    return not type(backend).__module__.startswith(_NOT_SAFE)


def keyring_password(url: URL, keyring_module: Any = None) -> str | None:
    """The campaign's password from the system keyring, None when there is none (or no
    usable keyring: libpq then looks in PGPASSWORD and ~/.pgpass)."""
    try:
        module = keyring_module
        if module is None:
            import keyring as module
        if not _safe(module.get_keyring()):
            return None
        password = module.get_password(KEYRING_SERVICE, keyring_account(url))
    except Exception:  # no backend, locked, D-Bus gone: as if there were no keyring
        return None
    return password if isinstance(password, str) and password else None


def keep_password(url: URL, password: str, keyring_module: Any = None) -> bool:
    """Keep the campaign's password in the system keyring; False when there is no usable
    keyring or it refused (the caller then keeps it in memory for this session only)."""
    try:
        module = keyring_module
        if module is None:
            import keyring as module
        if not _safe(module.get_keyring()):
            return False
        module.set_password(KEYRING_SERVICE, keyring_account(url), password)
    except Exception:  # no backend, locked, D-Bus gone: not kept
        return False
    return True


def campaign_engine(url: URL, *, keyring_module: Any = None, password: str | None = None) -> Engine:
    """An engine on the campaign database (no pool: each operation opens its connection).

    ``password``: one the user just typed (the window asks when none is found); without it
    the keyring's, else libpq's own (PGPASSWORD, ~/.pgpass). Nothing connects yet; the first
    connection raises what ``translate_campaign_errors`` explains (refused password...).
    """
    connect_args: dict[str, Any] = {
        "connect_timeout": _CONNECT_TIMEOUT_S,
        "application_name": "contrechamp",
    }
    if password is None:
        password = keyring_password(url, keyring_module)
    if password is not None:
        connect_args["password"] = password
    return create_engine(url, poolclass=NullPool, connect_args=connect_args)
