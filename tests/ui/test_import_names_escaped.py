"""A workbook's sheet (and a file) named with a bidi override or a control character is
shown escaped wherever the Imports screen and the import dialog name it, as names and
messages are elsewhere in the window (``on_screen``): ``Апрель\\u202eлирпА`` read as
something else. The rejected-rows line under the imports names the sheet as well."""

from __future__ import annotations

from openpyxl import Workbook
from PySide6.QtCore import Qt

from desktop_crm.importing import ReadOptions, open_table
from desktop_crm.ui.import_dialog import ImportDialog
from desktop_crm.ui.models.imports import FILE
from desktop_crm.ui.pages.imports import ImportsPage

SPOOFED = "Апрель\u202eлирпА"
SHOWN = "Апрель\\u202eлирпА"


def _book(path, *names):
    book = Workbook()
    for position, name in enumerate(names):
        sheet = book.active if position == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(["phone", "name", "source"])
        sheet.append([f"+7900777007{position}", "Лид", "tg"])
        if position == 0:
            sheet.append([None, "без телефона", "tg"])  # one rejected row: no id
    book.save(path)
    return path


def test_the_imports_screen_shows_the_sheet_escaped_and_names_it_under_the_table(
    qtbot, ctx, settle, tmp_path
):
    ctx.crm.sources.create("Telegram", code="tg")
    path = _book(tmp_path / "months.xlsx", SPOOFED, "Март")
    ctx.crm.imports.run(open_table(path, ReadOptions(sheet=SPOOFED)))
    ctx.crm.imports.run(open_table(path, ReadOptions(sheet="Март")))
    page = ImportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle()
    shown = {page.proxy.index(r, FILE).data() for r in range(page.proxy.rowCount())}
    assert shown == {f"months.xlsx — {SHOWN}", "months.xlsx — Март"}
    for row in range(page.proxy.rowCount()):
        tooltip = page.proxy.index(row, FILE).data(Qt.ItemDataRole.ToolTipRole)
        assert "\u202e" not in tooltip and tooltip.endswith(("Март", SHOWN))

    records = {r.sheet: r.id for r in page.model.rows()}
    page.select_import(records[SPOOFED])
    qtbot.waitUntil(lambda: page.rejects_model.rowCount() == 1, timeout=5000)
    assert page.rejects_label.text() == f"Rejected rows of months.xlsx — {SHOWN}: 1"
    page.select_import(records["Март"])
    qtbot.waitUntil(lambda: page.rejects_label.text().endswith("no rejected rows."), timeout=5000)
    assert page.rejects_label.text() == "months.xlsx — Март: no rejected rows."


def test_the_import_dialog_shows_file_and_sheets_escaped(qtbot, ctx, tmp_path):
    ctx.crm.sources.create("Telegram", code="tg")
    folder = tmp_path / "папка\u202e"
    folder.mkdir()
    path = _book(folder / "заявки\u202exslx.xlsx", "Март", SPOOFED)
    ctx.crm.imports.run(open_table(path, ReadOptions(sheet=SPOOFED)))  # imported before
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == dialog.READY, timeout=10_000)
    assert dialog.windowTitle() == "Import заявки\\u202exslx.xlsx"
    file_label = dialog.setup_page.file_label.text()
    assert "\u202e" not in file_label and "заявки\\u202exslx.xlsx" in file_label
    assert "папка\\u202e" in file_label
    sheets = [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())]
    assert sheets == ["Март", SHOWN]
    note = dialog.setup_page.sheets_note.text()
    assert f"(«{SHOWN}»)" in note and "\u202e" not in note

    dialog.sheet_combo.setCurrentIndex(1)  # the sheet itself is read, not its escaped name
    qtbot.waitUntil(
        lambda: dialog.state == dialog.READY and dialog.table.sheet == SPOOFED, timeout=10_000
    )
    assert f"«{SHOWN}» of this file was already imported" in dialog.notice_message.text()
    note = dialog.setup_page.sheets_note.text()
    assert f"«{SHOWN}» is imported" in note and "\u202e" not in note

    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)  # the forecast counted
    dialog.start()
    assert dialog.progress_page.progress_title.text() == "Importing заявки\\u202exslx.xlsx…"
    qtbot.waitUntil(lambda: dialog.state == dialog.FINISHED, timeout=60_000)
    assert dialog.summary_page.summary_title.text() == "Imported заявки\\u202exslx.xlsx"


def test_the_cells_of_a_file_are_shown_escaped_in_the_preview_and_the_rejects(ctx, tmp_path):
    """A cell (or a header) holding a bidi override or an escape reordered or coloured the
    preview and the rejected rows; they are shown escaped as names are."""
    from desktop_crm.ui.models.imports import PreviewModel, RejectsModel

    path = tmp_path / "spoofed.csv"
    path.write_text(
        f"phone,name{SPOOFED},source\n+79007770071,Лид {SPOOFED},tg\n,\x1b[31mкрасный,tg\n",
        encoding="utf-8",
    )
    table = open_table(path)
    preview = PreviewModel()
    preview.set_preview(table.preview(50))
    shown = [
        preview.index(row, column).data()
        for row in range(preview.rowCount())
        for column in range(preview.columnCount())
    ]
    headers = [
        preview.headerData(column, Qt.Orientation.Horizontal)
        for column in range(preview.columnCount())
    ]
    assert f"Лид {SHOWN}" in shown and "\\x1b[31mкрасный" in shown
    assert any(SHOWN in header for header in headers)
    assert not any("\u202e" in text or "\x1b" in text for text in [*shown, *headers])
    ctx.crm.sources.create("tg", code="tg")
    ctx.crm.imports.run(table)
    (record,) = ctx.crm.imports.list()
    rejects = RejectsModel()
    rejects.set_rows(ctx.crm.imports.rejects(record.id))
    row = rejects.index(0, 2)
    assert "\\x1b[31mкрасный" in row.data()
    assert "\x1b" not in row.data() and "\x1b" not in row.data(Qt.ItemDataRole.ToolTipRole)
