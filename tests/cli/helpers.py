"""Plain helpers for the CLI tests (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from desktop_crm.cli import output

PRINT_JSON = output.print_json  # the product's own, before any test patches it

CONTACT_KEYS = {
    "id",
    "created_at",
    "is_active",
    "message",
    "lead",
    "source",
    "operator",
    "answered_at",
    "overdue",
}


class Result(NamedTuple):
    code: int
    out: str
    err: str


def snapshot(path: Path) -> list[str]:
    """Every table's rows (and the schema) as SQL text: equal snapshots = nothing written."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


@contextmanager
def write_lock(path: Path):
    """Another connection holding SQLite's write lock (as another process would)."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=0)
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        connection.rollback()
        connection.close()


class LockAfterFirstBatch:
    """An event listener: another connection takes the write lock right after a job's
    first committed batch (the first ``contacts`` change) and keeps it until ``release``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        self.taken = False

    def __call__(self, changes: frozenset) -> None:
        if not self.taken and "contacts" in changes:
            self.taken = True
            self.connection = sqlite3.connect(
                self.path, isolation_level=None, timeout=0, check_same_thread=False
            )
            self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.connection is not None:
            self.connection.rollback()
            self.connection.close()
            self.connection = None


def hold_lock(path: Path, seconds: float) -> threading.Thread:
    """Hold the write lock from another connection for ``seconds``, in a thread; join it."""
    taken = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None, timeout=0)
        connection.execute("BEGIN IMMEDIATE")
        taken.set()
        time.sleep(seconds)
        connection.rollback()
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait()
    return thread


def make_foreign_sqlite(path: Path, application_id: int = 0, user_version: int = 0) -> bytes:
    """A SQLite file of 'another program'; returns its bytes."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
    connection.execute(f"PRAGMA application_id = {application_id}")
    connection.execute(f"PRAGMA user_version = {user_version}")
    connection.commit()
    connection.close()
    return path.read_bytes()


def has_offset(text: str) -> bool:
    """An ISO 8601 time with an explicit UTC offset."""
    return dt.datetime.fromisoformat(text).utcoffset() is not None


def assert_user_error(result: Result, code: int = 2) -> str:
    """Exit ``code``, nothing on stdout, one clear line on stderr, never a traceback."""
    assert result.code == code, result
    assert "Traceback" not in result.err
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("desktop-crm: "), result.err
    assert "internal error" not in lines[0]
    return lines[0]
