"""ImportService: batches, rejected rows, exactly-once imports, cancel, kill and resume."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
from collections import Counter
from pathlib import Path

import pytest

from desktop_crm.csv_writer import safe_cell
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import CrmError, InvalidValue, NotFound
from desktop_crm.importing import (
    EmptyFile,
    NoIdColumn,
    NotATable,
    RejectsWriter,
    open_table,
)
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.services.events import Change
from desktop_crm.services.importer import ImportStatus

from .import_files import (
    HEADER,
    T0,
    assert_within_limits,
    e164,
    loads,
    local_time_zone,
    many_rows,
    phone,
    pin_batch_rows,
    record_lines,
    row,
    stored,
    when,
    write_csv,
    write_xlsx,
)

REPO = Path(__file__).resolve().parents[2]
BATCH = 7


@pytest.fixture
def site(crm):
    """Анна (limit 3) and Борис (limit 2) share «Сайт» (site) 1:1; «Telegram-бот»
    (tg) goes to Анна only; «WhatsApp» (wa) has nobody."""
    crm.operators.create("Анна", max_load=3)
    crm.operators.create("Борис", max_load=2)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Telegram-бот", code="tg")
    crm.sources.create("WhatsApp", code="wa")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    crm.sources.set_weights("tg", {"Анна": 1})
    return crm


@pytest.fixture
def roomy(crm):
    """One operator with room for everything on «Сайт» (site)."""
    crm.operators.create("Анна", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    return crm


@pytest.fixture
def small_batches(crm):
    crm.imports.batch_rows = BATCH
    return BATCH


def run(crm, path, **kwargs):
    return crm.imports.run(open_table(path), **kwargs)


def cancel_after(checks: int):
    """A ``cancelled`` callable that says yes on its ``checks``-th call."""
    calls = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) >= checks

    return cancelled


def assert_counts_add_up(summary) -> None:
    """For this run's counts and for the import's totals alike."""
    record = summary.record
    assert summary.rows == summary.imported + summary.skipped + summary.rejected_total
    assert summary.rejected_total == len(summary.rejected)
    assert summary.imported == summary.assigned + summary.unassigned
    assert record.rows_done >= record.imported + record.skipped + record.rejected
    assert record.imported == record.assigned + record.unassigned


def assert_each_once(db_path, leads) -> None:
    ids = [s.external_id for s in stored(db_path)]
    assert Counter(ids) == Counter(e164(n) for n in leads)


# -- rows, batches and the distributor ---------------------------------------------------------
def test_rows_are_registered_in_file_order_in_batches(roomy, db_path, tmp_path, small_batches):
    path = write_csv(tmp_path / "leads.csv", many_rows(20))
    seen = []
    in_database = []  # what another connection sees after each batch
    changes = []
    roomy.events.subscribe(changes.append)

    def progress(p):
        seen.append(p)
        in_database.append(len(stored(db_path)))

    summary = run(roomy, path, progress=progress)
    assert [p.rows for p in seen] == [7, 14, 20]
    assert [p.imported for p in seen] == in_database == [7, 14, 20]
    assert seen[-1].fraction == 1.0
    assert summary.record.status == ImportStatus.DONE
    assert (summary.record.rows_done, summary.record.imported, summary.rows) == (20, 20, 20)
    assert not (summary.resumed or summary.cancelled or summary.already_imported)
    assert [s.message for s in stored(db_path)] == [f"message {i}" for i in range(20)]
    assert_each_once(db_path, range(20))
    assert all(Change.IMPORTS in kinds for kinds in changes[-2:])


def _dispatcher(path: Path):
    """A fresh database with the same operators and weights and the same lottery seed."""
    crm = open_crm(DatabaseLocation(path), random.Random(5).randint)
    crm.operators.create("Анна", max_load=4)
    crm.operators.create("Борис", max_load=3)
    crm.operators.create("Вера", max_load=2)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 2, "Вера": 3})
    return crm


def test_import_decides_like_the_intake_form(tmp_path, monkeypatch):
    # One open database per process (a global peewee proxy): one after the other.
    pin_batch_rows(BATCH, monkeypatch.setattr)
    rows = many_rows(12)
    imported = _dispatcher(tmp_path / "imported.sqlite3")
    try:
        run(imported, write_csv(tmp_path / "leads.csv", rows))
    finally:
        imported.close()
    typed = _dispatcher(tmp_path / "typed.sqlite3")
    try:
        for cells in rows:
            typed.contacts.register(ContactRequest(cells[0], "site", cells[1], cells[3]))
    finally:
        typed.close()
    by_import = stored(tmp_path / "imported.sqlite3")
    by_form = stored(tmp_path / "typed.sqlite3")
    assert [(s.external_id, s.operator, s.reason) for s in by_import] == [
        (s.external_id, s.operator, s.reason) for s in by_form
    ]
    assert Counter(s.operator for s in by_import) == {"Анна": 4, "Борис": 3, "Вера": 2, None: 3}


def in_another_connection(crm, work) -> None:
    """Run ``work`` on a thread of its own: its own SQLite connection, as another window
    or process would write between two batches."""
    failures = []

    def target() -> None:
        try:
            work()
        except BaseException as error:  # re-raised in the test's thread
            failures.append(error)
        finally:
            crm.storage.database.close()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    if failures:
        raise failures[0]


def test_limits_hold_while_others_write_between_batches(site, db_path, tmp_path, small_batches):
    rows = [row(i, source="site" if i % 3 else "tg") for i in range(24)]
    path = write_csv(tmp_path / "leads.csv", rows)

    def take_one_free_one() -> None:
        site.contacts.register(ContactRequest("outsider", "site"))
        active = site.contacts.page(ContactFilter(state=ContactState.ACTIVE))
        site.contacts.close(next(c.id for c in active if c.operator and c.message))

    def meanwhile(progress):
        assert_within_limits(db_path)
        if progress.rows == BATCH:  # between the first two batches
            in_another_connection(site, take_one_free_one)

    summary = run(site, path, progress=meanwhile)
    assert_within_limits(db_path)
    everything = stored(db_path)
    outsider = next(s for s in everything if s.external_id == "outsider")
    imported = [s for s in everything if s is not outsider]
    assert len(imported) == summary.record.imported == 24
    assert summary.record.assigned == sum(1 for s in imported if s.operator)
    assert summary.record.unassigned == sum(1 for s in imported if s.operator is None)
    assert all(s.reason for s in imported if s.operator is None)
    # All 5 slots end up taken; the closed contact had one of them before.
    assert summary.record.assigned == 5 + 1 - (outsider.operator is not None)


def test_a_batch_counts_again_what_others_changed_since_the_last(crm, db_path, tmp_path):
    """A batch may start from the loads the previous one ended with only while nobody
    else committed: here another connection fills Анна's room, then frees some of it."""
    crm.operators.create("Анна", max_load=6)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.imports.batch_rows = 2
    path = write_csv(tmp_path / "leads.csv", [row(i) for i in range(8)])
    outsiders: list[int] = []

    def fill() -> None:  # 2 imported + 4 = 6: full
        for i in range(4):
            registered = crm.contacts.register(ContactRequest(f"outsider{i}", "site"))
            outsiders.append(registered.contact.id)

    def free_three() -> None:
        for contact_id in outsiders[:3]:
            crm.contacts.close(contact_id)

    def meanwhile(progress):
        assert_within_limits(db_path)
        if progress.rows == 2:
            in_another_connection(crm, fill)
        elif progress.rows == 4:
            in_another_connection(crm, free_three)

    summary = run(crm, path, progress=meanwhile)
    assert_within_limits(db_path)
    # Batch 1: 2 assigned; batch 2: nobody (full); of the 3 freed, the queue takes the
    # 2 of batch 2 at once and batch 3 the last one: Анна full again, nobody over.
    assert summary.record.assigned == 3
    assert loads(db_path)["Анна"] == (6, 6)


