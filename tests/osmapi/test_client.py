"""The API client against the stand-in: formats, error codes, and which failures it retries."""

from __future__ import annotations

import pytest

from contrechamp.core.uploads import Action
from contrechamp.osmapi.client import OsmClient
from contrechamp.osmapi.errors import AnswerLostError, OsmApiError
from contrechamp.osmapi.servers import OsmServer
from tests.osmapi.api_server import FIRST_NODE_ID, FakeOsm
from tests.osmapi.conftest import TIMEOUT, Sleeps

_CAMERA = {"man_made": "surveillance", "surveillance:type": "camera"}


def _osc(changeset: int, *nodes: str) -> str:
    return f'<osmChange version="0.6"><create>{"".join(nodes)}</create></osmChange>'.replace(
        "CS", str(changeset)
    )


_NEW = (
    '<node id="-1" changeset="CS" lat="43.7" lon="7.42"><tag k="man_made" v="surveillance"/></node>'
)


def test_reads_the_account_and_nodes_with_64_bit_ids(osm: FakeOsm, client: OsmClient) -> None:
    node = osm.add_node(43.73, 7.42, _CAMERA)
    osm.edit_node(node.id, {**_CAMERA, "camera:type": "dome"})
    gone = osm.add_node(43.74, 7.42, _CAMERA)
    osm.edit_node(gone.id, {}, visible=False)

    assert client.user().display_name == "ana"
    found = client.nodes([node.id, gone.id])
    assert node.id > 2**32
    assert found[node.id] is not None
    assert found[node.id].version == 2
    assert found[node.id].tags["camera:type"] == "dome"  # type: ignore[union-attr]
    assert found[gone.id] is not None
    assert not found[gone.id].visible


def test_a_missing_node_is_read_again_one_by_one(osm: FakeOsm, client: OsmClient) -> None:
    node = osm.add_node(43.73, 7.42, _CAMERA)
    gone = osm.add_node(43.74, 7.42, _CAMERA)
    osm.edit_node(gone.id, {}, visible=False)

    found = client.nodes([node.id, gone.id, 12345])

    assert found[12345] is None
    assert found[node.id] is not None
    assert found[gone.id] is not None
    assert not found[gone.id].visible
    assert [p for _, p in osm.log].count("/api/0.6/nodes") == 1


def test_a_diff_comes_back_mapped_by_old_id(osm: FakeOsm, client: OsmClient) -> None:
    changeset = client.open_changeset({"comment": "test", "created_by": "Contrechamp"})
    second = _NEW.replace('"-1"', '"-2"').replace("43.7", "43.8")
    result = client.upload(changeset, _osc(changeset, _NEW, second))
    client.close_changeset(changeset)
    client.close_changeset(changeset)  # closing twice is fine

    assert sorted(result) == [-2, -1]
    assert result[-1] == (FIRST_NODE_ID + 1, 1)
    content = client.changeset_content(changeset)
    assert [(a, n.id) for a, n in content] == [(Action.CREATE, FIRST_NODE_ID + 1),
                                               (Action.CREATE, FIRST_NODE_ID + 2)]  # fmt: skip
    assert osm.changesets[changeset].tags["comment"] == "test"


def test_too_many_requests_waits_as_long_as_the_server_asks(
    osm: FakeOsm, client: OsmClient, sleeps: Sleeps
) -> None:
    osm.inject("POST", r".*/upload", "status", status=429, headers={"Retry-After": "7"}, times=2)
    changeset = client.open_changeset({"comment": "test"})

    assert client.upload(changeset, _osc(changeset, _NEW))
    assert sleeps == [7.0, 7.0]
    assert osm.duplicates() == 0
    assert len(osm.current()) == 1


def test_a_retry_after_beyond_the_longest_wait_gives_up(osm: FakeOsm, sleeps: Sleeps) -> None:
    client = OsmClient(OsmServer(osm.url, osm.url), "token-of-ana", sleep=sleeps, max_wait=60)
    osm.inject("GET", r".*/user/details", "status", status=429, headers={"Retry-After": "3600"})

    with pytest.raises(OsmApiError) as caught:
        client.user()
    assert caught.value.code == "osmapi.busy"
    assert sleeps == []


@pytest.mark.parametrize("kind", ["status", "timeout_before", "reset_before", "reset_after"])
def test_reading_is_retried_after_a_failure(
    osm: FakeOsm, client: OsmClient, sleeps: Sleeps, kind: str
) -> None:
    osm.inject("GET", r".*/user/details", kind, status=503)

    assert client.user().id == 1
    assert sleeps == [1.0]  # the back-off before the second attempt


@pytest.mark.parametrize("kind", ["status", "status_after", "timeout_after", "reset_after"])
def test_a_diff_is_never_sent_twice_blindly(osm: FakeOsm, client: OsmClient, kind: str) -> None:
    changeset = client.open_changeset({"comment": "test"})
    osm.inject("POST", r".*/upload", kind, status=502)

    with pytest.raises(AnswerLostError):
        client.upload(changeset, _osc(changeset, _NEW))
    assert [p for _, p in osm.log].count(f"/api/0.6/changeset/{changeset}/upload") == 1


def test_a_connection_never_made_is_tried_again_even_for_a_diff(sleeps: Sleeps) -> None:
    with FakeOsm() as closed_server:
        url = closed_server.url
    client = OsmClient(OsmServer(url, url), "t", timeout=TIMEOUT, sleep=sleeps, attempts=3)

    with pytest.raises(OsmApiError) as caught:
        client.upload(1, "<osmChange/>")
    assert caught.value.code == "osmapi.offline"
    assert sleeps == [1.0, 2.0]


def _refusal(client: OsmClient, changeset: int, body: str) -> OsmApiError:
    with pytest.raises(OsmApiError) as caught:
        client.upload(changeset, body)
    return caught.value


def test_refusals_carry_their_code_and_the_servers_words(osm: FakeOsm, client: OsmClient) -> None:
    node = osm.add_node(43.73, 7.42, _CAMERA)
    osm.edit_node(node.id, _CAMERA)
    changeset = client.open_changeset({"comment": "test"})
    stale = (f'<osmChange><modify><node id="{node.id}" version="1" changeset="{changeset}" '
             'lat="43.73" lon="7.42"/></modify></osmChange>')  # fmt: skip

    conflict = _refusal(client, changeset, stale)
    assert conflict.code == "osmapi.conflict"
    assert conflict.status == 409
    assert conflict.server_text == f"Version mismatch: Provided 1, server had: 2 of Node {node.id}"
    assert _refusal(client, changeset, "<osm/>").code == "osmapi.refused"
    client.close_changeset(changeset)
    closed = _refusal(client, changeset, _osc(changeset, _NEW))
    assert closed.code == "osmapi.closed"
    assert closed.server_text.startswith(f"The changeset {changeset} was closed at ")
    other = OsmClient(client.server, "someone-else")
    osm.add_user("someone-else", 2, "bo")
    assert _refusal(other, changeset, "<osmChange/>").code == "osmapi.owner"
    assert _refusal(OsmClient(client.server, "bad"), changeset, "").code == "osmapi.unauthorized"
    assert osm.duplicates() == 0
    assert len(osm.current()) == 1
