"""The streaming .xlsx reader: huge cells are counted, not held; damaged sheets refused."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_crm.importing import NotATable, RejectCode, open_table
from desktop_crm.importing.xlsx_reader import MAX_CELL_CHARS, REASON_CELL_TOO_LONG

from .conftest import read_all, rejected, valid
from .xlsx_bombs import huge_cell_xlsx, inline, many_idless_rows_xlsx, row_xml, write_xlsx_parts

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("shared", [False, True])
def test_a_cell_over_the_limit_rejects_its_row_naming_the_cell(tmp_path, shared):
    path = huge_cell_xlsx(tmp_path / "b.xlsx", MAX_CELL_CHARS + 1, shared=shared)
    _, rows = read_all(path)
    (bad,) = rejected(rows)
    assert (bad.line, bad.code, bad.template) == (2, RejectCode.UNREADABLE, REASON_CELL_TOO_LONG)
    assert bad.params == {"cell": "C2", "length": MAX_CELL_CHARS + 1, "limit": MAX_CELL_CHARS}
    assert bad.cells[:2] == ("+79000000001", "Бомба")
    assert len(bad.cells[2]) <= 1_000
    assert [row.line for row in valid(rows)] == [3]


def test_a_cell_at_the_limit_is_read_whole(tmp_path):
    path = huge_cell_xlsx(tmp_path / "b.xlsx", MAX_CELL_CHARS)
    _, rows = read_all(path)
    assert [len(row.message) for row in valid(rows)] == [MAX_CELL_CHARS, 2]


def test_reading_a_huge_cell_holds_only_a_capped_piece_of_it(tmp_path):
    # tracemalloc in a process of its own: the peak of Python allocations while
    # reading a 20-million-character cell (openpyxl held it whole, several times).
    path = huge_cell_xlsx(tmp_path / "b.xlsx", 20_000_000, shared=True)
    script = textwrap.dedent(
        f"""
        import tracemalloc
        from desktop_crm.importing import open_table
        tracemalloc.start()
        table = open_table({str(path)!r})
        with table.read() as stream:
            rows = list(stream)
        print(len(rows), tracemalloc.get_traced_memory()[1])
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) == 2
    assert int(out[1]) < 8_000_000  # bytes; the cell alone would be 40 MB


def test_many_idless_rows_stream_in_file_order(tmp_path):
    path = many_idless_rows_xlsx(tmp_path / "m.xlsx", 5_000)
    table = open_table(path)
    with table.read() as stream:
        lines = [row.line for row in stream if row.code is RejectCode.NO_ID]
    assert lines == list(range(2, 5_002))


def test_a_far_row_number_is_read_without_filling_the_gap(tmp_path):
    rows = [
        row_xml(1, [inline("A", 1, "phone")]),
        row_xml(9_999_999_999, [inline("A", 9_999_999_999, "+79000000001")]),
        row_xml(10_000_000_001, [inline("A", 10_000_000_001, "+79000000002")]),
    ]
    path = write_xlsx_parts(tmp_path / "far.xlsx", rows)
    table = open_table(path)
    with table.read() as stream:
        lines = [(row.line, row.index) for row in stream]
    # Past Excel's last row too (the 3-million-row bombs have such rows): read, in order;
    # the two-row gap is filled with a blank row, the far jump is not.
    assert lines == [(9_999_999_999, 0), (10_000_000_001, 2)]


def test_rows_past_excels_last_row_are_still_rows(tmp_path):
    last = 1_048_576
    rows = [row_xml(1, [inline("A", 1, "phone")])]
    rows += [row_xml(n, [inline("A", n, f"+7900{n:07d}")]) for n in range(last - 2, last + 3)]
    _, read = read_all(write_xlsx_parts(tmp_path / "long.xlsx", rows))
    assert [row.line for row in valid(read)] == list(range(last - 2, last + 3))


def test_a_tag_without_end_is_a_damaged_file_not_a_memory_hog(tmp_path):
    rows = [row_xml(1, [inline("A", 1, "phone")]), '<row r="2" x="' + "a" * 3_000_000]
    path = write_xlsx_parts(tmp_path / "tag.xlsx", rows)
    with pytest.raises(NotATable):
        table = open_table(path)
        with table.read() as stream:
            list(stream)


def test_prefixed_main_namespace_is_read(tmp_path):
    sheet = (
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>phone</x:t></x:is></x:c></x:row>'
        '<x:row r="2"><x:c r="A2"><x:v>79001234567</x:v></x:c></x:row>'
    )
    path = write_xlsx_parts(tmp_path / "x.xlsx", [sheet])
    # The generator's sheet is unprefixed; declare the prefix on the root for this one.
    import zipfile

    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = xml.replace("<worksheet xmlns=", "<worksheet xmlns:x=", 1)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    _, rows = read_all(path)
    assert [(row.line, row.external_id) for row in valid(rows)] == [(2, "79001234567")]
