"""Importing files from the window: drops, the import dialog, the Imports screen."""

from __future__ import annotations

import csv
import threading
import time
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from desktop_crm.importing import open_table
from desktop_crm.importing.fields import Field
from desktop_crm.services.dto.filters import ContactFilter
from desktop_crm.ui.import_dialog import ImportDialog, file_dialogs
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.imports import ImportsModel, PreviewModel, RejectsModel
from desktop_crm.ui.pages.imports import ImportsPage
from desktop_crm.ui.pages.registry import PAGE_CLASSES

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
CP1251_SAMPLE = SAMPLES / "contacts_cp1251_excel.csv"
REJECTED_LINE = 26  # the sample's row without a phone


# -- fixtures and helpers ----------------------------------------------------------------------
@pytest.fixture
def sample_sources(crm):
    """The sources the sample files name, with two operators to hand contacts to."""
    crm.operators.create("Анна", max_load=10)
    crm.operators.create("Борис", max_load=5)
    for name, code in (("Telegram-бот", "tg"), ("Сайт", "site"), ("WhatsApp", "wa")):
        crm.sources.create(name, code=code)
        crm.sources.set_weights(code, {"Анна": 1, "Борис": 1})
    return crm


@pytest.fixture
def window(qtbot, ctx, settle):
    pages = PAGE_CLASSES if ImportsPage in PAGE_CLASSES else [*PAGE_CLASSES, ImportsPage]
    win = MainWindow(ctx, pages)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    settle()
    return win


@pytest.fixture
def fake_dialogs(window, monkeypatch):
    """The launcher makes plain dialogs that only remember their file."""
    made: list[QDialog] = []

    def factory(ctx, path, parent=None):
        dialog = QDialog(parent)
        dialog.path = path
        made.append(dialog)
        return dialog

    monkeypatch.setattr(window.importer, "dialog_factory", factory)
    return made


def contacts_file(path: Path, rows: int, source: str = "tg", first: int = 0) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["phone", "name", "source", "message"])
        for n in range(first, first + rows):
            writer.writerow([f"+7 9{n:09d}", f"Лид {n}", source, f"сообщение {n}"])
    return path


def drag_enter(window, urls: list[QUrl]) -> QDragEnterEvent:
    data = QMimeData()
    data.setUrls(urls)
    with warnings.catch_warnings():
        # PySide6 6.12 marks the QPoint constructor deprecated, yet the QPointF one
        # is not always bound; the QPoint one is the one that always exists.
        warnings.simplefilter("ignore", DeprecationWarning)
        event = QDragEnterEvent(
            QPoint(40, 40),
            Qt.DropAction.CopyAction | Qt.DropAction.LinkAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    event._data = data  # keep the mime data alive as long as the event
    QApplication.sendEvent(window, event)
    return event


def drop(window, urls: list[QUrl]) -> QDropEvent:
    """A drop as Qt delivers it: after a drag enter, and only if that was accepted."""
    drag_enter(window, urls)
    data = QMimeData()
    data.setUrls(urls)
    event = QDropEvent(
        QPointF(40, 40),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event._data = data
    QApplication.sendEvent(window, event)
    return event


def open_dialog(qtbot, ctx, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state in (dialog.READY, dialog.FAILED), timeout=10_000)
    return dialog


def run_import(qtbot, dialog: ImportDialog, timeout: int = 60_000) -> None:
    assert dialog.blocker() is None, dialog.blocker()
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)  # the forecast counted
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state == dialog.FINISHED, timeout=timeout)


def small_batches(crm, rows: int = 5) -> threading.Event:
    """Commit every ``rows`` rows, and hold the worker after each batch from the second
    on until the returned event is set (the test sets it once the window has handled a
    batch's progress), so that Cancel lands before the end of the file."""
    crm.imports.batch_rows = rows
    handled = threading.Event()
    batches = []

    def hold(changes) -> None:
        if threading.current_thread() is threading.main_thread() or "contacts" not in changes:
            return
        batches.append(changes)
        if len(batches) > 1:
            assert handled.wait(10), "the window never handled a batch's progress"

    crm.events.subscribe(hold)
    return handled


def contact_count(crm) -> int:
    return sum(len(lead.contacts) for lead in crm.leads.search(""))


