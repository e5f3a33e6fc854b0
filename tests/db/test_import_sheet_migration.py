"""Migration 0013: the imports an older version recorded get the sheet they read as part of
their identity, so that after the upgrade another sheet of a workbook imported before is
a new import, while the file and the sheet imported then are still recognised."""

from __future__ import annotations

import json

import peewee as pw
import pytest
from openpyxl import Workbook
from playhouse.migrations import Runner

from desktop_crm.db.guard import APPLICATION_ID
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.importing import ReadOptions, file_sha256, open_table
from desktop_crm.services import open_crm
from tests.conftest import BACKENDS


def _book(path, first_sheet):
    book = Workbook()
    book.active.title = first_sheet
    book.active.append(["phone", "name", "source"])
    book.active.append(["+79007770001", "Анна", "site"])
    other = book.create_sheet("Февраль")
    other.append(["phone", "name", "source"])
    other.append(["+79007770002", "Борис", "site"])
    book.save(path)
    return path


def _database_at_0012(location, runs):
    """A database as version 0012 left it, with ``runs``: (file, options) of done imports."""
    if location.is_file:
        database = pw.SqliteDatabase(str(location.path), pragmas={"foreign_keys": 1})
        Runner(database, directory=_migrations()).up("0012_operator_index_merged")
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        database.execute_sql("PRAGMA user_version = 12")
    else:
        from desktop_crm.db.postgres_storage import HISTORY_TABLE

        database = pw.PostgresqlDatabase(None)
        database.init(location.server_url)
        runner = Runner(database, directory=_migrations(), table_name=HISTORY_TABLE)
        runner.up("0012_operator_index_merged")
    param = database.param
    for file, options in runs:
        database.execute_sql(
            "INSERT INTO import_run (file_name, file_path, content_hash, size, started_at, "
            "finished_at, status, options, rows_done, imported, assigned) VALUES "
            f"({param}, {param}, {param}, {param}, '2026-01-10 09:00', '2026-01-10 09:01', "
            f"'done', {param}, 1, 1, 1)",
            (file.name, str(file), file_sha256(file), file.stat().st_size, json.dumps(options)),
        )
    database.close()


def _migrations():
    from desktop_crm.db.storage import MIGRATIONS_DIR

    return str(MIGRATIONS_DIR)


@pytest.fixture(params=BACKENDS)
def old_location(request, tmp_path):
    """An empty database to bring to version 0012: a file, or a PostgreSQL database."""
    if request.param == "postgresql":
        return DatabaseLocation.postgresql(request.getfixturevalue("pg_empty_url"))
    return DatabaseLocation(tmp_path / "crm.sqlite3")


def test_older_imports_keep_their_sheet_in_their_identity(tmp_path, old_location):
    csv_file = tmp_path / "leads.csv"
    csv_file.write_text("phone,name,source\n+79007770003,Вера,site\n", encoding="utf-8")
    book = _book(tmp_path / "months.xlsx", "Январь")
    # An erasure cut a person's name out of this one's sheet: which sheet it read is lost.
    erased = _book(tmp_path / "erased.xlsx", "Лист Иванов")
    _database_at_0012(
        old_location,
        [
            (csv_file, {"sheet": None, "delimiter": ","}),
            (book, {"sheet": "Январь"}),
            (erased, {"sheet": "Лист [erased]"}),
        ],
    )
    crm = open_crm(old_location)
    try:
        crm.operators.create("Анна", max_load=10)
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("site", {"Анна": 1})
        old_csv, old_book, old_erased = sorted(crm.imports.list(), key=lambda r: r.id)

        def run(path, sheet=None):
            return crm.imports.run(open_table(path, ReadOptions(sheet=sheet)))

        assert run(csv_file).already_imported == old_csv
        assert run(book).already_imported == old_book  # «Январь», the active sheet
        february = run(book, "Февраль")
        assert february.already_imported is None and february.imported == 1
        # The sheet is unknown: as before the upgrade, the file counts as imported.
        assert run(erased, "Февраль").already_imported == old_erased
        assert run(erased).already_imported == old_erased
    finally:
        crm.close()
