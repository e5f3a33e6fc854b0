"""Long jobs (an import, draining the queue) and the write lock: they wait for it between
batches, leave it free for other writers, and stop part-way honestly."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import DatabaseBusy, StoppedPartWay
from desktop_crm.importing import open_table
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.importer import ImportStatus, ImportSummary
from desktop_crm.services.queue import DrainResult
from tests.cli.helpers import LockAfterFirstBatch, hold_lock, snapshot
from tests.processes import run_together

from .import_files import e164, many_rows, pin_batch_rows, stored, write_csv

WRITERS = 4
# Below the CLI's 5 s, and with room for a loaded machine (the suite runs one process per
# core): one batch may take over a second there. That writers really get in between
# batches is what assert_interleaved checks.
WRITER_BUSY_TIMEOUT = 3.0


def sql(path: Path, query: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def assert_interleaved(path: Path, job: str) -> None:
    """The writers' contacts went in between the job's batches, not only before or after."""
    job_ids = "SELECT id FROM decision WHERE " + (
        "kind = 'redistribution'"
        if job == "redistribution"
        else "contact_id IN (SELECT id FROM contact WHERE message != 'hi')"
    )
    ((first, last),) = sql(path, f"SELECT min(id), max(id) FROM ({job_ids})")
    writers = (
        "SELECT d.id FROM decision d JOIN contact c ON c.id = d.contact_id WHERE c.message = 'hi'"
    )
    ((inside,),) = sql(
        path, f"SELECT count(*) FROM ({writers}) WHERE id BETWEEN {first} AND {last}"
    )
    assert inside >= WRITERS * 3


def _setup(path: Path, queued: int) -> None:
    """«Сайт» (site): Анна, room for everything but full now, with ``queued`` contacts
    waiting; «Бот» (bot): Борис, with room for any number of new contacts."""
    crm = open_crm(DatabaseLocation(path), random.Random(1).randint)
    crm.operators.create("Анна", max_load=0)
    crm.operators.create("Борис", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.set_weights("bot", {"Борис": 1})
    if queued:
        csv_path = write_csv(path.with_name("queue.csv"), many_rows(queued))
        crm.imports.run(open_table(csv_path))
        crm.queue.set_auto(False)  # the job below drains, not the limit change
        crm.operators.update("Анна", max_load=queued)
    crm.close()


def _long_job(path, kind, file, done_flag, barrier, results):
    try:
        crm = open_crm(DatabaseLocation(path), random.Random(2).randint)
    except Exception as error:  # reported, so a failure is not a silent wait
        results.put(repr(error))
        raise
    barrier.wait()
    started = time.monotonic()
    try:
        if kind == "drain":
            done = crm.queue.drain().assigned
        else:
            done = crm.imports.run(open_table(Path(file))).record.imported
        results.put(("job", done, time.monotonic() - started))
    except Exception as error:
        results.put(repr(error))
        raise
    finally:
        Path(done_flag).touch()
        crm.close()


def _writer(path, worker, done_flag, barrier, results):
    """`contact add` over and over while the job runs: counts the ones that gave up."""
    try:
        crm = open_crm(
            DatabaseLocation(path), random.Random(worker).randint, busy_timeout=WRITER_BUSY_TIMEOUT
        )
    except Exception as error:
        results.put(repr(error))
        raise
    barrier.wait()
    added = busy = 0
    longest = 0.0
    flag = Path(done_flag)
    while not flag.exists():
        request = ContactRequest(f"writer-{worker}-{added + busy}", "bot", message="hi")
        started = time.monotonic()
        try:
            crm.contacts.register(request)
            added += 1
        except DatabaseBusy:
            busy += 1
        longest = max(longest, time.monotonic() - started)
        time.sleep(random.uniform(0.0, 0.05))
    crm.close()
    results.put(("writer", added, busy, longest))


def _race(path: Path, kind: str, file: Path | None) -> tuple[int, float, list[tuple]]:
    done_flag = path.with_name("job.done")

    def args(n: int) -> tuple:
        if n == 0:
            return (path, kind, str(file), str(done_flag))
        return (path, n, str(done_flag))

    reports = run_together(_dispatch, lambda n: (n, *args(n)), WRITERS + 1)
    assert all(isinstance(r, tuple) for r in reports), reports
    (job,) = [r for r in reports if r[0] == "job"]
    writers = [r for r in reports if r[0] == "writer"]
    return job[1], job[2], writers


def _dispatch(n, *rest):
    if n == 0:
        _long_job(*rest)
    else:
        _writer(*rest)


@pytest.mark.slow
def test_writers_get_their_turn_during_a_long_drain(tmp_path):
    path = tmp_path / "shared.sqlite3"
    queued = 5_000
    _setup(path, queued)

    assigned, _seconds, writers = _race(path, "drain", None)

    assert assigned == queued
    added = sum(w[1] for w in writers)
    assert [w[2] for w in writers] == [0] * WRITERS, writers  # nobody gave up (exit 3)
    assert_interleaved(path, "redistribution")
    assert sql(path, "SELECT count(*) FROM contact WHERE source_id = 2") == [(added,)]
    assert sql(path, "SELECT count(*) FROM contact WHERE operator_id = 1") == [(queued,)]


@pytest.mark.slow
def test_writers_get_their_turn_during_a_long_import(tmp_path):
    path = tmp_path / "shared.sqlite3"
    _setup(path, 0)
    rows = 20_000
    file = write_csv(tmp_path / "big.csv", many_rows(rows, source="bot"))

    imported, _seconds, writers = _race(path, "import", file)

    assert imported == rows
    assert [w[2] for w in writers] == [0] * WRITERS, writers
    added = sum(w[1] for w in writers)
    assert_interleaved(path, "import")
    assert sql(path, "SELECT count(*) FROM contact") == [(rows + added,)]


# -- waiting for the lock, and stopping part-way ----------------------------------------------
@pytest.fixture
def queue_db(tmp_path):
    path = tmp_path / "crm.sqlite3"
    _setup(path, 30)
    return path


def test_a_drain_waits_for_the_lock_longer_than_the_busy_timeout(queue_db):
    crm = open_crm(DatabaseLocation(queue_db), busy_timeout=0.1, job_wait=10)
    try:
        holder = hold_lock(queue_db, 0.6)
        started = time.monotonic()
        result = crm.queue.drain(batch_size=7)
        holder.join()
        assert time.monotonic() - started >= 0.5
        assert result.assigned == 30 and not result.cancelled
    finally:
        crm.close()


def test_a_drain_busy_past_the_wait_stops_part_way_and_a_rerun_finishes(queue_db):
    crm = open_crm(DatabaseLocation(queue_db), busy_timeout=0.1, job_wait=0.3)
    lock = LockAfterFirstBatch(queue_db)
    crm.events.subscribe(lock)
    try:
        with pytest.raises(StoppedPartWay) as caught:
            crm.queue.drain(batch_size=7)
        lock.release()
        stop = caught.value
        assert stop.exit_code == 4
        assert isinstance(stop.cause, DatabaseBusy)
        assert stop.result == DrainResult(7, 1, cancelled=True)
        assert stop.committed == 7
        assert "stopped part-way (contacts assigned: 7; they stay)" in str(stop)
        assigned = sql(queue_db, "SELECT count(*) FROM contact WHERE operator_id IS NOT NULL")
        assert assigned == [(7,)]
        assert crm.queue.drain(batch_size=7).assigned == 23
    finally:
        lock.release()
        crm.close()


def test_a_drain_busy_before_its_first_batch_writes_nothing(queue_db):
    crm = open_crm(DatabaseLocation(queue_db), busy_timeout=0.1, job_wait=0.3)
    try:
        before = snapshot(queue_db)
        holder = hold_lock(queue_db, 1.0)
        with pytest.raises(DatabaseBusy):
            crm.queue.drain(batch_size=7)
        holder.join()
        assert snapshot(queue_db) == before
    finally:
        crm.close()


def test_ctrl_c_after_a_batch_of_a_drain_stops_part_way(queue_db):
    crm = open_crm(DatabaseLocation(queue_db), busy_timeout=0.1)

    def interrupt(_progress) -> None:
        raise KeyboardInterrupt

    try:
        with pytest.raises(StoppedPartWay) as caught:
            crm.queue.drain(batch_size=7, progress=interrupt)
        assert isinstance(caught.value.cause, KeyboardInterrupt)
        assert caught.value.committed == 7
    finally:
        crm.close()


@pytest.fixture
def import_db(tmp_path):
    path = tmp_path / "crm.sqlite3"
    _setup(path, 0)
    return path


def test_an_import_busy_past_the_wait_stops_part_way_and_a_rerun_resumes(
    import_db, tmp_path, monkeypatch
):
    pin_batch_rows(7, monkeypatch.setattr)
    file = write_csv(tmp_path / "leads.csv", many_rows(30, source="bot"))
    crm = open_crm(DatabaseLocation(import_db), busy_timeout=0.1, job_wait=0.3)
    lock = LockAfterFirstBatch(import_db)
    crm.events.subscribe(lock)
    try:
        with pytest.raises(StoppedPartWay) as caught:
            crm.imports.run(open_table(file))
        lock.release()
        stop = caught.value
        assert isinstance(stop.cause, DatabaseBusy) and stop.committed == 7
        summary = stop.result
        assert isinstance(summary, ImportSummary)
        assert (summary.record.rows_done, summary.record.imported) == (7, 7)
        assert summary.record.status == ImportStatus.RUNNING  # resumable
        assert "The import stopped part-way (rows committed: 7; they stay)" in str(stop)
        assert len(stored(import_db)) == 7

        resumed = crm.imports.run(open_table(file))
        assert resumed.resumed and resumed.record.status == ImportStatus.DONE
        assert resumed.record.imported == 30
        assert Counter(s.external_id for s in stored(import_db)) == Counter(map(e164, range(30)))
    finally:
        lock.release()
        crm.close()


def test_an_import_busy_before_its_first_row_raises_busy(import_db, tmp_path, monkeypatch):
    pin_batch_rows(7, monkeypatch.setattr)
    file = write_csv(tmp_path / "leads.csv", many_rows(30, source="bot"))
    crm = open_crm(DatabaseLocation(import_db), busy_timeout=0.1, job_wait=0.3)
    try:
        before = snapshot(import_db)
        holder = hold_lock(import_db, 1.0)
        with pytest.raises(DatabaseBusy):
            crm.imports.run(open_table(file))
        holder.join()
        assert snapshot(import_db) == before
    finally:
        crm.close()


def test_an_error_after_some_batches_stops_an_import_part_way(import_db, tmp_path, monkeypatch):
    pin_batch_rows(7, monkeypatch.setattr)
    file = write_csv(tmp_path / "leads.csv", many_rows(30, source="bot"))
    crm = open_crm(DatabaseLocation(import_db))
    calls = []

    def progress(_progress) -> None:
        calls.append(None)
        if len(calls) == 2:
            raise RuntimeError("a bug")

    try:
        with pytest.raises(StoppedPartWay) as caught:
            crm.imports.run(open_table(file), progress=progress)
        assert isinstance(caught.value.cause, RuntimeError)
        assert caught.value.committed == 14
        assert "An internal error stopped it." in str(caught.value)
    finally:
        crm.close()


# -- two imports of the same file at once ---------------------------------------------------------
def _import_worker(path, file, worker, barrier, results):
    try:
        crm = open_crm(DatabaseLocation(path), random.Random(worker).randint)
    except Exception as error:
        results.put(repr(error))
        raise
    barrier.wait()
    if worker == 1:  # starts once the first one has committed a batch: it finds it running
        deadline = time.monotonic() + 60
        while not sql(path, "SELECT 1 FROM import_run WHERE rows_done > 0"):
            assert time.monotonic() < deadline
            time.sleep(0.01)
    try:
        summary = crm.imports.run(open_table(Path(file)))
        record = summary.record
        results.put(
            (summary.rows, record.imported, record.skipped, record.rejected, summary.resumed)
        )
    except Exception as error:
        results.put(repr(error))
        raise
    finally:
        crm.close()


@pytest.mark.slow
def test_two_imports_of_one_file_at_once_count_what_each_did(tmp_path):
    path = tmp_path / "shared.sqlite3"
    _setup(path, 0)
    rows = 12_000
    file = write_csv(tmp_path / "big.csv", many_rows(rows, source="bot", no_id_every=1_000))

    reports = run_together(_import_worker, lambda n: (path, str(file), n), 2)

    assert all(isinstance(r, tuple) for r in reports), reports
    for read, imported, skipped, rejected, resumed in reports:
        # Each reports the whole file as it read it: what it stored, what was already
        # there (stored by the other one first), what it refused.
        assert read == rows == imported + skipped + rejected, reports
        assert rejected == rows // 1_000
        assert not resumed  # the second one did not take over the first one's import
    assert sum(r[1] for r in reports) == rows - rows // 1_000
    assert sum(r[2] for r in reports) == rows - rows // 1_000
    valid = [n for n in range(rows) if (n + 1) % 1_000]
    assert Counter(s.external_id for s in stored(path)) == Counter(map(e164, valid))
    assert sql(path, "SELECT count(*), min(status), max(status) FROM import_run") == [
        (2, "done", "done")
    ]


@pytest.mark.parametrize("kind", ["folder", "symlink"])
def test_a_strange_jobs_file_beside_the_database_does_not_stop_an_import(
    import_db, tmp_path, monkeypatch, kind
):
    pin_batch_rows(7, monkeypatch.setattr)
    jobs = Path(f"{import_db}-jobs")
    target = tmp_path / "elsewhere"
    if kind == "folder":
        jobs.mkdir()
    else:
        jobs.symlink_to(target)
    file = write_csv(tmp_path / "leads.csv", many_rows(30, source="bot"))
    crm = open_crm(DatabaseLocation(import_db))
    try:
        assert crm.imports.run(open_table(file)).record.imported == 30
    finally:
        crm.close()
    assert not target.exists()  # a link is not followed


def test_writes_leave_the_connections_own_busy_timeout_for_readers(import_db):
    crm = open_crm(DatabaseLocation(import_db), busy_timeout=0.5)
    try:
        crm.operators.create("Вера")
        holder = hold_lock(import_db, 1.0)
        with pytest.raises(DatabaseBusy):  # a wait that fails restores it too
            crm.operators.create("Глеб")
        holder.join()
        assert crm.storage.database.execute_sql("PRAGMA busy_timeout").fetchone() == (500,)
    finally:
        crm.close()


def cancel_after_seconds(seconds: float):
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() >= deadline


def test_cancel_is_heard_while_a_drain_waits_for_the_lock(queue_db):
    crm = open_crm(DatabaseLocation(queue_db), busy_timeout=0.1, job_wait=30)
    try:
        before = snapshot(queue_db)
        holder = hold_lock(queue_db, 2.0)
        started = time.monotonic()
        result = crm.queue.drain(batch_size=7, cancelled=cancel_after_seconds(0.3))
        waited = time.monotonic() - started
        holder.join()
        assert result == DrainResult(0, 0, cancelled=True)
        assert waited < 1.5  # not the lock holder's 2 s, let alone the 30 s wait
        assert snapshot(queue_db) == before
    finally:
        crm.close()


def test_cancel_is_heard_while_an_import_waits_for_the_lock(import_db, tmp_path, monkeypatch):
    pin_batch_rows(7, monkeypatch.setattr)
    file = write_csv(tmp_path / "leads.csv", many_rows(30, source="bot"))
    # The final "cancelled" mark waits the single-write timeout (2 s) for the lock.
    crm = open_crm(DatabaseLocation(import_db), busy_timeout=2, job_wait=30)
    lock = LockAfterFirstBatch(import_db)
    crm.events.subscribe(lock)
    cancel = threading.Event()

    def release_later() -> None:
        cancel.wait(timeout=10)  # bounded: a failing test must not hang
        time.sleep(0.5)
        lock.release()

    try:
        started = time.monotonic()
        asked_since_locked = 0

        def cancelled() -> bool:
            # Between batches the import asks once or twice; asked again and again, it
            # is waiting for the lock (the storage asks while it waits): cancel then.
            nonlocal asked_since_locked
            if lock.taken:
                asked_since_locked += 1
                if asked_since_locked >= 10:
                    cancel.set()
            return cancel.is_set()

        releaser = threading.Thread(target=release_later, daemon=True)
        releaser.start()
        summary = crm.imports.run(open_table(file), cancelled=cancelled)
        releaser.join()
        assert time.monotonic() - started < 5
        assert summary.cancelled and summary.record.status == ImportStatus.CANCELLED
        assert summary.record.rows_done == summary.record.imported == 7
        assert len(stored(import_db)) == 7
        resumed = crm.imports.run(open_table(file))
        assert resumed.resumed and resumed.record.imported == 30
    finally:
        lock.release()
        crm.close()


def test_one_contact_assigned_before_a_stop_reads_right(queue_db):
    """The count is worded so that it reads right for any number ("1 contacts" does
    not): the CLI prints this English text and has no plural forms."""
    crm = open_crm(DatabaseLocation(queue_db), busy_timeout=0.1)

    def interrupt(_progress) -> None:
        raise KeyboardInterrupt

    try:
        with pytest.raises(StoppedPartWay) as caught:
            crm.queue.drain(batch_size=1, progress=interrupt)
        assert caught.value.committed == 1
        assert "contacts assigned: 1" in str(caught.value)
        assert "1 contacts" not in str(caught.value)
    finally:
        crm.close()


def test_one_row_committed_before_a_stop_reads_right(import_db, tmp_path, monkeypatch):
    pin_batch_rows(1, monkeypatch.setattr)
    file = write_csv(tmp_path / "leads.csv", many_rows(5, source="bot"))
    crm = open_crm(DatabaseLocation(import_db), busy_timeout=0.1)

    def interrupt(_progress) -> None:
        raise KeyboardInterrupt

    try:
        with pytest.raises(StoppedPartWay) as caught:
            crm.imports.run(open_table(file), progress=interrupt)
        assert caught.value.committed == 1
        assert "rows committed: 1" in str(caught.value)
        assert "1 rows" not in str(caught.value)
    finally:
        crm.close()