# -- drops -------------------------------------------------------------------------------------
def test_drops_accept_only_local_table_files(qtbot, window, tmp_path, fake_dialogs):
    csv_file = contacts_file(tmp_path / "a.csv", 3)
    xlsx_file = SAMPLES / "contacts.xlsx"
    pdf_file = tmp_path / "scan.pdf"
    pdf_file.write_bytes(b"%PDF-1.4")
    folder = tmp_path / "folder.csv"  # a folder, whatever its name says
    folder.mkdir()

    assert drag_enter(window, [QUrl.fromLocalFile(str(csv_file))]).isAccepted()
    assert drag_enter(window, [QUrl.fromLocalFile(str(xlsx_file))]).isAccepted()
    assert not drag_enter(window, [QUrl.fromLocalFile(str(pdf_file))]).isAccepted()
    assert not drag_enter(window, [QUrl.fromLocalFile(str(folder))]).isAccepted()
    assert not drag_enter(window, [QUrl("https://example.com/contacts.csv")]).isAccepted()

    refused = drop(window, [QUrl.fromLocalFile(str(pdf_file))])
    assert not refused.isAccepted()
    # Dialogs open in drop order: had the refused drop queued one, it would come first.
    assert drop(window, [QUrl.fromLocalFile(str(csv_file))]).isAccepted()
    qtbot.waitUntil(lambda: len(fake_dialogs) == 1)
    assert [dialog.path for dialog in fake_dialogs] == [csv_file.resolve()]


def test_a_drop_of_several_files_queues_a_dialog_each_and_names_the_ignored(
    qtbot, window, tmp_path, fake_dialogs
):
    first = contacts_file(tmp_path / "first.csv", 2)
    second = contacts_file(tmp_path / "second.tsv", 2)
    pdf_file = tmp_path / "notes.pdf"
    pdf_file.write_bytes(b"%PDF-1.4")
    urls = [QUrl.fromLocalFile(str(p)) for p in (first, pdf_file, second)]

    assert drag_enter(window, urls).isAccepted()  # a mixed drop: the tables are taken
    assert drop(window, urls).isAccepted()
    qtbot.waitUntil(lambda: len(fake_dialogs) == 1)
    assert fake_dialogs[0].path == first.resolve()
    assert window.importer.pending == [second.resolve()]
    assert window.importer.ignored == ["notes.pdf"]
    assert "notes.pdf" in window.statusBar().currentMessage()

    fake_dialogs[0].reject()  # the next file's dialog opens once this one closes
    qtbot.waitUntil(lambda: len(fake_dialogs) == 2)
    assert fake_dialogs[1].path == second.resolve()
    assert window.importer.pending == []


def test_file_import_action_opens_the_chosen_files(
    qtbot, window, tmp_path, fake_dialogs, monkeypatch
):
    chosen = contacts_file(tmp_path / "chosen.csv", 2)
    monkeypatch.setattr(file_dialogs, "choose_import_files", lambda parent: [chosen])
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    window.import_action.trigger()
    qtbot.waitUntil(lambda: len(fake_dialogs) == 1)
    assert fake_dialogs[0].path == chosen.resolve()


def test_a_dropped_file_opens_the_real_dialog(qtbot, window, sample_sources):
    drop(window, [QUrl.fromLocalFile(str(CP1251_SAMPLE))])
    qtbot.waitUntil(lambda: isinstance(window.importer.current, ImportDialog))
    dialog = window.importer.current
    qtbot.waitUntil(lambda: dialog.state == dialog.READY, timeout=10_000)
    assert dialog.isVisible() and not dialog.isModal()
    dialog.reject()
    qtbot.waitUntil(lambda: window.importer.current is None)


