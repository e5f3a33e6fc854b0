"""copy-db: SQLite -> PostgreSQL -> SQLite keeps every row and id; sequences continue past
the copied ids; a target with data is refused; a killed copy leaves the target empty."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee as pw
import psycopg
import pytest
from playhouse.migrations import Runner  # type: ignore[import-untyped]

from desktop_crm.db.copy import CopyRefused, copied_models, copy_database
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.sqlite_storage import APPLICATION_ID
from desktop_crm.db.storage import MIGRATIONS_DIR, SCHEMA_VERSION, known_migrations
from desktop_crm.errors import CrmError
from desktop_crm.importing import open_table
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest

ROOT = Path(__file__).resolve().parents[2]
TABLES = [m._meta.table_name for m in copied_models()]


def _fill(location: DatabaseLocation, folder: Path, contacts: int = 40) -> None:
    """Some of everything: operators, sources, weights, settings, leads, contacts (some
    closed, some unassigned), an import with a rejected row, decisions."""
    crm = open_crm(location, random.Random(7).randint)
    try:
        crm.operators.create("Анна Длиннофамильная-Константинопольская", max_load=15)
        crm.operators.create("Борис", max_load=10)
        crm.operators.create("Глеб", max_load=0, active=False)
        crm.operators.delete("Глеб")  # a gap in the ids
        crm.operators.create("Вера", max_load=3)
        crm.sources.create("Telegram", code="tg")
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("tg", {"Борис": 2, "Вера": 1})
        crm.sources.set_weights("site", {"Анна Длиннофамильная-Константинопольская": 1})
        crm.settings.set_phone_region("RU")
        crm.queue.set_auto(False)
        for i in range(contacts):
            request = ContactRequest(
                external_id=f"+7900{i % 25:07d}",
                source="tg" if i % 3 else "site",
                name=f"Лид {i}",
                message=f"сообщение {i}",
                idempotency_key=f"key-{i}" if i % 4 == 0 else None,
            )
            contact = crm.contacts.register(request).contact
            if i % 5 == 0:
                crm.contacts.close(contact.id)
        csv_path = folder / "in.csv"
        csv_path.write_text(
            "external_id,name,source,message\n+79110000001,Импорт,tg,hi\n,пусто,tg,x\n",
            encoding="utf-8",
        )
        crm.imports.run(open_table(csv_path))
    finally:
        crm.close()


def _dump_sqlite(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            for table in TABLES
        }
    finally:
        connection.close()


def _pg_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        return {
            t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # type: ignore[index]
            for t in TABLES
        }


def test_sqlite_to_postgresql_and_back_keeps_every_row_and_id(tmp_path, pg_empty_url):
    first = DatabaseLocation(tmp_path / "first.sqlite3")
    _fill(first, tmp_path)
    before = _dump_sqlite(first.path)
    assert all(before[t] for t in ("operator", "contact", "decision", "import_reject", "setting"))
    server = DatabaseLocation.postgresql(pg_empty_url)
    seen: list[tuple[str, int, int]] = []

    there = copy_database(first, server, lambda *p: seen.append(p), batch_size=7)

    assert dict(there.counts) == {t: len(rows) for t, rows in before.items()}
    assert _pg_counts(pg_empty_url) == dict(there.counts)
    assert ("contact", 7, len(before["contact"])) in seen  # batches of 7, reported
    back = DatabaseLocation(tmp_path / "back.sqlite3")
    home = copy_database(server, back)
    assert home.counts == there.counts
    assert _dump_sqlite(back.path) == before


def test_new_rows_on_postgresql_get_ids_past_the_copied_ones(tmp_path, pg_url):
    first = DatabaseLocation(tmp_path / "first.sqlite3")
    _fill(first, tmp_path, contacts=6)
    old = _dump_sqlite(first.path)
    copy_database(first, DatabaseLocation.postgresql(pg_url))
    crm = open_crm(DatabaseLocation.postgresql(pg_url))
    try:
        operator = crm.operators.create("Дарья", max_load=5)
        crm.sources.set_weights("tg", {"Дарья": 1})
        contact = crm.contacts.register(ContactRequest(external_id="+79990000000", source="tg"))
    finally:
        crm.close()
    assert operator.id > max(row[0] for row in old["operator"])
    assert contact.contact.id > max(row[0] for row in old["contact"])
    assert contact.contact.lead.id > max(row[0] for row in old["lead"])


def test_a_target_with_data_is_refused_and_left_as_it_was(tmp_path, pg_url):
    first = DatabaseLocation(tmp_path / "first.sqlite3")
    _fill(first, tmp_path, contacts=3)
    crm = open_crm(DatabaseLocation.postgresql(pg_url))
    crm.operators.create("Уже здесь")
    crm.close()
    with pytest.raises(CopyRefused) as caught:
        copy_database(first, DatabaseLocation.postgresql(pg_url))
    assert "already holds data" in str(caught.value)
    # The operator, and the journal entry that records who created it.
    assert _pg_counts(pg_url) == {t: int(t in ("operator", "audit_entry")) for t in TABLES}
    other = DatabaseLocation(tmp_path / "other.sqlite3")
    _fill(other, tmp_path, contacts=2)
    kept = _dump_sqlite(other.path)
    with pytest.raises(CopyRefused):
        copy_database(first, other)
    assert _dump_sqlite(other.path) == kept


def test_the_same_database_twice_is_refused(tmp_path, pg_url):
    first = DatabaseLocation(tmp_path / "first.sqlite3")
    _fill(first, tmp_path, contacts=1)
    with pytest.raises(CopyRefused):
        copy_database(first, DatabaseLocation(tmp_path / "." / "first.sqlite3"))
    server = DatabaseLocation.postgresql(pg_url)
    with pytest.raises(CopyRefused):
        copy_database(server, DatabaseLocation.postgresql(pg_url))


def test_a_damaged_source_is_a_clear_error_and_creates_no_target(tmp_path):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    target = DatabaseLocation(tmp_path / "new.sqlite3")
    with pytest.raises(CrmError):
        copy_database(DatabaseLocation(damaged), target)
    assert not target.path.exists()


def test_a_killed_copy_leaves_the_target_empty_and_can_run_again(tmp_path, pg_url):
    first = DatabaseLocation(tmp_path / "first.sqlite3")
    _fill(first, tmp_path, contacts=200)
    argv = [sys.executable, str(ROOT / "main.py"), "copy-db", "--from", str(first.path)]
    argv += ["--to", pg_url, "--batch", "2"]  # hundreds of batches left when it is killed
    process = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("copy-db: contact "):  # half-way through the contacts
            process.kill()
            break
    process.wait()
    assert process.returncode != 0
    assert set(_pg_counts(pg_url).values()) == {0}
    again = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert "counts verified" in again.stdout
    assert _pg_counts(pg_url) == {t: len(r) for t, r in _dump_sqlite(first.path).items()}


def test_a_file_name_with_uri_characters_is_copied(tmp_path):
    odd = DatabaseLocation(tmp_path / "crm #1?%20.sqlite3")
    _fill(odd, tmp_path, contacts=3)
    target = DatabaseLocation(tmp_path / "copy.sqlite3")
    copy_database(odd, target)
    assert _dump_sqlite(target.path) == _dump_sqlite(odd.path)


def test_an_older_source_file_is_upgraded_first_as_opening_does(tmp_path, pg_url):
    old = tmp_path / "old.sqlite3"
    database = pw.SqliteDatabase(str(old))
    Runner(database, directory=str(MIGRATIONS_DIR)).up(known_migrations()[-2])
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    database.execute_sql("INSERT INTO operator (name, active, max_load) VALUES ('Анна', 1, 2)")
    database.close()

    report = copy_database(DatabaseLocation(old), DatabaseLocation.postgresql(pg_url))

    assert dict(report.counts)["operator"] == 1
    with sqlite3.connect(old) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_damaged_source_writes_nothing_into_an_empty_server_database(
    tmp_path, pg_server, pg_empty_url
):
    # Opens (its schema is intact) but its rows cannot be read: the tail pages are garbage.
    damaged = tmp_path / "damaged.sqlite3"
    _fill(DatabaseLocation(damaged), tmp_path, contacts=300)
    data = bytearray(damaged.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 44 :] = bytes(range(256)) * ((len(data) - page * 44) // 256 + 1)
    damaged.write_bytes(bytes(data[: len(damaged.read_bytes())]))
    with pytest.raises(CrmError):
        copy_database(DatabaseLocation(damaged), DatabaseLocation.postgresql(pg_empty_url))
    name = pg_empty_url.split("?")[0].rsplit("/", 1)[1]
    tables = pg_server.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", name
    )
    assert tables == []
