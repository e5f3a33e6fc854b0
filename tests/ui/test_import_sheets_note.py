"""The import dialog says which sheets of a workbook are not imported (issue 13)."""

from __future__ import annotations

from openpyxl import Workbook

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
