"""A local stand-in for the OSM API 0.6 and its OAuth 2 endpoints (plain HTTP on 127.0.0.1).

It implements what an upload uses as openstreetmap-website does (``lib/osm.rb``,
``lib/diff_reader.rb``, the changeset controllers): XML answers, node ids above 2^32,
versions, changesets owned by the token's user, open or closed, at most 10,000 changes
(beyond, the changeset counts as closed: 409), all-or-nothing diff uploads answered with a
``diffResult``, errors as plain text with the same text in an ``Error`` header, and
``changeset/{id}/download``. Faults can be injected at any request (:meth:`FakeOsm.inject`):
a time-out or a reset connection before or after the change is applied, a status (5xx, 429
with Retry-After), or a hook run first (someone else editing a node).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import socket
import struct
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

MAX_ELEMENTS = 10_000
FIRST_NODE_ID = 2**32 + 10  # OSM ids passed 2^31 long ago: never squeeze them


class ApiError(Exception):
    """An API refusal: status and the plain-text message OSM gives."""

    def __init__(self, status: int, message: str = "") -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class NodeVersion:
    id: int
    version: int
    changeset: int
    lat: float
    lon: float
    tags: dict[str, str]
    visible: bool = True


@dataclass
class Changeset:
    id: int
    user_id: int
    tags: dict[str, str]
    closed_at: datetime
    num_changes: int = 0
    changes: list[tuple[str, NodeVersion]] = field(default_factory=list)

    def is_open(self) -> bool:
        return self.closed_at > datetime.now(UTC) and self.num_changes <= MAX_ELEMENTS


@dataclass
class Fault:
    """What to do to the next ``times`` requests matching ``method`` and ``path`` (a regex)."""

    method: str
    path: str
    kind: str  # timeout_before|timeout_after|reset_before|reset_after|status|status_after|
    # slow (applied after the client gave up)|hook
    times: int = 1
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    hook: Callable[[], None] | None = None


class FakeOsm:
    """The server's state and the HTTP server around it."""

    def __init__(self, stall_s: float = 0.3) -> None:
        self.lock = threading.RLock()
        self.nodes: dict[int, list[NodeVersion]] = {}
        self.changesets: dict[int, Changeset] = {}
        self.users: dict[str, tuple[int, str]] = {}
        self.faults: list[Fault] = []
        self._fault_lock = threading.Lock()
        self.log: list[tuple[str, str]] = []
        self.clients: dict[str, str] = {}  # OAuth client id -> redirect path
        self.grants: dict[
            str, tuple[str, str, str, int]
        ] = {}  # code -> client, uri, challenge, uid
        self.deny_login = False
        self.stall_s = stall_s
        self._next_node, self._next_changeset = FIRST_NODE_ID, 9_000_000_001
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._http.daemon_threads = True
        self._http.osm = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def __enter__(self) -> FakeOsm:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._http.shutdown()
        self._http.server_close()

    # --- test helpers ---------------------------------------------------------------
    def add_user(self, token: str, uid: int, name: str) -> None:
        self.users[token] = (uid, name)

    def inject(self, method: str, path: str, kind: str, **options: Any) -> Fault:
        fault = Fault(method, path, kind, **options)
        self.faults.append(fault)
        return fault

    def add_node(self, lat: float, lon: float, tags: dict[str, str], uid: int = 99) -> NodeVersion:
        """A node mapped by someone else, in a changeset of its own."""
        with self.lock:
            changeset = self._open(uid, {"comment": "earlier mapping"})
            node = NodeVersion(self._new_node_id(), 1, changeset.id, lat, lon, dict(tags))
            self.nodes[node.id] = [node]
            changeset.changes.append(("create", node))
            changeset.num_changes += 1
            return node

    def edit_node(self, node_id: int, tags: dict[str, str], visible: bool = True) -> None:
        """Someone else edits (or deletes) a node."""
        with self.lock:
            last = self.nodes[node_id][-1]
            changeset = self._open(99, {"comment": "another mapper"})
            new = NodeVersion(node_id, last.version + 1, changeset.id, last.lat, last.lon, tags)
            new.visible = visible
            self.nodes[node_id].append(new)

    def current(self) -> list[NodeVersion]:
        return [versions[-1] for versions in self.nodes.values() if versions[-1].visible]

    def duplicates(self) -> int:
        """Visible nodes sharing position and tags with another one."""
        keys = [(n.lat, n.lon, tuple(sorted(n.tags.items()))) for n in self.current()]
        return len(keys) - len(set(keys))

    # --- state ----------------------------------------------------------------------
    def _new_node_id(self) -> int:
        self._next_node += 1
        return self._next_node

    def _open(self, uid: int, tags: dict[str, str]) -> Changeset:
        self._next_changeset += 1
        closes = datetime.now(UTC) + timedelta(hours=1)
        changeset = Changeset(self._next_changeset, uid, tags, closes)
        self.changesets[changeset.id] = changeset
        return changeset

    def fault_for(self, method: str, path: str) -> Fault | None:
        with self._fault_lock:
            for fault in self.faults:
                if fault.times > 0 and fault.method == method and re.fullmatch(fault.path, path):
                    fault.times -= 1
                    return fault
        return None


