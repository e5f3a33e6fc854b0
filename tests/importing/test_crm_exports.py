"""Exports of other CRMs: a row id is not a person, split names, several phone columns,
an owner column, and mappings that name several columns."""

from __future__ import annotations

import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import (
    Field,
    IdKind,
    NamePart,
    classify_header,
    describe_mapping,
    map_columns,
    open_table,
)

from .conftest import read_all, valid

BITRIX_HEADER = (
    "ID;Название лида;Имя;Фамилия;Отчество;Рабочий телефон;Мобильный телефон;"
    "Рабочий e-mail;Источник;Комментарий;Дата создания;Ответственный;Стадия"
)


@pytest.mark.parametrize(
    ("header", "field", "kind"),
    [
        ("ID", Field.EXTERNAL_ID, IdKind.ROW_ID),
        ("№", Field.EXTERNAL_ID, IdKind.ROW_ID),
        ("№ п/п", Field.EXTERNAL_ID, IdKind.ROW_ID),
        ("Id лида", Field.EXTERNAL_ID, IdKind.ROW_ID),
        ("ID сделки", Field.EXTERNAL_ID, IdKind.ROW_ID),
        ("lead_external_id", Field.EXTERNAL_ID, IdKind.ID),
        ("user_id", Field.EXTERNAL_ID, IdKind.ID),
        ("Рабочий телефон", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Мобильный телефон", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Домашний телефон", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Другой телефон", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Рабочий телефон (контакт)", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Work phone", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Mobile", Field.EXTERNAL_ID, IdKind.PHONE),
        ("Рабочий e-mail", Field.EXTERNAL_ID, IdKind.EMAIL),
        ("Рабочий email (контакт)", Field.EXTERNAL_ID, IdKind.EMAIL),
        ("Ответственный", Field.OWNER, None),
        ("Owner", Field.OWNER, None),
        ("Assigned to", Field.OWNER, None),
        ("Lead owner", Field.OWNER, None),
    ],
)
def test_export_headers(header, field, kind):
    match = classify_header(header)
    assert match is not None
    assert (match.field, match.id_kind) == (field, kind)


@pytest.mark.parametrize(
    ("header", "part"),
    [
        ("Имя", NamePart.FIRST),
        ("First name", NamePart.FIRST),
        ("Фамилия", NamePart.LAST),
        ("Last name", NamePart.LAST),
        ("Surname", NamePart.LAST),
        ("Отчество", NamePart.MIDDLE),
        ("Middle name", NamePart.MIDDLE),
        ("ФИО", NamePart.FULL),
        ("Name", NamePart.FULL),
        ("Full name", NamePart.FULL),
        ("Полное имя (контакт)", NamePart.FULL),
        ("Основной контакт", NamePart.FULL),
        ("Фамилия Имя", NamePart.FULL),
    ],
)
def test_name_part_headers(header, part):
    match = classify_header(header)
    assert match is not None and match.field is Field.NAME
    assert match.name_part is part


def test_a_row_id_gives_way_to_phones_then_email():
    headers = BITRIX_HEADER.split(";")
    mapping = map_columns(headers)
    assert mapping.group(Field.EXTERNAL_ID) == (5, 6, 7)
    assert mapping.id_kind is IdKind.PHONE
    assert not mapping.row_id_only
    assert mapping.group(Field.NAME) == (2, 4, 3)  # Имя Отчество Фамилия
    assert mapping.group(Field.OWNER) == (11,)
    assert mapping.group(Field.SOURCE) == (8,)
    assert mapping.group(Field.MESSAGE) == (9,)
    assert mapping.group(Field.CREATED_AT) == (10,)
    assert describe_mapping(mapping, headers) == {
        "lead": ["Рабочий телефон", "Мобильный телефон", "Рабочий e-mail"],
        "name": ["Имя", "Отчество", "Фамилия"],
        "source": ["Источник"],
        "message": ["Комментарий"],
        "created_at": ["Дата создания"],
        "owner": ["Ответственный"],
        "tags": [],
    }


def test_a_person_id_still_wins_and_a_full_name_beats_its_parts():
    mapping = map_columns(["ID", "user_id", "Телефон", "Имя", "Фамилия", "Полное имя"])
    assert mapping.group(Field.EXTERNAL_ID) == (1,)
    assert mapping.id_kind is IdKind.ID
    assert mapping.group(Field.NAME) == (5,)