# -- the dialog --------------------------------------------------------------------------------
def test_dialog_detects_the_russian_excel_csv_and_shows_the_mapping(
    qtbot, ctx, sample_sources, qtmodeltester
):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    assert dialog.encoding_combo.currentText() == "cp1251 (detected)"
    assert dialog.delimiter_combo.currentData() == ";"
    assert dialog.header_spin.value() == 2  # a title line sits above the header
    assert {f: c.currentText() for f, c in dialog.mapping_combos.items()} == {
        Field.EXTERNAL_ID: "Телефон",
        Field.NAME: "ФИО",
        Field.SOURCE: "Источник",
        Field.MESSAGE: "Комментарий",
        Field.CREATED_AT: "Дата",
        Field.OWNER: "(not imported)",
        Field.TAGS: "(not imported)",
    }
    assert dialog.source_combo.currentText() == "From the file's Source column"
    assert "contacts_cp1251_excel.csv" in dialog.file_label.text()

    model = dialog.preview_model
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Телефон → external id"
    assert model.is_leading(0)  # the title line, shown above the header
    assert model.data_rows == 30 and model.rejected_rows == 1
    rejected = next(r for r in range(model.rowCount()) if model.reason(r))
    assert model.headerData(rejected, Qt.Orientation.Vertical) == REJECTED_LINE
    assert "Телефон" in model.index(rejected, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(rejected, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)  # once the forecast counted
    assert dialog.start_button.text() == "Import"


def test_changing_delimiter_encoding_and_mapping_reopens_the_file(qtbot, ctx, sample_sources):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)

    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(","))
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.delimiter == ",")
    assert dialog.table.problem is not None  # one wide column: no id column any more
    assert not dialog.start_button.isEnabled()
    assert dialog.problem_message.isVisible() and "id" in dialog.problem_message.text()

    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(";"))
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.delimiter == ";")
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)

    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("koi8-r"))
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.encoding.name == "koi8-r")
    assert "Телефон" not in dialog.table.headers  # mojibake: the header words are gone
    assert not dialog.start_button.isEnabled()

    # Map the id by hand: Start comes back, and the file-wide source becomes required.
    dialog.mapping_combos[Field.EXTERNAL_ID].setCurrentIndex(1)  # the first column
    qtbot.waitUntil(
        lambda: dialog.state == dialog.READY and dialog.table.mapping.has_id, timeout=5000
    )
    assert dialog.table.mapping.columns == {Field.EXTERNAL_ID: 0}
    assert not dialog.start_button.isEnabled()  # no source column: choose the source
    assert "source" in dialog.problem_message.text().lower()
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findText("Сайт (site)"))
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)

    dialog.encoding_combo.setCurrentIndex(0)  # back to the detected one
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.encoding.name == "cp1251")
    assert dialog.mapping_combos[Field.NAME].currentText() == "ФИО"


def test_a_bad_header_line_is_refused_where_it_was_typed(qtbot, ctx, sample_sources):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    dialog.header_spin.setValue(900)
    qtbot.waitUntil(lambda: dialog.settings_message.isVisible(), timeout=5000)
    assert "900" in dialog.settings_message.text()
    assert dialog.header_spin.value() == 2  # back to the layout still in force
    assert dialog.state == dialog.READY
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)


def test_importing_through_the_dialog_registers_rows_and_sums_up(
    qtbot, ctx, sample_sources, tmp_path, monkeypatch, qtmodeltester
):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    run_import(qtbot, dialog)
    summary = dialog.summary
    assert summary is not None and not summary.cancelled
    assert (summary.rows, summary.record.imported, len(summary.rejected)) == (30, 29, 1)
    assert summary.record.assigned + summary.record.unassigned == 29
    assert dialog.count_labels["rows"].text() == "30"
    assert dialog.count_labels["imported"].text().startswith("29 (assigned ")
    assert dialog.count_labels["rejected"].text() == "1"
    assert contact_count(ctx.crm) == 29
    (lead,) = ctx.crm.leads.search("+79083095064")  # "8 908 309-50-64" in the file
    assert lead.name == "Иван Петров"

    qtmodeltester.check(dialog.rejects_model)
    assert dialog.rejects_model.index(0, 0).data() == REJECTED_LINE
    assert dialog.save_button.isVisible()

    # Save rejected rows: a CSV with the original header and a reason column.
    target = tmp_path / "to fix.csv"
    offered = []
    monkeypatch.setattr(
        file_dialogs,
        "choose_rejects_path",
        lambda parent, suggested: offered.append(suggested) or target,
    )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.summary_message.isVisible(), timeout=5000)
    assert offered[0].name == "contacts_cp1251_excel_rejected.csv"
    assert "Saved 1 row" in dialog.summary_message.text()
    again = open_table(target)
    assert again.headers == ("Телефон", "ФИО", "Источник", "Комментарий", "Дата", "reason")
    (row,) = again.preview(10).rows
    assert row.cells[1] == "Степанова Юлия"
    assert row.cells[5] == 'No lead id: the column "Телефон" is empty.'

    # Fixed and dropped again: the row goes in.
    fixed = tmp_path / "fixed.csv"
    text = target.read_text(encoding="utf-8-sig").replace("\n;", "\n+7 999 000-11-22;", 1)
    fixed.write_text(text, encoding="utf-8-sig")
    second = open_dialog(qtbot, ctx, fixed)
    run_import(qtbot, second)
    assert second.summary.record.imported == 1
    assert ctx.crm.leads.search("+79990001122")[0].name == "Степанова Юлия"


def test_a_file_imported_before_says_so_and_can_be_imported_again(qtbot, ctx, sample_sources):
    first = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    run_import(qtbot, first)
    first.close()

    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    assert dialog.notice_message.isVisible()
    assert "already imported on" in dialog.notice_message.text()
    assert "(30 row(s))" in dialog.notice_message.text()
    assert dialog.start_button.text() == "Import again"
    run_import(qtbot, dialog)
    assert dialog.summary.record.imported == 29  # again=True: every row once more
    assert contact_count(ctx.crm) == 58