# -- rows that cannot be imported ----------------------------------------------------------------
def test_bad_rows_are_skipped_with_their_line_and_reason(site, db_path, tmp_path):
    rows = [
        row(0, message="Здравствуйте.\nПодскажите цену"),  # spans two lines
        ("", "Без телефона", "site", "нет id", when(1)),
        row(2, source="no-such-source"),
        ("1" * 256, "Длинный id", "site", "x", when(3)),
        (phone(4), "Я" * 501, "site", "x", when(4)),
        (phone(5), "Лид", "site", "ы" * 65_537, when(5)),
        (phone(6), "Лид", "site", "x", "31.02.2024"),
        (phone(7), "Лид", "", "x", when(7)),  # no source, none for the file
        ("", "", "", "", ""),  # blank record: neither imported nor reported
        row(9, source="Сайт"),
        row(10, source="tg"),
    ]
    path = write_csv(tmp_path / "leads.csv", rows)
    lines = record_lines(path)
    summary = run(site, path)
    assert (summary.record.imported, summary.record.skipped, summary.record.rejected) == (3, 0, 7)
    assert summary.rows == 10
    assert_counts_add_up(summary)
    rejected = {r.line: r.reason for r in summary.rejected}
    expected = {
        lines[2]: 'No lead id: the column "phone" is empty.',
        lines[3]: "No source 'no-such-source'.",
        lines[4]: 'The column "phone" is too long: 256 characters, at most 255.',
        lines[5]: 'The column "name" is too long: 501 characters, at most 500.',
        lines[6]: 'The column "message" is too long: 65537 characters, at most 65536.',
        lines[7]: 'Cannot read the date "31.02.2024" in the column "date".',
        lines[8]: "The row names no source.",
    }
    assert rejected == expected
    assert [r.line for r in summary.rejected] == sorted(expected)
    assert lines[:4] == [1, 2, 4, 5]  # the multi-line message moved every later line
    assert summary.rejected[0].cells == ("", "Без телефона", "site", "нет id", when(1))
    assert [s.external_id for s in stored(db_path)] == [e164(0), e164(9), e164(10)]
    assert stored(db_path)[0].message == "Здравствуйте.\nПодскажите цену"


