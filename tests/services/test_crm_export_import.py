"""Importing other CRMs' exports: one person is one lead, and the owner column
(``keep_operator``) assigns by the rules of manual assignment."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_crm.domain.distribution import OWNER_COLUMN_NOTE
from desktop_crm.importing import open_table

from .import_files import BITRIX, assert_within_limits, loads, stored, write_csv


def bitrix_row(n: int, first: str, last: str, middle: str, work: str, mobile: str, email: str,
               owner: str = "", source: str = "Сайт") -> tuple:  # fmt: skip
    return (str(1000 + n), f"Лид {n}", first, last, middle, work, mobile, email, source,
            f"сообщение {n}", f"11.03.2024 {9 + n % 10}:00", owner, "Новый")  # fmt: skip


def write_bitrix(path: Path, rows: list[tuple]) -> Path:
    import csv

    with path.open("w", encoding="cp1251", newline="") as file:
        writer = csv.writer(file, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(BITRIX)
        writer.writerows(rows)
    return path


@pytest.fixture
def team(crm):
    """«Сайт» (site): Анна (limit 5) takes everything by weight; Борис (limit 2) has
    weight 0 there; Вера is inactive; Глеб (limit 0) is always full."""
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=2)
    crm.operators.create("Вера", max_load=5, active=False)
    crm.operators.create("Глеб", max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 0})
    return crm


def lead_count(db_path: Path) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT count(*) FROM lead").fetchone()[0]
    finally:
        connection.close()


def test_one_mobile_in_two_rows_is_one_lead_with_the_whole_name(team, tmp_path, db_path):
    path = write_bitrix(
        tmp_path / "bitrix.csv",
        [
            bitrix_row(21, "Анна", "Соколова", "Сергеевна", "", "+7 900 111-22-33", ""),
            bitrix_row(24, "Анна", "Соколова", "", "", "8 (900) 111-22-33", "a@example.ru"),
            bitrix_row(30, "", "Петров", "", "", "", "Petrov@Example.ru"),
        ],
    )
    summary = team.imports.run(open_table(path))
    assert (summary.record.imported, summary.rejected) == (3, ())
    assert [(s.external_id, s.name) for s in stored(db_path)] == [
        ("+79001112233", "Анна Сергеевна Соколова"),
        ("+79001112233", "Анна Сергеевна Соколова"),  # the lead keeps its first name
        ("petrov@example.ru", "Петров"),
    ]
    assert lead_count(db_path) == 2


def owner_rows() -> list[tuple]:
    return [
        bitrix_row(1, "Борис", "Один", "", "", "+7 900 000-00-01", "", owner="Борис"),
        bitrix_row(2, "Борис", "Два", "", "", "+7 900 000-00-02", "", owner="  борис "),
        bitrix_row(3, "Борис", "Три", "", "", "+7 900 000-00-03", "", owner="Борис"),  # full
        bitrix_row(4, "Вера", "", "", "", "+7 900 000-00-04", "", owner="Вера"),  # inactive
        bitrix_row(5, "Глеб", "", "", "", "+7 900 000-00-05", "", owner="Глеб"),  # limit 0
        bitrix_row(6, "Нет", "", "", "", "+7 900 000-00-06", "", owner="Иван Иванов"),
        bitrix_row(7, "Пусто", "", "", "", "+7 900 000-00-07", ""),
    ]


def test_keep_operator_assigns_by_hand_within_the_limit(team, tmp_path, db_path):
    path = write_bitrix(tmp_path / "owners.csv", owner_rows())
    summary = team.imports.run(open_table(path), keep_operator=True)
    assert (summary.record.imported, summary.record.assigned) == (7, 7)
    contacts = stored(db_path)
    assert [s.operator for s in contacts] == ["Борис", "Борис", "Анна", "Анна", "Анна", "Анна",
                                              "Анна"]  # fmt: skip
    assert_within_limits(db_path)
    assert loads(db_path)["Борис"] == (2, 2)
    histories = [team.contacts.history(i) for i in range(1, 8)]
    assert [h[-1].kind for h in histories] == ["manual"] * 2 + ["auto"] * 5
    assert histories[0][-1].note == OWNER_COLUMN_NOTE
    assert histories[0][-1].operator.name == "Борис"


def test_without_keep_operator_the_owner_column_is_ignored(team, tmp_path, db_path):
    path = write_bitrix(tmp_path / "owners.csv", owner_rows())
    team.imports.run(open_table(path))
    assert [s.operator for s in stored(db_path)] == ["Анна"] * 5 + [None] * 2  # Анна's limit
    assert all(team.contacts.history(i)[-1].kind == "auto" for i in range(1, 8))


def test_a_resumed_import_keeps_its_keep_operator(team, tmp_path, db_path):
    team.imports.batch_rows = 2
    rows = [
        bitrix_row(1, "А", "", "", "", "+7 900 000-00-01", ""),
        bitrix_row(2, "Б", "", "", "", "+7 900 000-00-02", ""),
        bitrix_row(3, "В", "", "", "", "+7 900 000-00-03", "", owner="Борис"),
    ]
    path = write_bitrix(tmp_path / "owners.csv", rows)
    first = team.imports.run(open_table(path), keep_operator=True, cancelled=lambda: True)
    assert first.cancelled and first.record.imported == 2
    rest = team.imports.run(open_table(path))  # resumes with the options it started with
    assert rest.resumed and rest.record.imported == 3
    assert [s.operator for s in stored(db_path)] == ["Анна", "Анна", "Борис"]


def test_the_owner_rule_holds_in_one_batch_across_sources(team, tmp_path, db_path):
    """Борис is given contacts by hand from two sources in one transaction: the
    limit counts both, and the distributor's own count sees them."""
    team.sources.create("Чат", code="chat")
    team.sources.set_weights("chat", {"Борис": 1})
    rows = [
        ("+7 900 000-00-11", "А", "Борис", "site"),
        ("+7 900 000-00-12", "Б", "", "chat"),
        ("+7 900 000-00-13", "В", "Борис", "site"),
        ("+7 900 000-00-14", "Г", "", "chat"),
    ]
    path = write_csv(tmp_path / "mix.csv", rows, ("Телефон", "Имя", "Ответственный", "Источник"))
    summary = team.imports.run(open_table(path), keep_operator=True)
    assert summary.record.imported == 4
    assert [s.operator for s in stored(db_path)] == ["Борис", "Борис", "Анна", None]
    assert_within_limits(db_path)


def test_an_owner_spelled_with_invisible_characters_is_the_same_operator(team, tmp_path, db_path):
    rows = [("+7 900 000-00-21", "\u0411\u043e\u200b\u0440\u0438\u0441\u00a0 ")]  # "Бо\u200bрис"
    path = write_csv(tmp_path / "zw.csv", rows, ("Телефон", "Ответственный"))
    team.imports.run(open_table(path), source="site", keep_operator=True)
    assert [s.operator for s in stored(db_path)] == ["Борис"]
