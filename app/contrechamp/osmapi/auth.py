"""Logging in to OSM: OAuth 2.0 authorization code with PKCE (S256), a public client.

The browser opens the server's ``/oauth2/authorize`` page; OSM sends it back to a one-shot
web server on ``http://127.0.0.1:<random port>/callback`` with the code, which is exchanged at
``/oauth2/token`` for a token (scopes ``write_api read_prefs``; OSM tokens do not expire).
oauthlib refuses to read ``http://`` callback URLs, so the code is passed to ``fetch_token``
as ``code=`` and the ``state`` is checked here.
"""

from __future__ import annotations

import hmac
import threading
import webbrowser
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from contrechamp.osmapi.errors import OsmApiError
from contrechamp.osmapi.servers import CLIENT_ID_VARIABLE, OsmServer

__all__ = ["CALLBACK_PATH", "SCOPES", "LoopbackReceiver", "log_in"]

SCOPES = ("write_api", "read_prefs")
CALLBACK_PATH = "/callback"
LOGIN_TIMEOUT_S = 300.0
_PAGE = (
    b"<!doctype html><meta charset=utf-8><title>Contrechamp</title>"
    b"<p>You can close this tab and go back to Contrechamp.</p>"
)


class _CallbackHandler(BaseHTTPRequestHandler):
    """Takes the first request to the callback path; answers anything else with 404."""

    server: _CallbackServer

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self.send_error(404)
            return
        self.server.receive({k: v[0] for k, v in parse_qs(parts.query).items()})
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(_PAGE)))
        self.end_headers()
        self.wfile.write(_PAGE)

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: the query holds the login code."""


class _CallbackServer(HTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CallbackHandler)
        self.answer: dict[str, str] | None = None
        self.arrived = threading.Event()

    def receive(self, answer: dict[str, str]) -> None:
        if self.answer is None:
            self.answer = answer
            self.arrived.set()


class LoopbackReceiver:
    """The one-shot web server the browser is sent back to, on a random local port."""

    def __init__(self) -> None:
        self._server = _CallbackServer()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def redirect_uri(self) -> str:
        """Where OSM sends the browser back to."""
        return f"http://127.0.0.1:{self._server.server_address[1]}{CALLBACK_PATH}"

    def wait(self, timeout: float, cancelled: threading.Event | None = None) -> dict[str, str]:
        """The callback's query parameters; OsmApiError when none came in time (or the
        login was cancelled)."""
        waited = 0.0
        while not self._server.arrived.wait(0.1):
            waited += 0.1
            if waited >= timeout or (cancelled is not None and cancelled.is_set()):
                raise OsmApiError("the browser did not come back from the login", "osmapi.login")
        assert self._server.answer is not None
        return self._server.answer

    def close(self) -> None:
        """Stop the server and free its port."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> LoopbackReceiver:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _checked_code(answer: dict[str, str], state: str) -> str:
    """The code of the callback, after checking its state; OsmApiError otherwise."""
    if not hmac.compare_digest(answer.get("state", ""), state):
        raise OsmApiError("the login answer does not match the request", "osmapi.login")
    if "error" in answer or not answer.get("code"):
        reason = answer.get("error", "no code")[:60]
        raise OsmApiError(f"the login was refused ({reason})", "osmapi.login")
    return answer["code"]


def log_in(
    server: OsmServer,
    *,
    open_browser: Callable[[str], object] = webbrowser.open,
    timeout: float = LOGIN_TIMEOUT_S,
    cancelled: threading.Event | None = None,
) -> str:
    """Log in to ``server`` in the browser; return the access token."""
    from oauthlib.oauth2 import OAuth2Error
    from requests import RequestException
    from requests_oauthlib import OAuth2Session

    if not server.client_id:
        raise OsmApiError(
            f"no OAuth 2 client id for {server.web_url}: register Contrechamp there and give "
            f"its id (--client-id or ${CLIENT_ID_VARIABLE})",
            "osmapi.client_id",
        )
    with LoopbackReceiver() as receiver:
        oauth = OAuth2Session(
            server.client_id, redirect_uri=receiver.redirect_uri, scope=list(SCOPES), pkce="S256"
        )
        url, state = oauth.authorization_url(f"{server.web_url}/oauth2/authorize")
        open_browser(url)
        code = _checked_code(receiver.wait(timeout, cancelled), state)
    try:
        token = oauth.fetch_token(
            f"{server.web_url}/oauth2/token", code=code, include_client_id=True, timeout=30
        )
    except (OAuth2Error, RequestException, ValueError) as error:
        raise OsmApiError(
            f"the login could not be finished ({type(error).__name__})", "osmapi.login"
        ) from None
    access = token.get("access_token")
    if not isinstance(access, str) or not access:
        raise OsmApiError("the server gave no token", "osmapi.login")
    return access
