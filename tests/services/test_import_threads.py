"""Two imports of the same content started in one process at once (a script using the
services from two threads) are two imports, as two processes' are: neither takes over
the other's record while it runs."""

from __future__ import annotations

import threading

import pytest

from desktop_crm.importing import open_table
from desktop_crm.services.dto.filters import ContactFilter
from desktop_crm.services.importer import ImportStatus

from .import_files import e164, many_rows, write_csv

ROWS = 30
BATCH = 5
WAIT = 60.0  # seconds; only a broken test ever waits this long


@pytest.fixture
def roomy(crm):
    crm.operators.create("Анна", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.imports.batch_rows = BATCH
    return crm


def test_two_threads_importing_one_file_are_two_imports(roomy, tmp_path):
    crm = roomy
    path = write_csv(tmp_path / "leads.csv", many_rows(ROWS))
    first_batch = threading.Event()
    go_on = threading.Event()
    results: dict[str, object] = {}

    def paused_after_the_first_batch(_progress: object) -> None:
        if not first_batch.is_set():
            first_batch.set()
            assert go_on.wait(WAIT)

    def first() -> None:
        try:
            results["first"] = crm.imports.run(
                open_table(path), progress=paused_after_the_first_batch
            )
        except BaseException as error:  # reported below, not lost in the thread
            results["first"] = error
        finally:
            crm.storage.close_thread_connection()

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert first_batch.wait(WAIT)
        # The first import holds its claim, stopped between two batches: this thread's
        # import of the same content must not resume (take over) its record.
        second = crm.imports.run(open_table(path))
    finally:
        go_on.set()
        thread.join(WAIT)
    assert not thread.is_alive()
    one = results["first"]
    assert not isinstance(one, BaseException), one
    assert not second.resumed
    assert second.record.id != one.record.id
    assert (second.imported, second.skipped) == (ROWS - BATCH, BATCH)
    assert (one.imported, one.skipped) == (BATCH, ROWS - BATCH)
    assert one.record.status == second.record.status == ImportStatus.DONE
    stored = [contact.lead.external_id for contact in crm.contacts.page(ContactFilter())]
    assert sorted(stored) == sorted(e164(n) for n in range(ROWS))  # each row once