def _xml_root() -> ET.Element:
    return ET.Element("osm", version="0.6", generator="fake-osm")


def _node_element(node: NodeVersion, parent: ET.Element) -> None:
    attributes = {
        "id": str(node.id), "visible": "true" if node.visible else "false",
        "version": str(node.version), "changeset": str(node.changeset),
        "timestamp": "2026-01-01T00:00:00Z", "user": "someone", "uid": "1",
    }  # fmt: skip
    if node.visible:
        attributes |= {"lat": f"{node.lat:.7f}", "lon": f"{node.lon:.7f}"}
    element = ET.SubElement(parent, "node", attributes)
    for key, value in node.tags.items():
        ET.SubElement(element, "tag", k=key, v=value)


def _changeset_for(osm: FakeOsm, changeset_id: int, uid: int) -> Changeset:
    changeset = osm.changesets.get(changeset_id)
    if changeset is None:
        raise ApiError(404)
    if changeset.user_id != uid:
        raise ApiError(409, "The user doesn't own that changeset")
    if not changeset.is_open():
        closed = changeset.closed_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        raise ApiError(409, f"The changeset {changeset.id} was closed at {closed}")
    return changeset


def _parsed_node(element: ET.Element, changeset: Changeset) -> NodeVersion:
    try:
        node_id, lat, lon = (
            int(element.get("id", "")),
            float(element.get("lat", "")),
            float(element.get("lon", "")),
        )
        given = int(element.get("changeset", "0"))
    except ValueError:
        raise ApiError(400, "Cannot parse valid node from xml string") from None
    if given != changeset.id:
        raise ApiError(
            409, f"Changeset mismatch: Provided {given} but only {changeset.id} is allowed"
        )
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ApiError(400, f"The node is outside this world: {node_id}")
    tags = {t.get("k", ""): t.get("v", "") for t in element.iter("tag")}
    if any(len(k) > 255 or len(v) > 255 for k, v in tags.items()):
        raise ApiError(400, "Element node has tags longer than 255 characters")
    version = int(element.get("version", "0"))
    return NodeVersion(node_id, version, changeset.id, lat, lon, tags)


