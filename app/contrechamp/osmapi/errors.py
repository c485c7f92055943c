"""What can go wrong talking to OSM, each failure with its code (``core/messages.py``)."""

from __future__ import annotations

from contrechamp.core.errors import ContrechampError

__all__ = ["AnswerLostError", "OsmApiError"]


class OsmApiError(ContrechampError):
    """The OSM server refused a request, failed, or could not be reached.

    ``status`` is the HTTP status when there was an answer; ``server_text`` the plain-text
    reason the API gave (for the command line and logs, never a position or a tag).
    """

    def __init__(
        self,
        detail: str,
        code: str | None = None,
        *,
        status: int | None = None,
        server_text: str = "",
    ) -> None:
        super().__init__(detail, code)
        self.status = status
        self.server_text = server_text


class AnswerLostError(OsmApiError):
    """A request that changes OSM was sent, and its answer lost (a time-out, a reset
    connection, a server error): OSM may or may not have applied it."""

    code = "osmapi.lost"
