"""``copy-db``: every row of one database into another, empty one, ids intact.

SQLite -> PostgreSQL (a desk's file moved to the team's server) and back (a team's
database taken home), or file to file. The source is opened first as any client
opens it (so an older file is migrated, a foreign or damaged one refused), then read
in one consistent snapshot. The target is opened (a fresh one is migrated), must hold
none of our data, and is written in ONE transaction: tables in dependency order, in
batches (``COPY`` on PostgreSQL, ``executemany`` on SQLite), then PostgreSQL's
sequences are set past the copied ids, and each table's row count and a checksum of
its keys are compared with what was read before the commit. Any failure (a kill
included) rolls the whole copy back: the target stays empty and the copy can run again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import peewee as pw

from desktop_crm.database_files import refuse_if_belongs
from desktop_crm.db import load_postgresql_driver, models
from desktop_crm.db.location import POSTGRESQL, DatabaseLocation
from desktop_crm.db.storage import Storage, database_errors, open_storage
from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError

DEFAULT_BATCH = 10_000
_CHECKSUM_MODULUS = 1_000_003  # sum(key % M): fits in 64 bits for any row count we meet
_HISTORY_TABLES = {"schema_migration", "config_revision"}  # each database its own
# Turns a driver error into peewee's (as peewee's own calls do), for the raw cursor.
_WRAP_ERRORS = getattr(pw, "__exception_wrapper__")  # noqa: B009  # not in the stubs  # each database keeps its own migration history

Progress = Callable[[str, int, int], None]  # table, rows copied so far, rows in the table


class CopyRefused(CrmError):
    """copy-db cannot start: the same database twice, a target that holds data, a missing
    source file. Nothing was written."""


class CopyFailed(CrmError):
    """The copy did not verify; it was rolled back and the target holds nothing of it."""


@dataclass(frozen=True)
class CopyReport:
    source: str  # shown without password
    target: str
    counts: tuple[tuple[str, int], ...]  # (table, rows) in the order copied

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def copied_models() -> list[type[models.BaseModel]]:
    """Every table of the schema, parents before children (foreign keys point back)."""
    found = [
        value
        for value in vars(models).values()
        if inspect.isclass(value)
        and issubclass(value, models.BaseModel)
        and value is not models.BaseModel
    ]
    sort_models = getattr(pw, "sort_models")  # noqa: B009  # not in the stubs
    return list(sort_models(found))


def _same(source: DatabaseLocation, target: DatabaseLocation) -> bool:
    if source.kind != target.kind:
        return False
    if source.file is not None and target.file is not None:
        a, b = source.file.expanduser(), target.file.expanduser()
        with contextlib.suppress(OSError):
            if a.exists() and b.exists():
                return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    return source.display == target.display


def copy_database(
    source: DatabaseLocation,
    target: DatabaseLocation,
    progress: Progress | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> CopyReport:
    """Copy ``source`` into the empty ``target``; ``CrmError`` subclasses on failure."""
    if target.file is not None:  # never into a database's -wal, -damaged, backups folder
        refuse_if_belongs(target.file.expanduser(), database=source.file)
    if _same(source, target):
        raise CopyRefused(
            QT_TRANSLATE_NOOP("errors", "The source and the target are the same database: {path}."),
            path=str(source),
        )
    if source.is_missing():
        raise CopyRefused(
            QT_TRANSLATE_NOOP("errors", "{path} does not exist; nothing was copied."),
            path=str(source),
        )
    # Migrated to the current schema, as opening does, and checked before anything is
    # created in the target: a damaged file is refused with the target untouched.
    checked = open_storage(source)
    try:
        checked.assert_sound()
    finally:
        checked.close()
    target_was_missing = target.is_missing()
    try:
        storage = open_storage(target)
    except BaseException:
        if target_was_missing and target.file is not None:
            _remove_new_file(target.file)
        raise
    try:
        counts = _copy_into(storage, source, target, progress, batch_size)
    except BaseException:
        storage.close()
        if target_was_missing and target.file is not None:
            _remove_new_file(target.file)
        raise
    storage.close()
    return CopyReport(str(source), str(target), counts)


def _remove_new_file(path: Path) -> None:
    from desktop_crm.db.backup import remove_database_files

    remove_database_files(path)


def _copy_into(
    storage: Storage,
    source: DatabaseLocation,
    target: DatabaseLocation,
    progress: Progress | None,
    batch_size: int,
) -> tuple[tuple[str, int], ...]:
    tables = copied_models()
    _check_same_tables(storage, tables, target)
    counts: list[tuple[str, int]] = []
    with _source_reader(source) as reader, storage.write():
        if target.kind == POSTGRESQL:
            names = ", ".join(f'"{m._meta.table_name}"' for m in tables)
            storage.database.execute_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")
        _refuse_if_not_empty(storage, tables, target)
        for model in tables:
            table = model._meta.table_name
            columns = [f.column_name for f in model._meta.sorted_fields]
            key = _key_field(model).column_name
            key_index = columns.index(key)
            total = reader.count(table)
            written, checksum = 0, 0
            text = _text_columns(model, columns)
            for batch in reader.batches(table, columns, key, batch_size):
                _refuse_unstorable(batch, table, columns, text, key_index, source, target)
                rows = [_value_row(row, target) for row in batch]
                _write_rows(storage, target, table, columns, rows)
                written += len(rows)
                checksum += sum(_key_part(row[key_index]) for row in rows)
                if progress is not None:
                    progress(table, written, total)
            _verify(storage, model, written, checksum)
            counts.append((table, written))
        if target.kind == POSTGRESQL:
            _set_sequences(storage, tables)
    return tuple(counts)


def _check_same_tables(
    storage: Storage, tables: Sequence[type[models.BaseModel]], target: DatabaseLocation
) -> None:
    """Every table the target has is one we copy: a table this code does not know would
    silently stay empty."""
    known = {m._meta.table_name for m in tables}
    present = set(storage.database.get_tables()) - _HISTORY_TABLES
    unknown = sorted(present - known)
    if unknown:
        raise CopyRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} has tables this version cannot copy ({names}); nothing was copied.",
            ),
            path=str(target),
            names=", ".join(unknown),
        )


def _refuse_if_not_empty(
    storage: Storage, tables: Sequence[type[models.BaseModel]], target: DatabaseLocation
) -> None:
    for model in tables:
        table = model._meta.table_name
        if storage.database.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
            raise CopyRefused(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path} already holds data (table {table}); copy-db copies into an empty "
                    "database only. Nothing was written.",
                ),
                path=str(target),
                table=table,
            )


class _BadText(bytes):
    """A SQLite text cell that is not UTF-8 (another tool wrote it), as its bytes."""


def _source_text(value: bytes) -> str | _BadText:
    """The SQLite source's text_factory: a cell's text, or ``_BadText`` to refuse."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return _BadText(value)