def apply_diff(osm: FakeOsm, changeset: Changeset, body: bytes) -> bytes:
    """Check the whole osmChange, then apply it (all or nothing); the diffResult."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        raise ApiError(400, f"Cannot parse valid changeset from xml string. {error}") from None
    if root.tag != "osmChange":
        raise ApiError(400, "Document element should be 'osmChange'.")
    planned: list[tuple[str, NodeVersion]] = []
    placeholders: set[int] = set()
    for block in root:
        if block.tag not in ("create", "modify"):
            raise ApiError(400, f"Unknown action {block.tag}, choices are create, modify, delete")
        for element in block:
            node = _parsed_node(element, changeset)
            if block.tag == "create":
                if node.id in placeholders:
                    raise ApiError(400, "Placeholder IDs must be unique for created elements.")
                placeholders.add(node.id)
            else:
                versions = osm.nodes.get(node.id)
                if versions is None:
                    raise ApiError(404, "Object not found")
                if not versions[-1].visible:
                    raise ApiError(410, f"The node with the id {node.id} has already been deleted")
                if versions[-1].version != node.version:
                    raise ApiError(
                        409,
                        f"Version mismatch: Provided {node.version}, server had: "
                        f"{versions[-1].version} of Node {node.id}",
                    )
            planned.append((block.tag, node))
    if changeset.num_changes + len(planned) > MAX_ELEMENTS:
        closed = changeset.closed_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        raise ApiError(409, f"The changeset {changeset.id} was closed at {closed}")
    result = ET.Element("diffResult", version="0.6", generator="fake-osm")
    for action, node in planned:
        old_id = node.id
        if action == "create":
            node.id, node.version = osm._new_node_id(), 1
            osm.nodes[node.id] = [node]
        else:
            node.version += 1
            osm.nodes[node.id].append(node)
        changeset.changes.append((action, node))
        changeset.num_changes += 1
        ET.SubElement(result, "node", old_id=str(old_id), new_id=str(node.id),
                      new_version=str(node.version))  # fmt: skip
    changeset.closed_at = datetime.now(UTC) + timedelta(hours=1)
    return ET.tostring(result, xml_declaration=True, encoding="UTF-8")


class _Handler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer
    protocol_version = "HTTP/1.0"

    @property
    def osm(self) -> FakeOsm:
        return self.server.osm  # type: ignore[attr-defined, no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._serve("GET")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        osm = self.osm
        osm.log.append((method, parts.path))
        fault = osm.fault_for(method, parts.path)
        kind = fault.kind if fault else ""
        if fault is not None and kind == "hook" and fault.hook is not None:
            fault.hook()
        if kind in ("timeout_before", "reset_before"):
            self._fail(kind)
            return
        if kind == "status" and fault is not None:
            self._send(fault.status, b"Internal error", "text/plain", fault.headers)
            return
        try:
            if kind == "slow":  # applied late, the client gone; changeset locked meanwhile
                with osm.lock:
                    time.sleep(osm.stall_s)
                    routed = self._route(method, parts.path, parts.query, body)
            else:
                routed = self._route(method, parts.path, parts.query, body)
            status, payload, content_type, headers = routed
        except ApiError as error:
            message = error.message.encode()
            headers = {"Error": error.message} if error.message else {}
            status, payload, content_type = error.status, message, "text/plain; charset=utf-8"
        if kind in ("timeout_after", "reset_after", "slow"):
            self._fail(kind)
            return
        if kind == "status_after" and fault is not None:
            self._send(fault.status, b"Bad gateway", "text/plain", fault.headers)
            return
        self._send(status, payload, content_type, headers)

    def _fail(self, kind: str) -> None:
        if kind.startswith("timeout"):
            time.sleep(self.osm.stall_s)  # the client has given up by then
        linger = struct.pack("ii", 1, 0)  # close with a reset, no answer
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        self.close_connection = True

    def _send(
        self, status: int, payload: bytes, content_type: str, headers: dict[str, str]
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            return

    def _user(self) -> int:
        found = self.osm.users.get(self.headers.get("Authorization", "").removeprefix("Bearer "))
        if found is None:
            raise ApiError(401, "Couldn't authenticate you")
        return found[0]

    def _route(
        self, method: str, path: str, query: str, body: bytes
    ) -> tuple[int, bytes, str, dict[str, str]]:
        from tests.osmapi.oauth_endpoints import authorize, token

        osm, xml = self.osm, "application/xml; charset=utf-8"
        if path == "/oauth2/authorize" and method == "GET":
            return 302, b"", "text/html", {"Location": authorize(osm, parse_qs(query))}
        if path == "/oauth2/token" and method == "POST":
            return token(osm, self.headers.get("Content-Type", ""), body)
        api = path.removeprefix("/api/0.6/")
        if match := re.fullmatch(r"changeset/(\d+)/download", api):
            # Read without the lock, as OSM reads committed data: an upload still being
            # applied is not seen (so a client must close the changeset first).
            return 200, self._download(int(match[1])), xml, {}
        with osm.lock:
            if api == "user/details" and method == "GET":
                root = _xml_root()
                uid = self._user()
                name = next(n for u, n in osm.users.values() if u == uid)
                ET.SubElement(root, "user", id=str(uid), display_name=name)
                return 200, ET.tostring(root, encoding="UTF-8"), xml, {}
            if match := re.fullmatch(r"node/(\d+)", api):
                versions = osm.nodes.get(int(match[1]))
                if versions is None:
                    raise ApiError(404)
                if not versions[-1].visible:
                    raise ApiError(410)
                root = _xml_root()
                _node_element(versions[-1], root)
                return 200, ET.tostring(root, encoding="UTF-8"), xml, {}
            if api == "nodes" and method == "GET":
                ids = [int(i) for i in parse_qs(query).get("nodes", [""])[0].split(",") if i]
                if not ids:
                    raise ApiError(400, "The parameter nodes is required")
                if any(i not in osm.nodes for i in ids):
                    raise ApiError(404)
                root = _xml_root()
                for node_id in ids:
                    _node_element(osm.nodes[node_id][-1], root)
                return 200, ET.tostring(root, encoding="UTF-8"), xml, {}
            if api == "changeset/create" and method == "PUT":
                uid = self._user()
                try:
                    element = ET.fromstring(body).find("changeset")
                except ET.ParseError:
                    element = None
                if element is None:
                    raise ApiError(400, "Cannot parse valid changeset from xml string")
                tags = {t.get("k", ""): t.get("v", "") for t in element.iter("tag")}
                return 200, str(osm._open(uid, tags).id).encode(), "text/plain", {}
            if match := re.fullmatch(r"changeset/(\d+)/(upload|close)", api):
                changeset_id, action = int(match[1]), match[2]
                changeset = _changeset_for(osm, changeset_id, self._user())
                if action == "upload" and method == "POST":
                    return 200, apply_diff(osm, changeset, body), xml, {}
                if action == "close" and method == "PUT":
                    changeset.closed_at = datetime.now(UTC)
                    return 200, b"", "text/plain", {}
        raise ApiError(404)

    def _download(self, changeset_id: int) -> bytes:
        changeset = self.osm.changesets.get(changeset_id)
        if changeset is None:
            raise ApiError(404)
        root = ET.Element("osmChange", version="0.6", generator="fake-osm")
        for action, node in list(changeset.changes):
            _node_element(node, ET.SubElement(root, action))
        return ET.tostring(root, xml_declaration=True, encoding="UTF-8")


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def new_code() -> str:
    return secrets.token_urlsafe(16)


def redirect_with(uri: str, **params: str) -> str:
    return f"{uri}?{urlencode(params)}"
