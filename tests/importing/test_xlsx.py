from datetime import date, datetime

import openpyxl
import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import (
    EmptyFile,
    Field,
    NotATable,
    ProgressUnit,
    RejectCode,
    TableKind,
    open_table,
)

from .conftest import read_all, rejected, valid


def make_workbook(path, rows_by_number, *, sheet_title="Лиды", extra_sheet=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_title
    for number, values in rows_by_number.items():
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    if extra_sheet is not None:
        other = book.create_sheet(extra_sheet[0])
        for values in extra_sheet[1]:
            other.append(values)
    book.save(path)
    return path


def test_xlsx_with_title_rows_datetime_cells_and_numbers(tmp_path):
    path = make_workbook(
        tmp_path / "leads.xlsx",
        {
            1: ["Выгрузка лидов"],
            3: ["Телефон", "ФИО", "Источник", "Сообщение", "Дата создания"],
            4: [79001234567, "Иванов Иван", "tg", "Хочу узнать", datetime(2024, 3, 5, 14, 30)],
            5: [7.9001234568e10, "Пётр", 3, None, date(2024, 3, 6)],
            6: ["+7 900 123-45-69", "Анна", "Сайт", "Привет", "05.03.2024 9:05"],
            8: [None, "Без телефона", "Сайт", "—", None],
            9: ["a@b.ru", "Вера", "wa", "Дата строкой", "вчера"],
        },
    )
    table, rows = read_all(path)
    assert (table.kind, table.encoding, table.delimiter) == (TableKind.XLSX, None, None)
    assert (table.sheet, table.sheet_names, table.header_line) == ("Лиды", ("Лиды",), 3)
    assert table.mapping.get(Field.CREATED_AT) == 4
    assert [row.line for row in rows] == [4, 5, 6, 8, 9]
    first, second, third = valid(rows)
    assert (first.external_id, first.created_at) == ("79001234567", datetime(2024, 3, 5, 11, 30))
    assert (second.external_id, second.source, second.message) == ("79001234568", "3", "")
    assert second.created_at == datetime(2024, 3, 5, 21, 0)
    assert third.created_at == datetime(2024, 3, 5, 6, 5)
    assert first.cells[4] == "2024-03-05 14:30:00"
    no_id, bad_date = rejected(rows)
    assert (no_id.line, no_id.code) == (8, RejectCode.NO_ID)
    assert (bad_date.line, bad_date.code) == (9, RejectCode.BAD_DATE)


def test_xlsx_progress_counts_rows_up_to_the_sheet_size(tmp_path):
    rows = {1: ["id", "name"]}
    rows.update({n: [f"id-{n}", f"Имя {n}"] for n in range(2, 1002)})
    table = open_table(make_workbook(tmp_path / "p.xlsx", rows))
    seen = []
    with table.read() as stream:
        for number, _ in enumerate(stream):
            if number % 100 == 0:
                seen.append(stream.progress())
        final = stream.progress()
    assert all(p.unit is ProgressUnit.ROWS and p.total == 1001 for p in seen)
    dones = [p.done for p in seen]
    assert dones == sorted(dones) and dones[-1] < final.done
    assert (final.done, final.total, final.fraction) == (1001, 1001, 1.0)


def test_xlsx_preview_skip_and_sheet_choice(tmp_path):
    rows = {2: ["E-mail", "Имя"], **{n: [f"u{n}@x.ru", "Кто-то"] for n in range(3, 30)}}
    path = make_workbook(
        tmp_path / "two.xlsx", rows, extra_sheet=("Телефоны", [["Телефон"], ["89001234567"]])
    )
    table = open_table(path)
    preview = table.preview(5)
    assert [r.line for r in preview.rows] == [3, 4, 5, 6, 7]
    assert [(r.line, list(r.cells)) for r in preview.leading] == [(1, [])]  # a missing row
    with table.read(skip=25) as stream:
        assert [(row.line, row.external_id) for row in stream] == [
            (28, "u28@x.ru"),
            (29, "u29@x.ru"),
        ]
    other = table.reopen(sheet="Телефоны")
    assert (other.sheet, other.headers) == ("Телефоны", ("Телефон",))
    with pytest.raises(InvalidValue):
        table.reopen(sheet="Нет такого")


def test_workbook_with_a_csv_suffix_is_read_as_a_workbook(tmp_path):
    path = make_workbook(tmp_path / "saved-as.csv", {1: ["id"], 2: ["x1"]})
    table, rows = read_all(path)
    assert table.kind is TableKind.XLSX
    assert [row.external_id for row in rows] == ["x1"]


def test_empty_and_damaged_workbooks_are_refused(tmp_path):
    with pytest.raises(EmptyFile):
        open_table(make_workbook(tmp_path / "empty.xlsx", {}))
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    with pytest.raises(NotATable):
        open_table(damaged)