def _text_columns(model: type[models.BaseModel], columns: Sequence[str]) -> list[int]:
    """The positions of ``columns`` that hold text (CharField, TextField)."""
    fields = {f.column_name: f for f in model._meta.sorted_fields}
    return [i for i, c in enumerate(columns) if isinstance(fields[c], (pw.CharField, pw.TextField))]


def _refuse_unstorable(
    batch: Sequence[Sequence[object]],
    table: str,
    columns: Sequence[str],
    text: Sequence[int],
    key_index: int,
    source: DatabaseLocation,
    target: DatabaseLocation,
) -> None:
    """A text cell the target cannot store as it is, refused before anything is written,
    named by table, row and column (never its content): invalid UTF-8, a NUL character
    (PostgreSQL's text has none), bytes (a BLOB) where text belongs."""
    for row in batch:
        for i in text:
            value = row[i]
            if isinstance(value, _BadText):
                template = QT_TRANSLATE_NOOP(
                    "errors",
                    "{path}: table {table}, row {row}, column {column} holds text that is not "
                    "UTF-8; correct it in the source first. Nothing was copied.",
                )
            elif isinstance(value, bytes):
                template = QT_TRANSLATE_NOOP(
                    "errors",
                    "{path}: table {table}, row {row}, column {column} holds binary data (a "
                    "BLOB) instead of text; correct it in the source first. Nothing was copied.",
                )
            elif isinstance(value, str) and "\x00" in value and target.kind == POSTGRESQL:
                template = QT_TRANSLATE_NOOP(
                    "errors",
                    "{path}: table {table}, row {row}, column {column} holds a NUL character, "
                    "which PostgreSQL cannot store; correct it in the source first. Nothing "
                    "was copied.",
                )
            else:
                continue
            raise CopyRefused(
                template, path=str(source), table=table, row=row[key_index], column=columns[i]
            )


def _key_field(model: type[models.BaseModel]) -> pw.Field:
    key = model._meta.primary_key
    assert isinstance(key, pw.Field), model  # every table of ours has a one-column key
    return key


def _key_part(value: object) -> int:
    """A key's share of the checksum, computed as ``key % M`` is on both backends (the
    remainder takes the sign of the key, as in C)."""
    if not isinstance(value, int):
        return 0  # a text key (setting): counted only
    remainder = abs(value) % _CHECKSUM_MODULUS
    return -remainder if value < 0 else remainder


