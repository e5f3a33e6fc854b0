"""A long job's batches (an import, the queue's drain, the timers) let SQLite's write log
grow longer before it is copied into the file: every checkpoint copies the pages that the
batches since the last one touched again and waits for the disk twice, and an import's
batches touch the same index pages over and over (docs/PERFORMANCE.md has the counts).
Single writers keep SQLite's default, so a bot's commit never meets a longer backlog than
one batch's."""

from __future__ import annotations

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.models import Operator
from desktop_crm.db.sqlite_storage import JOB_CHECKPOINT_PAGES
from desktop_crm.db.storage import open_storage

SQLITE_DEFAULT = 1000


def _autocheckpoint(storage) -> int:
    return int(storage.database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0])


def test_a_jobs_batch_checkpoints_less_often_and_puts_the_default_back(db_path):
    storage = open_storage(DatabaseLocation(db_path))
    try:
        assert _autocheckpoint(storage) == SQLITE_DEFAULT
        with storage.write_batch():
            Operator.create(name="Анна", max_load=3)
            assert _autocheckpoint(storage) == JOB_CHECKPOINT_PAGES
        assert _autocheckpoint(storage) == SQLITE_DEFAULT
        with pytest.raises(RuntimeError), storage.write_batch():
            raise RuntimeError("a batch that fails")
        assert _autocheckpoint(storage) == SQLITE_DEFAULT
        with storage.write():  # a single writer: SQLite's default
            assert _autocheckpoint(storage) == SQLITE_DEFAULT
    finally:
        storage.close()
