"""The SQLite backend: guard the file, connect, migrate, and hand out transactions.

Everything SQLite-specific (BEGIN IMMEDIATE, PRAGMA data_version, the file
guard, backups before an upgrade) stays here, behind ``storage.Storage``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import logging
import os
import random
import sqlite3
import threading
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import peewee as pw

from desktop_crm.db import postgresql_drivers_hidden
from desktop_crm.db.backup import automatic_backup, create_private_file, private_new_file
from desktop_crm.db.guard import (
    APPLICATION_ID,
    damage_error,
    damaged_marker,
    inspect_file,
    is_damage,
    is_read_only,
    is_write_failure,
    known_damage_error,
    mark_damaged,
    read_only_error,
    read_only_uri,
    release_kept,
    sqlite_error_of,
    write_failure_error,
)
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.storage import (
    DEFAULT_BUSY_TIMEOUT,
    DEFAULT_JOB_WAIT,
    MIGRATIONS_DIR,
    SCHEMA_VERSION,
    Storage,
    WaitAbandoned,
)
from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    CrmError,
    DatabaseBusy,
    DatabaseOpenError,
    DatabaseReadOnly,
)

log = logging.getLogger(__name__)

# How often a waiting writer asks for the lock again. SQLite's own busy handler sleeps
# up to 100 ms between tries and so misses the short gaps between a job's batches.
_WRITER_POLL = 0.002
_JOB_POLL = 0.01  # a job asks less often: a single writer waiting gets in first
# A long job's batches (an import's, every 0.2 s) touch many of the same index pages each
# time: with SQLite's checkpoint every 1,000 pages they were copied into the file again and
# again, with two waits for the disk each time (a 100,000-row import: 331 fsyncs, 393,000
# writes and 97,000 reads; 82, 278,000 and 46,000 with 4,000: docs/PERFORMANCE.md). A bot
# committing meanwhile may copy up to this many pages (16 MB) instead of 4 MB.
JOB_CHECKPOINT_PAGES = 4_000
_SQLITE_AUTOCHECKPOINT = 1_000  # SQLite's default, which single writers keep


# Explicit, so the stored text stays 'YYYY-MM-DD HH:MM:SS[.ffffff]' after Python 3.12
# deprecated sqlite3's implicit datetime adapter.
sqlite3.register_adapter(dt.datetime, lambda value: value.isoformat(" "))


def _is_busy(error: Exception) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


@contextmanager
def busy_as_error() -> Iterator[None]:
    """Turn SQLite's 'database is locked' into ``DatabaseBusy`` (nothing was written)."""
    try:
        yield
    except pw.OperationalError as error:
        if _is_busy(error):
            raise DatabaseBusy(
                QT_TRANSLATE_NOOP(
                    "errors", "The database stayed busy; nothing was written. Try again."
                )
            ) from error
        raise


