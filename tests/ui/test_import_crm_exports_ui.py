"""The import dialog with other CRMs' exports: the row-number warning, the owner
checkbox, and mappings that take several columns."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop_crm.importing.fields import Field
from desktop_crm.ui.import_dialog import ImportDialog

HEADER = ["ID", "Имя", "Фамилия", "Мобильный телефон", "Рабочий e-mail", "Ответственный"]


@pytest.fixture
def team(crm):
    crm.operators.create("Анна", max_load=10)
    crm.operators.create("Борис", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    return crm


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def open_dialog(qtbot, ctx, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state in (dialog.READY, dialog.FAILED), timeout=10_000)
    return dialog


def choose_source(dialog: ImportDialog) -> None:
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findText("Сайт (site)"))


def test_a_row_number_id_is_warned_about_and_a_phone_column_clears_it(qtbot, ctx, team, tmp_path):
    path = write(tmp_path / "rows.csv", ["№", "Имя", "Связь"], [["1", "Ира", "+7 900"]])
    dialog = open_dialog(qtbot, ctx, path)
    assert dialog.table.mapping.row_id_only
    assert dialog.id_warning.isVisible()
    assert "№" in dialog.id_warning.text() and "row number" in dialog.id_warning.text()
    assert not dialog.keep_operator_check.isVisible()  # no owner column

    dialog.mapping_combos[Field.EXTERNAL_ID].setCurrentIndex(3)  # "Связь"
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.mapping.get(
        Field.EXTERNAL_ID) == 2, timeout=5000)  # fmt: skip
    assert not dialog.id_warning.isVisible()


def test_the_owner_checkbox_imports_rows_to_their_operator(qtbot, ctx, team, tmp_path):
    rows = [
        ["1", "Ира", "Соколова", "+7 900 000-00-01", "", "Борис"],
        ["2", "Ира", "Соколова", "8 900 000 00 01", "ira@example.ru", "Борис"],  # Борис full
        ["3", "Олег", "", "", "oleg@example.ru", ""],
    ]
    dialog = open_dialog(qtbot, ctx, write(tmp_path / "owners.csv", HEADER, rows))
    assert not dialog.id_warning.isVisible()
    assert dialog.table.mapping.group(Field.EXTERNAL_ID) == (3, 4)
    assert dialog.table.mapping.group(Field.NAME) == (1, 2)
    combo = dialog.mapping_combos[Field.NAME]
    assert combo.currentText() == "Имя + Фамилия"
    assert dialog.keep_operator_check.isVisible()
    assert not dialog.keep_operator_check.isChecked()

    # Changing another field keeps the joined name and the id's columns.
    dialog.mapping_combos[Field.MESSAGE].setCurrentIndex(1)  # the "ID" column, say
    qtbot.waitUntil(lambda: dialog.state == dialog.READY and dialog.table.mapping.get(
        Field.MESSAGE) == 0, timeout=5000)  # fmt: skip
    assert dialog.table.mapping.group(Field.NAME) == (1, 2)
    assert dialog.table.mapping.group(Field.EXTERNAL_ID) == (3, 4)

    choose_source(dialog)
    dialog.keep_operator_check.setChecked(True)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state == dialog.FINISHED, timeout=30_000)
    assert dialog.summary is not None and dialog.summary.record.imported == 3
    leads = {lead.external_id: lead for lead in team.leads.search("")}
    assert leads["+79000000001"].name == "Ира Соколова"
    operators = sorted(
        (c.operator.name if c.operator else "") for lead in leads.values() for c in lead.contacts
    )
    assert operators == ["Анна", "Анна", "Борис"]