def test_the_file_wide_source_applies_to_rows_without_one(site, db_path, tmp_path):
    path = write_csv(tmp_path / "leads.csv", [(phone(1), "x"), (phone(2), "y")], ("phone", "msg"))
    summary = run(site, path, source="WhatsApp")
    assert summary.record.source_id == site.sources.get("wa").id
    assert {s.source for s in stored(db_path)} == {"WhatsApp"}
    assert {s.reason for s in stored(db_path)} == {"no_operators"}


@pytest.mark.parametrize(
    ("content", "columns", "source", "error"),
    [
        (b"", None, "site", EmptyFile),
        (bytes(range(256)) * 40, None, "site", NotATable),
        (None, ("name", "message"), "site", NoIdColumn),
        (None, ("phone", "message"), None, InvalidValue),  # no source column, none given
        (None, ("phone", "message"), "no-such-source", NotFound),
    ],
    ids=["empty", "binary", "no-id-column", "no-source", "unknown-source"],
)
def test_a_file_that_is_no_table_is_refused_whole(
    site, db_path, tmp_path, content, columns, source, error
):
    path = tmp_path / "leads.csv"
    if content is None:
        write_csv(path, [(phone(1), "x"), (phone(2), "y")], columns)
    else:
        path.write_bytes(content)
    with pytest.raises(error) as raised:
        run(site, path, source=source)
    assert isinstance(raised.value, CrmError) and str(raised.value)
    assert site.imports.list() == []
    assert stored(db_path) == []


# -- exactly once ---------------------------------------------------------------------------------
def test_a_completed_file_is_recognised_and_nothing_is_written(site, db_path, tmp_path):
    path = write_csv(tmp_path / "leads.csv", many_rows(5))
    first = run(site, path)
    before = stored(db_path)
    again = run(site, path)
    assert again.already_imported == first.record
    assert again.record == first.record
    assert (again.rows, again.skipped) == (5, 5)
    assert again.rejected == first.rejected == ()
    assert stored(db_path) == before
    assert [r.id for r in site.imports.list()] == [first.record.id]
    assert site.imports.find_previous_for(path) == first.record


