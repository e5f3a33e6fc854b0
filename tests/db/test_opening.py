"""Opening files: ours, new, old, newer, foreign, damaged; refused ones stay byte-identical."""

import random
import shutil
import sqlite3
from contextlib import closing

import peewee as pw
import pytest
from playhouse.migrations import Runner

from desktop_crm.db.guard import APPLICATION_ID
from desktop_crm.db.location import DatabaseLocation, parse_location, resolve_location
from desktop_crm.db.storage import MIGRATIONS_DIR, SCHEMA_VERSION, known_migrations, open_storage
from desktop_crm.errors import DatabaseBusy, DatabaseOpenError
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.contacts import ContactRequest


def open_at(path):
    return open_crm(DatabaseLocation(path))


def snapshot(path):
    """The database file itself (SQLite's -shm index may be touched by any reader)."""
    return path.read_bytes()


def test_new_file_gets_our_id_wal_and_every_migration(db_path):
    open_at(db_path).close()
    with sqlite3.connect(db_path) as c:
        assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"operator", "source", "source_operator_config", "lead", "contact"} <= tables


def test_an_empty_file_is_a_new_database(db_path):
    db_path.write_bytes(b"")
    open_at(db_path).close()
    assert db_path.stat().st_size > 0


def test_load_is_counted_over_an_index(crm):
    plan = crm.storage.database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM contact WHERE operator_id = 1 AND is_active = 1"
    ).fetchall()
    detail = " ".join(row[-1] for row in plan)
    index = "contact_operator_id_is_active_source_id"  # migration 0012
    assert f"USING COVERING INDEX {index} (operator_id=? AND is_active=?)" in detail


@pytest.mark.parametrize("target", known_migrations())
def test_a_file_from_any_earlier_migration_upgrades_with_its_data(tmp_path, target):
    """Create the file as migration ``target`` left it, add data, open it with this version."""
    path = tmp_path / "old.sqlite3"
    database = pw.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    Runner(database, directory=str(MIGRATIONS_DIR)).up(target)
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql(f"PRAGMA user_version = {known_migrations().index(target) + 1}")
    database.execute_sql("INSERT INTO operator (name, active, max_load) VALUES ('Анна', 1, 2)")
    database.execute_sql("INSERT INTO source (name, code) VALUES ('Сайт', 'site')")
    database.execute_sql(
        "INSERT INTO source_operator_config (source_id, operator_id, weight) VALUES (1, 1, 3)"
    )
    database.execute_sql(
        "INSERT INTO lead (external_id, name, created_at) VALUES ('+79001234567', 'Иван', "
        "'2026-01-01 10:00:00')"
    )
    database.execute_sql(
        "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, message) "
        "VALUES (1, 1, 1, '2026-01-01 10:00:00', 1, 'Привет')"
    )
    database.close()

    crm = open_at(path)
    assert [(o.name, o.load, o.max_load) for o in crm.operators.list()] == [("Анна", 1, 2)]
    assert [(w.operator.name, w.weight) for w in crm.sources.get("site").weights] == [("Анна", 3)]
    (lead,) = crm.leads.search("89001234567")
    assert [c.message for c in lead.contacts] == ["Привет"]
    contact = crm.contacts.register(ContactRequest("+7 900 123-45-67", "site")).contact
    assert contact.lead.id == lead.id and contact.operator.name == "Анна"
    crm.close()
    with sqlite3.connect(path) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_newer_schema_is_refused_untouched(db_path):
    open_at(db_path).close()
    with closing(sqlite3.connect(db_path)) as c:
        c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = snapshot(db_path)
    with pytest.raises(DatabaseOpenError, match="newer version"):
        open_at(db_path)
    assert snapshot(db_path) == before


def test_unknown_applied_migrations_are_refused(db_path):
    open_at(db_path).close()
    with sqlite3.connect(db_path) as c:
        c.execute(
            "INSERT INTO schema_migration (name, applied) VALUES ('9999_future', '2030-01-01')"
        )
        c.execute("PRAGMA user_version = 1")  # inconsistent: the history says more
    with pytest.raises(DatabaseOpenError, match="9999_future"):
        open_at(db_path)


def test_someone_elses_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as c:
        c.execute("CREATE TABLE notes (body TEXT)")
        c.execute("INSERT INTO notes VALUES ('keep me')")
        c.commit()
    before = snapshot(path)
    with pytest.raises(DatabaseOpenError, match="another program"):
        open_at(path)
    assert snapshot(path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text\n" * 10, "not a database"),
        (b"SQLite format 3\x00" + b"\xff" * 2000, "damaged"),
    ],
)
def test_non_databases_are_refused_untouched(tmp_path, content, message):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    before = snapshot(path)
    with pytest.raises(DatabaseOpenError, match=message):
        open_at(path)
    assert snapshot(path) == before


def test_missing_folder_and_folder_paths(tmp_path):
    with pytest.raises(DatabaseOpenError, match="does not exist"):
        open_at(tmp_path / "no" / "such" / "crm.sqlite3")
    with pytest.raises(DatabaseOpenError, match="folder"):
        open_at(tmp_path)


def test_a_held_write_lock_blocks_writes_but_not_opening_or_reading(db_path):
    open_at(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        storage = open_storage(DatabaseLocation(db_path), busy_timeout=0.2)
        crm = Crm(storage)
        assert crm.operators.list() == []  # WAL: readers do not wait for writers
        with pytest.raises(DatabaseBusy):
            crm.operators.create("Анна")
        crm.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_locations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert parse_location("sqlite:///rel/crm.db").path.as_posix() == "rel/crm.db"
    assert parse_location("sqlite:////abs/crm.db").path.as_posix() == "/abs/crm.db"
    assert parse_location("/x/y.db").path.as_posix() == "/x/y.db"
    with pytest.raises(DatabaseOpenError, match="Unsupported"):
        parse_location("mysql://host/db")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///env.db")
    assert resolve_location(None).path.as_posix() == "env.db"
    assert resolve_location("opt.db").path.as_posix() == "opt.db"
    monkeypatch.delenv("DATABASE_URL")
    assert resolve_location(None).path.name == "crm.sqlite3"


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_file_deleted_or_replaced_while_open_takes_no_more_writes(db_path, tmp_path, how):
    """The connection still holds the old file: what it would write is lost with it. The
    next write says so (nothing is written anywhere), and a file put in its place stays
    as it was."""
    other = tmp_path / "other.sqlite3"
    open_crm(DatabaseLocation(other)).close()
    crm = open_crm(DatabaseLocation(db_path), random.Random(1).randint)
    try:
        crm.sources.create("Сайт", code="site")
        crm.contacts.register(ContactRequest("+79000000001", "site"))
        for suffix in ("", "-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        if how == "replaced":
            shutil.copy(other, db_path)
        with pytest.raises(DatabaseOpenError) as refused:
            crm.contacts.register(ContactRequest("+79000000002", "site"))
        assert "was deleted or replaced" in str(refused.value)
        assert str(db_path) in str(refused.value)
    finally:
        crm.close()
    if how == "replaced":
        with closing(sqlite3.connect(db_path)) as connection:
            assert connection.execute("SELECT count(*) FROM contact").fetchone() == (0,)
