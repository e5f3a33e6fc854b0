"""Damage meets the services as ``DatabaseDamaged``; the guard reads the header without
creating files; an upgrade that cannot back up first changes nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import peewee as pw
import pytest
from playhouse.migrations import Runner

from desktop_crm.db.backup import backups_folder
from desktop_crm.db.guard import APPLICATION_ID
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.storage import MIGRATIONS_DIR, SCHEMA_VERSION, known_migrations
from desktop_crm.errors import DatabaseDamaged, DatabaseOpenError
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from tests.cli.test_dbfile import build
from tests.db.damage import corrupt_page


def files(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(("name", "leaf"), [("contact", True), ("contact", False)])
def test_services_report_damage_as_database_damaged(db_path, name, leaf):
    build(db_path, contacts=300)
    corrupt_page(db_path, name, leaf=leaf)
    crm = open_crm(DatabaseLocation(db_path))  # page 1 is sound: opening works
    try:
        with pytest.raises(DatabaseDamaged, match="damaged") as caught:
            crm.stats.operators(None, None)
        assert caught.value.params["path"] == str(db_path)
        if not leaf:
            with pytest.raises(DatabaseDamaged):
                crm.contacts.register(ContactRequest("+79990000000", "site"))
        assert crm.sources.get("site").name == "Site"  # what is not damaged still reads
    finally:
        crm.close()
    # closed for real: no -wal, -shm left; the damage is remembered beside the file
    assert files(db_path.parent) == [db_path.name, f"{db_path.name}-damaged"]


def test_the_guard_reads_a_header_that_still_sits_in_the_wal(db_path):
    build(db_path, contacts=1)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")  # only in the -wal
        assert (db_path.with_name(db_path.name + "-wal")).stat().st_size > 0
        with pytest.raises(DatabaseOpenError, match="newer version"):
            open_crm(DatabaseLocation(db_path))
    finally:
        holder.close()


def _old_file(path):
    database = pw.SqliteDatabase(str(path))
    target = known_migrations()[-2]
    Runner(database, directory=str(MIGRATIONS_DIR)).up(target)
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    database.execute_sql("INSERT INTO operator (name, active, max_load) VALUES ('Анна', 1, 2)")
    database.close()


def test_no_upgrade_without_its_backup(db_path):
    _old_file(db_path)
    backups_folder(db_path).write_text("a file where the folder should be")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="was not upgraded"):
        open_crm(DatabaseLocation(db_path))
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    assert db_path.read_bytes() == before or _same_content(db_path, before)


def _same_content(path, before):
    """WAL mode may have been switched on before the upgrade; the data is what counts."""
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT name FROM operator").fetchall() == [("Анна",)]


def _open_together(path, barrier, results):
    barrier.wait()
    crm = open_crm(DatabaseLocation(path), busy_timeout=30)
    results.put([o.name for o in crm.operators.list()])
    crm.close()


def test_processes_opening_an_old_file_at_once_back_it_up_once(db_path):
    from tests.processes import run_together

    _old_file(db_path)
    reports = run_together(_open_together, lambda n: (db_path,), 4)
    assert reports == [["Анна"]] * 4
    (backup,) = backups_folder(db_path).iterdir()  # one upgrade, one backup
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
