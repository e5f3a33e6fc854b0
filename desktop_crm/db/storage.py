"""The storage seam: an open database whatever the backend, and ``open_storage``.

``Storage`` is what services hold: transactions that serialise writers, job claims,
the few bulk helpers the hot paths need, ids and change detection. Each backend
keeps its specifics in its own module (``sqlite_storage``: BEGIN IMMEDIATE, the
file guard, backups; ``postgres_storage``: row and advisory locks, sequences).
Nothing above ``db/`` knows which backend it runs on.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import peewee as pw

from desktop_crm.db.location import POSTGRESQL, DatabaseLocation
from desktop_crm.db.models import database_proxy
from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseOpenError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DEFAULT_BUSY_TIMEOUT = 5.0
# A long job (an import, draining the queue) waits this long for the write lock before
# each batch: another process's long transaction must not stop it half-way.
DEFAULT_JOB_WAIT = 60.0
# After each batch a job pauses this long before asking for the lock again.
BATCH_PAUSE = 0.01
_IN_CHUNK = 500  # values per IN (...): well below every backend's parameter limit


T = TypeVar("T")
Q = TypeVar("Q", bound="pw.ModelSelect[Any]")


def known_migrations() -> list[str]:
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py"))


SCHEMA_VERSION = len(known_migrations())


class WaitAbandoned(Exception):
    """A cancelled job stopped waiting for the write lock; its batch wrote nothing."""


class Storage:
    """An open database. Connections are per thread (peewee's default), so a
    worker thread gets its own connection by simply using it.

    ``busy_timeout``: how long a single write waits for the lock (then ``DatabaseBusy``).
    ``job_wait``: how long each batch of a long job waits for it.

    The methods that raise ``NotImplementedError`` here are each backend's."""

    # True where ``write`` alone serialises every writer (SQLite's BEGIN IMMEDIATE):
    # ``lock_operators`` then waits for nobody, so what a write transaction read before
    # it is still what the rows say (a registration need not read its revision twice).
    one_writer_at_a_time: bool = False

    def __init__(
        self,
        database: pw.Database,
        location: DatabaseLocation,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        job_wait: float = DEFAULT_JOB_WAIT,
    ) -> None:
        self.database = database
        self.location = location
        self.busy_timeout = busy_timeout
        self.job_wait = job_wait
        self._cancel = threading.local()  # each thread's running job: its ``cancelled``

    # -- transactions ---------------------------------------------------------------------
    def write(self) -> contextlib.AbstractContextManager[None]:
        """A transaction that serialises the writers that must not overlap (waits up to
        the busy timeout, then ``DatabaseBusy``)."""
        raise NotImplementedError

    def write_batch(self) -> contextlib.AbstractContextManager[None]:
        """One batch of a long job: like ``write`` but waits up to ``job_wait``; gives up
        with ``WaitAbandoned`` when the job is cancelled meanwhile (see ``cancellable``)."""
        raise NotImplementedError

    @contextmanager
    def read(self) -> Iterator[None]:
        """A consistent snapshot for several queries."""
        with self.file_errors(), self.database.atomic():
            yield

    def file_errors(self) -> contextlib.AbstractContextManager[None]:
        """The backend's errors that a user can do something about, as ``CrmError``
        (a damaged or read-only file, a server that went away, a lock wait that ran out)."""
        raise NotImplementedError

    def refuse_if_damaged(self) -> None:
        """Raise ``DatabaseDamaged`` when damage was found earlier (SQLite's file)."""

    def refuse_if_replaced(self) -> None:
        """Raise ``DatabaseOpenError`` when the database's file was deleted or replaced
        since it was opened (SQLite's file; a server's database has none)."""

    def assert_sound(self) -> None:
        """Check the database before an operation that rewrites much of it."""

    def secure_delete(self, on: bool) -> bool:
        """Overwrite deleted content where the backend can (SQLite's secure_delete) for
        this thread's connection; returns the previous setting."""
        return False

    def scrub(self) -> bool:
        """Remove old copies of changed rows (an erasure's); False when another
        connection kept the database busy (the caller tries again later)."""
        raise NotImplementedError

    def checkpoint(self) -> bool:
        """Move what a write log holds into the database proper (SQLite's WAL); False
        when another connection kept it busy."""
        return True

    def retrying(self, work: Callable[[], T]) -> T:
        """Run ``work``: the whole of one write transaction's work, from ``write()`` to its
        end. A backend whose writers can meet in a deadlock or a race (two clients
        creating the same lead) re-runs it a few times, invisibly; inside another
        transaction it runs once (the outermost call re-runs everything)."""
        return work()

    def lock_operators(self, operator_ids: Sequence[int]) -> None:
        """Inside ``write``/``write_batch``: serialise with every other writer that adds
        load to these operators, before their loads are counted. A no-op where the
        write transaction already serialises all writers (SQLite)."""

    def locking(self, query: Q) -> Q:
        """Inside ``write``/``write_batch``: ``query`` with the rows it reads of its own
        table locked until the transaction ends, and read as they stand once any other
        writer holding them is done (a contact the timers are about to move, closed by
        hand meanwhile). Take operator locks before these. Lock a table alone: when
        the lock had to wait, the row's outer-joined rows read as missing. Unchanged
        where the write transaction already serialises all writers (SQLite)."""
        return query

    @contextmanager
    def cancellable(self, cancelled: Callable[[], bool]) -> Iterator[None]:
        """While the block runs, a ``write_batch`` of this thread that waits for the lock
        gives up with ``WaitAbandoned`` as soon as ``cancelled()`` says so (Cancel must
        not wait for another process's long transaction)."""
        previous = getattr(self._cancel, "check", None)
        self._cancel.check = cancelled
        try:
            yield
        finally:
            self._cancel.check = previous

    def pause_between_batches(self, already_free: float = 0.0) -> None:
        """Leave the lock free for a moment (BATCH_PAUSE in all, ``already_free`` seconds of
        it gone by since the last commit), so writers waiting in other processes get in."""
        time.sleep(max(0.0, BATCH_PAUSE - already_free))

    @contextmanager
    def job_claim(self, name: str) -> Iterator[bool]:
        """Claim the job ``name`` (e.g. an import's content hash) for as long as the block
        runs. Yields False while another live process, or another thread of this one,
        has claimed it; the claim goes when its process ends, even by kill -9.

        Within the process a table of the claims held excludes the other threads (the
        backend's lock may not: SQLite's POSIX locks belong to the whole process); the
        backend's ``process_claim`` excludes the other processes."""
        key = (self._claim_scope(), name)
        with _CLAIMS_LOCK:
            if key in _CLAIMS:
                taken = False
            else:
                _CLAIMS.add(key)
                taken = True
        if not taken:
            yield False
            return
        try:
            with self.process_claim(name) as claimed:
                yield claimed
        finally:
            with _CLAIMS_LOCK:
                _CLAIMS.discard(key)

    def process_claim(self, name: str) -> contextlib.AbstractContextManager[bool]:
        """The backend's claim of ``name`` against other processes (``job_claim``, which
        already holds it against this process's other threads)."""
        raise NotImplementedError

    def _claim_scope(self) -> str:
        """What tells this database from others in the process's table of claims."""
        return str(self.location)

    # -- bulk helpers and ids -------------------------------------------------------------
    def insert_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run a prepared INSERT (SQL built by peewee for this backend) for many rows.

        The importer's hot path: a peewee query per row costs several times more.
        """
        self.database.cursor().executemany(sql, rows)

    def select_in(
        self, model: type[pw.Model], columns: Sequence[str], key: str, values: Sequence[object]
    ) -> list[tuple[object, ...]]:
        """``SELECT columns FROM model WHERE key IN (values)``, chunked, with no per-value
        query building (peewee's costs more than the lookup itself in a 100k-row import)."""
        table = model._meta.table_name
        selected = ", ".join(f'"{c}"' for c in columns)
        param = self.database.param
        rows: list[tuple[object, ...]] = []
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start : start + _IN_CHUNK]
            marks = ", ".join([param] * len(chunk))
            sql = f'SELECT {selected} FROM "{table}" WHERE "{key}" IN ({marks})'
            rows.extend(self.database.execute_sql(sql, chunk).fetchall())
        return rows

    def reserve_ids(self, model: type[pw.Model], count: int) -> list[int]:
        """``count`` new ids for rows of ``model`` that the caller inserts with explicit
        ids in this write transaction."""
        raise NotImplementedError

    def next_id(self, model: type[pw.Model]) -> int:
        """One new id for ``model`` (see ``reserve_ids``)."""
        return self.reserve_ids(model, 1)[0]

    def data_version(self) -> int:
        """A number that changes when another connection commits (polled by the window)."""
        raise NotImplementedError

    def quiet_mark(self) -> object | None:
        """Inside a write transaction: a mark equal to the one taken in this connection's
        previous write transaction exactly when nothing was written since (by another
        connection, or by this one in another transaction),
        so what that transaction counted (loads, source ids) is still the truth; a long
        job's next batch need not count it again. None where the backend cannot tell at
        once (PostgreSQL's notifications arrive later): count again."""
        return None

    def write_mark(self) -> object | None:
        """Inside a write transaction, after its last write: a mark of the database as
        this connection leaves it (``unchanged_since`` compares it). None where the
        backend cannot tell at once (PostgreSQL's notifications arrive later)."""
        return None

    def unchanged_since(self, mark: object | None) -> bool:
        """Inside a write transaction (before it writes): whether the database is exactly
        as the write transaction that took ``mark`` left it: that transaction committed
        and was this connection's last one, no other connection has committed since and
        this connection has written nothing else (a close by hand, the timers). What that
        transaction counted is then still the truth. False for None, and always False
        where the backend cannot tell (``write_mark``)."""
        return False

    # -- connections ----------------------------------------------------------------------
    def close_thread_connection(self) -> None:
        """Close the calling thread's connection (workers call this when done)."""
        if not self.database.is_closed():
            self.database.close()

    def close(self) -> None:
        """Close this thread's connection and let another database be opened."""
        global _open_storage
        self.close_thread_connection()
        self._release()
        if _open_storage is self:
            _open_storage = None

    def _release(self) -> None:
        """What the backend keeps beside the connection (SQLite: lock files)."""


# The models are bound through one DatabaseProxy, so one database is open per process.
_open_storage: Storage | None = None
# The jobs claimed in this process ((database, job name), ``Storage.job_claim``): shared by
# every thread and every ``Storage`` of the process.
_CLAIMS: set[tuple[str, str]] = set()
_CLAIMS_LOCK = threading.Lock()


def open_storage(
    location: DatabaseLocation,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    job_wait: float = DEFAULT_JOB_WAIT,
) -> Storage:
    """Connect, apply pending migrations (exactly once, whoever opens at the same
    time); raise ``CrmError`` subclasses on failure.

    Refuses while another database is open in this process: the models would
    silently follow the newest one.
    """
    global _open_storage
    if _open_storage is not None:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{open} is still open in this program; close it before opening {path}.",
            ),
            open=str(_open_storage.location),
            path=str(location),
        )
    opened: Storage
    if location.kind == POSTGRESQL:
        from desktop_crm.db.postgres_storage import open_postgres

        opened = open_postgres(location, busy_timeout, job_wait)
    else:
        from desktop_crm.db.sqlite_storage import open_sqlite

        opened = open_sqlite(location, busy_timeout, job_wait)
    database_proxy.initialize(opened.database)
    _open_storage = opened
    return opened


def database_errors(location: DatabaseLocation) -> contextlib.AbstractContextManager[None]:
    """The backend's errors as ``CrmError`` around work on ``location`` done outside an
    open ``Storage`` (see ``Storage.file_errors``)."""
    if location.kind == POSTGRESQL:
        from desktop_crm.db.postgres_storage import server_errors

        return server_errors(location)
    from desktop_crm.db.sqlite_storage import file_errors_as_crm_errors

    return file_errors_as_crm_errors(location.path)
