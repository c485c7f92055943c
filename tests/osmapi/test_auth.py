"""The OAuth 2.0 PKCE login end to end: a fake browser follows the authorize page of the
stand-in back to the app's loopback server."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from contrechamp.osmapi.auth import CALLBACK_PATH, log_in
from contrechamp.osmapi.client import OsmClient
from contrechamp.osmapi.errors import OsmApiError
from contrechamp.osmapi.servers import OsmServer
from tests.osmapi.api_server import FakeOsm


@pytest.fixture(autouse=True)
def _plain_http(monkeypatch: pytest.MonkeyPatch) -> None:
    # oauthlib refuses http:// token URLs: the stand-in is plain HTTP on 127.0.0.1.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")


def _browser(seen: list[str]) -> object:
    def follow(url: str) -> None:
        seen.append(url)
        requests.get(url, timeout=5)  # the user approves; OSM redirects back to the app

    return follow


def test_login_with_pkce_gives_a_token_that_works(osm: FakeOsm) -> None:
    osm.clients["contrechamp-test"] = CALLBACK_PATH
    server = OsmServer(osm.url, osm.url, "contrechamp-test")
    seen: list[str] = []

    token = log_in(server, open_browser=_browser(seen), timeout=5)

    query = parse_qs(urlsplit(seen[0]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["response_type"] == ["code"]
    assert query["scope"] == ["write_api read_prefs"]
    redirect = urlsplit(query["redirect_uri"][0])
    assert redirect.hostname == "127.0.0.1"
    assert redirect.port
    assert redirect.port > 1024
    assert OsmClient(server, token).user().display_name == "ana"


def test_a_denied_login_is_said_plainly(osm: FakeOsm) -> None:
    osm.clients["contrechamp-test"] = CALLBACK_PATH
    osm.deny_login = True

    with pytest.raises(OsmApiError) as caught:
        log_in(OsmServer(osm.url, osm.url, "contrechamp-test"), open_browser=_browser([]))
    assert caught.value.code == "osmapi.login"


def test_an_answer_with_another_state_is_refused(osm: FakeOsm) -> None:
    osm.clients["contrechamp-test"] = CALLBACK_PATH

    def forged(url: str) -> None:
        back = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        requests.get(back, params={"code": "stolen", "state": "forged"}, timeout=5)

    with pytest.raises(OsmApiError) as caught:
        log_in(OsmServer(osm.url, osm.url, "contrechamp-test"), open_browser=forged)
    assert caught.value.code == "osmapi.login"
    assert osm.log == []


def test_no_browser_answer_times_out(osm: FakeOsm) -> None:
    osm.clients["contrechamp-test"] = CALLBACK_PATH

    with pytest.raises(OsmApiError) as caught:
        log_in(OsmServer(osm.url, osm.url, "c"), open_browser=lambda url: None, timeout=0.3)
    assert caught.value.code == "osmapi.login"


def test_a_server_without_a_client_id_cannot_log_in() -> None:
    with pytest.raises(OsmApiError) as caught:
        log_in(OsmServer("https://example.org", "https://example.org"), open_browser=print)
    assert caught.value.code == "osmapi.client_id"
