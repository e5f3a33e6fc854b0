"""ImportService at its edges: failures never leave a "running" import, rejects are
capped in size and number, the rejects file holds them all, broken records count."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3

import pytest

from desktop_crm.errors import StoppedPartWay
from desktop_crm.importing import open_table
from desktop_crm.services import importer
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.importer import (
    REJECT_CELL_CHARS,
    SUMMARY_REJECTS,
    ImportStatus,
    write_rejected_rows,
)
from desktop_crm.services.intake import Intake

from .import_files import HEADER, many_rows, phone, stored, write_csv

ISSUE_EXAMPLE = 'phone,name,message\n+79005550001,"Broken,hi\n+79005550002,Ok,yo\n'


@pytest.fixture
def roomy(crm):
    crm.operators.create("Анна", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    return crm


def run(crm, path, **kwargs):
    return crm.imports.run(open_table(path), **kwargs)


def reject_rows(db_path) -> list[tuple[int, str, list[str]]]:
    connection = sqlite3.connect(db_path)
    try:
        rows = connection.execute("SELECT line, reason, cells FROM import_reject ORDER BY line")
        return [(line, reason, json.loads(cells)) for line, reason, cells in rows]
    finally:
        connection.close()


def test_the_issue_example_imports_line_3_and_rejects_line_2(roomy, tmp_path, db_path):
    path = tmp_path / "broken.csv"
    path.write_text(ISSUE_EXAMPLE, encoding="utf-8")
    summary = run(roomy, path, source="site")
    assert (summary.rows, summary.record.imported, summary.rejected_total) == (2, 1, 1)
    assert [r.line for r in summary.rejected] == [2]
    assert [s.external_id for s in stored(db_path)] == ["+79005550002"]


def test_an_error_mid_way_marks_the_import_failed_and_the_next_run_resumes(
    roomy, tmp_path, db_path, monkeypatch
):
    roomy.imports.batch_rows = 100
    path = write_csv(tmp_path / "f.csv", many_rows(350))
    restore = _fail_in_the_second_batch(monkeypatch, call=150)
    with pytest.raises(StoppedPartWay) as stop:  # exit 4: a batch was committed
        run(roomy, path)
    assert isinstance(stop.value.cause, RuntimeError) and stop.value.committed == 100
    (record,) = roomy.imports.list()
    assert record.status == ImportStatus.FAILED
    assert record.finished_at is not None
    assert (record.rows_done, record.imported) == (100, 100)  # the first batch stays

    restore()
    summary = run(roomy, path)
    assert summary.resumed and summary.record.status == ImportStatus.DONE
    # This run's work; the record holds the import's totals.
    assert (summary.rows, summary.imported) == (250, 250)
    assert (summary.record.rows, summary.record.imported) == (350, 350)
    assert len(stored(db_path)) == 350


def test_ctrl_c_mid_way_marks_the_import_cancelled(roomy, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "f.csv", many_rows(30))

    def interrupted(self, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Intake, "register", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(roomy, path)
    assert [r.status for r in roomy.imports.list()] == [ImportStatus.CANCELLED]


def test_stored_reject_cells_are_capped_and_say_so(roomy, tmp_path, db_path):
    long_message = "ж" * 70_000  # over the message limit: rejected
    path = write_csv(tmp_path / "f.csv", [("+79000000001", "Анна", "site", long_message, "")])
    summary = run(roomy, path)
    assert summary.rejected_total == 1
    ((line, reason, cells),) = reject_rows(db_path)
    assert line == 2 and "too long" in reason
    assert cells[:3] == ["+79000000001", "Анна", "site"]
    assert cells[3].startswith("ж" * REJECT_CELL_CHARS)
    assert cells[3].endswith("… [cut: 70000 characters]")
    assert len(cells[3]) < REJECT_CELL_CHARS + 40


def test_the_summary_carries_the_first_rejects_and_counts_them_all(roomy, tmp_path, db_path):
    rows = many_rows(1_500, no_id_every=1)  # no row has a phone
    summary = run(roomy, write_csv(tmp_path / "f.csv", rows))
    assert (summary.rows, summary.rejected_total) == (1_500, 1_500)
    assert len(summary.rejected) == SUMMARY_REJECTS
    assert [r.line for r in summary.rejected] == list(range(2, SUMMARY_REJECTS + 2))

    again = run(roomy, write_csv(tmp_path / "f.csv", rows))  # its rejects tried again
    assert again.retried == summary.record and again.rejected_total == 1_500
    assert len(again.rejected) == SUMMARY_REJECTS


def test_past_stored_rejects_they_are_counted_only(roomy, tmp_path, db_path, monkeypatch):
    monkeypatch.setattr(importer, "STORED_REJECTS", 50)
    summary = run(roomy, write_csv(tmp_path / "f.csv", many_rows(80, no_id_every=1)))
    assert summary.rejected_total == 80
    assert len(reject_rows(db_path)) == 50


def test_save_rejects_writes_every_reject_as_the_window_does(roomy, tmp_path):
    rows = many_rows(1_200, no_id_every=2)
    summary = run(roomy, write_csv(tmp_path / "f.csv", rows))
    assert summary.rejected_total == 600 and len(summary.rejected) == 600
    target = tmp_path / "rejects.csv"
    assert roomy.imports.save_rejects(summary.record.id, target) == 600
    window = tmp_path / "window.csv"
    write_rejected_rows(window, HEADER, roomy.imports.rejects(summary.record.id), ",")
    assert target.read_bytes() == window.read_bytes()
    with target.open(encoding="utf-8-sig", newline="") as file:
        written = list(csv.reader(file))
    assert written[0] == [*HEADER, "reason"]
    assert len(written) == 601
    assert written[1][0] == "" and written[1][-1].startswith("No lead id")


def test_resuming_a_file_with_broken_records_counts_each_line_once(
    roomy, tmp_path, db_path, monkeypatch
):
    roomy.imports.batch_rows = 100
    lines = [f"+7901{i:07d},Имя {i},текст" for i in range(1_000)]
    for broken in (50, 150, 151, 420, 999):
        lines[broken] = f'+7901{broken:07d},"Имя {broken},текст'
    lines[700] = "+79010000700," + "x" * 1_000_001
    path = tmp_path / "broken.csv"
    path.write_text("phone,name,message\n" + "\n".join(lines) + "\n", encoding="utf-8")
    checks = []

    def cancel_after_three() -> bool:
        checks.append(None)
        return len(checks) == 3

    first = run(roomy, path, source="site", cancelled=cancel_after_three)
    assert first.cancelled and first.record.rows_done == 300
    summary = run(roomy, path, source="site")
    assert summary.resumed and summary.record.status == ImportStatus.DONE
    assert (summary.rows, summary.record.imported, summary.rejected_total) == (700, 994, 3)
    assert (summary.record.rows, summary.record.rejected) == (1_000, 6)
    assert [r.line for r in roomy.imports.rejects(summary.record.id)] == [
        52,
        152,
        153,
        422,
        702,
        1_001,
    ]
    assert len(stored(db_path)) == 994


def test_batches_cut_by_size_still_import_every_row(roomy, tmp_path, db_path, monkeypatch):
    # Rows with big cells fill a batch by characters before its row count: the import
    # must go on with the next batch, not take the short batch for the end of the file.
    monkeypatch.setattr(importer, "MAX_BATCH_CHARS", 5_000)
    rows = [(f"+7901{i:07d}", f"Имя {i}", "site", "т" * 900, "") for i in range(60)]
    summary = run(roomy, write_csv(tmp_path / "f.csv", rows))
    assert (summary.rows, summary.record.imported) == (60, 60)
    assert len(stored(db_path)) == 60


def test_a_resumed_import_stopping_again_reports_only_what_this_run_committed(
    roomy, tmp_path, monkeypatch
):
    """The second stop's summary: this run's rows (not the import's totals), the rows it
    rejected (not the first run's), flagged resumed and stopped, with the earlier counts."""
    roomy.imports.batch_rows = 100
    path = write_csv(tmp_path / "f.csv", many_rows(350, no_id_every=10))
    real = Intake.register
    calls = []

    def failing_at(n):
        def failing(self, **kwargs):
            calls.append(None)
            if len(calls) == n:
                raise RuntimeError("disk on fire")
            return real(self, **kwargs)

        return failing

    monkeypatch.setattr(Intake, "register", failing_at(150))  # in the second batch
    with pytest.raises(StoppedPartWay):
        run(roomy, path)
    calls.clear()
    monkeypatch.setattr(Intake, "register", failing_at(150))  # in this run's second batch
    with pytest.raises(StoppedPartWay) as stop:
        run(roomy, path)
    assert stop.value.committed == 100
    assert str(stop.value) == (
        "An internal error stopped it. The import stopped part-way (rows committed: 100; "
        "they stay); run the same import again to resume."
    )
    summary = stop.value.result
    assert isinstance(summary, importer.ImportSummary)
    assert summary.resumed is True and summary.cancelled is True
    assert summary.table is not None and summary.table.path == path
    assert summary.earlier == importer.RunCounts(90, 90, 0, 0, 10)
    assert (summary.record.rows_done, summary.record.imported) == (200, 180)
    assert (summary.rows, summary.imported, summary.rejected_total) == (100, 90, 10)
    # Lines 2.. hold rows 0..; every 10th row has no phone: this run's are rows 109..199.
    assert [r.line for r in summary.rejected] == [row + 2 for row in range(109, 200, 10)]


def test_an_import_stopping_after_one_committed_row_reports_it(roomy, tmp_path, monkeypatch):
    roomy.imports.batch_rows = 1
    path = write_csv(tmp_path / "f.csv", many_rows(5))
    real = Intake.register
    calls = []

    def failing(self, **kwargs):
        calls.append(None)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(self, **kwargs)

    monkeypatch.setattr(Intake, "register", failing)
    with pytest.raises(StoppedPartWay) as stop:
        run(roomy, path)
    assert stop.value.committed == 1
    assert stop.value.result.record.rows_done == 1


def test_a_resumed_import_reads_the_file_with_the_options_it_started_with(
    roomy, tmp_path, monkeypatch
):
    """The user's corrections (encoding, header line, column mapping) differ from what
    detection would choose; the run resuming the import is given a freshly detected
    table and must read the rest of the file as the first run did."""
    from desktop_crm.importing import Field, ReadOptions

    roomy.imports.batch_rows = 100
    lines = [("phone", "name", "channel", "source", "message")]
    lines += [(phone(n), f"Лид {n}", "site", "Avito", f"привет {n}") for n in range(151)]
    lines.append((phone(151), "Лид", "Авито", "Avito", "привет"))  # an unknown channel
    path = tmp_path / "cp1251.csv"
    path.write_bytes("".join(",".join(cells) + "\n" for cells in lines).encode("cp1251"))
    chosen = ReadOptions(
        encoding="koi8-r",  # not the file's: its text comes out garbled, but consistently
        header_line=3,  # the rows above are not read
        mapping={Field.EXTERNAL_ID: 0, Field.SOURCE: 2, Field.MESSAGE: 4},
    )
    real = Intake.register
    calls = []

    def failing(self, **kwargs):
        calls.append(None)
        if len(calls) == 120:  # in the second batch
            raise RuntimeError("disk on fire")
        return real(self, **kwargs)

    monkeypatch.setattr(Intake, "register", failing)
    with pytest.raises(StoppedPartWay):
        roomy.imports.run(open_table(path, chosen))
    monkeypatch.setattr(Intake, "register", real)
    summary = roomy.imports.run(open_table(path))  # detection would pick other options
    assert summary.resumed
    assert (summary.record.imported, summary.record.skipped) == (149, 0)
    assert (summary.rows, summary.imported, summary.rejected_total) == (50, 49, 1)
    garbled = "Авито".encode("cp1251").decode("koi8-r")
    assert [(r.line, r.reason) for r in summary.rejected] == [(153, f"No source {garbled!r}.")]


def test_a_rejected_row_keeps_cells_up_to_the_limit_and_says_what_was_cut():
    at_limit = "x" * REJECT_CELL_CHARS
    assert importer.capped_cells([at_limit, "ok"]) == [at_limit, "ok"]
    longer = "y" * (REJECT_CELL_CHARS + 5)
    cut = f"{'y' * REJECT_CELL_CHARS}… [cut: {REJECT_CELL_CHARS + 5} characters]"
    assert importer.capped_cells([longer]) == [cut]
    many = [str(n) for n in range(importer.REJECT_CELLS + 3)]
    assert importer.capped_cells(many) == [*many[: importer.REJECT_CELLS], "… [more cells cut]"]


def test_the_next_batch_aims_at_the_lock_time_and_grows_by_half_at_most():
    seconds = importer.BATCH_SECONDS
    assert importer.next_batch_rows(1_000, seconds * 2) == 500  # slow: half the rows
    assert importer.next_batch_rows(1_000, seconds / 2) == 1_500  # fast: +50 %, not +100 %
    assert importer.next_batch_rows(1_000, 0.0) == 1_500
    assert importer.next_batch_rows(1_000, 100.0) == importer.MIN_BATCH_ROWS
    assert importer.next_batch_rows(100_000, seconds) == importer.MAX_BATCH_ROWS


def _rejected(line, cells):
    return importer.RejectedRow(line, "bad", "bad", {}, tuple(cells))


def test_a_rejects_file_without_headers_pads_the_cells_so_the_reasons_line_up(tmp_path):
    target = tmp_path / "rejects.csv"
    rows = [_rejected(1, ["a"]), _rejected(2, ["a", "b", "c"]), _rejected(3, ["a", "b"])]
    assert write_rejected_rows(target, [], rows, "|", width=3) == 3  # "|": not kept
    assert target.read_text(encoding="utf-8-sig").splitlines() == [
        "a;;;bad",
        "a;b;c;bad",
        "a;b;;bad",
    ]
    with_headers = tmp_path / "headed.csv"
    write_rejected_rows(with_headers, ["p", "q", "r"], rows[:1], ",", width=5)
    assert with_headers.read_text(encoding="utf-8-sig").splitlines() == ["p,q,r,reason", "a,,,bad"]


def test_save_rejects_of_a_file_without_a_header_pads_to_its_widest_rejected_row(roomy, tmp_path):
    from desktop_crm.importing import NO_HEADER, Field, ReadOptions

    path = tmp_path / "bare.csv"
    path.write_text("+79005550001,a,b,c\n,x\n,x,y,z,w\n+79005550002,ok\n", encoding="utf-8")
    options = ReadOptions(header_line=NO_HEADER, mapping={Field.EXTERNAL_ID: 0})
    summary = roomy.imports.run(open_table(path, options), source="site")
    assert summary.rejected_total == 2
    target = tmp_path / "rejects.csv"
    assert roomy.imports.save_rejects(summary.record.id, target) == 2
    with target.open(encoding="utf-8-sig", newline="") as file:
        written = list(csv.reader(file, delimiter=","))
    assert [cells[:-1] for cells in written] == [["", "x", "", "", ""], ["", "x", "y", "z", "w"]]
    assert all(cells[-1].startswith("No lead id") for cells in written)


def test_a_resumed_import_keeps_taking_phone_like_ids_as_plain_ids(roomy, tmp_path, monkeypatch):
    roomy.imports.batch_rows = 100
    rows = many_rows(150)
    rows[130] = ("8 900 12", *rows[130][1:])  # no phone number: a plain id when told so
    path = write_csv(tmp_path / "f.csv", rows)
    real = Intake.register
    calls = []

    def failing(self, **kwargs):
        calls.append(None)
        if len(calls) == 120:
            raise RuntimeError("disk on fire")
        return real(self, **kwargs)

    monkeypatch.setattr(Intake, "register", failing)
    with pytest.raises(StoppedPartWay):
        run(roomy, path, plain_ids=True)
    monkeypatch.setattr(Intake, "register", real)
    summary = run(roomy, path)  # resumes with the options it started with
    assert summary.resumed
    assert (summary.imported, summary.rejected_total) == (50, 0)
    assert roomy.leads.find("8 900 12") is not None


def test_each_batch_tells_the_counts_so_far_and_what_changed(roomy, tmp_path):
    """After each batch: progress with every row counted (imported, skipped as repeated,
    rejected), the time left (none once the file is read) and a change of contacts, leads,
    operators (their loads) and imports for the windows to refresh."""
    from desktop_crm.services.events import Change

    roomy.imports.batch_rows = 4
    rows = many_rows(10, no_id_every=5)
    rows[3] = rows[2]  # a repeated row: skipped
    told = []
    changes = []
    roomy.events.subscribe(changes.append)
    summary = run(roomy, write_csv(tmp_path / "f.csv", rows), progress=told.append)
    assert [(p.rows, p.imported, p.skipped, p.rejected) for p in told] == [
        (4, 3, 1, 0),
        (8, 6, 1, 1),
        (10, 7, 1, 2),
    ]
    assert all(p.rows_per_second >= 0 for p in told)
    assert told[-1].fraction == 1.0 and told[-1].seconds_left == 0
    batch = frozenset({Change.CONTACTS, Change.LEADS, Change.LOADS, Change.IMPORTS})
    assert changes.count(batch) == 3
    assert summary.record.file_path == str(tmp_path / "f.csv")


def test_a_failing_import_marks_only_itself_failed(roomy, tmp_path, monkeypatch):
    from desktop_crm.services.events import Change

    done = run(roomy, write_csv(tmp_path / "a.csv", many_rows(3)))

    def failing(self, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Intake, "register", failing)
    changes = []
    roomy.events.subscribe(changes.append)
    with pytest.raises(RuntimeError):  # nothing committed: the error itself
        run(roomy, write_csv(tmp_path / "b.csv", many_rows(5)))
    statuses = {r.file_name: r.status for r in roomy.imports.list()}
    assert statuses == {"a.csv": ImportStatus.DONE, "b.csv": ImportStatus.FAILED}
    assert Change.IMPORTS in changes[-1]
    assert done.record.status == ImportStatus.DONE


def test_a_row_fingerprint_stays_what_databases_already_store():
    """Fingerprints are stored: a change would make every earlier import's rows look new."""
    assert importer.fingerprint("+79005550001", 1, "hi", None) == importer.fingerprint(
        "+79005550001", 1, "hi", ""
    )
    assert importer.fingerprint("+79005550001", 1, "hi", None) == int.from_bytes(
        hashlib.blake2b(b"+79005550001\x1f1\x1fhi\x1f", digest_size=8).digest(),
        "big",
        signed=True,
    )


def test_an_import_stopped_part_way_shows_the_first_rejects_and_counts_them_all(
    roomy, tmp_path, monkeypatch
):
    roomy.imports.batch_rows = 2_200
    path = write_csv(tmp_path / "f.csv", many_rows(2_400, no_id_every=2))
    real = Intake.register
    calls = []

    def failing(self, **kwargs):
        calls.append(None)
        if len(calls) == 1_101:  # in the second batch
            raise RuntimeError("disk on fire")
        return real(self, **kwargs)

    monkeypatch.setattr(Intake, "register", failing)
    with pytest.raises(StoppedPartWay) as stop:
        run(roomy, path)
    summary = stop.value.result
    assert summary.rejected_total == 1_100
    assert len(summary.rejected) == SUMMARY_REJECTS


def _fail_in_the_second_batch(monkeypatch, call: int = 120):
    """Intake.register fails on its ``call``-th call (in the second batch of 100);
    returns a function that puts the real one back."""
    real = Intake.register
    calls = []

    def failing(self, **kwargs):
        calls.append(None)
        if len(calls) == call:
            raise RuntimeError("disk on fire")
        return real(self, **kwargs)

    monkeypatch.setattr(Intake, "register", failing)
    return lambda: monkeypatch.setattr(Intake, "register", real)


def test_a_resumed_import_reads_the_file_with_the_delimiter_it_started_with(
    roomy, tmp_path, monkeypatch, database_location
):
    """Detection reads this file with "," (its header then names a phone column); the
    user chose ";". The run resuming the import reads the rest with ";" as well."""
    from desktop_crm.importing import Field, ReadOptions

    roomy.imports.batch_rows = 100
    lines = ["phone,message;note"] + [f"{phone(n)};привет, Лид {n}" for n in range(150)]
    path = tmp_path / "semicolons.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert open_table(path).delimiter == ","
    chosen = ReadOptions(delimiter=";", mapping={Field.EXTERNAL_ID: 0, Field.MESSAGE: 1})
    restore = _fail_in_the_second_batch(monkeypatch)
    with pytest.raises(StoppedPartWay):
        roomy.imports.run(open_table(path, chosen), source="site")
    restore()
    summary = roomy.imports.run(open_table(path), source="site")  # detection: ","
    assert summary.resumed and summary.table is not None and summary.table.delimiter == ";"
    assert (summary.record.imported, summary.record.rejected) == (150, 0)
    assert summary.record.delimiter == ";"
    assert sorted(s.message for s in stored(database_location)) == sorted(
        f"привет, Лид {n}" for n in range(150)
    )


def test_a_resumed_import_reads_the_sheet_it_started_with(
    roomy, tmp_path, monkeypatch, database_location
):
    """The user chose the workbook's second sheet; opened again, the first is detected:
    that is an import of its own (an import is the content and the sheet). Choosing the
    second sheet again resumes the import, and reads the rest of that sheet."""
    from openpyxl import Workbook

    from desktop_crm.importing import ReadOptions

    book = Workbook()
    first = book.active
    first.title = "Архив"
    first.append(["phone", "message"])
    for n in range(1_000, 1_010):
        first.append([phone(n), f"старый {n}"])
    chosen = book.create_sheet("Май")
    chosen.append(["phone", "message"])
    for n in range(150):
        chosen.append([phone(n), f"май {n}"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert open_table(path).sheet == "Архив"
    roomy.imports.batch_rows = 100
    restore = _fail_in_the_second_batch(monkeypatch)
    with pytest.raises(StoppedPartWay):
        roomy.imports.run(open_table(path, ReadOptions(sheet="Май")), source="site")
    restore()
    archive = roomy.imports.run(open_table(path), source="site")
    assert not archive.resumed and archive.table is not None and archive.table.sheet == "Архив"
    assert (archive.rows, archive.record.imported) == (10, 10)
    summary = roomy.imports.run(open_table(path, ReadOptions(sheet="Май")), source="site")
    assert summary.resumed and summary.table is not None and summary.table.sheet == "Май"
    assert (summary.rows, summary.record.imported) == (50, 150)
    assert {s.message for s in stored(database_location)} == {f"май {n}" for n in range(150)} | {
        f"старый {n}" for n in range(1_000, 1_010)
    }


def test_the_summary_carries_the_table_imported_also_when_it_was_imported_before(roomy, tmp_path):
    table = open_table(write_csv(tmp_path / "f.csv", many_rows(3)))
    first = roomy.imports.run(table)
    assert first.table is table and first.already_imported is None
    again = roomy.imports.run(table)
    assert again.already_imported is not None and again.table is table


def test_saving_the_rejects_of_a_headerless_file_without_any_writes_no_row(roomy, tmp_path):
    from desktop_crm.importing import NO_HEADER, Field, ReadOptions

    path = tmp_path / "bare.csv"
    path.write_text("+79005550001,a\n+79005550002,b\n", encoding="utf-8")
    options = ReadOptions(header_line=NO_HEADER, mapping={Field.EXTERNAL_ID: 0})
    summary = roomy.imports.run(open_table(path, options), source="site")
    assert (summary.imported, summary.rejected_total) == (2, 0)
    target = tmp_path / "rejects.csv"
    assert roomy.imports.save_rejects(summary.record.id, target) == 0
    assert target.read_text(encoding="utf-8-sig") == ""


def test_a_file_without_a_source_column_or_a_chosen_source_is_refused_naming_it(roomy, tmp_path):
    from desktop_crm.errors import InvalidValue

    path = write_csv(tmp_path / "no-source.csv", [(phone(1), "hi")], ("phone", "message"))
    with pytest.raises(InvalidValue) as refused:
        roomy.imports.run(open_table(path))
    assert refused.value.field == "source"
    assert refused.value.params["file"] == "no-source.csv"
    assert str(refused.value) == (
        "no-source.csv has no source column; choose the source for the whole file."
    )
    assert roomy.imports.list() == []


def test_an_import_is_listed_and_journaled_as_running_before_its_first_batch(roomy, tmp_path):
    """The Imports screen refreshes at the start (not only after the first batch) and
    the journal names the import it started."""
    from desktop_crm.services.events import Change

    told = []
    roomy.events.subscribe(lambda kinds: told.append((kinds, roomy.imports.list())))
    summary = run(roomy, write_csv(tmp_path / "f.csv", many_rows(3)))
    kinds, listed = told[0]
    assert kinds == frozenset({Change.IMPORTS})
    assert [(r.id, r.status, r.rows_done) for r in listed] == [
        (summary.record.id, ImportStatus.RUNNING, 0)
    ]
    (entry,) = [e for e in roomy.audit.entries() if e.action == "import_started"]
    assert (entry.object_id, entry.label) == (summary.record.id, "f.csv")


def test_a_refused_lead_id_is_rejected_with_its_reason_and_cells(roomy, tmp_path):
    rows = [("erased:7", "Анна", "site", "hi", ""), (phone(1), "Борис", "site", "yo", "")]
    summary = run(roomy, write_csv(tmp_path / "f.csv", rows))
    assert (summary.imported, summary.rejected_total) == (1, 1)
    (rejected,) = roomy.imports.rejects(summary.record.id)
    assert rejected == importer.RejectedRow(
        2,
        "A lead's external id may not start with 'erased:' (erased leads).",
        "A lead's external id may not start with {prefix!r} (erased leads).",
        {"field": "external_id", "prefix": "erased:"},
        ("erased:7", "Анна", "site", "hi", ""),
    )


def test_a_phone_column_reads_bare_national_digits_in_the_configured_region(
    roomy, tmp_path, database_location
):
    roomy.settings.set_phone_region("DE")
    path = write_csv(
        tmp_path / "de.csv", [("15112345678", "site", "hallo")], ("phone", "source", "message")
    )
    summary = run(roomy, path)
    assert summary.imported == 1
    assert [s.external_id for s in stored(database_location)] == ["+4915112345678"]


def test_a_batch_is_cut_once_its_cells_weigh_more_than_the_limit(roomy, tmp_path, monkeypatch):
    """A row weighs its characters and 16 for each cell: 124 + 5 * 16 = 204 here. With
    the limit at three rows' weight a batch holds four rows: cut only once past it."""
    monkeypatch.setattr(importer, "MAX_BATCH_CHARS", 3 * 204)
    rows = [(f"+7901{i:07d}", f"Имя {i:04d}", "site", "т" * 100, "") for i in range(10)]
    assert {sum(map(len, cells)) for cells in rows} == {124}
    told = []
    summary = run(roomy, write_csv(tmp_path / "f.csv", rows), progress=told.append)
    assert [p.rows for p in told] == [4, 8, 10]
    assert summary.record.imported == 10


def test_a_batch_after_another_connection_committed_counts_the_loads_again(crm, tmp_path):
    """On every backend (PostgreSQL cannot tell at once whether anybody committed, so
    each batch counts again there): another connection fills Анна's room between two
    batches, and the next batch gives her nobody."""
    from .test_importer import in_another_connection

    crm.operators.create("Анна", max_load=4)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.imports.batch_rows = 2

    def fill() -> None:  # 2 imported + 2 = 4: full
        for i in range(2):
            crm.contacts.register(ContactRequest(f"outsider{i}", "site"))

    def meanwhile(progress) -> None:
        if progress.rows == 2:
            in_another_connection(crm, fill)

    summary = run(crm, write_csv(tmp_path / "f.csv", many_rows(6)), progress=meanwhile)
    assert (summary.imported, summary.assigned, summary.unassigned) == (6, 2, 4)
    (anna,) = crm.operators.list()
    assert (anna.load, anna.max_load) == (4, 4)


def test_a_source_renamed_by_another_connection_between_batches_is_looked_up_again(crm, tmp_path):
    """The source ids a batch found are kept for the next one only while nobody else
    committed: renamed meanwhile, "Сайт" names no source for the rest of the file."""
    from .test_importer import in_another_connection

    crm.operators.create("Анна", max_load=100)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.imports.batch_rows = 2

    def meanwhile(progress) -> None:
        if progress.rows == 2:
            in_another_connection(crm, lambda: crm.sources.update("site", name="Веб"))

    rows = many_rows(6, source="Сайт")
    summary = run(crm, write_csv(tmp_path / "f.csv", rows), progress=meanwhile)
    assert (summary.imported, summary.rejected_total) == (2, 4)
    assert {r.reason for r in summary.rejected} == {"No source 'Сайт'."}