def test_a_completed_file_with_rejected_rows_tries_them_again(site, db_path, tmp_path):
    """Run again (a source mapped or created since?), the rows stored are skipped and
    the rejected ones get another chance; the counts say what this run did."""
    rows = [*many_rows(5), ("", "Без телефона", "site", "x", when(9)), row(7, source="new")]
    path = write_csv(tmp_path / "leads.csv", rows)
    first = run(site, path)
    assert (first.imported, first.rejected_total) == (5, 2)
    site.sources.create("new")
    retry = run(site, path)
    assert retry.already_imported is None and retry.retried == first.record
    assert (retry.rows, retry.imported, retry.skipped, retry.rejected_total) == (7, 1, 5, 1)
    assert [r.line for r in retry.rejected] == [7]
    assert len(stored(db_path)) == 6
    last = run(site, path)  # the latest import rejected a row: tried once more
    assert (last.retried, last.imported, last.skipped) == (retry.record, 0, 6)


def test_again_imports_every_row_as_a_new_import(roomy, db_path, tmp_path):
    path = write_csv(tmp_path / "leads.csv", many_rows(5))
    first = run(roomy, path)
    second = run(roomy, path, again=True)
    assert second.already_imported is None and second.record.id != first.record.id
    assert (second.record.imported, second.record.skipped) == (5, 0)
    assert_each_once(db_path, [*range(5), *range(5)])
    assert [r.id for r in roomy.imports.list()] == [second.record.id, first.record.id]
    assert run(roomy, path).already_imported == second.record


@pytest.mark.parametrize("dated", [True, False], ids=["with dates", "without dates"])
def test_a_repeated_row_later_in_the_same_file_is_a_duplicate_too(roomy, db_path, tmp_path, dated):
    rows = many_rows(4)
    # Row 1 again (another spelling of its phone) right after it, and row 0 at the end:
    # the second of each is skipped like a row already in the database.
    rows = [rows[0], rows[1], (phone(1, 3), *rows[1][1:]), rows[2], rows[3], rows[0]]
    header = HEADER if dated else HEADER[:4]
    if not dated:
        rows = [cells[:4] for cells in rows]
    summary = run(roomy, write_csv(tmp_path / "twice.csv", rows, header))
    assert (summary.rows, summary.record.imported, summary.record.skipped) == (6, 4, 2)
    assert_each_once(db_path, range(4))


def test_a_repeated_row_in_a_later_batch_is_a_duplicate_too(roomy, db_path, tmp_path):
    roomy.imports.batch_rows = 2
    rows = many_rows(3)
    summary = run(roomy, write_csv(tmp_path / "twice.csv", [*rows, rows[0], rows[2]]))
    assert (summary.record.imported, summary.record.skipped) == (3, 2)
    assert_each_once(db_path, range(3))


def test_an_overlapping_export_is_recognised_row_by_row(roomy, db_path, tmp_path):
    run(roomy, write_csv(tmp_path / "march.csv", many_rows(6)))
    fresh = [
        # the same rows, phones spelled another way, the source by name, dates as Excel writes
        (phone(n, n + 1), f"Lead {n}", "Сайт", f"message {n}", f"{T0:%d.%m.%Y} 9:{n:02d}")
        for n in range(6)
    ]
    fresh[2] = row(2, message="message 2, changed")  # changed: imported
    fresh[4] = (*row(4)[:4], when(44))  # the same lead and message at another time: imported
    fresh += many_rows(9)[6:]  # new rows appended
    summary = run(roomy, write_csv(tmp_path / "march-updated.csv", fresh))
    assert (summary.record.imported, summary.record.skipped, summary.rows) == (5, 4, 9)
    assert [(s.external_id, s.message) for s in stored(db_path)[6:]] == [
        (e164(2), "message 2, changed"),
        (e164(4), "message 4"),
        (e164(6), "message 6"),
        (e164(7), "message 7"),
        (e164(8), "message 8"),
    ]


def test_an_export_without_dates_skips_rows_imported_with_dates(roomy, db_path, tmp_path):
    run(roomy, write_csv(tmp_path / "with-dates.csv", many_rows(3)))
    undated = [cells[:4] for cells in many_rows(3)]
    summary = run(roomy, write_csv(tmp_path / "no-dates.csv", undated, HEADER[:4]))
    assert (summary.record.imported, summary.record.skipped) == (0, 3)
    assert_each_once(db_path, range(3))


