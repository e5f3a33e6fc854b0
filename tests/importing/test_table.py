"""Reading CSV/TXT tables: header detection, line numbers, limits, refusals, resume, progress."""

import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import (
    MAX_CHARS,
    NO_HEADER,
    EmptyFile,
    Field,
    IdKind,
    NotATable,
    ProgressUnit,
    ReadOptions,
    RejectCode,
    TableFile,
    UnsupportedFileType,
    ValidRow,
    open_table,
)

from .conftest import MSK, read_all, rejected, valid

RUSSIAN_EXCEL = (
    "Выгрузка обращений за март 2024;;;;\r\n"
    "\r\n"
    ";;;;\r\n"
    "Телефон;ФИО;Источник;Комментарий;Дата\r\n"
    "+7 (900) 123-45-67;Иванов Иван;Сайт;Хочу узнать детали;05.03.2024 9:05\r\n"
    "8 900 123-45-67;Иванов Иван;Telegram-бот;Повторно, срочно;05.03.2024 10:15\r\n"
    ";Без телефона;Сайт;Ответьте;05.03.2024 11:00\r\n"
    "ivan@mail.ru;Пётр;wa;;\r\n"
)


def test_russian_cp1251_semicolon_file_with_a_title_and_blank_lines(write):
    table, rows = read_all(write("excel.csv", RUSSIAN_EXCEL, "cp1251"))
    assert (table.encoding.name, table.delimiter, table.header_line) == ("cp1251", ";", 4)
    assert table.headers == ("Телефон", "ФИО", "Источник", "Комментарий", "Дата")
    assert table.mapping.id_kind is IdKind.PHONE
    assert [row.line for row in rows] == [5, 6, 7, 8]
    assert [row.index for row in rows] == [0, 1, 2, 3]
    first = rows[0]
    assert isinstance(first, ValidRow)
    assert (first.external_id, first.name, first.source) == (
        "+7 (900) 123-45-67",
        "Иванов Иван",
        "Сайт",
    )
    assert first.created_at.isoformat() == "2024-03-05T06:05:00"
    [no_id] = rejected(rows)
    assert (no_id.line, no_id.code, no_id.field) == (7, RejectCode.NO_ID, Field.EXTERNAL_ID)
    assert no_id.reason == 'No lead id: the column "Телефон" is empty.'
    assert no_id.cells == ["", "Без телефона", "Сайт", "Ответьте", "05.03.2024 11:00"]
    assert rows[3].message == "" and rows[3].created_at is None


def test_header_on_the_first_line_makes_the_first_row_line_2(write):
    _, rows = read_all(write("f.csv", "id,name\n1,Анна\n2,Борис\n"))
    assert [(row.line, row.external_id) for row in rows] == [(2, "1"), (3, "2")]


def test_quoted_multiline_fields_keep_later_line_numbers_right(write):
    text = (
        "id,name,message\r\n"
        '1,Анна,"первая строка\r\nвторая строка\r\nтретья"\r\n'
        '2,"Борис\nБорисович",коротко\r\n'
        "\r\n"
        '3,Вера,"с ""кавычками"", запятой"\r\n'
        "4,Глеб,конец\r\n"
    )
    _, rows = read_all(write("m.csv", text))
    assert [(row.line, row.external_id) for row in rows] == [(2, "1"), (5, "2"), (8, "3"), (9, "4")]
    assert rows[0].message == "первая строка\nвторая строка\nтретья"
    assert rows[1].name == "Борис Борисович"  # a name cell of two lines: one space
    assert rows[2].message == 'с "кавычками", запятой'


def test_stripped_values_and_ids_not_normalised(write):
    _, rows = read_all(write("f.csv", "Телефон,Имя\r\n  +7 (900) 123-45-67 ,  Анна \r\n"))
    assert (rows[0].external_id, rows[0].name) == ("+7 (900) 123-45-67", "Анна")


