"""A realistic contact list: phones in several formats, e-mails, messenger ids,
a third of the rows from leads seen before."""

from __future__ import annotations

import csv
import random
from pathlib import Path

SOURCES = (("Telegram-бот", "tg"), ("Сайт", "site"), ("WhatsApp", "wa"))
OPERATORS = 8
FIRST = ("Иван", "Мария", "Алексей", "Екатерина", "Дмитрий", "Ольга", "Сергей", "Анна", "John")
LAST = ("Петров", "Иванова", "Сидоров", "Волкова", "Орлов", "Смирнова", "Кузнецов", "Smith")
MESSAGES = (
    "Хочу узнать детали",
    "Сколько стоит доставка?",
    "Перезвоните, пожалуйста",
    "Есть ли скидка?",
    "Когда будет в наличии?",
)


def external_id(rng: random.Random, n: int) -> str:
    digits = f"9{n % 100:02d}{(n * 7919) % 10_000_000:07d}"
    kind = n % 6
    if kind == 0:
        return f"+7 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}"
    if kind == 1:
        return f"8 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    if kind == 2:
        return f"7{digits}"
    if kind == 3:
        return f"user{n}@example.com" if n % 2 else f"User{n}@Mail.RU"
    if kind == 4:
        return str(5_000_000_000 + n)  # a messenger user id: bare digits, not a phone
    return f"tg:{n}"


# The day-rules variant (``generate(..., tags=True)``, ``day_rules`` in bench/__main__.py):
# what a contact needs, and how often; the operators' skills cover them.
TAGS = (("vip", 0.10), ("en", 0.05))


def _tags(rng: random.Random) -> str:
    draw = rng.random()
    for tag, share in TAGS:
        if draw < share:
            return tag
        draw -= share
    return ""


def generate(path: Path, rows: int, seed: int = 7, *, tags: bool = False) -> Path:
    """``tags``: a fifth column, what each contact needs (about 15 % of them tagged)."""
    rng = random.Random(seed)
    leads = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        header = ["lead_external_id", "lead_name", "source", "message"]
        writer.writerow([*header, "tags"] if tags else header)
        for _ in range(rows):
            if leads and rng.random() < 1 / 3:
                n = rng.randrange(leads)  # a returning lead
            else:
                n = leads
                leads += 1
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            cells = [external_id(rng, n), name, rng.choice(SOURCES)[1], rng.choice(MESSAGES)]
            writer.writerow([*cells, _tags(rng)] if tags else cells)
    return path
