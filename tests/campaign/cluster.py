"""A throw-away PostgreSQL + PostGIS server for the campaign tests and benchmarks.

``initdb`` makes a cluster in a temporary folder, ``pg_ctl`` starts it on a free port of
127.0.0.1 (its Unix socket in the same folder), password login only (scram-sha-256), and a
template database with PostGIS is made for the tests to copy. PostgreSQL refuses to run as
root: as root the server runs as the ``postgres`` user of the Debian packages. The password
reaches clients through a ``.pgpass`` file (``PGPASSFILE``), as it would for a user.

:func:`find_binaries` says why no server can be started (no binaries, no PostGIS, root
without a ``postgres`` user), so that callers can skip with that reason.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

__all__ = ["Cluster", "NoServerError", "find_binaries", "running_cluster"]

TEMPLATE = "campaign_template"
ADMIN = "campaign_admin"


class NoServerError(Exception):
    """No PostgreSQL + PostGIS server can be started on this machine (the reason)."""


@dataclass(frozen=True)
class Cluster:
    """A running server: where to reach it and as whom."""

    folder: Path
    bindir: Path
    port: int
    user: str
    password: str
    pgpass: Path

    @property
    def host(self) -> str:
        """The address it listens on."""
        return "127.0.0.1"

    def url(self, database: str, user: str | None = None) -> str:
        """The SQLAlchemy URL of one of its databases (no password: it is in .pgpass)."""
        return f"postgresql://{user or self.user}@{self.host}:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection in autocommit mode."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=database,
            autocommit=True,
        )

    def new_database(self, name: str, *, postgis: bool = True) -> str:
        """Create an empty database (PostGIS in it unless ``postgis`` is False); its URL."""
        template = TEMPLATE if postgis else "template0"
        with self.admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE {template}')
        return self.url(name)

    def add_user(self, name: str, password: str, *, database: str) -> None:
        """Create a login role allowed to use ``database`` (its tables made by the admin)."""
        with self.admin(database) as connection:
            connection.execute(f'DROP ROLE IF EXISTS "{name}"')
            connection.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
            connection.execute(f'GRANT CONNECT ON DATABASE "{database}" TO "{name}"')


def find_binaries() -> Path:
    """The folder of ``initdb`` and ``pg_ctl`` with PostGIS beside them; NoServerError why not."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.append(found)
    if not candidates:
        raise NoServerError(
            "PostgreSQL is not installed (apt-get install postgresql postgresql-15-postgis-3)"
        )
    bindir = Path(candidates[0]).parent
    sharedir = _sharedir(bindir)
    if not (sharedir / "extension" / "postgis.control").exists():
        raise NoServerError(f"PostGIS is not installed for {bindir} (postgresql-15-postgis-3)")
    if os.geteuid() == 0 and not _has_user("postgres"):
        raise NoServerError("running as root and there is no 'postgres' user to run the server")
    return bindir


def _sharedir(bindir: Path) -> Path:
    pg_config = bindir / "pg_config"
    if pg_config.exists():
        out = subprocess.run(
            [pg_config, "--sharedir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if out:
            return Path(out)
    return Path("/usr/share/postgresql") / bindir.parent.name


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _as_server_user(argv: list[str]) -> list[str]:
    """Run as ``postgres`` when we are root (initdb and postgres refuse root)."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _initdb(bindir: Path, folder: Path, password: str) -> Path:
    data = folder / "data"
    pwfile = folder / "pwfile"
    pwfile.write_text(password + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(pwfile, "postgres")
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D", str(data),
                "-U", ADMIN,
                "--auth=scram-sha-256",
                f"--pwfile={pwfile}",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    pwfile.unlink()
    return data


def _start(bindir: Path, folder: Path, data: Path) -> int:
    """Start the server on a free port (another one if that port was taken meanwhile)."""
    for _ in range(5):
        port = _free_port()
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        done = subprocess.run(
            _as_server_user(
                [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
                 "-w", "-t", "60", "-o", options, "start"]
            ),
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )  # fmt: skip
        if done.returncode == 0:
            return port
        time.sleep(0.2)
    log = (folder / "server.log").read_text(errors="replace")[-2000:]
    raise NoServerError(f"the PostgreSQL server did not start: {done.stderr.strip()} {log}")


def _stop(bindir: Path, data: Path) -> None:
    subprocess.run(
        _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
        capture_output=True,
        timeout=60,
        check=False,
    )


def _make_template(cluster: Cluster) -> None:
    with cluster.admin() as connection:
        connection.execute(f"CREATE DATABASE {TEMPLATE}")
    with cluster.admin(TEMPLATE) as connection:
        connection.execute("CREATE EXTENSION postgis")


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    """Start a throw-away server; stop it and remove its folder afterwards."""
    bindir = find_binaries()
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-pg-"))
    os.chmod(folder, 0o755)
    password = secrets.token_hex(12)
    data = _initdb(bindir, folder, password)
    try:
        port = _start(bindir, folder, data)
        pgpass = folder / "pgpass"
        pgpass.write_text(f"127.0.0.1:{port}:*:{ADMIN}:{password}\n", encoding="utf-8")
        pgpass.chmod(0o600)
        cluster = Cluster(folder, bindir, port, ADMIN, password, pgpass)
        try:
            _make_template(cluster)
            yield cluster
        finally:
            _stop(bindir, data)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
