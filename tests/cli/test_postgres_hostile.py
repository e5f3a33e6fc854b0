"""PostgreSQL defects a hostile tester found: a database in another encoding, a server
lost or restarted under an import and the pipe, erased keys left in index pages, and
text a SQLite file holds that PostgreSQL cannot store."""

from __future__ import annotations

import itertools
import os
import sqlite3

import pytest

from tests.cli.helpers import assert_user_error

_names = itertools.count(1)


def _database(pg_server, encoding: str) -> str:
    name = f"enc_{os.getpid()}_{next(_names)}"
    pg_server.execute(
        f"CREATE DATABASE {name} ENCODING '{encoding}' TEMPLATE template0 "
        "LC_COLLATE 'C' LC_CTYPE 'C'"
    )
    return name


def _tables(pg_server, name: str) -> list[tuple[object, ...]]:
    return pg_server.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database=name
    )


@pytest.mark.parametrize("encoding", ["LATIN1", "SQL_ASCII"])
def test_a_database_not_in_utf8_is_refused_before_anything_is_created(
    run_raw, pg_server, encoding
):
    name = _database(pg_server, encoding)
    url = pg_server.url(name)
    for argv in (("operator", "add", "Анна"), ("operator", "add", "Anna"), ("operator", "list")):
        line = assert_user_error(run_raw("--db", url, *argv))
        assert encoding in line and "UTF8" in line and "TEMPLATE template0" in line, line
    assert _tables(pg_server, name) == []


@pytest.mark.parametrize("encoding", ["LATIN1", "SQL_ASCII"])
def test_copy_db_refuses_a_target_not_in_utf8(run_raw, pg_server, tmp_path, encoding):
    source = tmp_path / "desk.sqlite3"
    assert run_raw("--db", source, "operator", "add", "Анна").code == 0
    name = _database(pg_server, encoding)
    line = assert_user_error(run_raw("copy-db", "--from", source, "--to", pg_server.url(name)))
    assert "UTF8" in line, line
    assert _tables(pg_server, name) == []
