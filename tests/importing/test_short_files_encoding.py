"""Short files that are not UTF-8 are read in the encodings Russian-speaking users'
files are written in, never in an exotic one a detector guessed from a few bytes
(johab, big5, mac_latin2, mac_iceland: a hostile tester's files, issue 13)."""

from __future__ import annotations

import pytest

from desktop_crm.importing.encoding import detect_encoding

from .conftest import read_all, rejected, valid

API_HEADER = "lead_external_id;lead_name;source_id;message\r\n"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            API_HEADER + "+79001234567;Иван;1;\r\n+79001234568;Олег;1;\r\n+79001234569;Анна;2;\r\n",
            ["Иван", "Олег", "Анна"],
        ),
        ("phone;name;source\r\n+79001234570;Пётр;tg\r\n", ["Пётр"]),
        ("lead_external_id,lead_name,source\n+79005550001,Петр,tg\n", ["Петр"]),
        ("phone,name\n+79001,Я\n", ["Я"]),
        ("phone;name\n+79001;ИВАНОВ ИВАН\n+79002;ПЕТРОВ ПЁТР\n", ["ИВАНОВ ИВАН", "ПЕТРОВ ПЁТР"]),
        ("phone;name\n+79001;«Ромашка» №1 — ООО\n", ["«Ромашка» №1 — ООО"]),
    ],
)
def test_a_short_cp1251_file_with_english_headers_is_cp1251(write, text, names):
    table, rows = read_all(write("excel.csv", text.encode("cp1251")))
    assert table.encoding.name == "cp1251"
    assert [row.name for row in valid(rows)] == names


def test_a_short_koi8_r_file_is_koi8_r_not_cp1251_noise(write):
    text = "phone;name;message\n+79001;Мария Петрова;Привет, как дела\n+79002;Пётр;Ок\n"
    table, rows = read_all(write("koi.csv", text.encode("koi8-r")))
    assert table.encoding.name == "koi8_r"
    assert [row.name for row in valid(rows)] == ["Мария Петрова", "Пётр"]


@pytest.mark.parametrize("names", [["Müller", "café crème"], ["José"]])
def test_western_accents_in_latin_words_stay_western(write, names):
    text = "phone,name\n" + "".join(f"+7900100000{n},{name}\n" for n, name in enumerate(names))
    table, rows = read_all(write("w.csv", text.encode("cp1252")))
    assert table.encoding.name == "cp1252"
    assert [row.name for row in valid(rows)] == names


def test_a_short_utf8_file_with_one_bad_line_is_utf8_and_rejects_that_line(write):
    data = (
        b"lead_external_id,lead_name,source,message\n"
        + "+79001110010,Пётр,tg,m\n".encode()
        + b"+79001110011,\xff\xfeX,tg,m\n"
        + "+79001110012,Иван,tg,m\n".encode()
    )
    table, rows = read_all(write("bad.csv", data))
    assert table.encoding.name == "utf-8"
    assert [row.name for row in valid(rows)] == ["Пётр", "Иван"]
    [bad] = rejected(rows)
    assert bad.line == 3
    assert "\\xff\\xfe" in bad.cells[1]


def test_one_utf8_and_one_cp1251_line_among_ascii_ones_store_no_mojibake(write):
    ascii_rows = "".join(f"+7900444000{n},Ann,tg,hello\n" for n in range(8)).encode()
    data = (
        b"lead_external_id,lead_name,source,message\n"
        + ascii_rows
        + "+79004440010,Пётр,tg,m\n".encode()
        + "+79004440011,Петр,tg,m\n".encode("cp1251")
    )
    table, rows = read_all(write("few.csv", data))
    assert table.encoding.name in ("utf-8", "cp1251")
    names = [row.name for row in valid(rows)]
    assert names[:8] == ["Ann"] * 8
    assert names[8:] in (["Пётр"], ["Петр"])  # the other line is rejected, not garbled
    assert len(rejected(rows)) == 1


def test_the_sample_cut_inside_a_line_does_not_count_that_line():
    good = "1,Ёжиков Пётр\n".encode()
    cut = b"id,name\n" + good + b"2,\xd0"  # the sample ends inside a character
    assert detect_encoding(cut, complete=False).name == "utf-8"


def test_a_byte_cp1251_lacks_rejects_its_line_not_the_file(write):
    data = "phone;name\n+79001;Иван Петров\n+79002;Олег\n".encode("cp1251") + b"+79003;\x98x\n"
    table, rows = read_all(write("stray.csv", data))
    assert table.encoding.name == "cp1251"
    assert [row.name for row in valid(rows)] == ["Иван Петров", "Олег"]
    assert [row.line for row in rejected(rows)] == [4]
