"""Live refresh across machines on PostgreSQL: another client's commit moves this client's
``data_version`` within about a second (LISTEN/NOTIFY); its own commits do not; every
table has its statement-level trigger; a lost listener connection recovers."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import CrmError
from desktop_crm.services import Crm, open_crm

ROOT = Path(__file__).resolve().parents[2]


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``condition`` (the window's bridge polls the same way); fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the condition did not come true in time")
        time.sleep(0.02)


@pytest.fixture
def pg_crm(pg_url: str) -> Iterator[Crm]:
    crm = open_crm(DatabaseLocation.postgresql(pg_url))
    yield crm
    crm.close()


def _other_client(url: str, sql: str) -> None:
    with psycopg.connect(url, application_name="another desk") as connection:
        connection.execute(sql)  # type: ignore[arg-type]


def test_another_clients_commit_moves_data_version(pg_crm, pg_url):
    before = pg_crm.storage.data_version()
    assert pg_crm.storage.data_version() == before  # nothing happened
    _other_client(pg_url, "INSERT INTO operator (name, active, max_load) VALUES ('Анна', true, 3)")
    wait_until(lambda: pg_crm.storage.data_version() != before)


def test_another_process_through_the_cli_is_heard(pg_crm, pg_url):
    before = pg_crm.storage.data_version()
    argv = [sys.executable, str(ROOT / "main.py"), "--db", pg_url, "operator", "add", "Борис"]
    assert subprocess.run(argv, capture_output=True, check=False).returncode == 0
    wait_until(lambda: pg_crm.storage.data_version() != before)
    assert [o.name for o in pg_crm.operators.list()] == ["Борис"]


def test_own_commits_are_not_counted(pg_crm, pg_url):
    start = pg_crm.storage.data_version()
    _other_client(pg_url, "INSERT INTO setting (key, value) VALUES ('a', '1')")
    pg_crm.operators.create("Своя", max_load=2)  # our own: the services announce it
    pg_crm.sources.create("Свой источник")
    _other_client(pg_url, "INSERT INTO setting (key, value) VALUES ('b', '2')")
    wait_until(lambda: pg_crm.storage.data_version() >= start + 2)
    assert pg_crm.storage.data_version() == start + 2


def test_a_rolled_back_transaction_and_a_read_say_nothing(pg_crm, pg_url):
    start = pg_crm.storage.data_version()
    with psycopg.connect(pg_url, application_name="another desk") as connection:
        connection.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
        connection.rollback()
        connection.execute("SELECT count(*) FROM contact").fetchone()
        connection.commit()
    _other_client(pg_url, "UPDATE operator SET max_load = max_load")  # a write, zero rows
    wait_until(lambda: pg_crm.storage.data_version() != start)
    assert pg_crm.storage.data_version() == start + 1


def test_every_data_table_has_one_statement_level_trigger(pg_server, pg_url):
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    rows = pg_server.execute(
        "SELECT c.relname, t.tgtype & 1 FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace LEFT JOIN pg_trigger t ON t.tgrelid = c.oid "
        "AND t.tgname = 'crm_changed' WHERE n.nspname = 'public' AND c.relkind = 'r'",
        database,
    )
    watched = {name: level for name, level in rows if name != "schema_migration"}
    assert {"operator", "source", "lead", "contact", "setting"} <= set(watched)
    assert set(watched.values()) == {0}  # bit 0 set would mean FOR EACH ROW


def test_a_table_added_later_gets_its_trigger_at_the_next_open(pg_server, pg_url):
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    pg_server.execute("CREATE TABLE later_table (id serial PRIMARY KEY)", database)
    open_crm(DatabaseLocation.postgresql(pg_url)).close()
    found = pg_server.execute(
        "SELECT count(*) FROM pg_trigger WHERE tgname = 'crm_changed' "
        "AND tgrelid = 'later_table'::regclass",
        database,
    )
    assert found == [(1,)]


def test_a_lost_listener_connection_is_opened_again(pg_crm, pg_server, pg_url):
    start = pg_crm.storage.data_version()
    pg_server.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name LIKE 'desktop-crm % listener'"
    )
    versions: list[int] = []

    def heard() -> bool:
        try:
            versions.append(pg_crm.storage.data_version())
        except CrmError:  # the bridge skips such a tick
            return False
        return versions[-1] != start

    wait_until(heard)
    _other_client(pg_url, "INSERT INTO setting (key, value) VALUES ('after', '1')")
    moved = versions[-1]
    wait_until(lambda: pg_crm.storage.data_version() != moved)


def test_a_user_who_may_not_create_triggers_still_opens_the_database(pg_server, pg_url):
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    for sql in (
        "DROP TRIGGER crm_changed ON setting",
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clerk') "
        "THEN CREATE ROLE clerk LOGIN; END IF; END $$",
        "GRANT ALL ON ALL TABLES IN SCHEMA public TO clerk",
        "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO clerk",
    ):
        pg_server.execute(sql, database)
    crm = open_crm(DatabaseLocation.postgresql(pg_url.replace("postgres@", "clerk@")))
    try:
        crm.operators.create("Анна", max_load=1)
        assert [o.name for o in crm.operators.list()] == ["Анна"]
    finally:
        crm.close()