def test_cancel_keeps_the_committed_rows_and_the_next_import_resumes(
    qtbot, ctx, sample_sources, tmp_path, monkeypatch
):
    handled = small_batches(ctx.crm)
    path = contacts_file(tmp_path / "many.csv", 300)

    dialog = open_dialog(qtbot, ctx, path)
    seen = []

    def cancel(progress) -> None:
        seen.append(progress)
        dialog.cancel_import()
        handled.set()

    dialog.progress_changed = cancel
    run_import(qtbot, dialog)
    summary = dialog.summary
    committed = summary.record.rows
    assert summary.cancelled and seen
    assert 0 < committed < 300
    assert contact_count(ctx.crm) == summary.record.imported == committed
    assert f"{committed} row(s) were committed and stay" in dialog.summary_text.text()
    assert "cancelled" in dialog.summary_title.text()

    resumed = open_dialog(qtbot, ctx, path)
    assert f"resume after row {committed}" in resumed.notice_message.text()
    assert not resumed.mapping_combos[Field.EXTERNAL_ID].isEnabled()  # the layout chosen then
    run_import(qtbot, resumed)
    assert resumed.summary.resumed and not resumed.summary.cancelled
    assert resumed.summary.record.imported == 300
    assert contact_count(ctx.crm) == 300
    # The counts are this run's; the text gives the whole import's.
    assert resumed.count_labels["rows"].text() == str(300 - committed)
    assert resumed.count_labels["imported"].text().startswith(f"{300 - committed} (")
    assert "the whole import: 300 rows, 300 imported" in resumed.summary_text.text()


def test_closing_the_dialog_while_importing_cancels(
    qtbot, ctx, sample_sources, tmp_path, monkeypatch
):
    handled = small_batches(ctx.crm)
    path = contacts_file(tmp_path / "close.csv", 200)
    dialog = open_dialog(qtbot, ctx, path)
    dialog.progress_changed = lambda progress: dialog.close() or handled.set()
    run_import(qtbot, dialog)
    assert dialog.summary.cancelled
    assert dialog.isVisible()  # the summary stays until the user closes it


def test_a_file_that_is_no_table_shows_why_and_only_close(qtbot, ctx, tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 40)
    dialog = open_dialog(qtbot, ctx, path)
    assert dialog.state == dialog.FAILED
    assert "is not a table" in dialog.failure_text.text()
    assert dialog.failure_text.isVisible()
    assert not dialog.start_button.isVisible()
    assert dialog.close_button.text() == "Close"

    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    dialog = open_dialog(qtbot, ctx, empty)
    assert dialog.state == dialog.FAILED and "empty" in dialog.failure_text.text()


def test_a_file_without_source_column_needs_a_source(qtbot, ctx, tmp_path):
    path = tmp_path / "no_source.csv"
    path.write_text("phone;name\n+7 900 111-22-33;Вера\n", encoding="utf-8")
    dialog = open_dialog(qtbot, ctx, path)
    assert dialog.source_combo.currentText() == "Choose the source…"
    assert not dialog.start_button.isEnabled()
    assert "there are no sources yet" in dialog.problem_message.text()
    ctx.crm.sources.create("WhatsApp", code="wa")  # elsewhere: the dialog is not modal
    qtbot.waitUntil(lambda: dialog.source_combo.findText("WhatsApp (wa)") > 0, timeout=5000)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findText("WhatsApp (wa)"))
    run_import(qtbot, dialog)
    (lead,) = ctx.crm.leads.search("+79001112233")
    assert lead.contacts[0].source.name == "WhatsApp"


