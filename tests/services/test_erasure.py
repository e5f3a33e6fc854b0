"""Erasure at the service level: old copies in the file's free space, events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.events import Change
from tests.sqlite_builds import BUILDS, apply_build

PHONE = "+79005550001"


def _count(db_path: Path, table: str) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def _file_bytes(db_path: Path) -> bytes:
    wal = Path(f"{db_path}-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture(params=BUILDS)
def crm(request, monkeypatch, db_path):
    apply_build(request.param, monkeypatch)  # before the connection is made
    instance = open_crm(DatabaseLocation(db_path))
    yield instance
    instance.close()


def test_no_old_copy_survives_in_free_space(crm, db_path):
    """Without secure_delete, page splits and rewrites of earlier transactions leave
    old copies in free space that the erasing transaction never touches; only
    rebuilding the file removes them."""
    crm.operators.create("Анна", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    register = crm.contacts.register
    register(ContactRequest(PHONE, "site", "Секретова", "секретное сообщение"))
    for i in range(300):  # page splits and rewrites leave old copies in free space
        register(ContactRequest(f"+7900{i:07d}", "site", f"n{i}", "m" * 50))
    crm.storage.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    changes: list[frozenset[Change]] = []
    crm.events.subscribe(changes.append)

    result = crm.erasure.erase("8 900 555-00-01")

    assert result.file_clean
    data = _file_bytes(db_path)
    for text in (PHONE, "9005550001", "Секретова", "секретова", "секретное сообщение"):
        assert text.encode() not in data, text
    assert changes and Change.LEADS in changes[0]
    assert crm.leads.find(PHONE) is None
    assert crm.stats.operators().operators[0].total == 301
    assert len(crm.leads.page(limit=5_000)) == 301


def test_rejects_stored_while_the_erasure_looks_are_cleared_too(crm, db_path, monkeypatch):
    import json
    import sqlite3

    from desktop_crm.services import erasure

    crm.operators.create("Анна")
    crm.sources.create("Сайт", code="site")
    crm.contacts.register(ContactRequest(PHONE, "site", "Секретова", "привет"))
    other = sqlite3.connect(db_path)
    other.execute(
        "INSERT INTO import_run (id, file_name, file_path, content_hash, size, started_at, "
        "status) VALUES (1, 'f.csv', 'f.csv', 'h', 1, '2026-01-01', 'done')"
    )
    add_reject = (
        "INSERT INTO import_reject (import_run_id, line, reason, template, params, cells) "
        "VALUES (1, ?, 'r', 'r', '{}', ?)"
    )
    other.execute(add_reject, (2, json.dumps(["８ ９００ ５５５ ００ ０１", "Секретова"])))
    other.commit()
    scan = erasure._matching_rejects
    calls = []

    def scan_then_an_import_stores_another(external_id, after=0):
        found = scan(external_id, after)
        if not calls:  # between the snapshot and the write lock
            other.execute(add_reject, (3, json.dumps(["8-900-555-00-01", "Секретова"])))
            other.commit()
        calls.append(after)
        return found

    monkeypatch.setattr(erasure, "_matching_rejects", scan_then_an_import_stores_another)
    result = crm.erasure.erase(PHONE)
    other.close()
    assert result.rejects == 2 and calls[1] > 0  # the second look starts after the first
    assert "Секретова".encode() not in _file_bytes(db_path)


def test_import_fingerprints_with_and_without_time_go_and_a_new_import_brings_them_back(
    crm, db_path, tmp_path
):
    from desktop_crm.importing import open_table

    crm.operators.create("Анна", max_load=100)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    path = tmp_path / "in.csv"
    path.write_text(
        "phone,name,message,source,date\n"
        "89005550001,Секретова,тайна,site,05.03.2024 09:02\n"
        "89001112233,Другой,привет,site,05.03.2024 09:03\n",
        encoding="utf-8",
    )
    assert crm.imports.run(open_table(path)).record.imported == 2
    assert _count(db_path, "import_row") == 4  # each row: with and without its time

    crm.erasure.erase(PHONE)

    assert _count(db_path, "import_row") == 2  # the other person's stay
    # The file still holds the person: a new import of it (e.g. edited) registers them
    # again as a new lead, and skips the other person as already imported.
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    summary = crm.imports.run(open_table(path))
    assert (summary.record.imported, summary.record.skipped) == (1, 1)
    assert crm.leads.find(PHONE) is not None
