"""Live refresh across machines on PostgreSQL: triggers that ``NOTIFY`` and a listener.

Every data table has a statement-level trigger that sends ``NOTIFY crm_changed`` with
the writer's ``application_name`` as payload. A notification is delivered when the
transaction commits (never for a rollback), once per distinct payload per transaction,
so a 100,000-row import sends one per batch, not one per row.

``ChangeListener`` is one extra connection per window (CLI commands never open it) that
``LISTEN``s; ``PostgresStorage.data_version`` asks it, without blocking, how many other
clients' commits it has heard of. The window's bridge polls that number as it polls
SQLite's ``PRAGMA data_version``. A client's own commits carry its own name and are not
counted: the services already announce them inside the process.
"""

from __future__ import annotations

import logging
import secrets
import threading
from typing import Any

import peewee as pw

log = logging.getLogger(__name__)

CHANNEL = "crm_changed"
TRIGGER = "crm_changed"
FUNCTION = "crm_notify_changed"
APPLICATION = "desktop-crm"
_NOT_WATCHED = ("schema_migration",)
# Turns a driver error into peewee's, so that the backend's error handling applies.
_WRAP_ERRORS = getattr(pw, "__exception_wrapper__")  # noqa: B009  # not in the stubs


def client_name() -> str:
    """This client's ``application_name``: the payload of its own notifications."""
    return f"{APPLICATION} {secrets.token_hex(6)}"


_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', current_setting('application_name'));
    RETURN NULL;
END
$$"""

_UNWATCHED_TABLES_SQL = f"""
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'r'
  AND c.relname NOT IN ({", ".join(f"'{t}'" for t in _NOT_WATCHED)})
  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = '{TRIGGER}')
ORDER BY c.relname"""


def unwatched_tables(database: pw.Database) -> list[str]:
    return [row[0] for row in database.execute_sql(_UNWATCHED_TABLES_SQL).fetchall()]


def install_triggers(database: pw.Database, lock_sql: str) -> None:
    """Give every table (also one a later migration adds) its trigger. A cheap check when
    all have one; otherwise, under ``lock_sql`` (the migrations' advisory lock), create
    the missing ones in one transaction."""
    if not unwatched_tables(database):
        return
    try:
        _create_triggers(database, lock_sql)
    except pw.DatabaseError as error:
        # A user who may not create triggers (or a read-only standby) still works; its
        # windows then learn of other clients' changes only from their own refreshes.
        if _sqlstate(error) not in _NO_RIGHT:
            raise
        log.warning("no change notification on this database: %s", error)


_NO_RIGHT = ("42501", "25006")  # insufficient_privilege, read_only_sql_transaction


def _sqlstate(error: BaseException) -> str | None:
    """The driver's SQLSTATE behind peewee's error (which keeps it as the context)."""
    for candidate in (error, error.__cause__, error.__context__, *error.args[:1]):
        state = getattr(candidate, "sqlstate", None)
        if isinstance(state, str):
            return state
    return None


def _create_triggers(database: pw.Database, lock_sql: str) -> None:
    with database.atomic():
        database.execute_sql(lock_sql)
        missing = unwatched_tables(database)  # again, under the lock
        if not missing:
            return
        database.execute_sql(_FUNCTION_SQL)
        for table in missing:
            database.execute_sql(
                f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()'
            )
        log.info("change notification on %s", ", ".join(missing))


class ChangeListener:
    """``LISTEN crm_changed`` on a connection of its own; ``version()`` counts the other
    clients' commits heard so far, never waiting. A lost connection is opened again at the
    next call, and the count moves then (something may have been missed meanwhile)."""

    def __init__(self, url: str, own_name: str, connect_args: dict[str, Any]) -> None:
        self._url = url
        self._own = own_name
        self._connect_args = connect_args
        self._connection: Any = None
        self._count = 0
        self._lock = threading.Lock()

    def version(self) -> int:
        """Raises peewee's errors (the caller turns them into ``CrmError``)."""
        with self._lock, _WRAP_ERRORS:
            if self._connection is None or self._connection.closed:
                self._connect()
            try:
                for notify in self._connection.notifies(timeout=0):
                    if notify.payload != self._own:
                        self._count += 1
            except Exception:
                self._drop()
                raise
            return self._count

    def _connect(self) -> None:
        import psycopg

        was_open = self._connection is not None
        connection = psycopg.connect(self._url, autocommit=True, **self._connect_args)
        try:
            connection.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        if was_open:
            self._count += 1  # what happened while we were not listening is unknown

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # closing a broken connection
                log.debug("closing the listener failed", exc_info=True)

    def close(self) -> None:
        with self._lock:
            self._drop()
            self._connection = None
