"""`desktop-crm import` with other CRMs' exports: `columns`, `--map`, `--keep-operator`
and the warning for a file whose only id is the exporting system's row number."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from tests.cli.helpers import snapshot
from tests.services.import_files import BITRIX, assert_within_limits, stored, write_csv

BITRIX_COLUMNS = {
    "lead": ["Рабочий телефон", "Мобильный телефон", "Рабочий e-mail"],
    "name": ["Имя", "Отчество", "Фамилия"],
    "source": ["Источник"],
    "message": ["Комментарий"],
    "created_at": ["Дата создания"],
    "owner": ["Ответственный"],
    "tags": [],
}


@pytest.fixture
def team(run_json):
    """alice (limit 2) and bob (limit 1) share «Сайт» (site) 1:1."""
    run_json("operator", "add", "alice", "--max-load", "2")
    run_json("operator", "add", "bob", "--max-load", "1")
    run_json("source", "add", "Сайт", "--code", "site")
    run_json("source", "weights", "site", "alice=1", "bob=1")


@pytest.fixture
def bitrix(tmp_path: Path) -> Path:
    rows = [
        ["1021", "Заявка", "Анна", "Соколова", "Сергеевна", "", "+7 900 111-22-33", "",
         "Сайт", "Хочу", "11.03.2024 10:00", "bob", "Новый"],
        ["1024", "Повтор", "Анна", "Соколова", "", "", "8 900 111 22 33", "anna@example.ru",
         "Сайт", "Ещё", "12.03.2024 11:00", "bob", "Новый"],
        ["1030", "Почта", "", "Петров", "", "", "", "petrov@example.ru",
         "Сайт", "", "12.03.2024 12:00", "", "Новый"],
    ]  # fmt: skip
    path = tmp_path / "bitrix.csv"
    with path.open("w", encoding="cp1251", newline="") as file:
        writer = csv.writer(file, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(BITRIX)
        writer.writerows(rows)
    return path


def decision_kinds(db_path: Path) -> list[str]:
    connection = sqlite3.connect(db_path)
    try:
        return [k for (k,) in connection.execute("SELECT kind FROM decision ORDER BY contact_id")]
    finally:
        connection.close()


def test_json_names_the_columns_and_one_mobile_is_one_lead(run_json, team, bitrix, db_path):
    data = run_json("import", bitrix)
    assert data["columns"] == BITRIX_COLUMNS
    assert data["warnings"] == []
    assert (data["imported"], data["rejected"]) == (3, [])
    assert [(s.external_id, s.name) for s in stored(db_path)] == [
        ("+79001112233", "Анна Сергеевна Соколова"),
        ("+79001112233", "Анна Сергеевна Соколова"),
        ("petrov@example.ru", "Петров"),
    ]


def test_the_text_summary_names_the_columns(run, team, bitrix):
    result = run("import", bitrix)
    assert result.code == 0, result
    assert (
        "columns: lead=Рабочий телефон+Мобильный телефон+Рабочий e-mail; "
        "name=Имя+Отчество+Фамилия; source=Источник; message=Комментарий; "
        "created_at=Дата создания; owner=Ответственный"
    ) in result.out.splitlines()


def test_map_overrides_the_named_fields(run_json, team, bitrix, db_path):
    data = run_json(
        "import", bitrix, "--map", "lead=Мобильный телефон", "--map", "name=Фамилия+Имя",
        "--map", "message=", "--map", "date=11",
    )  # fmt: skip
    assert data["columns"] == {
        **BITRIX_COLUMNS,
        "lead": ["Мобильный телефон"],
        "name": ["Фамилия", "Имя"],
        "message": [],
    }
    assert data["imported"] == 2
    assert data["rejected"] == [
        {"line": 4, "reason": 'No lead id: the column "Мобильный телефон" is empty.'}
    ]
    assert [(s.external_id, s.name, s.message) for s in stored(db_path)] == [
        ("+79001112233", "Соколова Анна", ""),
        ("+79001112233", "Соколова Анна", ""),
    ]


def test_a_header_with_a_plus_is_one_column(run_json, team, tmp_path, db_path):
    path = write_csv(
        tmp_path / "plus.csv",
        [("x", "+7 900 000-00-01", "Ира")],
        ("Телефон", "Тел+доб", "Имя"),
    )
    data = run_json("import", path, "--source", "site", "--map", "lead=Тел+доб")
    assert data["columns"]["lead"] == ["Тел+доб"]
    assert [s.external_id for s in stored(db_path)] == ["+79000000001"]


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("phone=Имя", 'Unknown field "phone" for --map; the fields are: lead, name, '),
        ("lead", "--map takes FIELD=COLUMN"),
        ("lead=Телефон клиента", 'No column "Телефон клиента" in bitrix.csv; its columns are: '
         "ID, Название лида, Имя, "),
        ("name=Имя+Нет", 'No column "Нет" in bitrix.csv'),
        ("lead=99", 'No column "99" in bitrix.csv'),
        ("lead=", "The lead's id column cannot be left out"),
    ],
)  # fmt: skip
def test_a_bad_map_exits_2_and_writes_nothing(run_error, team, bitrix, db_path, option, message):
    before = snapshot(db_path)
    assert message in run_error("import", bitrix, "--map", option)
    assert snapshot(db_path) == before


def test_keep_operator_gives_rows_to_their_owner_within_the_limit(run_json, team, bitrix, db_path):
    data = run_json("import", bitrix, "--keep-operator")
    assert (data["imported"], data["assigned"]) == (3, 3)
    operators = [s.operator for s in stored(db_path)]
    assert operators[0] == "bob"  # by hand
    assert operators[1:] == ["alice", "alice"]  # bob is full: the distributor decides
    assert decision_kinds(db_path) == ["manual", "auto", "auto"]
    assert_within_limits(db_path)


def test_keep_operator_without_an_owner_column_warns(run_json, team, tmp_path):
    path = write_csv(tmp_path / "plain.csv", [("+7 900 000-00-01", "Ира")], ("Телефон", "Имя"))
    data = run_json("import", path, "--source", "site", "--keep-operator")
    assert data["imported"] == 1
    assert any("no owner column" in warning for warning in data["warnings"])


def test_a_file_whose_only_id_is_a_row_number_says_so(run, run_json, team, tmp_path):
    path = write_csv(
        tmp_path / "rows.csv", [("1", "Ира", "привет"), ("2", "Ира", "снова")],
        ("№", "Имя", "Комментарий"),
    )  # fmt: skip
    data = run_json("import", path, "--source", "site")
    assert data["columns"]["lead"] == ["№"]
    (warning,) = data["warnings"]
    assert '"№"' in warning and "row number" in warning
    text = run("import", path, "--source", "site", "--again")
    assert text.code == 0
    assert any(
        line.startswith("warning: ") and "row number" in line for line in text.out.splitlines()
    )


# -- the sample exports of resources/samples ------------------------------------------------------
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def owners(run_json):
    """The samples' sources, all to alice by weight; «Мария Иванова» (limit 1) and
    «Пётр Орлов» (limit 5), the exports' owners, have no weight anywhere."""
    run_json("operator", "add", "alice", "--max-load", "100")
    run_json("operator", "add", "Мария Иванова", "--max-load", "1")
    run_json("operator", "add", "Пётр Орлов", "--max-load", "5")
    for name, code in (("Telegram-бот", "tg"), ("Сайт", "site"), ("WhatsApp", "wa")):
        run_json("source", "add", name, "--code", code)
        run_json("source", "weights", code, "alice=1")


