"""Looking at an open database file from the same process must never drop the locks
its SQLite connections hold: on POSIX, closing any descriptor of a file releases every
fcntl lock the process has on it, and another process then takes the file for unused
(checkpoints and deletes the -wal under the open connection)."""

import sqlite3
import threading
from contextlib import closing

from desktop_crm.db.guard import inspect_file
from desktop_crm.db.storage import SCHEMA_VERSION
from desktop_crm.services import DatabaseLocation, maintenance, open_crm


def other_process_sees(path):
    """What another process sees, as a second process would look (a fresh connection
    in a child: locks are per process)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_names, (str(path),))


def _names(path):
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM operator")]


def test_a_quick_check_keeps_the_open_connections_locks(tmp_path):
    path = tmp_path / "crm.sqlite3"
    crm = open_crm(DatabaseLocation(path))
    try:
        crm.operators.create("Анна", max_load=5)
        wal = path.with_name(path.name + "-wal")
        assert wal.exists()
        checker = threading.Thread(
            target=lambda: maintenance.check_database(crm.location, quick=True)
        )
        checker.start()
        checker.join()
        inspect_file(path, SCHEMA_VERSION, 1.0)

        assert other_process_sees(path) == ["Анна"]
        # The other process closed its connection: had the locks gone, it would have
        # checkpointed and deleted the -wal the open connection still uses.
        assert wal.exists()
        crm.operators.create("Борис", max_load=5)
        assert other_process_sees(path) == ["Анна", "Борис"]
    finally:
        crm.close()


def open_descriptors() -> int:
    import os

    return len(os.listdir("/proc/self/fd"))


def test_closing_a_database_gives_its_kept_descriptor_back(tmp_path):
    """Kept descriptors last only while the database is open: a process that opens many
    files one after another (a test run, a dispatcher switching files) does not run out."""
    before = open_descriptors()
    for n in range(20):
        crm = open_crm(DatabaseLocation(tmp_path / f"crm{n}.sqlite3"))
        crm.operators.create("Анна", max_load=5)
        maintenance.check_database(crm.location, quick=True)
        crm.close()
    assert open_descriptors() <= before + 2
