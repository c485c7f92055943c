"""Where the login's token is kept: the keyring when it is a safe one, else this session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from contrechamp.osmapi.servers import OsmServer
from contrechamp.osmapi.tokens import TOKEN_VARIABLE, TokenStore

SERVER = OsmServer("https://api.example.org", "https://www.example.org")
HERE = Path(__file__).resolve().parent


class _Vault:
    """A keyring backend of our own (safe), keeping passwords in a dict."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.kept.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.kept[service, user] = password

    def delete_password(self, service: str, user: str) -> None:
        del self.kept[service, user]


class _Module:
    """Stands for the keyring module, with a given backend."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def get_keyring(self) -> Any:
        return self.backend

    def __getattr__(self, name: str) -> Any:
        return getattr(self.backend, name)


class _PlaintextFiles(_Vault):
    """Looks like keyrings.alt's file backend: base64 in a file is no safe place."""


_PlaintextFiles.__module__ = "keyrings.alt.file"


@pytest.fixture(autouse=True)
def _no_token_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)


def test_a_safe_keyring_keeps_the_token_by_server() -> None:
    vault = _Vault()
    store = TokenStore(_Module(vault))

    assert store.save(SERVER, "secret").kept
    assert store.load(SERVER) is not None
    assert store.load(SERVER)[0] == "secret"
    assert store.load(OsmServer("https://other.org", "https://other.org")) is None
    store.forget(SERVER)
    assert store.load(SERVER) is None
    assert vault.kept == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), _PlaintextFiles()])
def test_without_a_safe_keyring_the_token_lasts_this_session(backend: Any) -> None:
    store = TokenStore(_Module(backend))
    server = OsmServer(f"https://{type(backend).__name__}.org", "https://x.org")

    where = store.save(server, "secret")

    assert where.place == "session"
    assert not where.kept
    assert "no usable keyring" in where.reason
    found = TokenStore(_Module(backend)).load(server)
    assert found is not None
    assert found[0] == "secret"
    assert found[1].place == "session"
    if isinstance(backend, _Vault):
        assert backend.kept == {}  # never written to the plaintext file
    store.forget(server)
    assert store.load(server) is None


def test_the_environment_gives_a_token_for_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_VARIABLE, "from-env")

    found = TokenStore(_Module(_Vault())).load(SERVER)

    assert found is not None
    assert found[0] == "from-env"
    assert found[1].place == "environment"


def test_a_keyring_that_fails_to_read_means_no_token() -> None:
    class Locked(_Vault):
        def get_password(self, service: str, user: str) -> str | None:
            raise RuntimeError("Prompt dismissed")

    store = TokenStore(_Module(Locked()))

    assert store.load(SERVER) is None
    assert "could not be read" in store.last_reason


def test_a_real_secret_service_stores_and_gives_back_the_token(tmp_path: Path) -> None:
    run, daemon = shutil.which("dbus-run-session"), shutil.which("gnome-keyring-daemon")
    if run is None or daemon is None:
        pytest.skip("dbus-run-session or gnome-keyring-daemon is not installed")
    child = f"{sys.executable} {HERE / 'keyring_child.py'} https://api.example.org tok-123"
    script = f'eval "$(printf %s pw | {daemon} --unlock --components=secrets)"; {child}'
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    env.pop(TOKEN_VARIABLE, None)
    env.pop("PYTHON_KEYRING_BACKEND", None)  # the campaign tests name a failing one for theirs
    done = subprocess.run(
        [run, "--", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stderr[-1000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["saved"] == "keyring", answer
    assert (answer["loaded"], answer["token"]) == ("keyring", "tok-123")