@contextmanager
def file_errors_as_crm_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's "malformed"/"not a database" into ``DatabaseDamaged`` and "readonly"
    into ``DatabaseReadOnly``, whichever query meets them (opening or any later one).

    The frames of the SQLite error are cleared: they hold the failed statement, and an
    unfinalised statement keeps the connection from really closing (which would leave
    the -wal and -shm files beside a damaged file) for as long as anyone keeps the error.
    """
    failure: CrmError
    try:
        yield
    except (pw.DatabaseError, sqlite3.DatabaseError) as error:
        for part in (error, sqlite_error_of(error)):
            traceback.clear_frames(part.__traceback__)
        if is_damage(error):
            failure = damage_error(path, str(sqlite_error_of(error)))
            mark_damaged(path, failure.params["reason"])
        elif is_read_only(error):
            failure = read_only_error(path)
        elif is_write_failure(error):
            failure = write_failure_error(path, error)
        else:
            raise
    else:
        return
    log.error("%s", failure)
    raise failure


class _Immediate:
    """BEGIN IMMEDIATE, asked for every few milliseconds until ``wait`` has passed.

    While asking, the connection's own busy handler is off: it would sleep through the
    gaps another process leaves between its batches."""

    def __init__(
        self,
        storage: SqliteStorage,
        wait: float,
        poll: float,
        stop: Callable[[], bool] | None = None,
    ) -> None:
        self._storage = storage
        self._wait = wait
        self._poll = poll
        self._stop = stop
        self._transaction: pw._atomic | None = None

    def __enter__(self) -> None:
        database = self._storage.database
        transaction = database.atomic("IMMEDIATE")
        if database.transaction_depth() > 0:  # a savepoint inside our own transaction
            self._transaction = transaction
            transaction.__enter__()
            return
        connection = database.connection()
        deadline = time.monotonic() + self._wait
        busy_timeout = self._storage.connection_busy_timeout(connection)
        connection.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    transaction.__enter__()
                    break
                except pw.OperationalError as error:
                    if not _is_busy(error) or time.monotonic() >= deadline:
                        raise
                if self._stop is not None and self._stop():
                    raise WaitAbandoned
                time.sleep(self._poll * random.uniform(0.5, 1.5))
        finally:
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout)}")
        self._transaction = transaction

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._transaction is not None
        try:
            self._transaction.__exit__(kind, error, trace)
            return None
        except pw.OperationalError as rollback_error:
            # SQLite rolls back by itself on a full disk or an I/O error; peewee's own
            # ROLLBACK then fails ("no transaction is active") and must not hide the cause.
            if "no transaction is active" not in str(rollback_error):
                raise
            if error is not None:
                return None  # the original error goes on
            cause: BaseException | None = rollback_error
            while cause is not None and "no transaction is active" in str(cause):
                cause = cause.__context__  # back to the failed COMMIT
            if isinstance(cause, pw.DatabaseError | sqlite3.DatabaseError):
                raise cause from None
            raise


class SqliteStorage(Storage):
    """A SQLite file. Writers are serialised by BEGIN IMMEDIATE (one writer at a time
    for the whole file), so ``lock_operators`` has nothing to add."""

    database: pw.SqliteDatabase
    one_writer_at_a_time = True

    def __init__(
        self,
        database: pw.SqliteDatabase,
        location: DatabaseLocation,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        job_wait: float = DEFAULT_JOB_WAIT,
    ) -> None:
        super().__init__(database, location, busy_timeout, job_wait)
        self._job_locks: int | None = None  # the open lock file of running jobs
        self._job_locks_opening = threading.Lock()
        self._reserved = threading.local()  # per thread: table -> next id free to hand out
        self._busy = threading.local()  # per thread: (its connection, that one's busy timeout)
        # Per thread (its connection): the outermost write transactions' generation, the
        # last one committed by ``write``, whether one that ``write`` began is open, and
        # this one's data version (``write_mark``).
        self._marks = threading.local()
        # Checked before every write (another process may mark the file damaged): one
        # stat() of a path made once.
        self._damaged_marker = str(damaged_marker(location.path))
        # The file this storage opened (device, inode): a write after it was deleted or
        # replaced would go into the old file, lost with it (``refuse_if_replaced``).
        self._opened = _file_identity(str(location.path))

    @contextmanager
    def write(self) -> Iterator[None]:
        """A transaction that serialises writers (BEGIN IMMEDIATE; waits up to the busy timeout).
        A file found damaged earlier is refused (``DatabaseDamaged``), see ``refuse_if_damaged``."""
        self.refuse_if_damaged()
        self.refuse_if_replaced()
        outermost = self._new_transaction()
        self._marks.open = outermost or getattr(self._marks, "open", False)
        try:
            with (
                self.file_errors(),
                busy_as_error(),
                _Immediate(self, self.busy_timeout, _WRITER_POLL),
            ):
                yield
            if outermost:
                self._marks.committed = self._marks.generation
        finally:
            if outermost:
                self._marks.open = False

    def _new_transaction(self) -> bool:
        """Whether this is the outermost transaction (a new generation: ``write_mark``)."""
        if self.database.transaction_depth() != 0:
            return False
        self._reserved.next = {}
        self._reserved.known = None
        self._marks.generation = getattr(self._marks, "generation", 0) + 1
        self._marks.version = None
        return True

    def write_mark(self) -> object | None:
        """This connection, ``PRAGMA data_version`` (moves when another connection
        commits, never for this one's own commits), the connection's ``total_changes``
        (every row this connection ever wrote, whatever the statement), the
        transaction's generation (``unchanged_since`` requires it committed) and the next
        id of each table it reserved ids of (``reserve_ids``). None inside a caller's own
        transaction (a savepoint), which may still roll everything back."""
        if not getattr(self._marks, "open", False):  # not in a transaction write() began
            return None
        connection = self.database.connection()
        return (
            connection,
            self._data_version_now(),
            connection.total_changes,
            getattr(self._marks, "generation", 0),
            dict(getattr(self._reserved, "next", {})),
        )

    def unchanged_since(self, mark: object | None) -> bool:
        """Under the write lock nobody else can commit, so what the data version and this
        connection's count of changes say holds until this transaction writes."""
        if not isinstance(mark, tuple):
            return False
        connection, version, changes, generation, next_ids = mark
        marks = self._marks
        unchanged = (
            connection is self.database.connection()
            and generation == getattr(marks, "committed", None)
            and generation == getattr(marks, "generation", 0) - 1
            and changes == connection.total_changes
            and version == self._data_version_now()
        )
        if unchanged:  # nobody inserted since: the ids it reserved last are the next ones
            self._reserved.known = (changes, dict(next_ids))
        return bool(unchanged)

    def _data_version_now(self) -> int:
        """``PRAGMA data_version`` inside the write transaction, read once per transaction."""
        marks = self._marks
        if getattr(marks, "version", None) is None:
            marks.version = int(self.database.execute_sql("PRAGMA data_version").fetchone()[0])
        return int(marks.version)

    def connection_busy_timeout(self, connection: sqlite3.Connection) -> int:
        """The busy timeout (ms) ``connection`` was opened with, read once per connection
        (``_Immediate`` turns it off around BEGIN IMMEDIATE and back on after)."""
        kept = getattr(self._busy, "kept", None)
        if kept is None or kept[0] is not connection:
            (milliseconds,) = connection.execute("PRAGMA busy_timeout").fetchone()
            kept = self._busy.kept = (connection, int(milliseconds))
        return kept[1]

    def refuse_if_damaged(self) -> None:
        """Raise ``DatabaseDamaged`` when damage was found in this file earlier (a check,
        or a query that met it) and no check has passed nor a restore happened since."""
        if self.database.transaction_depth() == 0 and os.path.isfile(self._damaged_marker):
            raise known_damage_error(self.location.path)  # known_damaged(path), made cheap

    def refuse_if_replaced(self) -> None:
        """Raise ``DatabaseOpenError`` when the file was deleted or another put in its
        place since it was opened (one stat() per write transaction)."""
        if self.database.transaction_depth() != 0 or self._opened is None:
            return
        if _file_identity(str(self.location.path)) != self._opened:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database file {path} was deleted or replaced while it was open; "
                    "nothing was written. Open it again.",
                ),
                path=str(self.location.path),
            )

    def assert_sound(self) -> None:
        """SQLite's quick_check on this thread's connection; ``DatabaseDamaged`` (and the
        damage remembered) when it finds a problem. For operations about to rewrite the
        whole file (erasing a person vacuums it)."""
        with self.file_errors(), busy_as_error():
            rows = self.database.execute_sql("PRAGMA quick_check(5)").fetchall()
        problems = [
            line.strip()
            for row in rows
            for line in str(row[0]).splitlines()
            if line.strip() and not line.startswith("***")  # "*** in database main ***"
        ]
        if problems != ["ok"]:
            reason = problems[0][:300] if problems else "quick_check failed"
            mark_damaged(self.location.path, reason)
            raise damage_error(self.location.path, reason)

    @contextmanager
    def write_batch(self) -> Iterator[None]:
        """One batch of a long job: like ``write`` but waits up to ``job_wait`` for the lock,
        asking less often than single writers so that they get their turn first."""
        stop = getattr(self._cancel, "check", None)
        self.refuse_if_damaged()
        self.refuse_if_replaced()
        self._new_transaction()  # never marked committed: a job's batch keeps no mark
        with (
            self._job_checkpoints(),
            self.file_errors(),
            busy_as_error(),
            _Immediate(self, self.job_wait, _JOB_POLL, stop),
        ):
            yield

    @contextmanager
    def _job_checkpoints(self) -> Iterator[None]:
        """Around a job's batch, its commit included: the write log is copied into the
        file after JOB_CHECKPOINT_PAGES pages instead of SQLite's 1,000 (test_job_checkpoints)."""
        if self.database.transaction_depth() > 0:  # a savepoint: the outer commit decides
            yield
            return
        connection = self.database.connection()
        connection.execute(f"PRAGMA wal_autocheckpoint = {JOB_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):  # a closed connection keeps nothing
                connection.execute(f"PRAGMA wal_autocheckpoint = {_SQLITE_AUTOCHECKPOINT}")

    @contextmanager
    def process_claim(self, name: str) -> Iterator[bool]:
        """Claim the job ``name`` against other processes (``Storage.job_claim``): False
        while another live process has claimed it; the operating system drops a claim
        when its process ends, even by kill -9.

        A byte-range lock in ``<database>-jobs`` beside the file. It belongs to the
        process, not the thread: ``job_claim`` excludes this process's other threads.
        Where no lock can be taken, every claim succeeds."""
        descriptor = self._job_lock_file()
        if descriptor is None:
            yield True
            return
        import fcntl

        offset = zlib.crc32(name.encode("utf-8")) & 0x3FFFFFFF
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
        except OSError as error:
            # Held by another process; any other failure (a strange file): go on unclaimed.
            yield error.errno not in (errno.EACCES, errno.EAGAIN)
            return
        try:
            yield True
        finally:
            fcntl.lockf(descriptor, fcntl.LOCK_UN, 1, offset)

    def _claim_scope(self) -> str:
        """The file itself, however it was named (a symbolic link, a relative path)."""
        return os.path.realpath(self.location.path)

    def _job_lock_file(self) -> int | None:
        # One descriptor for the storage's life: closing any descriptor of a file drops
        # every POSIX lock the process holds on it.
        with self._job_locks_opening:
            if self._job_locks is None and os.name == "posix":
                path = f"{self.location.path}-jobs"
                try:
                    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
                    self._job_locks = os.open(path, flags, 0o600)
                except OSError:
                    return None
            return self._job_locks

    @contextmanager
    def read(self) -> Iterator[None]:
        """A consistent snapshot for several queries."""
        with self.file_errors(), busy_as_error(), self.database.atomic():
            yield

    def file_errors(self) -> contextlib.AbstractContextManager[None]:
        """Damaged and read-only files as ``CrmError`` (see ``file_errors_as_crm_errors``)."""
        return file_errors_as_crm_errors(self.location.path)

    def secure_delete(self, on: bool) -> bool:
        from desktop_crm.db.scrub import set_secure_delete

        return set_secure_delete(self, on)

    def scrub(self) -> bool:
        from desktop_crm.db.scrub import scrub_file

        return scrub_file(self)

    def checkpoint(self) -> bool:
        from desktop_crm.db.scrub import checkpoint_wal

        return checkpoint_wal(self)

    def reserve_ids(self, model: type[pw.Model], count: int) -> list[int]:
        """max(id) + 1 onwards, as SQLite itself assigns, past what this transaction
        reserved already: certain under the write lock (which every caller holds)."""
        table = model._meta.table_name
        reserved: dict[str, int] = getattr(self._reserved, "next", {})
        known = self._known_next_id(table)
        if known is None:
            row = self.database.execute_sql(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"')
            known = int(row.fetchone()[0])
        first = max(known, reserved.get(table, 0))
        reserved[table] = first + count
        self._reserved.next = reserved
        return list(range(first, first + count))

    def _known_next_id(self, table: str) -> int | None:
        """The next id of ``table`` without asking, in a transaction that found nothing
        changed since the marked one (``unchanged_since``) and has written nothing yet:
        what that one reserved last (every id it reserved was inserted, or is a gap)."""
        known: tuple[int, dict[str, int]] | None = getattr(self._reserved, "known", None)
        if known is None or known[0] != self.database.connection().total_changes:
            return None
        return known[1].pop(table, None)

    def data_version(self) -> int:
        """Changes when another connection commits (polled by the window)."""
        with self.file_errors(), busy_as_error():
            return int(self.database.execute_sql("PRAGMA data_version").fetchone()[0])

    def quiet_mark(self) -> object | None:
        """``PRAGMA data_version``, which moves when another connection commits (never for
        this connection's own commits; under the write lock nobody else can commit), and
        the connection's ``total_changes``, which moves with every row this connection
        writes (between an import's batches, its progress callback may register through
        the same connection)."""
        connection = self.database.connection()
        version = int(self.database.execute_sql("PRAGMA data_version").fetchone()[0])
        return (connection, version, connection.total_changes)

    def _release(self) -> None:
        if self._job_locks is not None:
            os.close(self._job_locks)
            self._job_locks = None
        release_kept(self.location.path)  # no connection left here: no locks to lose


def open_sqlite(
    location: DatabaseLocation,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    job_wait: float = DEFAULT_JOB_WAIT,
) -> SqliteStorage:
    """Guard, connect, apply pending migrations; raise ``CrmError`` subclasses on failure.

    A file that cannot be written (or whose folder cannot hold the -wal file) is
    opened read-only: reads work, writes raise ``DatabaseReadOnly``.
    """
    if location.is_default:
        create_default_folder(location)
    state = inspect_file(location.path, SCHEMA_VERSION, busy_timeout)
    if state.read_only and state.version != SCHEMA_VERSION:
        if not state.exists:
            raise read_only_error(location.path)
        raise DatabaseReadOnly(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is read-only, and this version must upgrade it first (schema {found} "
                "to {known}); make the file and its folder writable.",
            ),
            path=str(location.path),
            found=state.version,
            known=SCHEMA_VERSION,
        )
    if not state.exists and not state.read_only:
        # A new database holds personal data: its owner's only (SQLite gives the -wal
        # and -shm files the mode of the main file).
        with contextlib.suppress(FileExistsError):  # another process was first
            try:
                create_private_file(location.path)
            except OSError as error:
                if isinstance(error, FileExistsError):
                    raise
                raise DatabaseOpenError(
                    QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."),
                    path=str(location.path),
                    reason=error.strerror or str(error),
                ) from error
    elif state.version == 0 and not state.read_only:
        private_new_file(location.path)
    database = _connect(location, busy_timeout, read_only=state.read_only)
    try:
        with file_errors_as_crm_errors(location.path), busy_as_error():
            database.connect()
            if state.read_only:
                database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            else:
                _use_wal(database, busy_timeout)
            # An up-to-date file needs no write lock: readers must not queue behind writers.
            if state.version != SCHEMA_VERSION:
                _migrate(database, location, busy_timeout)
    except (pw.DatabaseError, CrmError) as error:
        database.close()
        if isinstance(error, CrmError):
            raise
        if state.read_only:
            raise DatabaseReadOnly(
                QT_TRANSLATE_NOOP(
                    "errors", "{path} is read-only and SQLite cannot read it so ({reason})."
                ),
                path=str(location.path),
                reason=str(error),
            ) from error
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."),
            path=str(location.path),
            reason=str(error),
        ) from error
    return SqliteStorage(database, location, busy_timeout, job_wait)


def _file_identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of ``path``; None when it is not there."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


# Text as str, whatever bytes a cell holds: invalid UTF-8 (written by another tool) reads
# with replacement characters instead of failing the whole query. A C-level call.
lenient_text = functools.partial(str, encoding="utf-8", errors="replace")


class _LenientSqliteDatabase(pw.SqliteDatabase):
    def _add_conn_hooks(self, conn: Any) -> None:
        super()._add_conn_hooks(conn)  # type: ignore[misc]  # peewee's, not in the stubs
        conn.text_factory = lenient_text


def _connect(
    location: DatabaseLocation, busy_timeout: float, *, read_only: bool
) -> pw.SqliteDatabase:
    # journal_mode is persistent in the file and set once, with retries (_use_wal).
    pragmas = [("foreign_keys", 1), ("synchronous", "normal"), ("cache_size", -32_000)]
    if read_only:
        uri = read_only_uri(location.path)
        return _LenientSqliteDatabase(uri, uri=True, timeout=busy_timeout, pragmas=pragmas)
    return _LenientSqliteDatabase(str(location.path), timeout=busy_timeout, pragmas=pragmas)


def _use_wal(database: pw.SqliteDatabase, busy_timeout: float) -> None:
    """Switch the file to WAL once. SQLite answers 'locked' at once, without waiting,
    when several processes switch a fresh file together, so retry until the timeout."""
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            if str(database.pragma("journal_mode")).lower() == "wal":
                return
            database.pragma("journal_mode", "wal")
        except pw.OperationalError as error:
            if not _is_busy(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def create_default_folder(location: DatabaseLocation) -> None:
    try:
        location.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "Cannot create the folder {folder}: {reason}."),
            folder=str(location.path.parent),
            reason=error.strerror or str(error),
        ) from error


