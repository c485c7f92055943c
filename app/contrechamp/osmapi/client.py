"""The OSM API 0.6 calls an upload needs, with time-outs and careful retries.

Every request has a time-out. A 429 (too many requests) is retried after the Retry-After the
server asks for (or a growing back-off), since the server did nothing. A time-out, a reset
connection or a 5xx is retried only for a request that can be repeated safely (reading, closing
a changeset); a diff upload whose answer was lost raises :class:`AnswerLostError` instead, for the
caller to find out from the changeset what OSM applied: a diff is never sent blindly twice.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from xml.etree.ElementTree import Element
from xml.sax.saxutils import quoteattr

import requests
from defusedxml import ElementTree
from urllib3.exceptions import NewConnectionError

from contrechamp import GENERATOR
from contrechamp.core.uploads import Action, OsmNode
from contrechamp.osmapi.errors import AnswerLostError, OsmApiError
from contrechamp.osmapi.servers import OsmServer

__all__ = ["DEFAULT_TIMEOUT", "OsmClient", "OsmUser"]

DEFAULT_TIMEOUT = (10.0, 120.0)
"""Seconds to connect, and to wait for an answer (a large diff takes a while to apply)."""
_NODES_PER_READ = 100  # ids per GET /nodes (the URL stays short)
_TEXT_LIMIT = 300  # of a server's reason kept in an error


@dataclass(frozen=True, slots=True)
class OsmUser:
    """The account a token belongs to."""

    id: int
    display_name: str


def _xml(response: requests.Response) -> Element:
    """The XML root of an answer; OsmApiError "osmapi.answer" when it is not XML."""
    try:
        root: Element = ElementTree.fromstring(response.content)
    except Exception as error:  # ParseError, and defusedxml's refusals of entities
        raise OsmApiError(
            f"unreadable answer from {response.url}: {type(error).__name__}", "osmapi.answer"
        ) from None
    return root


def _number(element: Element, name: str) -> int:
    try:
        return int(element.get(name, ""))
    except ValueError:
        raise OsmApiError(f"the answer lacks a valid {name}", "osmapi.answer") from None


def _node(element: Element) -> OsmNode:
    """A ``<node>`` element of the API's XML."""
    try:
        lat, lon = float(element.get("lat", "nan")), float(element.get("lon", "nan"))
    except ValueError:
        lat = lon = float("nan")
    visible = element.get("visible", "true") != "false"
    tags = {tag.get("k", ""): tag.get("v", "") for tag in element.iter("tag")}
    return OsmNode(_number(element, "id"), _number(element, "version"), lat, lon, tags, visible)


def _changeset_xml(tags: Mapping[str, str]) -> str:
    lines = "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<osm><changeset>{lines}</changeset></osm>\n'


def _not_sent(error: requests.RequestException) -> bool:
    """Whether the request surely never reached the server (no connection was made)."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    reason = error.args[0] if error.args else None
    reason = getattr(reason, "reason", reason)  # urllib3's MaxRetryError wraps the cause
    return isinstance(reason, NewConnectionError)


def _retry_after(response: requests.Response) -> float | None:
    """The wait a 429 or 503 asks for, in seconds (a number or an HTTP date), if any."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _server_text(response: requests.Response) -> str:
    """The plain-text reason the API gave (its ``Error`` header, else its body), shortened."""
    text = response.headers.get("Error") or response.text or response.reason or ""
    return " ".join(text.split())[:_TEXT_LIMIT]


def _refusal(response: requests.Response, what: str) -> OsmApiError:
    """The error for a refused request, by its status and what the API said."""
    status, text = response.status_code, _server_text(response)
    detail = f"{what}: OSM answered {status} {text}".rstrip()

    def error(code: str) -> OsmApiError:
        return OsmApiError(detail, code, status=status, server_text=text)

    if status == 401:
        return error("osmapi.unauthorized")
    if status == 403:
        return error("osmapi.forbidden")
    if status == 409 and text.startswith("Version mismatch"):
        return error("osmapi.conflict")
    if status == 409 and " was closed at " in text:
        return error("osmapi.closed")
    if status == 409 and "doesn't own" in text:
        return error("osmapi.owner")
    if status == 412:
        return error("osmapi.precondition")
    if status == 429:
        return error("osmapi.busy")
    if status >= 500:
        return error("osmapi.server")
    return error("osmapi.refused")