# -- cancel and resume -------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_cancel_commits_the_batch_and_a_rerun_resumes(
    roomy, db_path, tmp_path, small_batches, kind
):
    rows = many_rows(30, no_id_every=10)
    path = tmp_path / f"leads.{kind}"
    (write_csv if kind == "csv" else write_xlsx)(path, rows)
    valid = [n for n in range(30) if (n + 1) % 10]

    cancelled = run(roomy, path, cancelled=cancel_after(2))
    assert cancelled.cancelled and not cancelled.resumed
    record = cancelled.record
    assert (record.status, record.rows_done, cancelled.rows) == (ImportStatus.CANCELLED, 14, 14)
    assert (record.imported, record.rejected) == (13, 1)
    assert_counts_add_up(cancelled)
    assert_each_once(db_path, valid[:13])

    resumed = run(roomy, path)
    assert resumed.resumed and not resumed.cancelled and resumed.already_imported is None
    assert resumed.record.id == record.id
    assert resumed.record.status == ImportStatus.DONE
    # This run's own work; the record holds the import's totals.
    assert (resumed.rows, resumed.imported, resumed.rejected_total) == (16, 14, 2)
    assert (resumed.record.rows, resumed.record.imported, resumed.record.skipped) == (30, 27, 0)
    assert [r.line for r in resumed.rejected] == [21, 31]  # this run's rejects
    assert [r.line for r in roomy.imports.rejects(resumed.record.id)] == [
        11,
        21,
        31,
    ]  # kept, not repeated
    assert_counts_add_up(resumed)
    assert_each_once(db_path, valid)
    assert [s.message for s in stored(db_path)] == [f"message {n}" for n in valid]
    retry = run(roomy, path)  # its rejected rows are tried again; nothing is imported twice
    assert retry.retried == resumed.record
    assert (retry.imported, retry.skipped, retry.rejected_total) == (0, 27, 3)
    assert_each_once(db_path, valid)


def test_cancel_on_the_last_batch_finishes_the_import(roomy, tmp_path, small_batches):
    summary = run(roomy, write_csv(tmp_path / "leads.csv", many_rows(5)), cancelled=lambda: True)
    assert not summary.cancelled and summary.record.status == ImportStatus.DONE


def test_an_interrupted_again_import_resumes_as_an_again_import(
    roomy, db_path, tmp_path, small_batches
):
    path = write_csv(tmp_path / "leads.csv", many_rows(20))
    run(roomy, path)
    assert run(roomy, path, again=True, cancelled=cancel_after(1)).record.imported == BATCH
    resumed = run(roomy, path)
    assert resumed.resumed
    assert (resumed.record.imported, resumed.record.skipped) == (20, 0)
    assert_each_once(db_path, [*range(20), *range(20)])