def upgrade_copy(path: Path, busy_timeout: float) -> None:
    """Apply pending migrations to ``path``, a private copy nobody else has open (a
    backup being restored): no backup first, since the original stays as it was."""
    location = DatabaseLocation(path)
    database = _connect(location, busy_timeout, read_only=False)
    try:
        with file_errors_as_crm_errors(path), busy_as_error():
            database.connect()
            _migrate(database, location, busy_timeout, backup_first=False)
    finally:
        database.close()


def _migrate(
    database: pw.SqliteDatabase,
    location: DatabaseLocation,
    busy_timeout: float,
    *,
    backup_first: bool = True,
) -> None:
    """Apply pending migrations in one IMMEDIATE transaction, so that processes
    opening the same fresh or old file at once migrate it exactly once.

    Some SQLite schema changes rebuild a table; foreign keys are switched off
    for that (only possible outside a transaction, as SQLite documents) and
    every reference is checked before the transaction commits.
    """
    # Only when the schema changes: playhouse's migrator loads every backend's module,
    # and psycopg with them unless hidden (a quarter of a second on a first start).
    with postgresql_drivers_hidden():
        from playhouse.migrations import Runner  # type: ignore[import-untyped]  # no stubs

    runner = Runner(database, directory=str(MIGRATIONS_DIR))
    database.pragma("foreign_keys", 0)
    try:
        with database.atomic("IMMEDIATE"):
            unknown = [m.name for m in runner.status() if m.path is None]
            if unknown:
                raise DatabaseOpenError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{path} has migrations this version does not know ({names}); "
                        "update the program.",
                    ),
                    path=str(location.path),
                    names=", ".join(unknown),
                )
            pending = [m.name for m in runner.status() if not m.applied]
            if backup_first and pending and database.get_tables():
                # Under the write lock, so exactly one process backs up and migrates;
                # WAL lets the backup's own connection read meanwhile.
                _backup_before_migrating(location, busy_timeout)
            applied = runner.up()
            if applied:
                log.info("applied migrations to %s: %s", location.path, ", ".join(applied))
                broken = database.execute_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseOpenError(
                        QT_TRANSLATE_NOOP(
                            "errors", "Upgrading {path} would break references; nothing changed."
                        ),
                        path=str(location.path),
                    )
            if database.pragma("application_id") != APPLICATION_ID:
                database.pragma("application_id", APPLICATION_ID)
            if database.pragma("user_version") != SCHEMA_VERSION:
                database.pragma("user_version", SCHEMA_VERSION)
    finally:
        database.pragma("foreign_keys", 1)


def _backup_before_migrating(location: DatabaseLocation, busy_timeout: float) -> None:
    version = _stored_version(location.path)
    try:
        automatic_backup(location.path, version, busy_timeout, "before-upgrade")
    except CrmError as error:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} was not upgraded: the backup before the upgrade failed ({reason}). "
                "Nothing changed.",
            ),
            path=str(location.path),
            reason=str(error),
        ) from error


def _stored_version(path: Path) -> int:
    connection = sqlite3.connect(str(path))
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()