def test_a_file_whose_only_id_is_a_row_id_is_flagged():
    mapping = map_columns(["№", "Имя", "Комментарий"])
    assert mapping.group(Field.EXTERNAL_ID) == (0,)
    assert mapping.id_kind is IdKind.ROW_ID
    assert mapping.row_id_only
    assert map_columns(["Телефон", "Имя"]).row_id_only is False


def test_one_person_in_two_rows_is_one_id_and_the_name_is_joined(write):
    text = (
        BITRIX_HEADER + "\r\n"
        '"1021";"Заявка";"Анна";"Соколова";"Сергеевна";"";"+7 900 111-22-33";"";'
        '"Сайт";"Хочу";"11.03.2024 10:00";"Мария Иванова";"Новый"\r\n'
        '"1024";"Повтор";"Анна";"Соколова";"";"";"89001112233";"anna@example.ru";'
        '"Сайт";"Ещё";"12.03.2024 11:00";"";"Новый"\r\n'
        '"1030";"Почта";"";"Петров";"";"";"";"petrov@example.ru";'
        '"Сайт";"";"12.03.2024 12:00";"";"Новый"\r\n'
        '"1031";"Рабочий";"Иван";"";"";"+7 (495) 000-00-01";"+7 900 000-00-02";"";'
        '"Сайт";"";"12.03.2024 12:00";"";"Новый"\r\n'
        '"1032";"Никак";"Олег";"";"";"";"";"";"Сайт";"";"12.03.2024 12:00";"";"Новый"\r\n'
    )
    _, rows = read_all(write("bitrix.csv", text, "cp1251"))
    good = valid(rows)
    assert [(r.external_id, r.name, r.owner) for r in good] == [
        ("+7 900 111-22-33", "Анна Сергеевна Соколова", "Мария Иванова"),
        ("89001112233", "Анна Соколова", None),
        ("petrov@example.ru", "Петров", None),
        ("+7 (495) 000-00-01", "Иван", None),
    ]
    (no_id,) = [r for r in rows if r not in good]
    assert no_id.reason == (
        'No lead id: the columns "Рабочий телефон", "Мобильный телефон", "Рабочий e-mail" '
        "are all empty."
    )


def test_a_user_mapping_may_name_several_columns(write):
    path = write("f.csv", "Имя,Фамилия,Моб,Почта\r\nАнна,Соколова,,a@b.ru\r\n")
    table = open_table(path).reopen(mapping={"external_id": [2, 3], "name": [1, 0]})
    assert table.mapping.group(Field.EXTERNAL_ID) == (2, 3)
    with table.read() as stream:
        [row] = list(stream)
    assert (row.external_id, row.name) == ("a@b.ru", "Соколова Анна")
    with pytest.raises(InvalidValue):
        table.reopen(mapping={"external_id": [2, 9]})
    with pytest.raises(InvalidValue):
        table.reopen(mapping={"external_id": []})


def test_a_joined_name_over_the_limit_is_rejected(write):
    long = "А" * 300
    path = write("f.csv", f"Телефон,Имя,Фамилия\r\n89001112233,{long},{long}\r\n")
    _, rows = read_all(path)
    assert valid(rows) == []
    assert rows[0].field is Field.NAME


def test_a_placeholder_in_a_phone_column_gives_way_to_the_next_column(write):
    path = write("f.csv", "Рабочий телефон;Мобильный телефон;Имя\r\n-;+7 900 000-00-01;Ира\r\n")
    _, rows = read_all(path)
    assert [r.external_id for r in valid(rows)] == ["+7 900 000-00-01"]


def test_an_overlong_owner_is_no_operator_and_rejects_nothing(write):
    path = write("f.csv", f"Телефон,Ответственный\r\n89001112233,{'Я' * 1000}\r\n")
    _, rows = read_all(path)
    [row] = valid(rows)
    assert row.owner is None


@pytest.mark.parametrize("header", ["E-mail ответственного", "Телефон ответственного"])
def test_the_owners_own_contacts_are_not_the_leads_id(header):
    assert classify_header(header) is None
