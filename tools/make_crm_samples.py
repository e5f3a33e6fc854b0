"""Write the sample exports of other CRMs into resources/samples/ (run from the repo root:
``.venv/bin/python tools/make_crm_samples.py``). The output is committed; this script
keeps it reproducible.

The column names follow what the systems export (not what this app would like):

- Bitrix24, CRM > Leads > Export to CSV: cp1251, ``;``, every cell quoted; the lead's
  system fields ID, Название лида (TITLE), Имя / Фамилия / Отчество (NAME, LAST_NAME,
  SECOND_NAME), a column per phone and e-mail type (Рабочий / Мобильный / Домашний /
  Другой телефон, Рабочий e-mail), Источник (SOURCE_ID), Комментарий (COMMENTS),
  Дата создания (DATE_CREATE), Ответственный (ASSIGNED_BY), Стадия (STATUS_ID).
- amoCRM, Сделки > Экспорт: the deal's ID, Название сделки, Бюджет, Ответственный,
  Дата создания, Этап сделки, Воронка, Теги сделки, Примечание, and its main
  contact's fields with the suffix "(контакт)": Основной контакт, Рабочий телефон
  (контакт), Мобильный телефон (контакт), Рабочий email (контакт).
- A sheet kept by hand in Excel: a title above the header, a "№" column, the name in
  three columns, phones typed as numbers, real date cells, a "Менеджер" column.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"

BITRIX_HEADER = (
    "ID", "Название лида", "Имя", "Фамилия", "Отчество", "Рабочий телефон",
    "Мобильный телефон", "Рабочий e-mail", "Источник", "Комментарий", "Дата создания",
    "Ответственный", "Стадия",
)  # fmt: skip
BITRIX_ROWS = (
    ("1021", "Заявка с сайта", "Анна", "Соколова", "Сергеевна", "", "+7 (900) 111-22-33",
     "", "Сайт", "Нужна консультация по тарифам", "11.03.2024 10:14:00", "Мария Иванова",
     "Новый"),
    ("1022", "Звонок", "Игорь", "Лебедев", "Павлович", "+7 (495) 123-45-67",
     "+7 (916) 555-01-02", "lebedev@example.ru", "WhatsApp", "Перезвонить после обеда",
     "11.03.2024 11:02:00", "Пётр Орлов", "В работе"),
    ("1024", "Повторное обращение", "Анна", "Соколова", "", "", "8 900 111 22 33",
     "a.sokolova@example.ru", "Telegram-бот", "Пишет снова: когда ответите?",
     "12.03.2024 09:30:00", "Мария Иванова", "Новый"),
    ("1027", "Вопрос по доставке", "", "Петров", "", "", "", "petrov@example.ru", "Сайт",
     "Доставляете в Казань?", "12.03.2024 12:45:00", "", "Новый"),
    ("1030", "Заявка с сайта", "Ольга", "Кузнецова", "Андреевна", "", "+7 912 000-11-22",
     "", "Сайт", "Хочу демо", "13.03.2024 15:20:00", "Пётр Орлов", "Новый"),
    ("1031", "Без контактов", "Сергей", "Волков", "", "", "", "", "Сайт",
     "Оставил заявку без телефона", "13.03.2024 16:00:00", "Мария Иванова",
     "Некачественный лид"),
    ("1033", "Чат в Telegram", "Дмитрий", "Новиков", "", "", "+7 903 777-88-99", "",
     "Telegram-бот", "Сколько стоит годовой план?", "14.03.2024 10:05:00", "Нет Такого",
     "В работе"),
    ("1035", "Звонок", "Игорь", "Лебедев", "", "+7 (495) 123-45-67", "", "",
     "WhatsApp", "Уточнил адрес", "14.03.2024 17:40:00", "Пётр Орлов", "В работе"),
)  # fmt: skip

AMO_HEADER = (
    "ID", "Название сделки", "Бюджет", "Ответственный", "Дата создания", "Этап сделки",
    "Воронка", "Основной контакт", "Рабочий телефон (контакт)",
    "Мобильный телефон (контакт)", "Рабочий email (контакт)", "Теги сделки", "Примечание",
)  # fmt: skip
AMO_ROWS = (
    ("28410101", "Сделка #28410101", "15000", "Мария Иванова", "11.03.2024 10:14:00",
     "Первичный контакт", "Воронка", "Елена Морозова", "", "+79001234501",
     "morozova@example.ru", "сайт", "Интересует годовой тариф"),
    ("28410102", "Сделка #28410102", "0", "Пётр Орлов", "11.03.2024 12:30:00",
     "Переговоры", "Воронка", "Алексей Смирнов", "+74951110022", "+79001234502", "",
     "whatsapp", "Просит счёт на юрлицо"),
    ("28410107", "Сделка #28410107", "7000", "Мария Иванова", "12.03.2024 09:00:00",
     "Первичный контакт", "Воронка", "Елена Морозова", "", "8 900 123-45-01", "",
     "telegram", "Снова пишет про тариф"),
    ("28410110", "Сделка #28410110", "0", "", "12.03.2024 18:20:00", "Неразобранное",
     "Воронка", "Наталья Фёдорова", "", "", "fedorova@example.ru", "", "Вопрос с почты"),
    ("28410111", "Сделка #28410111", "3000", "Пётр Орлов", "13.03.2024 08:45:00",
     "Принимают решение", "Воронка", "Роман Егоров", "", "+79001234505", "", "",
     "Готов оплатить"),
)  # fmt: skip

SHEET_TITLE = "Заявки за март 2024 — ведёт Ольга"
SHEET_HEADER = (
    "№", "Фамилия", "Имя", "Отчество", "Моб. телефон", "E-mail", "Канал", "Комментарий",
    "Дата", "Менеджер",
)  # fmt: skip
SHEET_ROWS = (
    (1, "Соколова", "Анна", "Сергеевна", 89001112233, None, "Сайт", "Нужна консультация",
     dt.datetime(2024, 3, 11, 10, 14), "Мария Иванова"),
    (2, "Гусев", "Павел", None, "+7 926 300-40-50", "gusev@example.ru", "WhatsApp",
     "Просит перезвонить", dt.datetime(2024, 3, 11, 13, 0), "Пётр Орлов"),
    (3, "Соколова", "Анна", None, "8 (900) 111-22-33", None, "Telegram-бот",
     "Повторно: когда ответ?", dt.datetime(2024, 3, 12, 9, 45), None),
    (4, "Белова", "Ирина", "Олеговна", None, "belova@example.ru", "Сайт", "Вопрос по счёту",
     dt.datetime(2024, 3, 12, 16, 30), "Мария Иванова"),
    (5, "Зайцев", "Кирилл", None, 79035554433, None, "tg", "Хочет демо",
     dt.datetime(2024, 3, 13, 11, 5), "Ольга"),
    (6, "Орлова", "Вера", None, None, None, "Сайт", "Телефон не оставила",
     dt.datetime(2024, 3, 13, 12, 0), "Пётр Орлов"),
)  # fmt: skip


def write_bitrix(path: Path) -> None:
    with path.open("w", encoding="cp1251", newline="") as file:
        writer = csv.writer(file, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(BITRIX_HEADER)
        writer.writerows(BITRIX_ROWS)


def write_amo(path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
        writer.writerow(AMO_HEADER)
        writer.writerows(AMO_ROWS)


def write_sheet(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Клиенты"
    sheet.append([SHEET_TITLE])
    sheet.append([])
    sheet.append(list(SHEET_HEADER))
    for row in SHEET_ROWS:
        sheet.append(list(row))
    for cell in sheet["I"][3:]:
        cell.number_format = "DD.MM.YYYY HH:MM"
    # A fixed timestamp: the same rows give the same bytes on every run.
    book.properties.created = book.properties.modified = dt.datetime(2024, 3, 14, 18, 0)
    book.save(path)


def main() -> None:
    write_bitrix(SAMPLES / "bitrix24_leads.csv")
    write_amo(SAMPLES / "amocrm_deals.csv")
    write_sheet(SAMPLES / "clients_handmade.xlsx")


if __name__ == "__main__":
    main()
