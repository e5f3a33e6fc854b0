import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import (
    Field,
    IdKind,
    NoIdColumn,
    classify_header,
    map_columns,
    normalise_header,
    open_table,
)

from .conftest import read_all, valid


@pytest.mark.parametrize(
    ("header", "field", "kind"),
    [
        ("lead_external_id", Field.EXTERNAL_ID, IdKind.ID),
        ("External ID", Field.EXTERNAL_ID, IdKind.ID),
        ("Внешний ID", Field.EXTERNAL_ID, IdKind.ID),
        ("user_id", Field.EXTERNAL_ID, IdKind.ID),
        ("ID", Field.EXTERNAL_ID, IdKind.ROW_ID),  # an export's row number, not a person
        ("  Телефон:  ", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Тел.", Field.EXTERNAL_ID, IdKind.PHONE),
        ("номер", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Phone", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Телефон клиента", Field.EXTERNAL_ID, IdKind.PHONE),
        ("E-mail", Field.EXTERNAL_ID, IdKind.EMAIL),
        ("email", Field.EXTERNAL_ID, IdKind.EMAIL),
        ("Почта", Field.EXTERNAL_ID, IdKind.EMAIL),
        ("lead_name", Field.NAME, None),
        ("Ф.И.О.", Field.NAME, None),
        ("ФИО", Field.NAME, None),
        ("Имя", Field.NAME, None),
        ("Клиент", Field.NAME, None),
        ("Контакт", Field.NAME, None),
        ("source_id", Field.SOURCE, None),
        ("Источник", Field.SOURCE, None),
        ("Бот", Field.SOURCE, None),
        ("канал", Field.SOURCE, None),
        ("message", Field.MESSAGE, None),
        ("Сообщение", Field.MESSAGE, None),
        ("Комментарий", Field.MESSAGE, None),
        ("Текст", Field.MESSAGE, None),
        ("created_at", Field.CREATED_AT, None),
        ("Created", Field.CREATED_AT, None),
        ("Дата", Field.CREATED_AT, None),
        ("Время", Field.CREATED_AT, None),
        ("Дата создания", Field.CREATED_AT, None),
        ("DATE", Field.CREATED_AT, None),
    ],
)
def test_header_synonyms(header, field, kind):
    match = classify_header(header)
    assert match is not None
    assert (match.field, match.id_kind) == (field, kind)


@pytest.mark.parametrize("header", ["", "Сумма", "Имя / источник", "Выгрузка за март", "#"])
def test_unknown_or_ambiguous_headers(header):
    assert classify_header(header) is None


def test_normalise_header():
    assert normalise_header("  E-Mail: ") == "e mail"
    assert normalise_header("Создан_ЁЖ") == "создан еж"


def test_id_preference_is_id_then_phone_then_email():
    mapping = map_columns(["E-mail", "Телефон", "Имя", "user_id"])
    assert mapping.get(Field.EXTERNAL_ID) == 3
    assert mapping.id_kind is IdKind.ID
    assert [(c.column, c.kind) for c in mapping.id_candidates] == [
        (3, IdKind.ID),
        (1, IdKind.PHONE),
        (0, IdKind.EMAIL),
    ]
    without_id = map_columns(["E-mail", "Имя", "Телефон"])
    assert (without_id.get(Field.EXTERNAL_ID), without_id.id_kind) == (2, IdKind.PHONE)
    assert map_columns(["Почта", "Имя"]).id_kind is IdKind.EMAIL


def test_exact_word_beats_keyword_and_leftmost_wins_ties():
    mapping = map_columns(["Телефон клиента", "Дата обновления", "Телефон", "Дата", "Дата"])
    assert mapping.get(Field.EXTERNAL_ID) == 2
    assert mapping.get(Field.CREATED_AT) == 3


def test_original_api_names_map_every_field():
    mapping = map_columns(["lead_external_id", "lead_name", "source_id", "message", "created_at"])
    assert dict(mapping.columns) == {
        Field.EXTERNAL_ID: 0,
        Field.NAME: 1,
        Field.SOURCE: 2,
        Field.MESSAGE: 3,
        Field.CREATED_AT: 4,
    }


def test_no_source_column_leaves_source_none(write):
    _, rows = read_all(write("f.csv", "Телефон,Имя\r\n89001234567,Анна\r\n"))
    [row] = valid(rows)
    assert row.source is None
    assert row.message == ""
    assert row.created_at is None


def test_mapping_override_replaces_the_whole_mapping(write):
    path = write("f.csv", "Телефон,E-mail,Заметка\r\n89001234567,a@b.ru,Привет\r\n")
    table = open_table(path).reopen(mapping={"external_id": 1, Field.MESSAGE: 2})
    assert dict(table.mapping.columns) == {Field.EXTERNAL_ID: 1, Field.MESSAGE: 2}
    assert table.mapping.id_kind is IdKind.EMAIL
    with table.read() as stream:
        [row] = list(stream)
    assert (row.external_id, row.name, row.message) == ("a@b.ru", "", "Привет")


def test_mapping_override_out_of_range_or_unknown_field_is_refused(write):
    table = open_table(write("f.csv", "Телефон,Имя\r\n1,2\r\n"))
    with pytest.raises(InvalidValue):
        table.reopen(mapping={"external_id": 2})
    with pytest.raises(InvalidValue):
        table.reopen(mapping={"phone": 0})


def test_no_id_column_is_reported_by_open_and_refused_by_read(write):
    table = open_table(write("f.csv", "ФИО;Комментарий\r\nАнна;Привет\r\n"))
    assert isinstance(table.problem, NoIdColumn)
    preview = table.preview(5)
    assert preview.checked == ()
    assert [r.cells for r in preview.rows] == [["Анна", "Привет"]]
    with pytest.raises(NoIdColumn):
        table.read()
    fixed = table.reopen(mapping={"external_id": 0})
    with fixed.read() as stream:
        assert [row.external_id for row in stream] == ["Анна"]
