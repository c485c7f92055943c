"""The OSM servers one can upload to: the API and the website (login) of each."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from contrechamp.osmapi.errors import OsmApiError

__all__ = [
    "CLIENT_ID_VARIABLE",
    "DEV",
    "PRODUCTION",
    "OsmServer",
    "server_named",
]

CLIENT_ID_VARIABLE = "CONTRECHAMP_OSM_CLIENT_ID"
"""The environment variable giving the OAuth 2 client id when none is configured."""


@dataclass(frozen=True, slots=True)
class OsmServer:
    """An OSM server: where its API 0.6 lives, where its website (login) lives, and the
    OAuth 2 client id Contrechamp is registered under there ("" when not known)."""

    api_url: str
    web_url: str
    client_id: str = ""

    @property
    def key(self) -> str:
        """What names this server in the keyring and in a survey's upload journal."""
        return self.api_url

    def api(self, path: str) -> str:
        """The URL of an API 0.6 path (``node/1``)."""
        return f"{self.api_url}/api/0.6/{path}"


PRODUCTION = OsmServer("https://api.openstreetmap.org", "https://www.openstreetmap.org")
DEV = OsmServer(
    "https://master.apis.dev.openstreetmap.org", "https://master.apis.dev.openstreetmap.org"
)
_NAMED = {"osm": PRODUCTION, "production": PRODUCTION, "dev": DEV, "test": DEV}
_WEB_OF = {
    PRODUCTION.api_url: PRODUCTION.web_url,
    PRODUCTION.web_url: PRODUCTION.web_url,
    DEV.api_url: DEV.web_url,
}


def _clean_url(text: str) -> str:
    """A server address without its trailing slash; OsmApiError when it is not one."""
    url = text.strip().rstrip("/")
    if url.endswith("/api/0.6"):
        url = url[: -len("/api/0.6")]
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query:
        raise OsmApiError(f"{text[:80]!r} is not a server address (https://...)", "osmapi.url")
    if parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise OsmApiError(f"{text[:80]!r}: OSM servers are reached over https only", "osmapi.url")
    return url


def server_named(name: str | None = None, client_id: str | None = None) -> OsmServer:
    """The server a user chose: ``osm`` (production, the default), ``dev`` (the test
    instance), or an address; the client id given, else ``$CONTRECHAMP_OSM_CLIENT_ID``.

    >>> server_named().web_url
    'https://www.openstreetmap.org'
    >>> server_named("https://api.openstreetmap.org/").api("node/1")
    'https://api.openstreetmap.org/api/0.6/node/1'
    >>> server_named("dev", "abc").client_id
    'abc'
    """
    chosen = _NAMED.get((name or "osm").strip().lower())
    if chosen is None:
        api = _clean_url(name or "")
        api = PRODUCTION.api_url if api == PRODUCTION.web_url else api
        chosen = OsmServer(api, _WEB_OF.get(api, api))
    given = client_id if client_id is not None else os.environ.get(CLIENT_ID_VARIABLE, "")
    return OsmServer(chosen.api_url, chosen.web_url, given.strip())
