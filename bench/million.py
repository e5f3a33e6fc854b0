"""The million-contact database of the window benchmark (bench/window.py), built once.

Written straight into a migrated template with plain ``sqlite3`` ``executemany`` (the
set-up, not the subject): ~300k leads (phones, e-mails, messenger ids; Russian and
Latin names), 5 sources, 20 operators, contacts over two years, most of them closed,
some open with an operator, some queued with nobody. Cached under ``bench/out/`` and
built again when the schema version or this builder changes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sqlite3
from pathlib import Path

BUILDER_VERSION = 1
SOURCES = (
    ("Telegram-бот", "tg"),
    ("Сайт", "site"),
    ("WhatsApp", "wa"),
    ("Форма «Обратный звонок»", "call"),
    ("ВКонтакте", "vk"),
)
OPERATORS = 20
MAX_LOAD = 2_000  # operators' room: open contacts stay under it, registrations still fit
LEAD_SHARE = 0.3  # a new lead for about 3 contacts in 10
START = dt.datetime(2024, 12, 1)
DAYS = 730
FIRST = (
    "Иван", "Мария", "Алексей", "Екатерина", "Дмитрий", "Ольга", "Сергей", "Анна",
    "Александра", "Константин", "Елизавета", "Пётр", "Семён", "Наталья", "John", "Emily",
)  # fmt: skip
MIDDLE = ("", "", "Владимировна", "Вячеславович", "Сергеевич", "Алексеевна")
LAST = (
    "Петров", "Иванова", "Сидоров", "Волкова", "Орлов", "Смирнова", "Кузнецов",
    "Преображенская-Васильева", "Долгоруковский", "Рождественская", "Семёнова", "Smith",
)  # fmt: skip
MESSAGES = (
    "Хочу узнать детали",
    "Сколько стоит доставка?",
    "Перезвоните, пожалуйста",
    "Есть ли скидка?",
    "Когда будет в наличии?",
    "Добрый день! Хотела бы уточнить условия доставки крупногабаритного заказа.",
    "",
)


def external_id(n: int) -> str:
    """Lead ``n``'s id as the app stores it (normalised): phones, e-mails, messenger ids."""
    kind = n % 5
    if kind in (0, 1, 2):
        return f"+79{n % 100:02d}{(n * 7919) % 10_000_000:07d}"
    if kind == 3:
        return f"user{n}@example.com"
    return f"tg:{n}"


def name(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return ""
    parts = (rng.choice(FIRST), rng.choice(MIDDLE), rng.choice(LAST))
    return " ".join(p for p in parts if p)


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(" ")


def cached(folder: Path, contacts: int) -> Path:
    """The database with ``contacts`` contacts, from the cache when it is current."""
    from desktop_crm.db.storage import SCHEMA_VERSION

    path = folder / f"window-{contacts}.sqlite3"
    stamp = folder / f"window-{contacts}.json"
    wanted = {"schema": SCHEMA_VERSION, "builder": BUILDER_VERSION, "contacts": contacts}
    if path.exists() and stamp.exists():
        try:
            if json.loads(stamp.read_text()) == wanted:
                return path
        except ValueError:
            pass
    stamp.unlink(missing_ok=True)
    build(path, contacts)
    stamp.write_text(json.dumps(wanted))
    return path


def working_copy(cache: Path, folder: Path) -> Path:
    """A copy to change (registrations), so the cache stays as built."""
    target = folder / "window.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(cache, target)
    return target


def _template(path: Path) -> None:
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    crm = open_crm(DatabaseLocation(path))
    operators = [
        crm.operators.create(f"{rng_name(i)}", max_load=MAX_LOAD).id for i in range(OPERATORS)
    ]
    for i, (source_name, code) in enumerate(SOURCES):
        crm.sources.create(source_name, code=code)
        crm.sources.set_weights(code, {op: 1 + (j + i) % 5 for j, op in enumerate(operators)})
    crm.close()


def rng_name(i: int) -> str:
    """Operator ``i``'s name (unique; some long, Cyrillic)."""
    first = FIRST[i % len(FIRST)]
    last = LAST[(i * 5) % len(LAST)]
    return f"{first} {last} {i + 1}"


def build(path: Path, contacts: int, seed: int = 13) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    _template(path)
    rng = random.Random(seed)
    step = dt.timedelta(days=DAYS) / max(contacts, 1)
    leads: list[tuple[int, str, str, str, str]] = []
    rows: list[tuple[object, ...]] = []
    loads = [0] * (OPERATORS + 1)
    open_share = 20_000 / max(contacts, 1)  # about 20k open contacts with an operator
    queued_share = 10_000 / max(contacts, 1)  # about 10k waiting for an operator
    for i in range(1, contacts + 1):
        moment = START + step * i + dt.timedelta(seconds=rng.randrange(60))
        if not leads or (rng.random() < LEAD_SHARE):
            lead_name = name(rng)
            lead_id = len(leads) + 1
            leads.append(
                (lead_id, external_id(lead_id), lead_name, lead_name.casefold(), _stamp(moment))
            )
        else:
            lead_id = rng.randint(1, len(leads))
        source_id = rng.randint(1, len(SOURCES))
        draw = rng.random()
        operator: int | None = rng.randint(1, OPERATORS)
        reason = None
        active = 0
        if draw < queued_share:
            operator, reason, active = None, "all_at_limit", 1
        elif draw < queued_share + open_share and loads[operator] < MAX_LOAD:
            active = 1
            loads[operator] += 1
        rows.append(
            (i, lead_id, source_id, operator, _stamp(moment), active, rng.choice(MESSAGES), reason)
        )
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO lead (id, external_id, name, name_folded, created_at) VALUES (?, ?, ?, ?, ?)",
        leads,
    )
    connection.executemany(
        "INSERT INTO contact (id, lead_id, source_id, operator_id, created_at, is_active, "
        "message, unassigned_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path
