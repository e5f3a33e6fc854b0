"""The PostgreSQL backend: a team's shared database on a server (psycopg 3 through peewee).

What differs from SQLite, and stays here:

- Writers are not serialised as a whole: ``write``/``write_batch`` are plain
  transactions (READ COMMITTED) with a lock timeout, and the distribution takes row
  locks on the operators it may load (``lock_operators``, in id order) before counting
  their loads. Writers on other sources do not wait for each other.
- Ids come from the tables' sequences (``reserve_ids``).
- A job claim is a session-level advisory lock: a killed process's connection ends
  and the server releases it.
- Migrations run in one transaction under a transaction-level advisory lock, so two
  clients opening a fresh database at once migrate it exactly once. The applied
  migrations are kept in the runner's ``schema_migration`` table. A database that has
  tables but no such history is someone else's and is refused, never modified.
- There is no backup before an upgrade (that is the file backend's): use pg_dump.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import peewee as pw
from playhouse.migrations import Runner  # type: ignore[import-untyped]  # no stubs for playhouse

from desktop_crm.db import load_postgresql_driver
from desktop_crm.db.location import DatabaseLocation, hide_password, url_for_role
from desktop_crm.db.pg_notify import ChangeListener, client_name, install_triggers
from desktop_crm.db.storage import (
    DEFAULT_BUSY_TIMEOUT,
    DEFAULT_JOB_WAIT,
    MIGRATIONS_DIR,
    SCHEMA_VERSION,
    Q,
    Storage,
    T,
    WaitAbandoned,
)
from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    ConnectionLost,
    CrmError,
    DatabaseBusy,
    DatabaseOpenError,
    DatabaseReadOnly,
    ServerUnreachable,
)

load_postgresql_driver()  # peewee was imported without it (db/__init__.py)

log = logging.getLogger(__name__)

# peewee's own translation of driver errors into peewee's (module-level in peewee).
_PEEWEE_ERRORS = pw.__exception_wrapper__  # type: ignore[attr-defined]  # not in the stubs
CONNECT_TIMEOUT = 10  # seconds; libpq waits for ever for a host that does not answer
HISTORY_TABLE = "schema_migration"  # playhouse.migrations.Runner's default
# pg_advisory_xact_lock(_MIGRATION_LOCK, 0) while migrating; job claims use
# (_JOB_LOCK, crc32(name)). Two-key advisory locks keep our space apart from others'.
_MIGRATION_LOCK = 0x43524D31  # "CRM1"
_JOB_LOCK = 0x43524D32  # "CRM2"

# SQLSTATE classes and codes (PostgreSQL appendix A).
LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout ran out
QUERY_CANCELED = "57014"
READ_ONLY_TRANSACTION = "25006"
INSUFFICIENT_PRIVILEGE = "42501"  # the role may not do this (e.g. GRANT SELECT only)
# Two writers met: a deadlock, a serialisation failure, or both creating the same row
# (a new lead, an idempotency key). Nothing was written; running the work again is safe.
_CONFLICTS = {"40P01", "40001", "23505"}
MAX_ATTEMPTS = 8


class WriteConflict(DatabaseBusy):
    """A write transaction met another writer and was rolled back; ``retrying`` re-runs
    it. Left over after every attempt, it is "busy: try again" to the user."""


class CommitUncertain(ConnectionLost):
    """The connection was lost while the server committed: the work may be stored or not.
    Never run again by ``retrying``; a request sent again with its idempotency key is
    stored once."""


_CONNECTION_CLASS = "08"
_SHUTDOWN_CODES = {"57P01", "57P02", "57P03"}  # admin shutdown, crash shutdown, cannot connect


def sqlstate_of(error: BaseException) -> str | None:
    """The SQLSTATE of a psycopg error, also when peewee wrapped it."""
    for candidate in (error, error.__cause__, error.__context__, *error.args[:1]):
        state = getattr(candidate, "sqlstate", None)
        if isinstance(state, str):
            return state
    return None


def safe_reason(error: BaseException, location: DatabaseLocation) -> str:
    """The first line of a server or libpq message, with no password in it (in any of
    the forms the URL may hold it: as typed, percent-decoded or percent-encoded)."""
    text = str(error.args[0] if isinstance(error, pw.PeeweeException) and error.args else error)
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    reason = lines[0] if lines else type(error).__name__
    return hide_password(reason, location.url).rstrip(".")


def _unreachable(location: DatabaseLocation, error: BaseException) -> CrmError:
    if _server_away(error):
        return ServerUnreachable(
            QT_TRANSLATE_NOOP(
                "errors",
                "Cannot reach {path}: {reason}; nothing was written. Try again once the "
                "server is up.",
            ),
            path=str(location),
            reason=safe_reason(error, location),
        )
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."),
        path=str(location),
        reason=safe_reason(error, location),
    )


# The server is shutting down, starting up, or has no room for another client.
_AWAY_STATES = frozenset({"57P01", "57P02", "57P03", "53300"})
# What libpq and the server say when it is not there now: nothing answers where it should
# be, it is starting, stopping or recovering, or every connection slot is taken (psycopg
# gives these no SQLSTATE at connect time). A wrong host name, a refused role or password
# and a missing database say otherwise.
_AWAY_WORDS = (
    "is the server running",
    "timeout expired",
    "server closed the connection",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is not yet accepting connections",
    "the database system is in recovery mode",
    "too many clients",
    "too many connections",
    "remaining connection slots are reserved",
)


def _server_away(error: BaseException) -> bool:
    """Whether connecting failed because the server is not there now (exit 3: try again),
    not because the address, the role or the database is wrong (exit 2)."""
    state = sqlstate_of(error)
    if state is not None:
        return state in _AWAY_STATES
    text = " ".join(str(part) for part in (error, error.__cause__, error.__context__) if part)
    return any(words in text.lower() for words in _AWAY_WORDS)


def _lost(location: DatabaseLocation, error: BaseException) -> CrmError:
    return ConnectionLost(
        QT_TRANSLATE_NOOP(
            "errors",
            "The connection to {path} was lost ({reason}); nothing was written. Try again.",
        ),
        path=str(location),
        reason=safe_reason(error, location),
    )


def _not_allowed(
    location: DatabaseLocation, error: BaseException, role: str, writing: bool | None
) -> CrmError:
    """The role may not do what it asked (``writing``: a change; False: a read; None: not
    known). A change names the role that may not write; a read says what to grant."""
    reason = safe_reason(error, location)
    if role and writing:
        return DatabaseReadOnly(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database role {role} may not write to {path} ({reason}); nothing was written.",
            ),
            role=role,
            path=str(location),
            reason=reason,
        )
    if role and writing is False:
        return DatabaseReadOnly(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database role {role} may not read {path} ({reason}). Its owner can "
                "allow it: GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
            ),
            role=role,
            path=str(location),
            reason=reason,
        )
    return DatabaseReadOnly(
        QT_TRANSLATE_NOOP("errors", "Permission denied on {path} ({reason}); nothing was written."),
        path=str(location),
        reason=reason,
    )


@contextmanager
def server_errors(
    location: DatabaseLocation, opened: bool = False, role: str = "", writing: bool | None = None
) -> Iterator[None]:
    """The server's errors that a user can act on, as ``CrmError``: a server that is down
    or went away, a lock wait that ran out, a read-only server, a role that may not do
    it. Passwords never show. ``opened``: the database was opened before, so a server
    that cannot be reached now went away (``ConnectionLost``: try again), not a wrong
    address. ``role`` (the connection's user) and ``writing`` (a change, a read, or not
    known: None) word a refused permission."""
    try:
        yield
    except (pw.DatabaseError, pw.InterfaceError) as error:
        state = sqlstate_of(error) or ""
        failure: CrmError
        if state in _CONFLICTS:
            log.info("a write met another writer (%s); it is run again", state)
            raise WriteConflict(
                QT_TRANSLATE_NOOP(
                    "errors", "The database stayed busy; nothing was written. Try again."
                )
            ) from error
        if state in (LOCK_NOT_AVAILABLE, QUERY_CANCELED):
            failure = DatabaseBusy(
                QT_TRANSLATE_NOOP(
                    "errors", "The database stayed busy; nothing was written. Try again."
                )
            )
        elif state == READ_ONLY_TRANSACTION:
            failure = DatabaseReadOnly(
                QT_TRANSLATE_NOOP("errors", "{path} is read-only; nothing was written."),
                path=str(location),
            )
        elif state == INSUFFICIENT_PRIVILEGE:
            failure = _not_allowed(location, error, role, writing)
        elif (
            state.startswith(_CONNECTION_CLASS)
            or state in _SHUTDOWN_CODES
            or isinstance(error, pw.InterfaceError)
            or (isinstance(error, pw.OperationalError) and not state)
        ):
            failure = _lost(location, error) if opened else _unreachable(location, error)
        else:
            raise
        log.error("%s", failure)
        raise failure from None


class _CancelWatch:
    """While a job's batch runs, asks ``stop`` every few hundredths of a second and, once
    it says so, asks the server to cancel the batch's statement (a wait for row locks
    that another client holds; the server answers with "canceling statement")."""

    _POLL = 0.05

    def __init__(self, connection: Any, stop: Callable[[], bool]) -> None:
        self._connection = connection
        self._stop = stop
        self._done = threading.Event()
        self.cancelled = False
        self._thread = threading.Thread(target=self._watch, name="batch-cancel", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(self._POLL):
            try:
                if not self._stop():
                    continue
            except Exception:  # a broken check must not kill the batch; it just waits
                log.exception("the job's cancel check failed")
                return
            self.cancelled = True
            # psycopg 3.2 has cancel_safe (no blocking on a lost server); older, cancel.
            cancel = getattr(self._connection, "cancel_safe", None) or self._connection.cancel
            with contextlib.suppress(Exception):  # the batch may have just ended
                cancel()
            return

    def finish(self) -> None:
        self._done.set()
        if self._thread is not threading.current_thread():
            self._thread.join()


class PostgresStorage(Storage):
    """A database on a PostgreSQL server. Each thread has its own connection."""

    database: pw.PostgresqlDatabase
    _listener: ChangeListener | None = None

    def __init__(
        self,
        database: pw.PostgresqlDatabase,
        location: DatabaseLocation,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        job_wait: float = DEFAULT_JOB_WAIT,
        role: str = "",
    ) -> None:
        super().__init__(database, location, busy_timeout, job_wait)
        self.role = role  # the user the server knows us as: its messages name it
        self._commits = threading.local()  # per thread: write transactions committed

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._transaction(self.busy_timeout):
            yield

    @contextmanager
    def read(self) -> Iterator[None]:
        """A snapshot for several queries. A connection the server closed since its last
        use (a restart, pg_terminate_backend) fails the BEGIN, before anything was read:
        the read then begins once more on a new connection, as ``retrying`` runs a write
        again (a server that stays away is ``ConnectionLost``). Inside a write transaction
        the read is a savepoint of it and never runs again on its own: the write's
        ``retrying`` runs all of it again."""
        # Only a connection that was open can have been closed by the server meanwhile;
        # a new one that cannot be opened is a server away now (no second wait for it).
        may_retry = self.database.transaction_depth() == 0 and not self.database.is_closed()
        transaction = self.database.atomic()
        try:
            with self.file_errors(writing=False):
                transaction.__enter__()
        except ConnectionLost:
            if not may_retry:
                raise
            log.info("the connection was lost before a read; reading on a new one")
            self.close_thread_connection()
            transaction = self.database.atomic()
            with self.file_errors(writing=False):
                transaction.__enter__()
        with self.file_errors(writing=False), contextlib.ExitStack() as stack:
            stack.push(transaction)  # its __exit__: COMMIT, or ROLLBACK after an error
            if self.database.transaction_depth() == 1:  # not a savepoint of a write
                # Behind another client's table lock (VACUUM FULL, a migration) a read
                # waits as long as a change does, then is busy (exit 3), never for ever.
                milliseconds = max(1, int(self.busy_timeout * 1000))
                self.database.execute_sql(f"SET LOCAL lock_timeout = {milliseconds}")
            yield

    @contextmanager
    def write_batch(self) -> Iterator[None]:
        """A job's batch; a cancelled job stops waiting for other clients' row locks at
        once (the server cancels the statement and the whole batch rolls back)."""
        stop = getattr(self._cancel, "check", None)
        if stop is None:
            with self._transaction(self.job_wait):
                yield
            return
        with self.file_errors():  # a new connection when the server closed the last one
            connection = self.database.connection()
        watch = _CancelWatch(connection, stop)
        try:
            with self._transaction(self.job_wait):
                try:
                    yield
                finally:
                    watch.finish()  # before the COMMIT: a commit is never cancelled
        except (DatabaseBusy, pw.DatabaseError) as error:
            if watch.cancelled:
                raise WaitAbandoned from error
            raise
        finally:
            watch.finish()

    @contextmanager
    def _transaction(self, wait: float) -> Iterator[None]:
        committing = False
        try:
            with self.file_errors(writing=True), self.database.atomic():
                if self.database.transaction_depth() == 1:  # not a savepoint
                    milliseconds = max(1, int(wait * 1000))
                    self.database.execute_sql(f"SET LOCAL lock_timeout = {milliseconds}")
                yield
                committing = self.database.transaction_depth() == 1
        except ConnectionLost as lost:
            if not committing:
                raise
            raise CommitUncertain(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The connection to {path} was lost during the commit ({reason}); it may "
                    "or may not have been written. Try again: a request sent again with "
                    "the same key is stored once.",
                ),
                path=str(self.location),
                reason=lost.params.get("reason", ""),
            ) from lost.__cause__
        if self.database.transaction_depth() == 0:
            self._commits.count = getattr(self._commits, "count", 0) + 1

    @contextmanager
    def file_errors(self, writing: bool | None = None) -> Iterator[None]:
        """``writing``: inside a write transaction (True) or a read (False): how a refused
        permission is worded (``server_errors``)."""
        try:
            with server_errors(self.location, opened=True, role=self.role, writing=writing):
                yield
        except CrmError:  # a connection the server closed: a new one at the next use
            conn = None if self.database.is_closed() else self.database.connection()
            if getattr(conn, "closed", False) and self.database.transaction_depth() == 0:
                self.database.close()
            raise

    def retrying(self, work: Callable[[], T]) -> T:
        if self.database.transaction_depth() > 0:
            return work()
        reconnected = False
        for attempt in range(1, MAX_ATTEMPTS + 1):
            committed = getattr(self._commits, "count", 0)
            try:
                return work()
            except CommitUncertain:
                raise
            except ConnectionLost:
                # A connection the server closed (a restart) before the commit: nothing
                # was written; once more on a fresh connection, unless part of the work
                # committed already.
                if reconnected or getattr(self._commits, "count", 0) != committed:
                    raise
                reconnected = True
                log.info("the connection was lost before the commit; running it again")
                self.close_thread_connection()
            except WriteConflict:
                # Once part of the work has committed, running it again would repeat that.
                if attempt == MAX_ATTEMPTS or getattr(self._commits, "count", 0) != committed:
                    raise
                time.sleep(random.uniform(0.0, 0.005 * 2 ** min(attempt, 6)))
        raise AssertionError("unreachable")

    def lock_operators(self, operator_ids: Sequence[int]) -> None:
        """Row locks on these operators, always in id order (no two writers can wait
        for each other in a circle), held until the transaction ends."""
        ids = sorted({int(i) for i in operator_ids})
        if not ids:
            return
        marks = ", ".join(["%s"] * len(ids))
        self.database.execute_sql(
            f'SELECT id FROM "operator" WHERE id IN ({marks}) ORDER BY id FOR UPDATE', ids
        ).fetchall()

    def locking(self, query: Q) -> Q:
        """``SELECT ... FOR UPDATE OF`` the query's own table (a row on the nullable side
        of an outer join cannot be locked): waits for a writer holding one of its rows,
        then reads, and filters by, the row as that writer left it."""
        return query.for_update(of=query.model)

    def scrub(self) -> bool:
        """VACUUM the tables an erasure changes: the server drops the old row versions
        (their space is reused; PostgreSQL does not zero it, and its WAL archive and
        backups keep what they kept). VACUUM leaves an emptied index page's bytes as
        they were, so the indexes that hold the erased text (``ERASED_INDEXES``) are
        rebuilt into new files, CONCURRENTLY: writers go on meanwhile. False when the
        server refused it now (the erasure tries again later)."""
        try:
            with self.file_errors():
                self.database.execute_sql(
                    'VACUUM "lead", "contact", "import_reject", "import_run", "audit_entry"'
                )
                self._reindex(ERASED_INDEXES)
        except (pw.DatabaseError, DatabaseBusy) as error:
            log.warning("the erased rows' old versions were not vacuumed now: %s", error)
            return False
        return True

    def _reindex(self, indexes: Sequence[str]) -> None:
        """Each index rebuilt into a new file and the old one removed. A rebuild that
        fails leaves an invalid ``<name>_ccnew`` index behind (PostgreSQL's doc): dropped."""
        milliseconds = max(1, int(self.busy_timeout * 1000))
        self.database.execute_sql(f"SET lock_timeout = {milliseconds}")
        try:
            for index in indexes:
                try:
                    self.database.execute_sql(f'REINDEX INDEX CONCURRENTLY "{index}"')
                except pw.DatabaseError:
                    with contextlib.suppress(pw.DatabaseError, pw.InterfaceError):
                        self.database.execute_sql(
                            f'DROP INDEX CONCURRENTLY IF EXISTS "{index}_ccnew"'
                        )
                    raise
        finally:
            with contextlib.suppress(pw.DatabaseError, pw.InterfaceError):
                self.database.execute_sql("RESET lock_timeout")

    def insert_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """As peewee's own queries: psycopg's errors as peewee's (``server_errors``).
        Many rows of a plain INSERT go by ``COPY`` (a stream the server stores as it
        reads, not a statement per row); an upsert, or a few rows, ``executemany``."""
        with _PEEWEE_ERRORS:
            parts = _copy_of(sql)
            if parts is None or len(rows) < _COPY_ROWS:
                super().insert_many(sql, rows)
                return
            with self.database.cursor().copy(parts) as copy:
                for row in rows:
                    copy.write_row(row)

    def reserve_ids(self, model: type[pw.Model], count: int) -> list[int]:
        """Drawn from the table's sequence: never handed out twice, whatever runs at
        once (a rolled-back transaction leaves a gap, as PostgreSQL always does)."""
        if count <= 0:
            return []
        table = model._meta.table_name
        rows = self.database.execute_sql(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            (f'"{table}"', count),
        ).fetchall()
        return sorted(int(row[0]) for row in rows)

    @contextmanager
    def process_claim(self, name: str) -> Iterator[bool]:
        """A session-level advisory lock on this thread's connection: the server drops it
        when the connection ends, also when the process is killed."""
        key = zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF
        with self.file_errors():
            row = self.database.execute_sql(
                "SELECT pg_try_advisory_lock(%s, %s)", (_JOB_LOCK, key)
            ).fetchone()
        if not row[0]:
            yield False
            return
        try:
            yield True
        finally:
            with contextlib.suppress(pw.DatabaseError, pw.InterfaceError):
                self.database.execute_sql("SELECT pg_advisory_unlock(%s, %s)", (_JOB_LOCK, key))

    def data_version(self) -> int:
        """How many other clients' commits this client has heard of: LISTEN/NOTIFY on a
        connection of its own, opened at the first call (see ``pg_notify``)."""
        with self.file_errors():
            if self._listener is None:
                params = self.database.connect_params
                own = str(params.get("application_name", ""))
                extra = {"application_name": f"{own} listener"[:63]}
                if "connect_timeout" in params:  # else the URL says
                    extra["connect_timeout"] = params["connect_timeout"]
                self._listener = ChangeListener(self.location.url, own, extra)
            return self._listener.version()

    def _release(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None


# The indexes whose entries hold what an erasure removes: the idempotency keys (a bot's
# often carry the phone), the lead's id and its folded name. Only these are rebuilt after
# an erasure; the others hold ids, times and flags.
ERASED_INDEXES = ("contact_idempotency_key", "lead_external_id", "lead_name_folded_id")

_COPY_ROWS = 100  # from this many rows on, COPY costs less than executemany


def _copy_of(sql: str) -> str | None:
    """A plain ``INSERT INTO t (columns) VALUES (%s, ...) [RETURNING ...]`` (as peewee
    builds it) as ``COPY t (columns) FROM STDIN``; None for anything else (an upsert)."""
    head, found, rest = sql.partition(" VALUES (")
    if not found or not head.startswith("INSERT INTO "):
        return None
    group, closed, tail = rest.partition(")")
    if not closed or (tail.strip() and not tail.strip().startswith("RETURNING ")):
        return None  # ON CONFLICT and the like
    if set(group.replace(" ", "").split(",")) != {"%s"}:
        return None
    return f"COPY {head.removeprefix('INSERT INTO ')} FROM STDIN"


def open_postgres(
    location: DatabaseLocation,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    job_wait: float = DEFAULT_JOB_WAIT,
) -> PostgresStorage:
    """Connect and apply pending migrations; ``CrmError`` subclasses on failure (the
    password masked)."""
    params: dict[str, str | int] = {"application_name": client_name()}
    if "connect_timeout" not in location.url:
        params["connect_timeout"] = CONNECT_TIMEOUT
    database = pw.PostgresqlDatabase(location.url, prefer_psycopg3=True, **params)  # type: ignore[arg-type]  # params go to psycopg.connect
    try:
        with server_errors(location):
            try:
                database.connect()
            except (pw.OperationalError, pw.ProgrammingError, pw.InterfaceError) as error:
                raise _unreachable(location, error) from None
            role = str(database.connection().info.user)
        # What follows reads, but for the migrations and triggers (they word their own).
        with server_errors(location, role=role, writing=False):
            _refuse_other_encoding(database, location)
            _migrate(database, location, role)
            install_triggers(database, f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK}, 0)")
    except BaseException:
        database.close()
        raise
    return PostgresStorage(database, location, busy_timeout, job_wait, role)


def _refuse_other_encoding(database: pw.PostgresqlDatabase, location: DatabaseLocation) -> None:
    """A database whose encoding is not UTF8 cannot store every name and message (LATIN1
    has no Cyrillic; SQL_ASCII stores bytes unchecked and hands back bytes): refused
    before anything is created or read in it."""
    row = database.execute_sql(
        "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    encoding = row[0] if row else None
    if isinstance(encoding, bytes):  # SQL_ASCII: psycopg does not decode at all
        encoding = encoding.decode("ascii", "replace")
    if encoding is None or str(encoding).upper() in ("UTF8", "UNICODE"):
        return
    raise DatabaseOpenError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} has the encoding {encoding}, not UTF8; it was left untouched. Create the "
            "database with CREATE DATABASE name ENCODING 'UTF8' TEMPLATE template0.",
        ),
        path=str(location),
        encoding=str(encoding),
    )


