"""Migration 0013: the imports an older version recorded get the sheet they read as part of
their identity, so that after the upgrade another sheet of a workbook imported before is
a new import, while the file and the sheet imported then are still recognised."""

from __future__ import annotations

import json

import peewee as pw
from openpyxl import Workbook
from playhouse.migrations import Runner

from desktop_crm.db.guard import APPLICATION_ID
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.importing import ReadOptions, file_sha256, open_table
from desktop_crm.services import open_crm


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


def _file_at_0012(path, runs):
    """A file as version 0012 left it, with ``runs``: (file, options) of done imports."""
    database = pw.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    Runner(database, directory=_migrations()).up("0012_operator_index_merged")
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql("PRAGMA user_version = 12")
    for file, options in runs:
        database.execute_sql(
            "INSERT INTO import_run (file_name, file_path, content_hash, size, started_at, "
            "finished_at, status, options, rows_done, imported, assigned) "
            "VALUES (?, ?, ?, ?, '2026-01-10 09:00', '2026-01-10 09:01', 'done', ?, 1, 1, 1)",
            (file.name, str(file), file_sha256(file), file.stat().st_size, json.dumps(options)),
        )
    database.close()


def _migrations():
    from desktop_crm.db.storage import MIGRATIONS_DIR

    return str(MIGRATIONS_DIR)


def test_older_imports_keep_their_sheet_in_their_identity(tmp_path):
    csv_file = tmp_path / "leads.csv"
    csv_file.write_text("phone,name,source\n+79007770003,Вера,site\n", encoding="utf-8")
    book = _book(tmp_path / "months.xlsx", "Январь")
    # An erasure cut a person's name out of this one's sheet: which sheet it read is lost.
    erased = _book(tmp_path / "erased.xlsx", "Лист Иванов")
    _file_at_0012(
        tmp_path / "crm.sqlite3",
        [
            (csv_file, {"sheet": None, "delimiter": ","}),
            (book, {"sheet": "Январь"}),
            (erased, {"sheet": "Лист [erased]"}),
        ],
    )
    crm = open_crm(DatabaseLocation(tmp_path / "crm.sqlite3"))
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
