"""Demo data for a first look: operators, sources with weights, a month of contacts.

Goes through the same services as everything else, so the demo shows real
distribution decisions, limits and unassigned contacts.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.crm import Crm

OPERATORS = (
    ("Анна Смирнова", 14, True),
    ("Борис Кузнецов", 10, True),
    ("Виктория Александровна Константинопольская-Щербакова", 12, True),
    ("Григорий Иванов", 8, False),
    ("Дарья Соколова", 16, True),
)
SOURCES = (
    ("Telegram-бот «Консультант»", "tg", {0: 3, 1: 1, 2: 2, 4: 4}),
    ("Сайт — форма заявки", "site", {0: 1, 1: 3, 3: 2, 4: 1}),
    ("WhatsApp", "wa", {2: 1, 4: 1}),
    ("Instagram Direct", "ig", {3: 5}),
)
NAMES = (
    "Иван Петров",
    "Мария Иванова",
    "Алексей Сидоров",
    "Екатерина Волкова",
    "Дмитрий Орлов",
    "Ольга Морозова",
    "Сергей Лебедев",
    "Наталья Козлова",
    "Павел Новиков",
    "Юлия Попова",
    "Артём Фёдоров",
    "Ксения Михайлова",
    "",
    "Роман Павлов",
    "Татьяна Семёнова",
)
MESSAGES = (
    "Хочу узнать детали",
    "Сколько стоит доставка в Казань?",
    "Здравствуйте! Можно оформить заказ на завтра?",
    "Перезвоните, пожалуйста, после 18:00",
    "Есть ли скидка для постоянных клиентов?",
    "Не пришёл код подтверждения",
    "Хочу вернуть товар, как это сделать?",
    "Подскажите график работы в праздники",
)
CONTACTS = 140


def _external_id(rng: random.Random, index: int) -> str:
    number = f"9{rng.randint(0, 99):02d}{rng.randint(0, 9_999_999):07d}"
    kind = index % 5
    if kind == 0:
        return f"+7 ({number[:3]}) {number[3:6]}-{number[6:8]}-{number[8:]}"
    if kind == 1:
        return f"8 {number[:3]} {number[3:6]}-{number[6:8]}-{number[8:]}"
    if kind == 2:
        return f"client{index}@example.ru"
    if kind == 3:
        return f"tg:{rng.randint(10_000_000, 99_999_999)}"
    return f"7{number}"


def load_demo_data(crm: Crm, seed: int = 2026) -> int:
    """Fill an empty database; returns the number of contacts registered."""
    if crm.operators.list() or crm.sources.list(with_weights=False):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "Demo data can only be loaded into an empty database.")
        )
    rng = random.Random(seed)
    operators = [crm.operators.create(n, max_load=m, active=a) for n, m, a in OPERATORS]
    sources = []
    for name, code, weights in SOURCES:
        crm.sources.create(name, code=code)
        crm.sources.set_weights(code, {operators[i].id: w for i, w in weights.items()})
        sources.append(code)
    now = dt.datetime.now(dt.UTC)
    leads = [_external_id(rng, i) for i in range(90)]
    registered = []
    in_work: list[int] = []  # assigned and still open, oldest first
    for index in range(CONTACTS):
        age = dt.timedelta(minutes=(CONTACTS - index) * rng.randint(150, 330))
        request = ContactRequest(
            external_id=rng.choice(leads[: 30 + index // 2]),  # some leads come back
            source=rng.choices(sources, weights=(5, 4, 2, 1))[0],
            name=rng.choice(NAMES),
            message=rng.choice(MESSAGES),
            created_at=now - age,
        )
        contact = crm.contacts.register(request).contact
        registered.append(contact)
        if contact.operator is not None:
            in_work.append(contact.id)
        # Operators finish older work, a little slower than it arrives near the end.
        if in_work and index % 3 != 2 and index < CONTACTS - 20:
            crm.contacts.close(in_work.pop(0))
    return len(registered)
