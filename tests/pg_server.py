"""A throwaway PostgreSQL server for the tests (a pytest plugin, see tests/conftest.py).

One server per test session: ``initdb`` into a fresh directory under /tmp, listening
only on a unix socket in that directory (no TCP port to collide with other runs),
trust authentication, no fsync. As root, the server runs as the ``postgres`` system
user (``initdb`` and ``postgres`` refuse to run as root).

Each test gets a fresh database copied from a template that is already migrated
(``CREATE DATABASE ... TEMPLATE``: a few milliseconds, against a few hundred for
migrating a new database).

Where the binaries are missing the PostgreSQL tests skip with the reason; with
``CRM_REQUIRE_POSTGRES=1`` (CI, ``.ci/run``) they fail instead.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRE_ENV = "CRM_REQUIRE_POSTGRES"
SUPERUSER = "postgres"
TEMPLATE = "crm_template"
_SERVER_USER = "postgres"  # the system user that runs the server when we are root


@dataclass
class PgServer:
    socket_dir: Path
    options: str = ""  # the server's own (pg_ctl -o): the socket, no TCP port

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{database}?host={self.socket_dir}"

    def execute(self, sql: str, database: str = "postgres") -> list[tuple[object, ...]]:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(sql)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description else []

    def execute_or_none(self, sql: str) -> list[tuple[object, ...]] | None:
        """``execute`` on the ``postgres`` database, or None while the server is down."""
        import psycopg

        try:
            return self.execute(sql)
        except psycopg.OperationalError:
            return None

    # A server that goes away and comes back, as the tests of lost connections need. The
    # data stays; every client's connection ends.
    def stop(self) -> None:
        """A fast shutdown (clients are disconnected); nothing is served until ``start``."""
        self._ctl("-m", "fast", "stop")

    def start(self) -> None:
        """Serve again after ``stop`` (waits until the server accepts connections)."""
        self._ctl("-l", str(self.socket_dir / "log"), "-o", self.options, "start")

    def restart(self) -> None:
        self._ctl("-l", str(self.socket_dir / "log"), "-o", self.options, "-m", "fast", "restart")

    def _ctl(self, *argv: str) -> None:
        pg_ctl = shutil.which("pg_ctl")
        assert pg_ctl is not None  # the server was started with it
        _run([pg_ctl, "-D", str(self.socket_dir / "data"), "-w", *argv])


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"PostgreSQL tests cannot run ({REQUIRE_ENV}=1): {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", _SERVER_USER, "--", *argv]


def _run(argv: list[str]) -> None:
    done = subprocess.run(_as_server_user(argv), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}")


class ServerUnavailable(RuntimeError):
    """The throwaway server cannot run here; the message says why."""


@contextlib.contextmanager
def throwaway_server() -> Iterator[PgServer]:
    """Start the server (``ServerUnavailable`` when it cannot), stop and remove it after.
    The tests' fixture and ``make bench`` both use it."""
    binaries = [shutil.which(name) for name in ("initdb", "pg_ctl")]
    if None in binaries:
        raise ServerUnavailable("initdb/pg_ctl are not on PATH (install PostgreSQL 13 or later)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ServerUnavailable("psycopg is not installed (pip install -e '.[test]')") from None
    if os.geteuid() == 0:
        try:
            server_user = pwd.getpwnam(_SERVER_USER)
        except KeyError:
            raise ServerUnavailable(
                f"running as root and there is no {_SERVER_USER!r} user to run it"
            ) from None
    # A short path: a unix socket's path must stay under ~107 bytes.
    base = Path(tempfile.mkdtemp(prefix="crmpg", dir="/tmp"))
    os.chmod(base, 0o700)
    if os.geteuid() == 0:
        os.chown(base, server_user.pw_uid, server_user.pw_gid)
    data = base / "data"
    initdb, pg_ctl = (str(b) for b in binaries)
    options = (
        f"-k {base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB"
    )
    started = False
    try:
        init_options = ["-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync"]
        try:
            _run([initdb, "-D", str(data), *init_options, "--no-instructions"])
            _run([pg_ctl, "-D", str(data), "-l", str(base / "log"), "-o", options, "-w", "start"])
            started = True
            server = PgServer(base, options)
            _make_template(server)
        except RuntimeError as error:
            raise ServerUnavailable(str(error)) from None
        yield server
    finally:
        if started:
            with contextlib.suppress(RuntimeError):
                _run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        with throwaway_server() as server:
            yield server
    except ServerUnavailable as error:
        _unavailable(str(error))


def _make_template(server: PgServer) -> None:
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.db.storage import open_storage

    server.execute(f"CREATE DATABASE {TEMPLATE}")
    opened = open_storage(DatabaseLocation.postgresql(server.url(TEMPLATE)))
    opened.close()


_numbers = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, migrated, empty database on the session's server; dropped afterwards."""
    name = f"crm_{os.getpid()}_{next(_numbers)}"
    pg_server.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    yield pg_server.url(name)
    pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_empty_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh database with nothing in it (not migrated)."""
    name = f"crm_{os.getpid()}_{next(_numbers)}"
    pg_server.execute(f"CREATE DATABASE {name}")
    yield pg_server.url(name)
    pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
