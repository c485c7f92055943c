"""Network guard for the no-network test, loaded at start-up through PYTHONPATH.

Every connection attempt that is not to a Unix socket is written to the file named by
``CONTRECHAMP_NETGUARD_LOG`` (one JSON object per line) and refused, so a process under test
cannot reach the network and the test sees each attempt. The guard also writes one ``armed``
line per process, which proves it was loaded there.
"""

from __future__ import annotations

import errno
import json
import os
import socket
from typing import Any

_LOG = os.environ.get("CONTRECHAMP_NETGUARD_LOG", "")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto


def _record(call: str, target: object) -> None:
    if not _LOG:
        return
    line = json.dumps({"call": call, "target": repr(target), "pid": os.getpid()})
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(line + "\n")


def _refusal(call: str, target: object) -> ConnectionRefusedError:
    _record(call, target)
    return ConnectionRefusedError(errno.ECONNREFUSED, f"network blocked by the test guard: {call}")


def _is_local(sock: socket.socket) -> bool:
    return sock.family == socket.AF_UNIX


def _guarded_connect(self: socket.socket, address: Any) -> None:
    if not _is_local(self):
        raise _refusal("connect", address)
    _connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    if not _is_local(self):
        _record("connect_ex", address)
        return errno.ECONNREFUSED
    return _connect_ex(self, address)


def _guarded_sendto(self: socket.socket, data: Any, *args: Any) -> int:
    if not _is_local(self):
        raise _refusal("sendto", args[-1] if args else None)
    return _sendto(self, data, *args)


def _guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    raise _refusal("create_connection", address)


def _guarded_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    _record("getaddrinfo", (host, port))
    raise socket.gaierror(socket.EAI_NONAME, "name lookup blocked by the test guard")


socket.socket.connect = _guarded_connect  # type: ignore[method-assign,assignment]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign,assignment]
socket.socket.sendto = _guarded_sendto  # type: ignore[assignment]
socket.create_connection = _guarded_create_connection
socket.getaddrinfo = _guarded_getaddrinfo
_record("armed", None)
