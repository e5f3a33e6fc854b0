"""Removing every old copy of erased data from the database file (SQLite-specific).

An UPDATE leaves the old values in free pages and free space inside pages, and
the WAL keeps old page images until a checkpoint. VACUUM rebuilds the file from
the live rows only, and a TRUNCATE checkpoint copies the result into the file
and empties the WAL. A PostgreSQL backend would need its own (VACUUM FULL).
"""

from __future__ import annotations

import logging

import peewee as pw

from desktop_crm.db.storage import Storage

log = logging.getLogger(__name__)


def scrub_file(storage: Storage) -> bool:
    """VACUUM and empty the WAL. False when another connection kept the file busy
    (a reader in a long transaction, a writer past the busy timeout): the old copies
    may still be in the file then and the caller should try again later."""
    database = storage.database
    if database.in_transaction():
        raise RuntimeError("scrub_file must run outside a transaction")
    try:
        database.execute_sql("VACUUM")
    except pw.OperationalError as error:
        log.warning("the database file could not be vacuumed now: %s", error)
        return False
    return checkpoint_wal(storage)


def checkpoint_wal(storage: Storage) -> bool:
    """Copy the WAL into the file and truncate it to nothing; False when another
    connection kept it busy."""
    try:
        busy, _log_frames, _done = storage.database.execute_sql(
            "PRAGMA wal_checkpoint(TRUNCATE)"
        ).fetchone()
    except pw.OperationalError as error:
        log.warning("the WAL could not be emptied now: %s", error)
        return False
    if busy:
        log.warning("the WAL could not be emptied now: another connection is reading")
        return False
    return True


def set_secure_delete(storage: Storage, on: bool) -> bool:
    """Switch SQLite's secure_delete for this thread's connection; return the old setting.
    With it on, deleted and overwritten content is zeroed when its page is written."""
    database = storage.database
    old = bool(database.execute_sql("PRAGMA secure_delete").fetchone()[0])
    database.execute_sql(f"PRAGMA secure_delete = {1 if on else 0}")
    return old