def test_a_field_over_128_kib_is_rejected_and_reading_goes_on(write):
    huge = "Ж" * (200 * 1024)
    text = f'id;message\r\n1;короткое\r\n2;"{huge}\r\nещё"\r\n3;после\r\n'
    _, rows = read_all(write("huge.csv", text, "cp1251"))
    assert [row.line for row in rows] == [2, 3, 5]
    [too_long] = rejected(rows)
    assert (too_long.line, too_long.code, too_long.field) == (3, RejectCode.TOO_LONG, Field.MESSAGE)
    assert too_long.params["limit"] == MAX_CHARS[Field.MESSAGE]
    assert too_long.cells[1].startswith("ЖЖЖ")
    assert rows[2].message == "после"


@pytest.mark.parametrize(
    ("column", "field"),
    [(0, Field.EXTERNAL_ID), (1, Field.NAME), (2, Field.SOURCE), (3, Field.MESSAGE)],
)
def test_each_field_limit_rejects_one_char_over(write, column, field):
    limit = MAX_CHARS[field]
    cells = ["id1", "name", "src", "msg"]
    ok = list(cells)
    ok[column] = "x" * limit
    over = list(cells)
    over[column] = "x" * (limit + 1)
    text = "id,name,source,message\n" + ",".join(ok) + "\n" + ",".join(over) + "\n"
    _, rows = read_all(write("limits.csv", text))
    assert isinstance(rows[0], ValidRow)
    assert (rows[1].line, rows[1].code, rows[1].field) == (3, RejectCode.TOO_LONG, field)
    assert rows[1].params["length"] == limit + 1


def test_short_rows_and_blank_rows(write):
    text = "id,name,message\n1\n,,\n\n  ,  ,  \n2,Анна,привет,лишняя ячейка\n"
    _, rows = read_all(write("f.csv", text))
    assert [(row.line, row.index, row.external_id) for row in rows] == [(2, 0, "1"), (6, 4, "2")]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.csv", b"", EmptyFile),
        ("blank.csv", b"\r\n\r\n  \r\n", EmptyFile),
        ("bom-only.csv", b"\xef\xbb\xbf", EmptyFile),
        ("only-delimiters.csv", b";;;\r\n;;;\r\n", EmptyFile),
        ("binary.csv", bytes(range(256)) * 100, NotATable),
        ("zip-but-not-xlsx.csv", b"PK\x03\x04" + b"\x00" * 200, NotATable),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, UnsupportedFileType),
        ("legacy.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, UnsupportedFileType),
        ("contacts.json", b'[{"id": 1}]', UnsupportedFileType),
    ],
)
def test_files_that_are_not_tables_are_refused_whole(write, name, content, error):
    with pytest.raises(error) as info:
        open_table(write(name, content))
    assert name in str(info.value)


def test_missing_file_is_unreadable(tmp_path):
    from desktop_crm.importing import UnreadableFile

    with pytest.raises(UnreadableFile, match=r"nowhere\.csv"):
        open_table(tmp_path / "nowhere.csv")


def test_header_line_override_and_no_header_mode(write):
    text = "Отчёт\r\nid;name\r\n1;Анна\r\n2;Борис\r\n"
    path = write("f.csv", text)
    assert open_table(path).header_line == 2
    first_line = open_table(path).reopen(header_line=1)
    assert first_line.headers == ("Отчёт",)
    assert first_line.problem is not None
    headerless = open_table(path, ReadOptions(header_line=NO_HEADER, mapping={"external_id": 0}))
    assert headerless.headers == ()
    with headerless.read() as stream:
        rows = list(stream)
    assert [(row.line, row.external_id) for row in rows] == [
        (1, "Отчёт"),
        (2, "id"),
        (3, "1"),
        (4, "2"),
    ]


def test_header_line_inside_a_record_or_past_the_end_is_refused(write):
    path = write("f.csv", 'id,message\n1,"a\nb"\n2,c\n')
    with pytest.raises(InvalidValue, match="Line 3 is inside a record that starts on line 2"):
        open_table(path, ReadOptions(header_line=3))
    with pytest.raises(InvalidValue, match="no line 9"):
        open_table(path, ReadOptions(header_line=9))


