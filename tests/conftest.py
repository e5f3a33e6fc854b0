"""Shared fixtures: every test gets its own data, state and config directories."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
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


@pytest.fixture
def crm(db_path: Path) -> Iterator[Crm]:
    instance = open_crm(DatabaseLocation(db_path), random.Random(20261128).randint)
    yield instance
    instance.close()
