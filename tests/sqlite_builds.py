"""SQLite builds differ: Debian's zeroes deleted content by default (SECURE_DELETE),
python.org's does not. Tests of erasure run under both."""

from __future__ import annotations

import peewee as pw
import pytest

BUILDS = ["secure_delete_off", "build_default"]


def apply_build(build: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new connection of the program runs with secure_delete off, as on a build
    without SECURE_DELETE."""
    if build != "secure_delete_off":
        return
    original = pw.SqliteDatabase._connect

    def connect(self: pw.SqliteDatabase) -> object:
        connection = original(self)
        connection.execute("PRAGMA secure_delete = 0")
        return connection

    monkeypatch.setattr(pw.SqliteDatabase, "_connect", connect)
