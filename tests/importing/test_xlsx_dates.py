"""A workbook's date column, however the date is kept: a number with a date format and
text Russian Excel writes are read; an Excel date number without a date format (the
column's format lost) is refused row by row saying it is a number, never stored as
another date."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook

from desktop_crm.importing import RejectCode

from .conftest import read_all, rejected, valid

AT_14_30_MSK_IN_UTC = datetime(2026, 12, 5, 11, 30)  # 05.12.2026 14:30 in Moscow
SERIAL = 46361.604166666664  # what Excel keeps for 05.12.2026 14:30


def _book(path, cells):
    """phone, source, date; each of ``cells`` is (value, number format or None)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["phone", "source", "date"])
    for n, (value, number_format) in enumerate(cells):
        sheet.append([f"+7900111{n:04d}", "tg", value])
        if number_format is not None:
            sheet.cell(row=n + 2, column=3).number_format = number_format
    book.save(path)
    return path


def test_a_date_formatted_number_and_russian_text_are_read(tmp_path):
    path = _book(
        tmp_path / "dates.xlsx",
        [
            (datetime(2026, 12, 5, 14, 30), "DD.MM.YYYY HH:MM"),
            (SERIAL, "[$-419]dd.mm.yyyy h:mm;@"),  # a serial typed in, formatted by hand
            ("05.12.2026 14:30", None),  # text, as a CSV export pasted in gives
        ],
    )
    _table, rows = read_all(path)
    assert [row.created_at for row in valid(rows)] == [AT_14_30_MSK_IN_UTC] * 3
    assert not rejected(rows)


def test_an_excel_date_number_without_a_date_format_is_refused_as_a_number(tmp_path):
    path = _book(
        tmp_path / "serials.xlsx",
        [(SERIAL, None), (46361, None), (SERIAL, "0.00"), (datetime(2026, 12, 5), "DD.MM.YYYY")],
    )
    _table, rows = read_all(path)
    [good] = valid(rows)
    assert good.created_at == datetime(2026, 12, 4, 21, 0)
    bad = rejected(rows)
    assert [row.line for row in bad] == [2, 3, 4]
    assert all(row.code is RejectCode.BAD_DATE for row in bad)
    assert [row.reason for row in bad] == [
        f'Cannot read the date "{value}" in the column "date": it is a number, not a date '
        "(in Excel, give the column a date format)."
        for value in ("46361.60416666666", "46361", "46361.60416666666")
    ]


def test_a_number_in_a_text_file_s_date_column_says_so_too(write):
    path = write("unix.csv", "phone,source,date\n+79001110000,tg,1733400000\n")
    _table, rows = read_all(path)
    [bad] = rejected(rows)
    assert bad.reason == (
        'Cannot read the date "1733400000" in the column "date": it is a number, not a date '
        "(in Excel, give the column a date format)."
    )


def test_a_time_without_a_day_is_refused_not_dated_today(tmp_path):
    path = _book(tmp_path / "times.xlsx", [(0.6041666666666666, "h:mm")])
    _table, rows = read_all(path)
    [bad] = rejected(rows)
    assert bad.code is RejectCode.BAD_DATE
    assert bad.reason == 'Cannot read the date "14:30:00" in the column "date".'