def _migrate(database: pw.PostgresqlDatabase, location: DatabaseLocation, role: str) -> None:
    """All pending migrations in one transaction under an advisory lock: whoever comes
    second waits, then finds nothing to do. A role that may not create or change the
    tables is told who may and how (``_not_migrated``); nothing is written."""
    runner = Runner(database, directory=str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)
    if _up_to_date(runner):  # no lock for the common case
        return
    try:
        _apply(database, location, runner)
    except pw.DatabaseError as error:
        # No right to create or alter the tables, or a role whose transactions are all
        # read-only (default_transaction_read_only).
        if sqlstate_of(error) not in (INSUFFICIENT_PRIVILEGE, READ_ONLY_TRANSACTION):
            raise
        raise _not_migrated(database, location, runner, role, error) from None


def _apply(database: pw.PostgresqlDatabase, location: DatabaseLocation, runner: Runner) -> None:
    with database.atomic():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s, 0)", (_MIGRATION_LOCK,))
        tables = set(database.get_tables())
        if tables and HISTORY_TABLE not in tables:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path} is a PostgreSQL database of another program; it was left untouched.",
                ),
                path=str(location),
            )
        status = runner.status()
        unknown = [m.name for m in status if m.path is None]
        if unknown:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path} has migrations this version does not know ({names}); "
                    "update the program.",
                ),
                path=str(location),
                names=", ".join(unknown),
            )
        applied = runner.up()
        if applied:
            log.info("applied migrations to %s: %s", location, ", ".join(applied))