KILLED_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from desktop_crm.db.location import parse_location
    from desktop_crm.importing import open_table
    from desktop_crm.services import open_crm
    from tests.services.import_files import pin_batch_rows

    pin_batch_rows(50)
    crm = open_crm(parse_location(sys.argv[1]))

    def progress(p):
        print(p.rows, flush=True)
        time.sleep(0.005)  # short: the kill may land inside the next batch

    crm.imports.run(open_table(sys.argv[2]), progress=progress)
    print("finished", flush=True)
    """
)


@pytest.mark.slow
def test_an_import_killed_mid_file_resumes_without_duplicates(roomy, database_location, tmp_path):
    db_path = database_location  # read with sqlite3 or psycopg (import_files.stored)
    rows = many_rows(2_000, no_id_every=100)
    valid = [n for n in range(2_000) if (n + 1) % 100]
    path = write_csv(tmp_path / "big.csv", rows)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, database_location.file or database_location.url, path],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = child.stdout.readline()
        assert first.strip().isdigit(), child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert "finished" not in out

    (killed,) = roomy.imports.list()
    assert killed.status == ImportStatus.RUNNING
    assert 0 < killed.rows_done < 2_000 and killed.rows_done % 50 == 0  # batch boundaries only
    before = stored(db_path)
    assert len(before) == killed.imported  # a batch and its progress commit together
    committed = {s.external_id for s in before}

    summary = run(roomy, path)
    assert summary.resumed and summary.record.id == killed.id
    assert summary.record.status == ImportStatus.DONE
    record = summary.record
    assert (record.rows_done, record.imported, record.skipped, record.rejected) == (
        2_000,
        1_980,
        0,
        20,
    )
    assert_counts_add_up(summary)
    after = stored(db_path)
    assert after[: len(before)] == before
    assert committed.isdisjoint(s.external_id for s in after[len(before) :])
    assert_each_once(db_path, valid)


# -- dates ----------------------------------------------------------------------------------------
def test_times_without_an_offset_are_local_and_stored_in_utc(roomy, db_path, tmp_path, monkeypatch):
    rows = [
        (phone(1), "a", "site", "x", "2024-03-11 10:14"),
        (phone(2), "b", "site", "x", "11.03.2024 9:05"),
        (phone(3), "c", "site", "x", "2024-03-11T10:00:00+03:00"),
        (phone(4), "d", "site", "x", "2024-03-11T10:00:00Z"),
    ]
    path = write_csv(tmp_path / "leads.csv", rows)
    with local_time_zone(monkeypatch, "Asia/Yekaterinburg"):  # UTC+5, no DST
        run(roomy, path)
    assert [s.created_at for s in stored(db_path)] == [
        dt.datetime(2024, 3, 11, 5, 14),
        dt.datetime(2024, 3, 11, 4, 5),
        dt.datetime(2024, 3, 11, 7, 0),
        dt.datetime(2024, 3, 11, 10, 0),
    ]
    contact = roomy.contacts.page(ContactFilter(), limit=1)[0]
    assert contact.created_at == dt.datetime(2024, 3, 11, 10, 0, tzinfo=dt.UTC)


# -- the Imports list and its rejected rows ------------------------------------------------------
def test_the_imports_list_is_newest_first_with_counts(site, tmp_path):
    first = run(site, write_csv(tmp_path / "one.csv", [*many_rows(3), ("", "x", "site", "", "")]))
    second = run(site, write_csv(tmp_path / "two.csv", many_rows(5)))
    listed = site.imports.list()
    assert [r.file_name for r in listed] == ["two.csv", "one.csv"]
    assert listed == [second.record, first.record]
    two, one = listed
    assert (one.rows, one.imported, one.skipped, one.rejected) == (4, 3, 0, 1)
    assert (two.rows, two.imported, two.skipped, two.rejected) == (5, 2, 3, 0)
    assert one.assigned + one.unassigned == 3 and one.content_hash != two.content_hash
    assert one.started_at <= one.finished_at <= two.started_at
    assert one.started_at.tzinfo is not None
    assert site.imports.rejects(two.id) == []


def test_rejected_rows_round_trip_through_a_rejects_file(site, db_path, tmp_path):
    rows = [
        row(0),
        ("", "Без телефона", "Сайт", "Перезвоните; срочно", when(1)),
        row(2, source="nope"),
    ]
    path = write_csv(tmp_path / "leads.csv", rows)
    table = open_table(path)
    summary = site.imports.run(table)
    rejects = site.imports.rejects(summary.record.id)
    assert rejects == list(summary.rejected)
    assert [(r.line, r.cells) for r in rejects] == [(3, tuple(rows[1])), (4, tuple(rows[2]))]
    assert rejects[1].template.format(**rejects[1].params) == rejects[1].reason

    out = tmp_path / "rejected.csv"
    with RejectsWriter(out, table.headers) as writer:
        for rejected in rejects:
            writer.write(rejected.cells, rejected.reason)
    reread = open_table(out)
    assert reread.delimiter == ";"
    with reread.read() as stream:
        back = list(stream)
    # cells a spreadsheet would run as formulas come back with a leading ' ...
    assert [tuple(r.cells) for r in back] == [
        (*(safe_cell(c) for c in r.cells), r.reason) for r in rejects
    ]
    assert back[1].cells[0] == "'+7 (900) 000-00-02"
    # ... which the importer takes off again: the file, fixed, imports as it was
    assert back[1].external_id == "+7 (900) 000-00-02"

    fixed = [(phone(1), *rows[1][1:]), (*rows[2][:2], "site", *rows[2][3:])]
    again = run(site, write_csv(tmp_path / "fixed.csv", fixed))
    assert (again.record.imported, again.record.rejected) == (2, 0)
    assert [s.external_id for s in stored(db_path)] == [e164(0), e164(1), e164(2)]
