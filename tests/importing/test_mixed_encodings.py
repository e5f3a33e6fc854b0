"""A file that mixes UTF-8 with a single-byte encoding is never stored as mojibake."""

from __future__ import annotations

import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import RejectCode, open_table

from .conftest import read_all, rejected, valid

HEADER = b"phone,source,name,message\n"


def utf8_rows(count: int, first: int = 1) -> bytes:
    return b"".join(
        f"+7912{n:07d},s,Пётр Петров {n},Хочу узнать\n".encode()
        for n in range(first, first + count)
    )


def test_one_stray_byte_keeps_a_utf8_file_utf8_and_rejects_its_line(write):
    path = write("stray.csv", HEADER + b"+79120009999,s,Bad\xc0,x\n" + utf8_rows(100))
    table, rows = read_all(path)
    assert table.encoding.name == "utf-8"
    names = [row.name for row in valid(rows)]
    assert len(names) == 100 and names[0] == "Пётр Петров 1"
    [bad] = rejected(rows)
    assert bad.line == 2
    assert "Bad\\xc0" in bad.cells[2]


def test_utf8_lines_after_a_long_cp1251_part_are_rejected(write):
    cp1251 = b"".join(
        f"+7913{n:07d},s,Иван Иванов {n},Перезвоните\n".encode("cp1251") for n in range(2000)
    )
    assert len(cp1251) > 64 * 1024
    path = write("mixed.csv", HEADER + cp1251 + utf8_rows(20))
    table, rows = read_all(path)
    assert table.encoding.name == "cp1251"
    good = valid(rows)
    assert len(good) == 2000
    assert all(row.name.startswith("Иван Иванов") for row in good)
    bad = rejected(rows)
    assert [r.line for r in bad] == list(range(2002, 2022))
    assert "UTF-8" in bad[0].reason
    assert bad[0].cells[2] == "Пётр Петров 1"  # shown as what it says


@pytest.mark.parametrize("junk", [b"X\xed\xa0\x80Y", b"\xc0\xafname", b"\xf8\x88\x80\x80\x80z"])
def test_invalid_utf8_sequences_are_rejected_not_read_in_an_odd_encoding(write, junk):
    path = write("junk.csv", HEADER + b"+79120009999,s," + junk + b",x\n" + utf8_rows(30))
    table, rows = read_all(path)
    assert table.encoding.name == "utf-8"
    assert len(valid(rows)) == 30
    [bad] = rejected(rows)
    assert bad.line == 2


def test_a_plain_cp1251_file_still_reads(write):
    data = HEADER + "+79001112233,s,Лёша «Ёжик» — №1,ёлки\n".encode("cp1251")
    table, rows = read_all(write("cp.csv", data * 1))
    assert table.encoding.name == "cp1251"
    [row] = valid(rows)
    assert row.name == "Лёша «Ёжик» — №1"


@pytest.mark.parametrize(
    "name", ["rot13", "base64", "zlib", "idna", "punycode", "utf-32", "hex", "unicode_escape"]
)
def test_encodings_that_cannot_read_a_file_are_refused(write, name):
    path = write("a.csv", HEADER + utf8_rows(3))
    with pytest.raises(InvalidValue, match="Unsupported encoding"):
        open_table(path, _options(name))


def test_an_encoding_the_file_does_not_decode_in_says_so(write):
    path = write("a.csv", HEADER + utf8_rows(3))
    with pytest.raises(InvalidValue, match="does not decode"):
        open_table(path, _options("utf_32_be"))


def test_small_table_with_escape_and_bell_characters_is_a_table(write):
    data = "phone,name\n+79001112233,\x1b[2Jx\x07\x07\n+79001112234,a\x07b\x1b\x1b\n"
    _table, rows = read_all(write("esc.csv", data.encode()))
    # read as a table: each row there, rejected for the control characters in its name
    # (``domain.text.lead_name``), not as an unreadable line
    assert [(row.line, row.code) for row in rejected(rows)] == [
        (2, RejectCode.CONTROL),
        (3, RejectCode.CONTROL),
    ]


def _options(encoding: str):
    from desktop_crm.importing import ReadOptions

    return ReadOptions(encoding=encoding)