class OsmClient:
    """Talks to one OSM server, as the account of ``token`` (None: reading only).

    ``sleep`` waits between attempts (tests pass a recorder); at most ``attempts`` tries per
    request, and no single wait longer than ``max_wait`` seconds.
    """

    def __init__(
        self,
        server: OsmServer,
        token: str | None = None,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
        attempts: int = 4,
        max_wait: float = 300.0,
    ) -> None:
        self.server = server
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = GENERATOR
        self._token = token
        self._timeout = timeout
        self._sleep = sleep
        self._attempts = max(1, attempts)
        self._max_wait = max_wait
        self.requests_sent = 0

    def close(self) -> None:
        """Close the connections kept open."""
        self._session.close()

    def user(self) -> OsmUser:
        """The account of the token (GET user/details)."""
        root = _xml(self._request("GET", "user/details", "reading your account"))
        user = root.find("user")
        if user is None:
            raise OsmApiError("the answer names no user", "osmapi.answer")
        return OsmUser(_number(user, "id"), user.get("display_name", ""))

    def nodes(self, ids: Iterable[int]) -> dict[int, OsmNode | None]:
        """The current state of each node (None: it does not exist); a deleted node comes
        with ``visible`` false. Read by hundreds, one by one when a read finds one missing."""
        wanted = sorted(set(ids))
        found: dict[int, OsmNode | None] = {}
        for start in range(0, len(wanted), _NODES_PER_READ):
            chunk = wanted[start : start + _NODES_PER_READ]
            found.update(self._node_chunk(chunk))
        return found

    def _node_chunk(self, ids: list[int]) -> dict[int, OsmNode | None]:
        params = {"nodes": ",".join(map(str, ids))}
        response = self._request("GET", "nodes", "reading nodes", params=params, ok=(404,))
        if response.status_code == 200:
            nodes = {node.id: node for node in map(_node, _xml(response).iter("node"))}
            return {i: nodes.get(i) for i in ids}
        return {i: self._one_node(i) for i in ids}

    def _one_node(self, node_id: int) -> OsmNode | None:
        response = self._request("GET", f"node/{node_id}", "reading a node", ok=(404, 410))
        if response.status_code == 404:
            return None
        if response.status_code == 410:  # deleted: the API gives no body
            return OsmNode(node_id, 0, 0.0, 0.0, {}, visible=False)
        node = _xml(response).find("node")
        if node is None:
            raise OsmApiError("the answer holds no node", "osmapi.answer")
        return _node(node)

    def open_changeset(self, tags: Mapping[str, str]) -> int:
        """Open a changeset with ``tags``; return its id."""
        body = _changeset_xml(tags).encode("utf-8")
        response = self._request(
            "PUT", "changeset/create", "opening a changeset", data=body, repeatable=False
        )
        try:
            return int(response.text.strip())
        except ValueError:
            raise OsmApiError("the server gave no changeset id", "osmapi.answer") from None

    def upload(self, changeset_id: int, osmchange: str) -> dict[int, tuple[int, int]]:
        """Send one osmChange diff (all or nothing); return old id -> (new id, new version),
        read from the ``diffResult`` by ``old_id``. AnswerLostError when the answer was lost."""
        response = self._request(
            "POST",
            f"changeset/{changeset_id}/upload",
            "uploading the changes",
            data=osmchange.encode("utf-8"),
            repeatable=False,
        )
        result: dict[int, tuple[int, int]] = {}
        for element in _xml(response):
            if element.get("new_id") is not None:
                old = _number(element, "old_id")
                result[old] = (_number(element, "new_id"), _number(element, "new_version"))
        return result

    def close_changeset(self, changeset_id: int) -> None:
        """Close a changeset; one already closed is fine."""
        try:
            self._request("PUT", f"changeset/{changeset_id}/close", "closing the changeset")
        except OsmApiError as error:
            if error.code != "osmapi.closed":
                raise

    def changeset_content(self, changeset_id: int) -> list[tuple[Action, OsmNode]]:
        """What a changeset holds: each node it created or modified, at its version there."""
        response = self._request(
            "GET", f"changeset/{changeset_id}/download", "reading the changeset"
        )
        content: list[tuple[Action, OsmNode]] = []
        for block in _xml(response):
            if block.tag in (Action.CREATE.value, Action.MODIFY.value):
                content.extend((Action(block.tag), _node(n)) for n in block.iter("node"))
        return content

    def _request(
        self,
        method: str,
        path: str,
        what: str,
        *,
        params: Mapping[str, str] | None = None,
        data: bytes | None = None,
        repeatable: bool = True,
        ok: tuple[int, ...] = (),
    ) -> requests.Response:
        """Send a request, retrying as the module says; the 2xx (or ``ok``) answer."""
        headers = {"Content-Type": "text/xml; charset=utf-8"} if data is not None else {}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        for attempt in range(self._attempts):
            last = attempt == self._attempts - 1
            try:
                self.requests_sent += 1
                response = self._session.request(
                    method, self.server.api(path), params=params, data=data,
                    headers=headers, timeout=self._timeout, allow_redirects=False,
                )  # fmt: skip
            except requests.RequestException as error:
                self._after_failure(error, what, repeatable, last)
                self._wait(attempt, None)
                continue
            if 200 <= response.status_code < 300 or response.status_code in ok:
                return response
            if self._retry_refused(response, repeatable, last, attempt):
                continue
            raise _refusal(response, what)
        raise AssertionError("unreachable: the last attempt raises")

    def _after_failure(
        self, error: requests.RequestException, what: str, repeatable: bool, last: bool
    ) -> None:
        """Raise unless the failed request may be tried again."""
        sent = not _not_sent(error)
        if sent and not repeatable:
            raise AnswerLostError(f"{what}: the answer was lost ({type(error).__name__})") from None
        if last:
            timed_out = isinstance(error, requests.Timeout)
            name = type(error).__name__
            if timed_out:
                raise OsmApiError(
                    f"{what}: {self.server.api_url} did not answer ({name})", "osmapi.timeout"
                ) from None
            raise OsmApiError(
                f"{what}: {self.server.api_url} cannot be reached ({name})", "osmapi.offline"
            ) from None

    def _retry_refused(
        self, response: requests.Response, repeatable: bool, last: bool, attempt: int
    ) -> bool:
        """Whether to try a refused request again (after waiting); raise when its answer
        to a request that changes OSM was a server error."""
        status = response.status_code
        if status >= 500 and not repeatable:
            raise AnswerLostError(f"the server failed ({status}) after the changes were sent")
        if last or not (status == 429 or status >= 500):
            return False
        wanted = _retry_after(response)
        if wanted is not None and wanted > self._max_wait:
            return False
        self._wait(attempt, wanted)
        return True

    def _wait(self, attempt: int, wanted: float | None) -> None:
        """Wait before the next attempt: what the server asked, else 1, 2, 4... seconds."""
        seconds = wanted if wanted is not None else float(2**attempt)
        self._sleep(min(seconds, self._max_wait))