# -- the Imports screen ------------------------------------------------------------------------
def test_imports_page_lists_imports_and_saves_rejected_rows(
    qtbot, ctx, sample_sources, settle, tmp_path, monkeypatch, qtmodeltester
):
    page = ImportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle()
    assert page.body.currentWidget() is page.empty_hint
    assert "Drop CSV or Excel files" in page.empty_hint.text()

    for path in (CP1251_SAMPLE, contacts_file(tmp_path / "more.csv", 4)):
        dialog = open_dialog(qtbot, ctx, path)
        run_import(qtbot, dialog)
    # The page reloads by itself after each change; the last reload shows both done.
    qtbot.waitUntil(
        lambda: (
            page.model.rowCount() == 2
            and {page.proxy.index(r, 2).data() for r in range(2)} == {"done"}
        ),
        timeout=5000,
    )
    qtmodeltester.check(page.model)
    assert page.body.currentWidget() is page.splitter
    newest = page.proxy.index(0, 0).data()
    assert newest == "more.csv"  # newest first

    emitted = []
    page.import_requested.connect(lambda: emitted.append(True))
    page.import_button.click()
    assert emitted == [True]

    sample_id = next(r.id for r in page.model.rows() if r.file_name == CP1251_SAMPLE.name)
    page.select_import(sample_id)  # the sample, with its rejected row
    assert page.selected_import().file_name == CP1251_SAMPLE.name
    qtbot.waitUntil(lambda: page.rejects_model.rowCount() == 1, timeout=5000)
    assert page.save_button.isEnabled()
    target = tmp_path / "page_rejects.csv"
    monkeypatch.setattr(file_dialogs, "choose_rejects_path", lambda parent, suggested: target)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=5000)
    assert "Saved 1 rejected row" in page.message.text()
    table = open_table(target)
    assert table.headers[0] == "Телефон" and table.headers[-1] == "reason"

    page.select_import(next(r.id for r in page.model.rows() if r.file_name == "more.csv"))
    qtbot.waitUntil(lambda: page.rejects_model.rowCount() == 0, timeout=5000)
    assert not page.save_button.isEnabled()


def test_imports_model_and_rejects_model_pass_the_model_tester(
    qtmodeltester, ctx, sample_sources, settle
):
    table = open_table(CP1251_SAMPLE)
    ctx.crm.imports.run(table)
    model = ImportsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.index(0, 0).data() == CP1251_SAMPLE.name
    (record,) = ctx.crm.imports.list()
    rejects = RejectsModel()
    rejects.set_rows(ctx.crm.imports.rejects(record.id))
    qtmodeltester.check(rejects)
    preview = PreviewModel()
    qtmodeltester.check(preview)  # empty
    preview.set_preview(table.preview(50))
    qtmodeltester.check(preview)


def test_window_imports_page_opens_the_launcher(qtbot, window, fake_dialogs, monkeypatch, tmp_path):
    chosen = contacts_file(tmp_path / "from_page.csv", 1)
    monkeypatch.setattr(file_dialogs, "choose_import_files", lambda parent: [chosen])
    window.pages["imports"].import_button.click()
    qtbot.waitUntil(lambda: len(fake_dialogs) == 1)


# -- responsiveness ----------------------------------------------------------------------------
@pytest.mark.slow
def test_the_window_stays_responsive_during_a_big_import(
    qtbot, window, ctx, sample_sources, tmp_path
):
    """Measures (does not assert) the longest pause of a 10 ms GUI timer while the
    window (Imports screen shown, refreshing per batch) runs an import; run with -s."""
    path = contacts_file(tmp_path / "big.csv", 20_000)
    window.show()
    window.show_page("imports")
    dialog = open_dialog(qtbot, ctx, path)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    started = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    run_import(qtbot, dialog, timeout=240_000)
    timer.stop()
    took = time.perf_counter() - started
    assert dialog.summary.record.imported == 20_000
    gaps.sort()
    print(
        f"\n20k-row import: {took:.1f} s; GUI timer (10 ms) max gap {gaps[-1] * 1000:.0f} ms, "
        f"p99 {gaps[int(len(gaps) * 0.99)] * 1000:.0f} ms, median {gaps[len(gaps) // 2] * 1000:.0f}"
        f" ms over {len(gaps)} ticks"
    )


def test_enter_applies_a_typed_header_line_and_imports_nothing(qtbot, ctx, sample_sources):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)
    first = dialog.table.header_line
    dialog.header_spin.setFocus()
    dialog.header_spin.setValue(first + 1)  # typed; the file is read again after a pause
    qtbot.keyClick(dialog.header_spin, Qt.Key.Key_Return)
    # Enter applied the line (the file is read with it) instead of importing.
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.header_line == first + 1)
    assert dialog.state != dialog.FINISHED
    assert ctx.crm.contacts.count(ContactFilter()).count == 0


def test_import_waits_for_the_counts_of_the_choices_shown(qtbot, ctx, sample_sources, monkeypatch):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)
    counted = threading.Event()
    forecast = ctx.crm.imports.forecast

    def held(*args, **kwargs):
        counted.wait(30)
        return forecast(*args, **kwargs)

    monkeypatch.setattr(ctx.crm.imports, "forecast", held)
    dialog.source_map_box.plain_ids_check.setChecked(True)  # a new choice: a new count
    assert dialog.counting() and not dialog.start_button.isEnabled()
    dialog.start()  # Enter on a field while counting: nothing is imported
    assert dialog.state == dialog.READY
    counted.set()
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)