def test_header_detection_ignores_a_title_line_with_many_cells(write):
    text = "Отчёт,за,март,2024,года,менеджер\nemail,имя\na@b.ru,Анна\n"
    table = open_table(write("f.csv", text))
    assert table.header_line == 2
    assert table.mapping.id_kind is IdKind.EMAIL


def test_preview_is_bounded_and_holds_everything_the_dialog_shows(write):
    body = "".join(
        f"8900{i:07d};Клиент {i};Сайт;Текст;05.03.2024 10:{i % 60:02d}\r\n" for i in range(50_000)
    )
    path = write("big.csv", RUSSIAN_EXCEL.split("+7")[0] + body, "cp1251")
    table = open_table(path, ReadOptions(local_tz=MSK))
    preview = table.preview(20)
    assert (preview.encoding.name, preview.delimiter, preview.header_line) == ("cp1251", ";", 4)
    assert preview.headers[0] == "Телефон"
    assert preview.mapping.get(Field.CREATED_AT) == 4
    assert [record.line for record in preview.leading] == [1, 2, 3]
    assert preview.leading[0].cells[0] == "Выгрузка обращений за март 2024"
    assert len(preview.rows) == len(preview.checked) == 20
    assert preview.rows[0].line == 5
    assert preview.checked[19].external_id == "89000000019"
    assert preview.progress.unit is ProgressUnit.BYTES
    assert preview.progress.done < preview.progress.total / 2  # it did not read the file


def test_reopen_with_options_redetects_only_what_is_left_none(write):
    path = write("f.csv", "Телефон;Имя\r\n1;Анна\r\n", "cp1251")
    table = open_table(path)
    again = table.reopen(delimiter=",")
    assert again.encoding == table.encoding
    assert again.delimiter == ","
    assert again.options == ReadOptions(delimiter=",")
    assert TableFile.open(path) == table


def test_skip_first_k_records_resumes_where_the_import_stopped(write):
    text = "id,message\n" + "".join(f'{i},"строка\n{i}"\n' for i in range(10))
    table = open_table(write("f.csv", text))
    with table.read() as stream:
        everything = list(stream)
    done = everything[3]
    with table.read(skip=done.index + 1) as stream:
        rest = list(stream)
    assert rest == everything[4:]
    assert (rest[0].line, rest[0].index, rest[0].external_id) == (10, 4, "4")
    with table.read(skip=100) as stream:
        assert list(stream) == []


def test_skip_counts_blank_records_like_index_does(write):
    table = open_table(write("f.csv", "id\n1\n\n2\n\n\n3\n"))
    with table.read() as stream:
        indexes = [(row.index, row.external_id) for row in stream]
    assert indexes == [(0, "1"), (2, "2"), (5, "3")]
    with table.read(skip=3) as stream:
        assert [row.external_id for row in stream] == ["3"]


def test_progress_increases_to_the_total_bytes(write):
    body = "".join(f"{i},Имя {i},{'сообщение ' * 20}\n" for i in range(20_000))
    path = write("p.csv", "id,name,message\n" + body)
    table = open_table(path)
    seen = []
    with table.read() as stream:
        assert stream.progress().done == 0
        for number, _ in enumerate(stream):
            if number % 500 == 0:
                seen.append(stream.progress())
        final = stream.progress()
    assert all(p.unit is ProgressUnit.BYTES and p.total == path.stat().st_size for p in seen)
    dones = [p.done for p in seen]
    assert dones == sorted(dones) and dones[0] < dones[-1] < final.done
    assert final.done == final.total
    assert final.fraction == 1.0
    assert stream.progress() == final  # still answers after close


def test_closing_a_stream_midway_releases_the_file(write):
    table = open_table(write("f.csv", "id\n1\n2\n3\n"))
    stream = table.read()
    iterator = iter(stream)
    assert next(iterator).external_id == "1"
    stream.close()
    assert list(iterator) == []
    assert valid(read_all(table.path)[1])[-1].external_id == "3"
