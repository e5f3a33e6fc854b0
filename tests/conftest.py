"""Shared fixtures: every test gets its own data, state and config directories."""

from __future__ import annotations

import inspect
import os
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_crm.db import storage
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import Crm, open_crm

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

pytest_plugins = ["tests.pg_server"]  # pg_server, pg_url: a throwaway PostgreSQL server


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    return home


@pytest.fixture(autouse=True)
def no_database_left_open():
    """One database is open per process; a test that fails half-way must not block the next."""
    yield
    if storage._open_storage is not None:
        storage._open_storage.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.sqlite3"


# CRM_TEST_BACKENDS=sqlite narrows the two-backend suites (mutation runs use it: every
# mutant on PostgreSQL too would double their cost and check no rule of its own).
BACKENDS = tuple(
    name.strip()
    for name in os.environ.get("CRM_TEST_BACKENDS", "sqlite,postgresql").split(",")
    if name.strip() in ("sqlite", "postgresql")
) or ("sqlite", "postgresql")
if os.environ.get("CRM_REQUIRE_POSTGRES") == "1" and "postgresql" not in BACKENDS:
    raise pytest.UsageError("CRM_REQUIRE_POSTGRES=1 but CRM_TEST_BACKENDS leaves PostgreSQL out")


@pytest.fixture
def backend() -> str:
    """The test's database backend: SQLite here; tests/services/ and tests/cli/ run on
    both (their conftest overrides this with a parametrised fixture)."""
    return "sqlite"


@pytest.fixture
def database_location(request: pytest.FixtureRequest, backend: str, db_path: Path):
    """The test's database: the file ``db_path``, or a fresh PostgreSQL database."""
    if backend == "postgresql":
        return DatabaseLocation.postgresql(request.getfixturevalue("pg_url"))
    return DatabaseLocation(db_path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test about the SQLite file (marked ``sqlite_only``, or asking for ``db_path``
    itself) runs on SQLite only."""
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("backend") == "postgresql"
        if on_postgres and _about_the_file(item):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _about_the_file(item: pytest.Item) -> bool:
    if item.get_closest_marker("sqlite_only") is not None:
        return True
    function = getattr(item, "function", None)
    return function is not None and "db_path" in inspect.signature(function).parameters


@pytest.fixture
def crm(database_location: DatabaseLocation) -> Iterator[Crm]:
    instance = open_crm(database_location, random.Random(20261128).randint)
    yield instance
    instance.close()


@pytest.fixture
def process_zone() -> Iterator[Callable[[str], None]]:
    """process_zone("Europe/Moscow") (or a POSIX TZ such as "MSK-3", which needs no tz
    data): the process's local time for the test; the suite's is put back afterwards."""
    old = os.environ.get("TZ")

    def _set(value: str) -> None:
        os.environ["TZ"] = value
        time.tzset()

    yield _set
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()