def _not_migrated(
    database: pw.PostgresqlDatabase,
    location: DatabaseLocation,
    runner: Runner,
    role: str,
    error: BaseException,
) -> CrmError:
    """An empty database or an older schema that ``role`` may not create or upgrade: the
    role that can (the database's owner, or the owner of the tables) and the command it
    runs once to do it (any command opens, and so creates or upgrades, the database)."""
    applied = sum(1 for m in runner.status() if m.applied)
    if applied == 0:
        owner_sql = (
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
        )
    else:
        owner_sql = (
            "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
            f"AND tablename = '{HISTORY_TABLE}'"
        )
    row = database.execute_sql(owner_sql).fetchone()
    owner = str(row[0]) if row and row[0] else "postgres"
    command = f"desktop-crm --db {url_for_role(location.url, owner)} settings"
    reason = safe_reason(error, location)
    if applied == 0:
        return DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} has no tables yet, and the database role {role} may not create them "
                "({reason}); nothing was written. Its owner {owner} creates them by running "
                "once: {command}",
            ),
            path=str(location),
            role=role,
            reason=reason,
            owner=owner,
            command=command,
        )
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} has schema version {version}; this version needs {needed}, and the "
            "database role {role} may not upgrade it ({reason}); nothing was written. Its "
            "owner {owner} upgrades it by running once: {command}",
        ),
        path=str(location),
        version=applied,
        needed=SCHEMA_VERSION,
        role=role,
        reason=reason,
        owner=owner,
        command=command,
    )


def _up_to_date(runner: Runner) -> bool:
    status = runner.status()
    return bool(status) and all(m.applied and m.path is not None for m in status)
