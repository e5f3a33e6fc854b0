"""Exit codes tell the truth: 2 and 3 wrote nothing, 4 stopped part-way after committing,
130 interrupted before anything was committed, 1 only ever a bug."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop_crm.cli import commands
from desktop_crm.services import open_crm
from tests.cli.helpers import (
    LockAfterFirstBatch,
    assert_user_error,
    count,
    hold_lock,
    snapshot,
)
from tests.services.import_files import many_rows, pin_batch_rows, write_csv

HUGE = str(10**30)


@pytest.fixture
def patient_job(monkeypatch):
    """The CLI's database with short waits (0.1 s per write, 0.3 s per job batch), and
    ``lock``: another connection that takes the write lock after the first batch."""

    class Job:
        lock: LockAfterFirstBatch | None = None

    job = Job()

    def opened(location, *args, **kwargs):
        crm = open_crm(location, busy_timeout=0.1, job_wait=0.3)
        if job.lock is not None:
            crm.events.subscribe(job.lock)
        return crm

    monkeypatch.setattr(commands, "open_crm", opened)
    yield job
    if job.lock is not None:
        job.lock.release()


@pytest.fixture
def long_queue(run_json, tmp_path):
    """450 contacts queued on «Сайт» (site) for Анна, who now has room for all of them;
    automatic re-distribution off, so only `queue distribute` moves them."""
    run_json("operator", "add", "Анна", "--max-load", "0")
    run_json("source", "add", "Сайт", "--code", "site")
    run_json("source", "weights", "site", "Анна=1")
    run_json("import", write_csv(tmp_path / "queue.csv", many_rows(450)))
    run_json("settings", "--auto-redistribute", "off")
    run_json("operator", "set", "Анна", "--max-load", "1000")


def assigned(db_path) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(
            "SELECT count(*) FROM contact WHERE operator_id IS NOT NULL"
        ).fetchone()[0]
    finally:
        connection.close()


# -- queue distribute ---------------------------------------------------------------------------
def done(assigned):
    """What `queue distribute --json` prints when no timer was due."""
    return {"assigned": assigned, "moved": 0, "overdue": 0, "closed": 0, "timers_busy": False}


def test_a_distribution_stopped_part_way_exits_4_with_what_was_committed(
    run, long_queue, db_path, patient_job
):
    patient_job.lock = LockAfterFirstBatch(db_path)
    result = run("--json", "queue", "distribute")
    patient_job.lock.release()
    assert result.code == 4, result
    assert json.loads(result.out) == done(200)  # one batch, committed
    assert result.err == (
        "desktop-crm: The database stayed busy past the wait. "
        "Distributing the queue stopped part-way (contacts assigned: 200; they stay); "
        "run it again to continue.\n"
    )
    assert assigned(db_path) == 200
    assert json.loads(run("--json", "queue", "distribute").out) == done(250)


def test_a_distribution_busy_from_the_start_exits_3_and_writes_nothing(
    run, long_queue, db_path, patient_job
):
    before = snapshot(db_path)
    holder = hold_lock(db_path, 1.0)
    result = run("--json", "queue", "distribute")
    holder.join()
    assert "try again" in assert_user_error(result, code=3).lower()
    assert snapshot(db_path) == before


def test_a_distribution_waits_out_a_long_transaction(run, long_queue, db_path, monkeypatch):
    monkeypatch.setattr(
        commands,
        "open_crm",
        lambda location, *a, **k: open_crm(location, busy_timeout=0.1, job_wait=5),
    )
    holder = hold_lock(db_path, 0.5)  # five times the busy timeout
    result = run("--json", "queue", "distribute")
    holder.join()
    assert (result.code, json.loads(result.out)) == (0, done(450))


# -- import ---------------------------------------------------------------------------------------
@pytest.fixture
def roomy(services):
    with services() as crm:
        crm.operators.create("Анна", max_load=100_000)
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("site", {"Анна": 1})


def test_an_import_stopped_part_way_exits_4_with_the_summary_of_what_was_committed(
    run, roomy, db_path, tmp_path, patient_job, monkeypatch
):
    pin_batch_rows(7, monkeypatch.setattr)
    path = write_csv(tmp_path / "leads.csv", many_rows(30))
    patient_job.lock = LockAfterFirstBatch(db_path)
    result = run("--json", "import", path)
    patient_job.lock.release()
    assert result.code == 4, result
    data = json.loads(result.out)
    assert (data["rows"], data["imported"], data["skipped"], data["rejected"]) == (7, 7, 0, [])
    assert result.err.startswith("desktop-crm: The database stayed busy past the wait.")
    assert "The import stopped part-way (rows committed: 7; they stay)" in result.err
    assert len(result.err.splitlines()) == 1
    assert count(db_path, "contact") == 7

    rerun = run("--json", "import", path)
    assert rerun.code == 0
    resumed = json.loads(rerun.out)
    assert (resumed["imported"], resumed["total"]["imported"]) == (23, 30)  # this run, all
    assert count(db_path, "contact") == 30


def test_an_import_busy_from_the_start_exits_3_and_writes_nothing(
    run, roomy, db_path, tmp_path, patient_job
):
    path = write_csv(tmp_path / "leads.csv", many_rows(30))
    before = snapshot(db_path)
    holder = hold_lock(db_path, 1.0)
    result = run("--json", "import", path)
    holder.join()
    assert_user_error(result, code=3)
    assert snapshot(db_path) == before


def test_ctrl_c_before_the_first_batch_exits_130(run, roomy, db_path, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "leads.csv", many_rows(30))

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    from desktop_crm.cli import importing  # commands imports run_import from it when run

    monkeypatch.setattr(importing, "run_import", interrupted)
    result = run("--json", "import", path)
    assert (result.code, result.out) == (130, "")
    assert result.err == "desktop-crm: interrupted\n"
    assert count(db_path, "contact") == 0


def test_a_bug_after_some_batches_exits_4_and_logs_the_traceback(
    run, roomy, db_path, tmp_path, monkeypatch, isolated_user_dirs
):
    from desktop_crm.cli import importing
    from desktop_crm.logs import log_path

    pin_batch_rows(7, monkeypatch.setattr)
    path = write_csv(tmp_path / "leads.csv", many_rows(30))
    calls = []

    def progress(_progress) -> None:
        calls.append(None)
        if len(calls) == 2:
            raise RuntimeError("a bug in the progress display")

    monkeypatch.setattr(importing, "_show_progress", progress)
    result = run("import", path)
    assert result.code == 4
    (line,) = result.err.splitlines()
    assert line.startswith("desktop-crm: An internal error stopped it. The import stopped")
    assert "rows committed: 14;" in line and "Details are in" in line
    assert "a bug in the progress display" in log_path().read_text()
    assert count(db_path, "contact") == 14


# -- idempotency keys ---------------------------------------------------------------------------
@pytest.fixture
def keyed(run_json, seeded):
    return run_json(
        "contact", "add", "--lead", "+7 900 555-00-01", "--source", "tg",
        "--name", "Анна", "--message", "привет", "--key", "msg-1",
    )  # fmt: skip


def test_the_same_payload_in_other_spellings_returns_the_same_contact(run_json, keyed, db_path):
    before = snapshot(db_path)
    again = run_json(
        "contact", "add", "--lead", "89005550001", "--source", "Telegram bot",
        "--name", " Анна ", "--message", "привет", "--key", "msg-1",
    )  # fmt: skip
    assert again == keyed
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    "change",
    [
        ("--lead", "+79005550002"),
        ("--source", "site"),
        ("--name", "Борис"),
        ("--message", "пока"),
    ],
    ids=lambda c: c[0],
)
def test_a_key_reused_with_a_different_payload_is_refused(run, keyed, db_path, change):
    given = {
        "--lead": "+79005550001",
        "--source": "tg",
        "--name": "Анна",
        "--message": "привет",
    }
    given[change[0]] = change[1]
    before = snapshot(db_path)
    argv = [item for pair in given.items() for item in pair]
    message = assert_user_error(run("contact", "add", *argv, "--key", "msg-1"))
    assert f"already used for contact #{keyed['id']}" in message
    assert snapshot(db_path) == before


def test_a_key_stored_before_fingerprints_compares_lead_source_and_message(
    run, run_json, keyed, db_path
):
    with sqlite3.connect(db_path) as connection:  # as a contact stored by an older version
        connection.execute("UPDATE contact SET idempotency_payload = NULL")
    again = run_json(
        "contact", "add", "--lead", "+79005550001", "--source", "tg",
        "--message", "привет", "--key", "msg-1",
    )  # fmt: skip
    assert again["id"] == keyed["id"]
    refused = run("contact", "add", "--lead", "+79005550001", "--source", "tg", "--key", "msg-1")
    assert "already used" in assert_user_error(refused)


# -- exit 1 is for bugs only ----------------------------------------------------------------------
OUT_OF_RANGE_DATES = [
    ("--until", "9999-12-31"),
    ("--since", "0001-01-01"),
    ("--since", "0001-01-01T00:00+05:00"),
    ("--until", "9999-12-31T23:59-05:00"),
    ("--since", "0001-01-01T00:00"),
]


@pytest.mark.parametrize("option", OUT_OF_RANGE_DATES, ids=" ".join)
def test_dates_out_of_range_are_a_user_error(run, seeded, option, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Yekaterinburg")  # UTC+5: year 1 has no UTC equivalent
    assert "out of range" in assert_user_error(run("stats", *option))


@pytest.mark.parametrize("option", OUT_OF_RANGE_DATES, ids=" ".join)
def test_log_dates_out_of_range_are_a_user_error(run, seeded, option, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Yekaterinburg")
    assert "out of range" in assert_user_error(run("log", *option))


FUZZ = [
    ("stats", "--since", "9999-12-31"),
    ("stats", "--until", "0001-01-02"),
    ("stats", "--since", "2024-02-30"),
    ("stats", "--since", "2024-01-01T25:00"),
    ("stats", "--since", "2024-06-01", "--until", "2024-01-01"),
    ("leads", "--limit", HUGE),
    ("leads", "--limit", f"-{HUGE}"),
    ("leads", "--search", HUGE),
    ("leads", "--search", f"+{HUGE}"),
    ("queue", "list", "--limit", HUGE),
    ("queue", "list", "--limit", f"-{HUGE}"),
    ("contact", "show", f"-{HUGE}"),
    ("contact", "reopen", HUGE),
    ("contact", "assign", HUGE, "alice"),
    ("contact", "assign", "1", HUGE),
    ("contact", "assign", "1", f"-{HUGE}"),
    ("contact", "add", "--lead", "x", "--source", HUGE),
    ("contact", "add", "--lead", "x", "--source", f"-{HUGE}"),
    ("contact", "add", "--lead", f"+{HUGE}", "--source", "tg"),
    ("contact", "add", "--lead", "u", "--source", "tg", "--message", "x" * 100_000),
    ("contact", "add", "--lead", "u", "--source", "tg", "--key", "k" * 10_000),
    ("operator", "delete", HUGE),
    ("operator", "set", HUGE, "--max-load", "1"),
    ("operator", "set", "bob", "--max-load", f"-{HUGE}"),
    ("operator", "add", "big", "--max-load", f"-{HUGE}"),
    ("operator", "add", HUGE),
    ("source", "show", f"-{HUGE}"),
    ("source", "delete", HUGE),
    ("source", "weights", HUGE, "alice=1"),
    ("source", "weights", "tg", f"alice=-{HUGE}"),
    ("source", "weights", "tg", f"{HUGE}=1"),
    ("source", "set", "tg", "--name", HUGE),
    ("import", "/nonexistent/file.csv"),
    ("import", "/nonexistent/file.csv", "--source", HUGE),
]


@pytest.mark.parametrize("argv", FUZZ, ids=lambda v: " ".join(v)[:50])
def test_no_argument_makes_an_internal_error(run, seeded, argv):
    result = run(*argv)
    assert result.code in (0, 2), result
    assert "Traceback" not in result.err and "internal error" not in result.err
