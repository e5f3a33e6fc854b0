from desktop_crm.importing import (
    Field,
    RejectCode,
    RejectsWriter,
    ValidRow,
    open_table,
    write_rejects,
)

from .conftest import read_all, rejected


def test_rejected_rows_round_trip_through_a_fix_and_drop_again_csv(write, tmp_path):
    text = (
        "Отчёт;;;\r\n"
        "Телефон;ФИО;Комментарий;Дата\r\n"
        "89001234567;Анна;ok;05.03.2024\r\n"
        ';Борис;"многострочный\r\nтекст; с разделителем";05.03.2024\r\n'
        "89001234569;Вера;плохая дата;35.03.2024\r\n"
        "89001234570;Глеб\r\n"
    )
    table, rows = read_all(write("in.csv", text, "cp1251"))
    refused = rejected(rows)
    assert [r.code for r in refused] == [RejectCode.NO_ID, RejectCode.BAD_DATE]

    out = tmp_path / "rejected.csv"
    assert write_rejects(out, table.headers, refused) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0] == "Телефон;ФИО;Комментарий;Дата;reason"

    again = open_table(out)
    assert (again.encoding.name, again.delimiter, again.header_line) == ("utf-8-sig", ";", 1)
    assert again.headers == (*table.headers, "reason")
    assert {f: c for f, c in again.mapping.columns.items()} == dict(table.mapping.columns)
    with again.read() as stream:
        reread = list(stream)
    assert [r.cells[:4] for r in reread] == [list(r.cells) for r in refused]
    assert reread[0].cells[4] == 'No lead id: the column "Телефон" is empty.'
    assert [r.line for r in reread] == [2, 4]


def test_writer_pads_short_rows_takes_comma_and_service_refusals(tmp_path):
    out = tmp_path / "r.csv"
    with RejectsWriter(out, ["id", "name", "message"], delimiter=",") as writer:
        writer.write(["1"], "Unknown source")
        writer.write(["2", "Анна", "a,b"], "Другая причина")
    assert out.read_text("utf-8-sig").splitlines() == [
        "id,name,message,reason",
        "1,,,Unknown source",
        '2,Анна,"a,b",Другая причина',
    ]
    assert writer.count == 2


def test_writer_without_reason_column_rewrites_cells_only(tmp_path, write):
    _, rows = read_all(write("f.csv", "id,name\n1,Анна\n"))
    [row] = rows
    assert isinstance(row, ValidRow)
    out = tmp_path / "plain.csv"
    with RejectsWriter(out, ["id", "name"], reason_column=None) as writer:
        writer.write(row.cells)
    table = open_table(out)
    assert table.mapping.get(Field.NAME) == 1
    with table.read() as stream:
        assert [(r.external_id, r.name) for r in stream] == [("1", "Анна")]


def test_a_column_without_a_header_is_named_by_its_number_in_any_language(write):
    """A reason names a header-less column by a sign, not an English word ("column 2"),
    which would stay English inside a translated reason."""
    path = write("f.csv", "Имя;\nАнна;\nБорис;89001234567\n")
    _, rows = read_all(path, header_line=1, mapping={Field.EXTERNAL_ID: 1, Field.NAME: 0})
    (refused,) = rejected(rows)
    assert refused.code is RejectCode.NO_ID
    assert refused.params["column"] == "#2"
