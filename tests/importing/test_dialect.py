import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import open_table
from desktop_crm.importing.dialect import detect_delimiter

from .conftest import read_all, valid


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
@pytest.mark.parametrize("suffix", [".csv", ".txt", ".tsv"])
def test_each_delimiter_is_detected_whatever_the_suffix(write, delimiter, suffix):
    lines = [
        ["phone", "name", "source", "message"],
        ["+7 900 123-45-67", "Анна", "tg", '"Привет, как дела; что нового | ок"'],
        ["89001234568", "Борис", "site", "Здравствуйте, хочу заказ"],
        ["ivan@mail.ru", "Иван", "wa", "Добрый день"],
    ]
    text = "".join(delimiter.join(cells) + "\r\n" for cells in lines)
    table, rows = read_all(write("f" + suffix, text))
    assert table.delimiter == delimiter
    assert [row.external_id for row in valid(rows)] == [
        "+7 900 123-45-67",
        "89001234568",
        "ivan@mail.ru",
    ]
    assert valid(rows)[0].message == "Привет, как дела; что нового | ок"


def test_commas_inside_a_semicolon_file_do_not_fool_detection():
    text = "Телефон;Комментарий\r\n1;Да, нет, может быть\r\n2;Ок, спасибо\r\n3;А, б\r\n"
    assert detect_delimiter(text, complete=True) == ";"


def test_consistent_field_counts_decide_when_no_header_words():
    text = "a|b|c\r\n1|2, 3|4\r\n5|6|7\r\n"
    assert detect_delimiter(text, complete=True) == "|"


def test_single_column_file_takes_the_suffix_default(write):
    table, rows = read_all(write("ids.tsv", "phone\n89001234567\n89007654321\n"))
    assert table.delimiter == "\t"
    assert [row.external_id for row in valid(rows)] == ["89001234567", "89007654321"]


def test_delimiter_override(write):
    path = write("f.csv", "id;name,with comma\r\n1;Анна, Борис\r\n")
    table = open_table(path).reopen(delimiter=",")
    assert table.delimiter == ","
    assert table.headers == ("id;name", "with comma")
    assert open_table(path).reopen(delimiter=";").headers == ("id", "name,with comma")


def test_bad_delimiter_override_is_refused(write):
    with pytest.raises(InvalidValue):
        open_table(write("f.csv", "id\r\n1\r\n")).reopen(delimiter=";;")
