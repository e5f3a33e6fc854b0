"""What a workbook's cells hold beyond text and numbers (issue 13, a hostile tester):
Excel error values, booleans, `_xHHHH_` escapes; an encrypted workbook."""

from __future__ import annotations

import pytest

from desktop_crm.importing import PasswordProtected, RejectCode, open_table
from desktop_crm.importing.xlsx_reader import unescape_text

from .conftest import read_all, rejected, valid
from .xlsx_bombs import inline, row_xml, write_xlsx_parts

HEADER = row_xml(1, [inline("A", 1, "Телефон"), inline("B", 1, "Имя"), inline("C", 1, "Сообщение")])


def error(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="e"><f>VLOOKUP(B2,Sheet2!A:B,2,0)</f><v>{value}</v></c>'


def test_an_error_in_the_id_column_rejects_the_row_naming_the_error(tmp_path):
    rows = [
        row_xml(n, [error(f"A{n}", code), inline("B", n, name)])
        for n, code, name in [(2, "#N/A", "Анна"), (3, "#N/A", "Борис"), (4, "#REF!", "Вера")]
    ]
    _, parsed = read_all(write_xlsx_parts(tmp_path / "na.xlsx", [HEADER, *rows]))
    assert valid(parsed) == []
    bad = rejected(parsed)
    assert [(r.line, r.code) for r in bad] == [(n, RejectCode.NO_ID) for n in (2, 3, 4)]
    assert bad[0].reason == (
        'No lead id: the column "Телефон" holds the Excel error #N/A, not a value.'
    )
    assert "#REF!" in bad[2].reason
    assert list(bad[1].cells) == ["#N/A", "Борис"]  # shown (and written to rejects) as is


def test_an_error_elsewhere_is_no_value_and_the_row_stays(tmp_path):
    row = row_xml(2, [inline("A", 2, "+79001234567"), error("B2", "#N/A"), error("C2", "#DIV/0!")])
    _, parsed = read_all(write_xlsx_parts(tmp_path / "e.xlsx", [HEADER, row]))
    [good] = valid(parsed)
    assert (good.external_id, good.name, good.message) == ("+79001234567", "", "")


def test_a_row_of_errors_only_is_rejected_not_dropped_as_blank(tmp_path):
    row = row_xml(2, [error("A2", "#N/A"), error("B2", "#N/A")])
    _, parsed = read_all(write_xlsx_parts(tmp_path / "e.xlsx", [HEADER, row]))
    [bad] = rejected(parsed)
    assert "#N/A" in bad.reason


def test_a_later_phone_column_is_used_when_the_first_holds_an_error(tmp_path):
    header = row_xml(1, [inline("A", 1, "Рабочий телефон"), inline("B", 1, "Мобильный телефон")])
    row = row_xml(2, [error("A2", "#N/A"), inline("B", 2, "+79001234567")])
    _, parsed = read_all(write_xlsx_parts(tmp_path / "e.xlsx", [header, row]))
    assert [r.external_id for r in valid(parsed)] == ["+79001234567"]


def test_a_boolean_is_not_an_id_but_is_text_elsewhere(tmp_path):
    rows = [
        row_xml(2, ['<c r="A2" t="b"><v>1</v></c>', inline("B", 2, "Анна")]),
        row_xml(3, [inline("A", 3, "+79001234567"), '<c r="B3" t="b"><v>0</v></c>']),
    ]
    _, parsed = read_all(write_xlsx_parts(tmp_path / "b.xlsx", [HEADER, *rows]))
    [bad] = rejected(parsed)
    assert (
        bad.reason == 'No lead id: the column "Телефон" holds True, a true/false value, not an id.'
    )
    assert [r.name for r in valid(parsed)] == ["False"]


@pytest.mark.parametrize(
    ("escaped", "text"),
    [
        ("First line_x000D_\nsecond line", "First line\r\nsecond line"),
        ("tab_x0009_here", "tab\there"),
        ("a literal _x005F_x000D_", "a literal _x000D_"),
        ("_x005f_x", "_x"),
        ("no_escape_x12_", "no_escape_x12_"),
    ],
)
def test_ooxml_escapes_are_decoded(escaped, text):
    assert unescape_text(escaped) == text


@pytest.mark.parametrize("shared", [False, True])
def test_a_carriage_return_escape_is_no_text_of_the_message(tmp_path, shared):
    escaped = "First line_x000D_\nsecond line"
    if shared:
        cell = '<c r="C2" t="s"><v>0</v></c>'
        strings = [f"<si><t>{escaped}</t></si>"]
    else:
        cell, strings = inline("C", 2, escaped), []
    row = row_xml(2, [inline("A", 2, "+79001234567"), inline("B", 2, "Анна"), cell])
    _, parsed = read_all(write_xlsx_parts(tmp_path / "x.xlsx", [HEADER, row], strings))
    assert [r.message for r in valid(parsed)] == ["First line\nsecond line"]


@pytest.mark.parametrize("name", ["book.xlsx", "book.xlsm", "renamed.csv"])
def test_an_encrypted_workbook_is_refused_as_password_protected(tmp_path, name):
    # An encrypted OOXML workbook is an OLE file whose directory names "EncryptedPackage".
    directory = "EncryptedPackage".encode("utf-16-le")
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(70_000) + directory + bytes(100)
    path = tmp_path / name
    path.write_bytes(body)
    with pytest.raises(PasswordProtected) as info:
        open_table(path)
    assert "password-protected" in str(info.value) and '.xls"' not in str(info.value)


def test_an_old_xls_is_still_called_an_xls(tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    with pytest.raises(Exception, match=r'files of type "\.xls"'):
        open_table(path)


def test_an_excel_error_saved_into_a_csv_is_no_id_either(write):
    text = (
        "Телефон;Имя;Сообщение\n#N/A;Анна;a\n#Н/Д;Борис;b\n+79001234567;Вера;#N/A\n"
        "#ref!;Глеб;c\n#hashtag;Дина;d\n"
    )
    _, parsed = read_all(write("saved.csv", text))
    assert [(r.line, r.reason) for r in rejected(parsed)] == [
        (2, 'No lead id: the column "Телефон" holds the Excel error #N/A, not a value.'),
        (3, 'No lead id: the column "Телефон" holds the Excel error #Н/Д, not a value.'),
        (5, 'No lead id: the column "Телефон" holds the Excel error #ref!, not a value.'),
    ]
    assert [(r.external_id, r.message) for r in valid(parsed)] == [
        ("+79001234567", "#N/A"),  # text elsewhere: kept as written
        ("#hashtag", "d"),
    ]