def lead_names(db_path: Path) -> dict[str, str]:
    connection = sqlite3.connect(db_path)
    try:
        return dict(connection.execute("SELECT external_id, name FROM lead ORDER BY id"))
    finally:
        connection.close()


def test_the_bitrix24_sample(run_json, owners, db_path):
    data = run_json("import", SAMPLES / "bitrix24_leads.csv", "--keep-operator")
    assert (data["rows"], data["imported"], data["warnings"]) == (8, 7, [])
    assert data["rejected"] == [
        {"line": 7, "reason": 'No lead id: the columns "Рабочий телефон", "Мобильный телефон", '
         '"Рабочий e-mail" are all empty.'}
    ]  # fmt: skip
    assert lead_names(db_path) == {
        "+79001112233": "Анна Сергеевна Соколова",  # two rows, one person
        "+74951234567": "Игорь Павлович Лебедев",  # the work phone comes first
        "petrov@example.ru": "Петров",
        "+79120001122": "Ольга Андреевна Кузнецова",
        "+79037778899": "Дмитрий Новиков",
    }
    contacts = stored(db_path)
    assert [s.source for s in contacts] == [
        "Сайт", "WhatsApp", "Telegram-бот", "Сайт", "Сайт", "Telegram-бот", "WhatsApp",
    ]  # fmt: skip
    assert [s.operator for s in contacts] == [
        "Мария Иванова",  # by hand: her one place
        "Пётр Орлов",
        "alice",  # Мария Иванова is full: the distributor decides
        "alice",  # no owner
        "Пётр Орлов",
        "alice",  # «Нет Такого» is nobody here
        "Пётр Орлов",
    ]
    assert decision_kinds(db_path) == ["manual", "manual", "auto", "auto", "manual", "auto",
                                       "manual"]  # fmt: skip
    assert_within_limits(db_path)


def test_the_amocrm_sample(run_json, owners, db_path):
    data = run_json("import", SAMPLES / "amocrm_deals.csv", "--source", "site")
    assert (data["rows"], data["imported"], data["rejected"]) == (5, 5, [])
    assert data["columns"]["name"] == ["Основной контакт"]
    assert data["columns"]["message"] == ["Примечание"]
    assert lead_names(db_path) == {
        "+79001234501": "Елена Морозова",
        "+74951110022": "Алексей Смирнов",
        "fedorova@example.ru": "Наталья Фёдорова",
        "+79001234505": "Роман Егоров",
    }
    assert {s.operator for s in stored(db_path)} == {"alice"}  # owners only with the option


def test_the_hand_kept_excel_sample(run_json, owners, db_path):
    data = run_json("import", SAMPLES / "clients_handmade.xlsx", "--keep-operator")
    assert (data["rows"], data["imported"]) == (6, 5)
    assert [r["line"] for r in data["rejected"]] == [9]
    assert lead_names(db_path) == {
        "+79001112233": "Анна Сергеевна Соколова",
        "+79263004050": "Павел Гусев",
        "belova@example.ru": "Ирина Олеговна Белова",
        "+79035554433": "Кирилл Зайцев",
    }
    contacts = stored(db_path)
    assert [s.source for s in contacts] == ["Сайт", "WhatsApp", "Telegram-бот", "Сайт",
                                            "Telegram-бот"]  # fmt: skip
    assert [s.operator for s in contacts] == ["Мария Иванова", "Пётр Орлов", "alice", "alice",
                                              "alice"]  # fmt: skip
    assert_within_limits(db_path)


def test_an_empty_column_name_in_map_is_refused(run_error, team, tmp_path, db_path):
    path = write_csv(
        tmp_path / "gap.csv", [("+7 900 000-00-01", "Ира", "x")], ("Телефон", "Имя", "")
    )
    before = snapshot(db_path)
    assert 'No column "" in gap.csv' in run_error("import", path, "--map", "name=Имя+")
    assert snapshot(db_path) == before
