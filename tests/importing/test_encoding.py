import codecs

import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import EncodingMethod, NotATable, open_table
from desktop_crm.importing.encoding import detect_encoding, resolve_override

from .conftest import read_all, valid

HEADER = "Телефон;ФИО;Комментарий\r\n"
BODY = "+7 900 123-45-67;Иванов Иван Иванович;Хочу узнать детали, ёлки\r\n"


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("cp1251", b"", "cp1251"),
    ],
)
def test_detects_encoding_and_reads_cyrillic(write, encoding, bom, expected):
    path = write("contacts.csv", bom + (HEADER + BODY).encode(encoding))
    table, rows = read_all(path)
    assert table.encoding.name == expected
    assert table.headers == ("Телефон", "ФИО", "Комментарий")  # no BOM glued to the first
    [row] = valid(rows)
    assert row.name == "Иванов Иван Иванович"
    assert row.message == "Хочу узнать детали, ёлки"


def test_utf16_le_with_bom_tab_delimited_as_excel_writes_it(write):
    text = "Телефон\tФИО\tКомментарий\r\n+7 900 123-45-67\tИванов Иван\tПривет, мир\r\n"
    path = write("unicode.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    table, rows = read_all(path)
    assert table.encoding.name == "utf-16"
    assert table.encoding.method is EncodingMethod.BOM
    assert table.delimiter == "\t"
    [row] = valid(rows)
    assert (row.line, row.external_id, row.message) == (2, "+7 900 123-45-67", "Привет, мир")


def test_utf16_without_bom_is_recognised_by_its_zero_bytes():
    sample = "id\tname\r\n1\tАнна\r\n".encode("utf-16-le")
    assert detect_encoding(sample, complete=True).name == "utf-16-le"


def test_utf8_sample_cut_inside_a_multibyte_character_is_still_utf8():
    data = ("id,name\r\n" + "1,Ёжиков\r\n" * 10).encode("utf-8")
    cut = data[:-3]  # ends between the two bytes of a Cyrillic letter
    assert cut[-1] >= 0x80
    assert detect_encoding(cut, complete=False).name == "utf-8"
    # As the whole file it is UTF-8 with one bad line (rejected by the reader).
    assert not _strict_utf8(cut)
    assert detect_encoding(cut, complete=True).name == "utf-8"


def _strict_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_cp1251_is_preferred_for_short_cyrillic_samples():
    # charset-normalizer alone may call this koi8-r or mac-cyrillic.
    sample = "ФИО;Телефон\r\nЁжикова Юлия;89001234567\r\n".encode("cp1251")
    assert detect_encoding(sample, complete=True).name == "cp1251"


def test_a_long_cp1251_file_is_detected_from_its_sample(write):
    rows = "".join(f"8900{i:07d};Пётр Сидоров {i};Перезвоните мне\r\n" for i in range(20_000))
    path = write("big.csv", ("Телефон;ФИО;Комментарий\r\n" + rows).encode("cp1251"))
    table, parsed = read_all(path)
    assert table.encoding.name == "cp1251"
    assert len(valid(parsed)) == 20_000
    assert parsed[-1].name == "Пётр Сидоров 19999"


def test_encoding_override_wins_and_keeps_dropping_the_bom(write):
    path = write("c.csv", codecs.BOM_UTF8 + "id;name\r\n1;Анна\r\n".encode())
    table = open_table(path).reopen(encoding="UTF8")
    assert table.encoding.method is EncodingMethod.OVERRIDE
    assert table.headers == ("id", "name")
    assert resolve_override("cp1251", b"abc").name == "cp1251"


def test_unknown_encoding_override_is_refused(write):
    path = write("c.csv", "id\r\n1\r\n")
    with pytest.raises(InvalidValue) as info:
        open_table(path).reopen(encoding="no-such-codec")
    assert info.value.field == "encoding"


def test_binary_content_is_not_a_table(write):
    path = write("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 50)
    with pytest.raises(NotATable):
        open_table(path)


def test_binary_without_zero_bytes_is_not_a_table(write):
    noise = bytes(b for b in range(1, 256) if b not in b"\t\n\r") * 40
    with pytest.raises(NotATable):
        open_table(write("noise.txt", noise))
