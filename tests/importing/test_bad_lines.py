"""Malformed text files: no row is lost silently.

A quote that never closes, a line too long to be a row, a line in another
encoding or with a NUL byte is rejected on its own line, and every other line
is still read with its own line number.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm.importing import RejectCode, ValidRow, open_table
from desktop_crm.importing.csv_reader import (
    MAX_LINE_CHARS,
    MAX_RECORD_LINES,
    REASON_LONG_LINE,
    REASON_NUL,
    REASON_UNCLOSED_QUOTE,
    REASON_UNDECODABLE,
    CsvRecordReader,
)
from desktop_crm.importing.table import SAMPLE_BYTES

from .conftest import read_all, rejected, valid

ISSUE_EXAMPLE = 'phone,name,message\n+79005550001,"Broken,hi\n+79005550002,Ok,yo\n'


def lines_and_kinds(rows):
    return [(row.line, "ok" if isinstance(row, ValidRow) else row.template) for row in rows]


def padding(count: int, start: int = 0) -> str:
    """``count`` good rows, enough to push what follows past the detection sample."""
    return "".join(f"+7901{i:07d},Имя {i},текст\n" for i in range(start, start + count))


def test_the_issue_example_rejects_line_2_and_imports_line_3(write):
    _, rows = read_all(write("broken.csv", ISSUE_EXAMPLE))
    assert lines_and_kinds(rows) == [(2, REASON_UNCLOSED_QUOTE), (3, "ok")]
    assert rows[0].code is RejectCode.UNREADABLE
    assert rows[0].cells == ("+79005550001", "Broken,hi")  # as far as its own line tells
    assert rows[1].external_id == "+79005550002"


def test_one_broken_quote_in_20k_rows_loses_only_its_own_line(write):
    lines = [f"+7901{i:07d},Имя {i},текст {i}" for i in range(20_000)]
    lines[4_999] = '+79010004999,"Имя 4999,текст'
    path = write("big.csv", "phone,name,message\n" + "\n".join(lines) + "\n")
    _, rows = read_all(path)
    assert len(rows) == 20_000  # read = imported + rejected, one per physical record
    (bad,) = rejected(rows)
    assert (bad.line, bad.template) == (5_001, REASON_UNCLOSED_QUOTE)
    assert [row.line for row in valid(rows)] == [n for n in range(2, 20_002) if n != 5_001]
    assert valid(rows)[-1].external_id == "+79010019999"


def test_a_quote_that_closes_on_a_later_line_and_goes_on_is_broken(write):
    # Two unbalanced quotes pair up across lines: today's lenient reader made one row of them.
    text = 'phone,name\n+79000000001,"Анна\n+79000000002,"Борис\n+79000000003,Вера\n'
    _, rows = read_all(write("pairs.csv", text))
    assert lines_and_kinds(rows) == [
        (2, REASON_UNCLOSED_QUOTE),
        (3, REASON_UNCLOSED_QUOTE),
        (4, "ok"),
    ]


def test_a_quoted_field_may_span_at_most_max_record_lines(write):
    body = "".join(f"+7902{i:07d},x\n" for i in range(MAX_RECORD_LINES + 5))
    text = 'phone,name\n+79000000001,"opens\n' + body + '+79000000002,"closes"\n'
    _, rows = read_all(write("long-quote.csv", text))
    assert lines_and_kinds(rows)[0] == (2, REASON_UNCLOSED_QUOTE)
    assert [row.line for row in valid(rows)] == list(range(3, MAX_RECORD_LINES + 9))


def test_a_legitimate_multiline_field_below_the_limit_stays_one_row(write):
    message = "\n".join(f"строка {i}" for i in range(MAX_RECORD_LINES - 2))
    text = f'phone,message\n+79000000001,"{message}"\n+79000000002,ok\n'
    _, rows = read_all(write("multi.csv", text))
    assert [(row.line, row.message.count("\n")) for row in valid(rows)] == [
        (2, MAX_RECORD_LINES - 3),
        (MAX_RECORD_LINES, 0),
    ]


def test_a_stray_quote_within_one_line_is_read_as_excel_does(write):
    _, rows = read_all(write("stray.csv", 'phone,name\n+79000000001,"Ан"на\n+79000000002,Б"\n'))
    assert [(row.line, row.name) for row in valid(rows)] == [(2, "Анна"), (3, 'Б"')]


def test_a_line_just_above_the_limit_is_a_long_line_not_an_unclosed_quote(write):
    head = "phone,message\n+79000000001,ok\n"
    text = head + '+79000000002,"' + "я" * MAX_LINE_CHARS + "\n+79000000003,after\n"
    _, rows = read_all(write("long.csv", text))
    assert lines_and_kinds(rows) == [(2, "ok"), (3, REASON_LONG_LINE), (4, "ok")]
    bad = rejected(rows)[0]
    assert bad.reason == "The line is longer than 1 MB."
    assert len(bad.cells[0]) <= 1_000  # only the start of the line is kept


def test_a_line_exactly_at_the_limit_is_parsed(write):
    text = "phone,message\n+79000000001," + "x" * (MAX_LINE_CHARS - 13) + "\r\n+79000000002,b\n"
    _, rows = read_all(write("edge.csv", text))
    assert [(row.line, row.code) for row in rejected(rows)] == [(2, RejectCode.TOO_LONG)]
    assert [row.line for row in valid(rows)] == [3]


def test_utf8_then_cp1251_after_the_sample_rejects_each_cp1251_line(write):
    good = "phone,name,message\n" + padding(2_000)
    assert len(good.encode()) > SAMPLE_BYTES
    tail = "+79000000001,Ольга,привет\n+79000000002,Olga,hello\n+79000000003,Пётр,ок\n"
    path = write("mixed.csv", good.encode() + tail.encode("cp1251"))
    table, rows = read_all(path)
    assert table.encoding.name == "utf-8"
    assert len(rows) == 2_003
    assert [(r.line, r.template) for r in rejected(rows)] == [
        (2_002, REASON_UNDECODABLE),
        (2_004, REASON_UNDECODABLE),
    ]
    assert rejected(rows)[0].reason.startswith("The line is not valid utf-8 text")
    assert rejected(rows)[0].cells == (
        "+79000000001",
        "\\xce\\xeb\\xfc\\xe3\\xe0",
        "\\xef\\xf0\\xe8\\xe2\\xe5\\xf2",
    )
    assert valid(rows)[-1].name == "Olga"
    assert not any("\ufffd" in cell for row in valid(rows) for cell in row.cells)


def test_a_nul_byte_after_the_sample_rejects_its_line(write):
    good = ("phone,name\n" + padding(2_000)).encode()
    path = write("nul.csv", good + b"+79000000001,a\x00b\n+79000000002,ok\n")
    _, rows = read_all(path)
    assert [(r.line, r.template) for r in rejected(rows)] == [(2_002, REASON_NUL)]
    assert valid(rows)[-1].line == 2_003


def test_undecodable_lines_in_a_quoted_field_break_only_that_record(write):
    good = ("phone,name\n" + padding(2_000)).encode()
    path = write("q.csv", good + b'+79000000001,"a\n\xff\n+79000000002,ok\n')
    _, rows = read_all(path)
    assert [(r.line, r.template) for r in rejected(rows)] == [
        (2_002, REASON_UNCLOSED_QUOTE),
        (2_003, REASON_UNDECODABLE),
    ]
    assert valid(rows)[-1].line == 2_004


def test_resume_skips_by_records_with_broken_ones_counted(write):
    path = write("r.csv", ISSUE_EXAMPLE + "+79005550003,Again,yo\n")
    table = open_table(path)
    with table.read(skip=1) as stream:
        assert [(row.line, row.index) for row in stream] == [(3, 1), (4, 2)]


def test_the_preview_shows_a_broken_record_as_rejected(write):
    preview = open_table(write("p.csv", ISSUE_EXAMPLE)).preview()
    assert [record.line for record in preview.rows] == [2, 3]
    assert [(row.line, type(row).__name__) for row in preview.checked] == [
        (2, "Rejection"),
        (3, "ValidRow"),
    ]


# -- property: agrees with the standard csv module on well-formed input --------------------
_CELL = st.lists(st.sampled_from([*list('ab ,;|"\n\r\tяЖё1+-'), "\r\n", "Щ"]), max_size=12).map(
    "".join
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    terminator=st.sampled_from(["\n", "\r\n"]),
)
def test_property_records_agree_with_the_csv_module(tmp_path, rows, delimiter, terminator):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
    writer.writerows(rows)
    text = buffer.getvalue()
    path = tmp_path / "p.csv"
    path.write_bytes(text.encode("utf-8"))
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    reader = CsvRecordReader(path, "utf-8", delimiter)
    try:
        got = list(reader.records())
    finally:
        reader.close()
    assert [cells for _, cells in got] == expected
    # Each record starts one physical line after the previous one ended.
    reference = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    starts, previous = [], 0
    for _ in reference:
        starts.append(previous + 1)
        previous = reference.line_num
    assert [line for line, _ in got] == starts


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_other_encodings_still_read_every_line(write, encoding):
    path = write("u.csv", ISSUE_EXAMPLE, encoding=encoding)
    _, rows = read_all(path)
    assert lines_and_kinds(rows) == [(2, REASON_UNCLOSED_QUOTE), (3, "ok")]


_PIECES = [b'"', b",", b"\n", b"\r\n", b"\r", b"a", b"1", "я".encode(), b"\xff", b"\x00", b" "]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=60))
def test_property_any_bytes_give_records_in_line_order_and_never_raise(tmp_path, pieces):
    data = b"".join(pieces)
    path = tmp_path / "garbage.csv"
    path.write_bytes(data)
    reader = CsvRecordReader(path, "utf-8", ",")
    try:
        starts = [line for line, _ in reader.records()]
    finally:
        reader.close()
    physical = len(io.StringIO(data.decode("utf-8", "replace"), newline="").readlines())
    assert starts == sorted(set(starts))  # each record once, in file order
    assert all(1 <= line <= physical for line in starts)
    if b'"' not in data:  # without quotes every physical line is a record of its own
        assert starts == list(range(1, physical + 1))