def _verify(storage: Storage, model: type[models.BaseModel], rows: int, checksum: int) -> None:
    table = model._meta.table_name
    key = _key_field(model)
    if isinstance(key, pw.IntegerField):
        k, m = f'"{key.column_name}"', _CHECKSUM_MODULUS  # k % m, spelt alike on both
        sql = f'SELECT count(*), COALESCE(SUM({k} - {m} * ({k} / {m})), 0) FROM "{table}"'
    else:
        sql = f'SELECT count(*), 0 FROM "{table}"'
    found_rows, found_sum = storage.database.execute_sql(sql).fetchone()
    if int(found_rows) != rows or int(found_sum) != checksum:
        raise CopyFailed(
            QT_TRANSLATE_NOOP(
                "errors",
                "The copy of table {table} did not verify ({found} rows written, {rows} read); "
                "it was rolled back and nothing was written.",
            ),
            table=table,
            found=int(found_rows),
            rows=rows,
        )


def _set_sequences(storage: Storage, tables: Sequence[type[models.BaseModel]]) -> None:
    """Each table's id sequence continues past the copied ids."""
    for model in tables:
        if not isinstance(model._meta.primary_key, pw.AutoField):
            continue
        table = model._meta.table_name
        storage.database.execute_sql(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
            f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)',
            (f'"{table}"',),
        )


def _value_row(row: Sequence[object], target: DatabaseLocation) -> tuple[object, ...]:
    """Values as the target stores them. SQLite keeps booleans as 0/1 and times as the
    text peewee writes (``str(datetime)``); PostgreSQL reads both forms from COPY text."""
    if target.kind == POSTGRESQL:
        return tuple(row)
    return tuple(
        int(v) if isinstance(v, bool) else str(v) if isinstance(v, dt.datetime) else v for v in row
    )


def _write_rows(
    storage: Storage,
    target: DatabaseLocation,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
) -> None:
    quoted = ", ".join(f'"{c}"' for c in columns)
    if target.kind == POSTGRESQL:
        cursor = storage.database.connection().cursor()
        with cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    storage.insert_many(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)


class _SourceReader:
    """The source's rows in one snapshot, each table in key order, in batches."""

    def __init__(self, database: pw.Database, location: DatabaseLocation) -> None:
        self.database = database
        self.location = location
        self._cursors = 0

    def count(self, table: str) -> int:
        with database_errors(self.location):
            row = self.database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0])

    def batches(
        self, table: str, columns: Sequence[str], key: str, size: int
    ) -> Iterator[list[tuple[object, ...]]]:
        """Only the source's own calls are read as its errors (the caller writes the
        target between two batches)."""
        quoted = ", ".join(f'"{c}"' for c in columns)
        sql = f'SELECT {quoted} FROM "{table}" ORDER BY "{key}"'
        with database_errors(self.location), _WRAP_ERRORS:
            if self.location.kind == POSTGRESQL:  # a server-side cursor: not all rows at once
                self._cursors += 1
                cursor = self.database.connection().cursor(name=f"copy_{self._cursors}")
                cursor.execute(sql)
            else:
                cursor = self.database.execute_sql(sql)
        try:
            while True:
                with database_errors(self.location), _WRAP_ERRORS:
                    batch = cursor.fetchmany(size)
                if not batch:
                    return
                yield [tuple(row) for row in batch]
        finally:
            with contextlib.suppress(Exception):
                cursor.close()


@contextlib.contextmanager
def _source_reader(location: DatabaseLocation) -> Iterator[_SourceReader]:
    """A read-only snapshot of the source on a connection of its own (the models are
    bound to the target)."""
    database: pw.Database
    if location.kind == POSTGRESQL:
        load_postgresql_driver()
        database = pw.PostgresqlDatabase(location.url, prefer_psycopg3=True)
    else:
        uri = f"file:{quote(str(location.path))}?mode=ro"  # a name may hold ? or #
        database = pw.SqliteDatabase(uri, uri=True)
    try:
        with database_errors(location):
            database.connect()
            if isinstance(database, pw.SqliteDatabase):
                database.connection().text_factory = _source_text
            if location.kind == POSTGRESQL:
                database.execute_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            else:
                database.execute_sql("BEGIN")
        yield _SourceReader(database, location)
    finally:
        with contextlib.suppress(pw.PeeweeException, OSError):
            database.execute_sql("ROLLBACK")  # read only: nothing to keep
        database.close()
