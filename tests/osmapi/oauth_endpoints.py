"""The stand-in's OAuth 2 endpoints, as OSM's Doorkeeper answers them (PKCE S256, public
clients, loopback redirects on any port, form-encoded token requests, JSON tokens)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from tests.osmapi.api_server import ApiError, new_code, pkce_challenge, redirect_with

if TYPE_CHECKING:
    from tests.osmapi.api_server import FakeOsm

LOGIN_USER = 1


def _loopback_allowed(osm: FakeOsm, client_id: str, uri: str) -> bool:
    """RFC 8252 §7.3: a loopback redirect matches the registered one on any port."""
    registered = osm.clients.get(client_id)
    parts = urlsplit(uri)
    return registered is not None and parts.hostname == "127.0.0.1" and parts.path == registered


def authorize(osm: FakeOsm, query: dict[str, list[str]]) -> str:
    """Where the user's browser goes after approving (or denying) the request."""
    given = {k: v[0] for k, v in query.items()}
    client, uri = given.get("client_id", ""), given.get("redirect_uri", "")
    if not _loopback_allowed(osm, client, uri):
        raise ApiError(400, "The redirect uri included is not valid.")
    state = given.get("state", "")
    if given.get("response_type") != "code" or given.get("code_challenge_method") != "S256":
        return redirect_with(uri, error="invalid_request", state=state)
    if set(given.get("scope", "").split()) != {"write_api", "read_prefs"}:
        return redirect_with(uri, error="invalid_scope", state=state)
    if osm.deny_login:
        return redirect_with(uri, error="access_denied", state=state)
    code = new_code()
    osm.grants[code] = (client, uri, given.get("code_challenge", ""), LOGIN_USER)
    return redirect_with(uri, code=code, state=state)


def token(osm: FakeOsm, content_type: str, body: bytes) -> tuple[int, bytes, str, dict[str, str]]:
    """Exchange a code (with its PKCE verifier) for a token, once."""
    as_json = "application/json"
    if not content_type.startswith("application/x-www-form-urlencoded"):
        return 400, json.dumps({"error": "invalid_request"}).encode(), as_json, {}
    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    grant = osm.grants.pop(form.get("code", ""), None)
    if (
        grant is None
        or form.get("grant_type") != "authorization_code"
        or form.get("client_id") != grant[0]
        or form.get("redirect_uri") != grant[1]
        or pkce_challenge(form.get("code_verifier", "")) != grant[2]
    ):
        return 400, json.dumps({"error": "invalid_grant"}).encode(), as_json, {}
    access = new_code()
    osm.add_user(access, grant[3], "ana")
    answer = {"access_token": access, "token_type": "Bearer", "scope": "write_api read_prefs",
              "created_at": 1767225600}  # fmt: skip
    return 200, json.dumps(answer).encode(), as_json, {}
