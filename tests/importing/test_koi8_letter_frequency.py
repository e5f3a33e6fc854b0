"""koi8-r text in one letter case (all lower or all upper: no miscased words to tell it
by) is told from cp1251 by how Russian its letters are; cp1251 files of every case,
names, abbreviations, Ukrainian, Bulgarian and Serbian stay cp1251."""

from __future__ import annotations

import random

import pytest

from desktop_crm.importing.encoding import detect_encoding

from .conftest import read_all, valid

NAMES = (
    "Мария Петрова", "Иван Сидоров", "Олег", "Анна Смирнова", "Пётр Иванович",
    "Юлия Ёжикова", "Сергей Кузнецов", "Наталья", "Дмитрий Орлов", "Вера", "Я",
    "Елена Васильевна Попова", "Щукин Эдуард", "Фёдор Шишкин", "Жанна Цой",
    "Хабибуллин Рустам", "ООО Ромашка", "ИП Щукин", "ЦУМ ФСБ ГИБДД", "ОАО РЖД",
)  # fmt: skip
MESSAGES = (
    "Привет, как дела", "Хочу узнать детали", "Перезвоните мне", "ок", "спасибо",
    "Сколько стоит доставка?", "Нужна консультация по тарифу", "Заявка с сайта", "",
    "Когда будет готово", "Жду ответа",
)  # fmt: skip
OTHER_LANGUAGES = (
    "Привіт, як справи? Дякую за відповідь, Олександр Шевченко",  # Ukrainian
    "Здравейте, искам да поръчам продукта. Кога ще бъде доставката?",  # Bulgarian
    "Здраво, желим да наручим производ. Љубица Јовановић",  # Serbian
)
LEADS = "phone;name;message\n" + "".join(
    f"+7900100{n:04d};{name};{message}\n"
    for n, (name, message) in enumerate(
        [
            ("Мария Петрова", "Привет, как дела"),
            ("Иван Сидоров", "Хочу узнать детали"),
            ("Пётр", "Перезвоните мне после обеда"),
            ("Анна Смирнова", "Сколько стоит доставка?"),
            ("Олег", "ок"),
        ]
    )
)


def _cased(text: str, case: str) -> str:
    return {"lower": text.lower(), "upper": text.upper(), "mixed": text}[case]


@pytest.mark.parametrize("case", ["lower", "upper", "mixed"])
def test_a_koi8_r_file_in_any_letter_case_is_koi8_r(write, case):
    text = _cased(LEADS, case)
    table, rows = read_all(write("koi.csv", text.encode("koi8-r")))
    assert table.encoding.name == "koi8_r"
    assert [row.name for row in valid(rows)] == [
        _cased(name, case) for name in ("Мария Петрова", "Иван Сидоров", "Пётр", "Анна Смирнова")
    ] + [_cased("Олег", case)]


@pytest.mark.parametrize("case", ["lower", "upper", "mixed"])
def test_the_same_file_in_cp1251_stays_cp1251(write, case):
    table, rows = read_all(write("excel.csv", _cased(LEADS, case).encode("cp1251")))
    assert table.encoding.name == "cp1251"
    assert valid(rows)[0].message == _cased("Привет, как дела", case)


def _files(seed: int, count: int) -> list[str]:
    """Tables of random rows of names and messages, 1 to 30 rows."""
    rng = random.Random(seed)
    files = []
    for _ in range(count):
        rows = rng.choice([1, 2, 3, 5, 10, 30])
        files.append(
            "phone;name;message\n"
            + "".join(
                f"+7900{n:07d};{rng.choice(NAMES)};{rng.choice(MESSAGES)}\n" for n in range(rows)
            )
        )
    return files


def test_no_cp1251_file_is_taken_for_koi8_r():
    """The rule's safe side, on many files: cp1251 is what Russian Excel writes."""
    texts = _files(1, 300) + [f"id;text\n1;{line}\n2;{line}\n" for line in OTHER_LANGUAGES]
    for text in texts:
        for case in ("lower", "upper", "mixed"):
            sample = _cased(text, case).encode("cp1251")
            assert detect_encoding(sample, complete=True).name == "cp1251", text


def test_one_case_koi8_r_files_of_some_rows_are_told_apart():
    """Not every one: a few rows of short words stay cp1251 (README: choose koi8-r)."""
    long_enough = [text for text in _files(2, 300) if text.count("\n") >= 10]
    for case in ("lower", "upper"):
        found = [
            detect_encoding(_cased(text, case).encode("koi8-r"), complete=True).name
            for text in long_enough
        ]
        assert found.count("koi8_r") >= 0.95 * len(found), case
