"""Where an OSM login's token is kept: the system keyring, by server, never the survey file.

Without a usable keyring (a headless session gives keyring's ``fail`` backend; ``null`` and
the ``keyrings.alt`` files are no safe place: base64 plaintext, or a console prompt that would
hang a window), the token stays in memory for this session and the caller is told so. The
variable ``CONTRECHAMP_OSM_TOKEN`` gives a token for scripts and tests, overriding the rest.
Keyring calls can block (a locked keyring asks to be unlocked): call these off the GUI thread.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

from contrechamp.osmapi.servers import OsmServer

__all__ = ["KEYRING_SERVICE", "TOKEN_VARIABLE", "TokenStore", "TokenWhere"]

TOKEN_VARIABLE = "CONTRECHAMP_OSM_TOKEN"
KEYRING_SERVICE = "Contrechamp OpenStreetMap"
_NOT_SAFE = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_SESSION: dict[str, str] = {}  # tokens kept for this process when no keyring can hold them
_SESSION_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class TokenWhere:
    """Where a token was found or saved: ``"keyring"``, ``"session"`` (memory, until the app
    quits) or ``"environment"``; ``reason`` says why the keyring was not used."""

    place: str
    reason: str = ""

    @property
    def kept(self) -> bool:
        """Whether the token outlives this session."""
        return self.place == "keyring"


def _safe(backend: Any) -> bool:
    """Whether a keyring backend keeps secrets safely, without prompting on a console."""
    inner = getattr(backend, "backends", None)
    if inner is not None:  # keyring's chainer: safe when one of the backends it chains is
        return any(_safe(b) for b in inner)
    return not type(backend).__module__.startswith(_NOT_SAFE)


class TokenStore:
    """The tokens of OSM logins, one per server (its API URL)."""

    def __init__(self, keyring_module: Any = None) -> None:
        self._keyring = keyring_module
        self.last_reason = ""

    def _backend(self) -> Any | None:
        """The keyring module when its backend is safe to use, else None (why: last_reason)."""
        try:
            module = self._keyring
            if module is None:
                import keyring as module
            backend = module.get_keyring()
        except Exception as error:  # an unloadable backend: no keyring
            self.last_reason = f"no keyring ({type(error).__name__})"
            return None
        if not _safe(backend):
            self.last_reason = f"no usable keyring ({type(backend).__name__})"
            return None
        return module

    def load(self, server: OsmServer) -> tuple[str, TokenWhere] | None:
        """The token for ``server`` and where it came from, None when there is none."""
        given = os.environ.get(TOKEN_VARIABLE, "").strip()
        if given:
            return given, TokenWhere("environment")
        with _SESSION_LOCK:
            kept = _SESSION.get(server.key)
        if kept:
            return kept, TokenWhere("session")
        module = self._backend()
        if module is None:
            return None
        try:
            token = module.get_password(KEYRING_SERVICE, server.key)
        except Exception as error:  # locked, dismissed prompt, D-Bus gone: as if none
            self.last_reason = f"the keyring could not be read ({type(error).__name__})"
            return None
        return (token, TokenWhere("keyring")) if token else None

    def save(self, server: OsmServer, token: str) -> TokenWhere:
        """Keep ``token`` for ``server``: in the keyring, else in memory for this session."""
        module = self._backend()
        if module is not None:
            try:
                module.set_password(KEYRING_SERVICE, server.key, token)
            except Exception as error:
                self.last_reason = f"the keyring refused the token ({type(error).__name__})"
            else:
                with _SESSION_LOCK:
                    _SESSION.pop(server.key, None)
                return TokenWhere("keyring")
        with _SESSION_LOCK:
            _SESSION[server.key] = token
        return TokenWhere("session", self.last_reason)

    def forget(self, server: OsmServer) -> None:
        """Forget the token of ``server`` (a revoked one, or on logging out)."""
        with _SESSION_LOCK:
            _SESSION.pop(server.key, None)
        module = self._backend()
        if module is None:
            return
        try:
            module.delete_password(KEYRING_SERVICE, server.key)
        except Exception:  # none saved, or the keyring is gone: nothing left to forget
            return
