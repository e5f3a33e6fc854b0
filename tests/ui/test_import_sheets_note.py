"""The import dialog says which sheets of a workbook are not imported (issue 13)."""

from __future__ import annotations

from openpyxl import Workbook

from desktop_crm.importing import ReadOptions, open_table
from desktop_crm.ui.import_dialog import ImportDialog


def _book(path, *names):
    book = Workbook()
    for position, name in enumerate(names):
        sheet = book.active if position == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(["phone", "name", "source"])
        sheet.append([f"+7900777007{position}", name, "tg"])
    book.save(path)
    return path


def _open(qtbot, ctx, path) -> ImportDialog:
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == dialog.READY, timeout=10_000)
    return dialog


def test_the_sheets_not_imported_are_named_and_follow_the_choice(qtbot, ctx, tmp_path):
    dialog = _open(qtbot, ctx, _book(tmp_path / "months.xlsx", "Март", "Апрель", "Май"))
    note = dialog.setup_page.sheets_note
    assert note.isVisible()
    assert note.text() == (
        "Only the sheet «Март» is imported; the workbook's other sheets («Апрель», «Май») "
        "are not. Choose each in «Sheet» and import it on its own."
    )
    dialog.sheet_combo.setCurrentText("Апрель")
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.sheet == "Апрель")
    assert "«Апрель» is imported" in note.text() and "(«Март», «Май»)" in note.text()


def test_a_one_sheet_workbook_has_no_note(qtbot, ctx, tmp_path):
    dialog = _open(qtbot, ctx, _book(tmp_path / "one.xlsx", "Лиды"))
    assert not dialog.setup_page.sheets_note.isVisible()


def test_the_dialog_tells_imported_and_unfinished_sheets_apart(qtbot, ctx, tmp_path):
    """An import is the file's content and its sheet: a sheet imported before says so,
    another sheet of the same workbook is a new import, an unfinished one resumes."""
    crm = ctx.crm
    crm.operators.create("Анна", max_load=100)
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("tg", {"Анна": 1})
    path = _book(tmp_path / "months.xlsx", "Март", "Апрель", "Май")
    crm.imports.run(open_table(path))  # «Март», the active sheet
    crm.imports.batch_rows = 1
    crm.imports.run(open_table(path, ReadOptions(sheet="Май")), cancelled=lambda: True)
    crm.imports.batch_rows = None

    dialog = _open(qtbot, ctx, path)
    assert "«Март» of this file was already imported on" in dialog.notice_message.text()
    assert dialog.start_button.text() == "Import again"

    dialog.sheet_combo.setCurrentText("Апрель")
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.sheet == "Апрель")
    assert not dialog.notice_message.isVisible()
    assert dialog.start_button.text() == "Import"

    dialog.sheet_combo.setCurrentText("Май")
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.sheet == "Май")
    assert "«Май» will resume after row 1" in dialog.notice_message.text()
    assert dialog.start_button.text() == "Resume import"
    assert dialog.sheet_combo.isEnabled()  # the other sheets stay within reach

    dialog.sheet_combo.setCurrentText("Апрель")
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.sheet == "Апрель")
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)  # the forecast counted
    assert dialog.start_button.text() == "Import"
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state == dialog.FINISHED, timeout=60_000)
    summary = dialog.summary
    assert summary.already_imported is None and not summary.resumed
    assert (summary.table.sheet, summary.imported) == ("Апрель", 1)


def test_the_imports_screen_names_the_sheet_of_each_import(qtbot, ctx, settle, tmp_path):
    from desktop_crm.ui.models.imports import ImportsModel

    crm = ctx.crm
    crm.sources.create("Telegram", code="tg")
    path = _book(tmp_path / "months.xlsx", "Март", "Апрель")
    for sheet in ("Март", "Апрель"):
        crm.imports.run(open_table(path, ReadOptions(sheet=sheet)))
    model = ImportsModel(crm, ctx.runner)
    model.reload()
    settle()
    names = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert names == {"months.xlsx — Март", "months.xlsx — Апрель"}


def test_the_forecast_counts_the_sheet_and_says_so(qtbot, ctx, tmp_path):
    """The forecast is of the sheet chosen, not of the workbook: it said "The whole file"."""
    ctx.crm.sources.create("Telegram", code="tg")
    dialog = _open(qtbot, ctx, _book(tmp_path / "months.xlsx", "Март", "Апрель"))
    label = dialog.source_map_box.forecast_label
    qtbot.waitUntil(lambda: "row" in label.text(), timeout=10_000)
    assert label.text().startswith("The sheet «Март»: 1 row")
    assert "whole file" not in label.text()


def test_a_text_files_forecast_is_of_the_whole_file(qtbot, ctx, tmp_path):
    ctx.crm.sources.create("Telegram", code="tg")
    path = tmp_path / "leads.csv"
    path.write_text("phone,name,source\n+79007770070,Лид,tg\n", encoding="utf-8")
    dialog = _open(qtbot, ctx, path)
    label = dialog.source_map_box.forecast_label
    qtbot.waitUntil(lambda: "row" in label.text(), timeout=10_000)
    assert label.text().startswith("The whole file: 1 row")
