"""`desktop-crm import FILE`: summaries, refused files, overrides, samples, dates, Ctrl+C."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from desktop_crm.cli import importing as cli_importing
from tests.cli.helpers import snapshot
from tests.services.import_files import (
    assert_within_limits,
    e164,
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
SAMPLES = REPO / "resources" / "samples"
SUMMARY_KEYS = {
    *("file", "rows", "imported", "assigned", "unassigned", "skipped", "rejected"),
    *("rejected_total", "total", "columns", "created_sources", "warnings", "encoding", "sheet"),
}


@pytest.fixture
def dispatch(run_json):
    """alice (limit 2) and bob (limit 1) on «Сайт» (site); «Telegram-бот» (tg) to alice;
    «WhatsApp» (wa) without operators: the sources of resources/samples."""
    run_json("operator", "add", "alice", "--max-load", "2")
    run_json("operator", "add", "bob", "--max-load", "1")
    run_json("source", "add", "Telegram-бот", "--code", "tg")
    run_json("source", "add", "Сайт", "--code", "site")
    run_json("source", "add", "WhatsApp", "--code", "wa")
    run_json("source", "weights", "site", "alice=1", "bob=1")
    run_json("source", "weights", "tg", "alice=1")


@pytest.fixture
def roomy(services):
    """One operator with room for everything on «Сайт» (site)."""
    with services() as crm:
        crm.operators.create("alice", max_load=100_000)
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("site", {"alice": 1})


@pytest.fixture
def mixed(tmp_path):
    """8 rows: 6 good ones over three sources, one without a phone (line 4), one with
    an unknown source (line 7)."""
    rows = [
        row(0, source="site"),
        row(1, source="Сайт"),
        ("", "Без телефона", "site", "x", when(2)),
        row(3, source="tg"),
        row(4, source="wa"),
        row(5, source="nope"),
        row(6, source="site"),
        row(7, source="tg"),
    ]
    return write_csv(tmp_path / "mixed.csv", rows)


def import_runs(db_path: Path) -> list[dict]:
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute("SELECT * FROM import_run ORDER BY id")]
    finally:
        connection.close()


def assert_summary(data: dict) -> None:
    assert set(data) == SUMMARY_KEYS
    assert data["rows"] == data["imported"] + data["skipped"] + data["rejected_total"]
    assert data["rejected_total"] == len(data["rejected"]) or len(data["rejected"]) == 1_000
    assert data["imported"] == data["assigned"] + data["unassigned"]
    assert all(set(r) == {"line", "reason"} for r in data["rejected"])


# -- summaries --------------------------------------------------------------------------------
def test_json_summary(run_json, dispatch, mixed, db_path):
    data = run_json("import", mixed)
    assert_summary(data)
    assert data["file"] == str(mixed)
    assert (data["rows"], data["imported"], data["skipped"]) == (8, 6, 0)
    assert data["rejected"] == [
        {"line": 4, "reason": 'No lead id: the column "phone" is empty.'},
        {"line": 7, "reason": "No source 'nope'."},
    ]
    contacts = stored(db_path)
    assert [s.external_id for s in contacts] == [e164(n) for n in (0, 1, 3, 4, 6, 7)]
    assert data["assigned"] == sum(1 for s in contacts if s.operator) == 3
    assert data["unassigned"] == sum(1 for s in contacts if s.operator is None) == 3
    assert all(s.reason for s in contacts if s.operator is None)
    assert_within_limits(db_path)
    (record,) = import_runs(db_path)
    assert (record["status"], record["rows_done"], record["imported"]) == ("done", 8, 6)


def test_text_summary(run, dispatch, mixed):
    result = run("import", mixed)
    assert result.code == 0 and result.err == ""
    assert result.out.splitlines() == [
        "rows: 8, imported: 6 (assigned 3, unassigned 3), skipped: 0, rejected: 2",
        '  line 4: No lead id: the column "phone" is empty.',
        "  line 7: No source 'nope'.",
        "encoding: utf-8",
        "columns: lead=phone; name=name; source=source; message=message; created_at=date",
    ]


KEPT = ("site", "Сайт", "tg", "wa", "site", "tg")


def test_a_file_imported_before_is_skipped_unless_again(run, run_json, dispatch, tmp_path, db_path):
    # The rows of ``mixed`` that are imported (a file with rejected rows tries them again).
    mixed = write_csv(
        tmp_path / "mixed.csv",
        [row(n, source=source) for n, source in zip((0, 1, 3, 4, 6, 7), KEPT, strict=True)],
    )
    first = run_json("import", mixed)
    before = snapshot(db_path)
    data = run_json("import", mixed)
    assert_summary(data)
    assert data == {
        **first,
        "imported": 0,
        "assigned": 0,
        "unassigned": 0,
        "skipped": 6,
    }
    assert snapshot(db_path) == before

    text = run("import", mixed)
    assert text.code == 0
    done = re.search(r"was already imported on (\S+);", text.out)
    assert done, text.out
    (record,) = import_runs(db_path)
    finished = dt.datetime.fromisoformat(record["finished_at"]).replace(tzinfo=dt.UTC)
    assert dt.datetime.fromisoformat(done.group(1)) == finished.replace(microsecond=0)
    assert "rows: 6, imported: 0 (assigned 0, unassigned 0), skipped: 6, rejected: 0" in text.out
    assert snapshot(db_path) == before

    again = run_json("import", mixed, "--again")
    assert (again["imported"], again["skipped"], len(again["rejected"])) == (6, 0, 0)
    assert len(stored(db_path)) == 12
    assert len(import_runs(db_path)) == 2


def test_a_fresh_export_imports_only_the_new_and_changed_rows(
    run_json, dispatch, tmp_path, db_path
):
    run_json("import", write_csv(tmp_path / "week1.csv", many_rows(5)))
    rows = [row(n, style=n + 2) for n in range(5)]  # the same leads, phones spelled otherwise
    rows[1] = row(1, message="перезвоните")
    data = run_json("import", write_csv(tmp_path / "week2.csv", [*rows, *many_rows(7)[5:]]))
    assert (data["rows"], data["imported"], data["skipped"]) == (7, 3, 4)
    assert Counter(s.external_id for s in stored(db_path)) == Counter(
        [*map(e164, range(7)), e164(1)]
    )


# -- files refused whole ------------------------------------------------------------------------
def _file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "leads.csv"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "no-id":
        write_csv(path, [("Иван", "x")], ("name", "message"))
    elif kind == "no-source":
        write_csv(path, [(phone(1), "x")], ("phone", "message"))
    return path


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        ("empty", [], '"leads.csv" is empty.'),
        ("binary", [], '"leads.csv" is not a table'),
        ("missing", [], 'Cannot read "leads.csv"'),
        ("no-id", ["--source", "site"], '"leads.csv": no column holds the lead\'s id'),
        ("no-source", [], "leads.csv has no source column; choose the source"),
        ("no-source", ["--source", "nope"], "No source 'nope'."),
        ("no-source", ["--source", "site", "--delimiter", "x"], "The delimiter must be one of"),
        ("no-source", ["--source", "site", "--encoding", "klingon"], 'Unknown encoding "klingon"'),
    ],
)
def test_an_unusable_file_is_refused_with_exit_2(
    run_error, dispatch, tmp_path, db_path, kind, options, message
):
    path = _file(tmp_path, kind)
    before = snapshot(db_path)
    assert message in run_error("import", path, *options)
    assert snapshot(db_path) == before


# -- encodings, delimiters, samples ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("option", "delimiter"), [(";", ";"), ("tab", "\t"), ("\\t", "\t"), ("|", "|")]
)
def test_encoding_and_delimiter_overrides(run_json, dispatch, tmp_path, db_path, option, delimiter):
    # Short cp1251 text that detection alone takes for another encoding.
    rows = [(phone(1), "Ёж", "ok"), (phone(2), "Юл", "Да, нет")]
    path = write_csv(
        tmp_path / "cp1251.csv",
        rows,
        ("phone", "name", "message"),
        encoding="cp1251",
        delimiter=delimiter,
    )
    data = run_json("import", path, "--source", "wa", "--encoding", "cp1251", "--delimiter", option)
    assert (data["imported"], data["rejected"]) == (2, [])
    assert [(s.external_id, s.name, s.message, s.source) for s in stored(db_path)] == [
        (e164(1), "Ёж", "ok", "WhatsApp"),
        (e164(2), "Юл", "Да, нет", "WhatsApp"),
    ]


def test_the_russian_excel_sample(run_json, dispatch, db_path):
    path = SAMPLES / "contacts_cp1251_excel.csv"
    data = run_json("import", path)
    assert_summary(data)
    assert (data["rows"], data["imported"], data["skipped"]) == (30, 29, 0)
    (rejected,) = data["rejected"]
    lines = record_lines(path, encoding="cp1251", delimiter=";")
    with path.open(encoding="cp1251", newline="") as file:
        records = list(csv.reader(file, delimiter=";"))
    no_phone = next(i for i, cells in enumerate(records) if i > 1 and not cells[0].strip())
    assert rejected == {
        "line": lines[no_phone],
        "reason": 'No lead id: the column "Телефон" is empty.',
    }
    contacts = stored(db_path)
    assert len(contacts) == 29
    assert all(s.external_id.startswith("+7") and len(s.external_id) == 12 for s in contacts)
    assert len({s.external_id for s in contacts}) < 29  # some leads wrote twice, spelled otherwise
    assert {s.source for s in contacts} == {"Telegram-бот", "Сайт", "WhatsApp"}
    first = contacts[0]
    assert (first.name, first.created_at) == (
        "Иван Петров",
        dt.datetime(2024, 3, 11, 10, 14),
    )  # TZ=UTC


@pytest.mark.parametrize(("name", "rejected"), [("contacts_utf8.csv", 0), ("contacts.xlsx", 0)])
def test_the_other_samples(run_json, dispatch, db_path, name, rejected):
    data = run_json("import", SAMPLES / name)
    assert_summary(data)
    assert (data["rows"], len(data["rejected"])) == (30, rejected)
    assert len(stored(db_path)) == data["imported"] == 30
    assert_within_limits(db_path)


@pytest.mark.parametrize(("zone", "hours"), [("UTC", 0), ("Europe/Moscow", 3)])
def test_xlsx_dates_are_local_time(run_json, dispatch, tmp_path, db_path, monkeypatch, zone, hours):
    rows = [
        (phone(1), "Анна", "site", "ячейка с датой", dt.datetime(2024, 3, 11, 10, 14)),
        (phone(2), "Борис", "tg", "текст", "11.03.2024 9:05"),
        (phone(3), "Вера", "wa", "со смещением", "2024-03-11T10:00:00+03:00"),
        (phone(4), "Глеб", "site", "плохая дата", "вчера"),
    ]
    path = write_xlsx(tmp_path / "leads.xlsx", rows, title="Выгрузка за март")
    with local_time_zone(monkeypatch, zone):
        data = run_json("import", path)
    assert data["rejected"] == [
        {"line": 7, "reason": 'Cannot read the date "вчера" in the column "date".'}
    ]
    offset = dt.timedelta(hours=hours)
    assert [(s.external_id, s.created_at) for s in stored(db_path)] == [
        (e164(1), dt.datetime(2024, 3, 11, 10, 14) - offset),
        (e164(2), dt.datetime(2024, 3, 11, 9, 5) - offset),
        (e164(3), dt.datetime(2024, 3, 11, 7, 0)),
    ]


# -- Ctrl+C and resume ---------------------------------------------------------------------------
def interrupt_on(call: int):
    calls = []

    def progress(_progress) -> None:
        calls.append(None)
        if len(calls) == call:
            raise KeyboardInterrupt

    return progress


def test_ctrl_c_keeps_the_committed_batches_and_a_rerun_finishes(
    run, run_json, roomy, tmp_path, db_path, monkeypatch
):
    pin_batch_rows(7, monkeypatch.setattr)
    path = write_csv(tmp_path / "leads.csv", many_rows(20))
    monkeypatch.setattr(cli_importing, "_show_progress", interrupt_on(2))
    result = run("--json", "import", path)
    assert result.code == 4  # stopped part-way: not 130, which means nothing was written
    assert result.err == (
        "desktop-crm: Interrupted. The import stopped part-way (rows committed: 14; they "
        "stay); run the same import again to resume.\n"
    )
    data = json.loads(result.out)  # what was committed
    assert_summary(data)
    assert (data["rows"], data["imported"], data["skipped"]) == (14, 14, 0)
    assert len(stored(db_path)) == 14

    monkeypatch.setattr(cli_importing, "_show_progress", lambda _p: None)
    rerun = run("import", path)
    assert rerun.code == 0
    # This run's own work; the import's totals on a line of their own.
    assert rerun.out.splitlines()[:3] == [
        "Resumed an interrupted import of this file.",
        "rows: 6, imported: 6 (assigned 6, unassigned 0), skipped: 0, rejected: 0",
        "total of the import: rows: 20, imported: 20, skipped: 0, rejected: 0",
    ]
    assert Counter(s.external_id for s in stored(db_path)) == Counter(map(e164, range(20)))
    assert run_json("import", path)["skipped"] == 20


def test_an_interrupted_again_import_is_finished_by_the_same_command(
    run, run_json, roomy, tmp_path, db_path, monkeypatch
):
    pin_batch_rows(7, monkeypatch.setattr)
    path = write_csv(tmp_path / "leads.csv", many_rows(20))
    run_json("import", path)
    monkeypatch.setattr(cli_importing, "_show_progress", interrupt_on(1))
    assert run("import", path, "--again").code == 4
    monkeypatch.setattr(cli_importing, "_show_progress", lambda _p: None)
    run_json("import", path, "--again")
    assert Counter(s.external_id for s in stored(db_path)) == Counter(
        2 * list(map(e164, range(20)))
    )


INTERRUPTED_CHILD = textwrap.dedent(
    """
    import sys, time
    from desktop_crm.app import main
    from desktop_crm.cli import importing
    from tests.services.import_files import pin_batch_rows

    pin_batch_rows(50)

    def progress(p):
        sys.stderr.write(f"committed {p.rows}\\n")
        sys.stderr.flush()
        time.sleep(0.05)

    importing._show_progress = progress
    sys.exit(main(sys.argv[1:]))
    """
)


def _default_sigint() -> None:
    """In the child before it starts Python: a pytest started with SIGINT ignored (``make
    test &``, nohup) passes the ignored handler on, and Python then installs no
    KeyboardInterrupt handler of its own. The CLI itself keeps an inherited "ignore"."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_sigint_to_a_running_import(run_json, roomy, tmp_path, db_path):
    path = write_csv(tmp_path / "big.csv", many_rows(600, no_id_every=50))
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            INTERRUPTED_CHILD,
            "--db",
            str(db_path),
            "--json",
            "import",
            str(path),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )
    try:
        first = child.stderr.readline()
        assert first.startswith("committed "), first + child.stderr.read()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 4, err
    said = re.search(r"stopped part-way \(rows committed: (\d+); they stay\)", err)
    assert said, err
    (record,) = import_runs(db_path)
    assert record["status"] == "cancelled"  # not left "running"; the next run resumes it
    committed = record["imported"] + record["skipped"] + record["rejected"]
    assert int(said.group(1)) == committed and 0 < committed < 600
    assert json.loads(out)["rows"] == committed
    assert len(stored(db_path)) == record["imported"]

    data = run_json("import", path)
    # This run's work adds up with what the first run committed; "total" is the import's.
    assert data["rows"] == 600 - committed
    assert data["imported"] == 588 - record["imported"]
    assert data["rejected_total"] == len(data["rejected"]) == 12 - record["rejected"]
    total = data["total"]
    assert (total["rows"], total["imported"], total["skipped"], total["rejected"]) == (
        600,
        588,
        0,
        12,
    )
    valid = [n for n in range(600) if (n + 1) % 50]
    assert Counter(s.external_id for s in stored(db_path)) == Counter(map(e164, valid))
    assert import_runs(db_path)[0]["status"] == "done"
