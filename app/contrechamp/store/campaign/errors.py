"""Turn PostgreSQL failures into CampaignError codes the UI and CLI can explain, one line each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from contrechamp.core.errors import ContrechampError

__all__ = ["CampaignError", "campaign_failure", "translate_campaign_errors"]


class CampaignError(ContrechampError):
    """The campaign database cannot be reached or used (bad URL, password, newer schema...)."""

    code = "campaign.invalid"


# SQLSTATE classes and codes (PostgreSQL's errcodes) -> what the user is told.
_LOST = "The connection to the campaign server was lost: nothing was changed there; try again."
_REFUSED = (
    "The campaign server refused the password: check the one in the keyring, PGPASSWORD "
    "or ~/.pgpass."
)
_BY_STATE: dict[str, tuple[str, str]] = {
    "28P01": ("campaign.password", _REFUSED),
    "28000": ("campaign.password", "The campaign server refused this user."),
    "3D000": ("campaign.no_database", "This database does not exist on the campaign server."),
    "42501": ("campaign.permission", "This user may not change the campaign database."),
    "57P01": ("campaign.connection_lost", _LOST),
    "57P02": ("campaign.connection_lost", _LOST),
    "57P03": ("campaign.unreachable", "The campaign server is starting up or shutting down."),
    "53300": ("campaign.unreachable", "The campaign server has too many connections; try later."),
}


def campaign_failure(error: BaseException) -> CampaignError:
    """The CampaignError that explains a psycopg error (or any driver error) to a user."""
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str) and state in _BY_STATE:
        code, detail = _BY_STATE[state]
        return CampaignError(detail, code)
    text = str(error).lower()
    if "password authentication failed" in text:
        return CampaignError(_REFUSED, "campaign.password")
    if "no password supplied" in text or "password is required" in text:
        return CampaignError(
            "The campaign server wants a password: put it in the keyring, PGPASSWORD or "
            "~/.pgpass, never on the command line.",
            "campaign.password",
        )
    if "does not exist" in text and "database" in text:
        return CampaignError(
            "This database does not exist on the campaign server.", "campaign.no_database"
        )
    if _is_lost(text):
        return CampaignError(_LOST, "campaign.connection_lost")
    if "connection" in text or "could not translate host" in text or "timeout" in text:
        return CampaignError(
            "The campaign server cannot be reached: check the host name and port.",
            "campaign.unreachable",
        )
    first = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
    return CampaignError(f"The campaign database could not be used ({first}).", "campaign.invalid")


def _is_lost(text: str) -> bool:
    return any(
        words in text
        for words in (
            "server closed the connection",
            "terminating connection",
            "consuming input failed",
            "connection is lost",
            "the connection is closed",
            "server conn crashed",
            "connection already closed",
        )
    )


@contextmanager
def translate_campaign_errors() -> Iterator[None]:
    """Raise CampaignError instead of SQLAlchemy or psycopg errors escaping from the block
    (an OSError is the survey's or the disk's, never the server's: psycopg raises its own)."""
    import psycopg

    try:
        yield
    except sa_exc.DBAPIError as error:
        raise campaign_failure(error.orig or error) from error
    except psycopg.Error as error:
        raise campaign_failure(error) from error
