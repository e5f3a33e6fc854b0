"""Contact files and database probes shared by the importer's service and CLI tests.

Files are written with the standard ``csv`` module and openpyxl, and the database
is read with plain ``sqlite3``: the tests check the product against independent
code, not against itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

HEADER = ("phone", "name", "source", "message", "date")
T0 = dt.datetime(2024, 3, 11, 9, 0)  # wall-clock time of generated rows

# Several spellings of one Russian mobile number (10 digits after the country code).
PHONE_STYLES = (
    lambda d: f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}",
    lambda d: f"8 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}",
    lambda d: f"7{d}",
    lambda d: f"8({d[:3]}){d[3:]}",
    lambda d: f"+7{d}",
)


def pin_batch_rows(rows: int, set_attr=setattr) -> None:
    """Every ``Crm`` opened from now on in this process imports in batches of ``rows``
    rows (``ImportService``'s public ``batch_rows``); pass ``monkeypatch.setattr`` in
    tests. For a ``Crm`` already open, set ``crm.imports.batch_rows`` instead."""
    from desktop_crm.services import importer  # Crm builds its importer from here

    set_attr(importer, "ImportService", functools.partial(importer.ImportService, batch_rows=rows))


@contextmanager
def local_time_zone(monkeypatch, zone: str) -> Iterator[None]:
    """Run the block in another local zone (tests/conftest sets TZ=UTC for every test)."""
    previous = os.environ.get("TZ", "UTC")
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.setenv("TZ", previous)
        time.tzset()


def digits(n: int) -> str:
    return f"9{n:09d}"


def phone(n: int, style: int = 0) -> str:
    """Lead ``n``'s phone in one of PHONE_STYLES."""
    return PHONE_STYLES[style % len(PHONE_STYLES)](digits(n))


def e164(n: int) -> str:
    """Lead ``n``'s phone as the app stores it."""
    return f"+7{digits(n)}"


def when(minutes: int) -> str:
    return (T0 + dt.timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")


def row(n: int, *, source: str = "site", message: str | None = None, style: int = 0) -> tuple:
    """A valid row for HEADER: lead n, its own time and message."""
    text = f"message {n}" if message is None else message
    return (phone(n, style), f"Lead {n}", source, text, when(n))


def many_rows(count: int, *, no_id_every: int = 0, source: str = "site") -> list[tuple]:
    """``count`` rows with unique leads in rotating phone styles; every
    ``no_id_every``-th row (1-based) has no phone."""
    rows = []
    for i in range(count):
        cells = row(i, source=source, style=i)
        if no_id_every and (i + 1) % no_id_every == 0:
            cells = ("", *cells[1:])
        rows.append(cells)
    return rows


def write_csv(
    path: Path,
    rows: Iterable[Sequence[object]],
    header: Sequence[str] | None = HEADER,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter, lineterminator="\n")
        if header is not None:
            writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[object]],
    header: Sequence[str] = HEADER,
    *,
    title: str | None = None,
) -> Path:
    """A workbook; with ``title`` a title row and a blank row sit above the header."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Лиды"
    if title is not None:
        sheet.append([title])
        sheet.append([])
    sheet.append(list(header))
    for cells in rows:
        sheet.append(list(cells))
    book.save(path)
    return path


def record_lines(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[int]:
    """The physical line where each record starts (the header included)."""
    lines = []
    with path.open(encoding=encoding, newline="") as file:
        reader = csv.reader(file, delimiter=delimiter)
        previous = 0
        for _ in reader:
            lines.append(previous + 1)
            previous = reader.line_num
    return lines


class Stored(NamedTuple):
    external_id: str
    name: str  # the lead's
    source: str
    message: str
    created_at: dt.datetime  # naive UTC, as stored
    operator: str | None
    reason: str | None


def stored(database) -> list[Stored]:
    """Every contact, in insertion order; ``database`` a SQLite file or a
    ``DatabaseLocation`` (a PostgreSQL one is read with plain psycopg)."""
    sql = (
        "SELECT l.external_id, l.name, s.name, c.message, c.created_at, o.name,"
        " c.unassigned_reason"
        " FROM contact c JOIN lead l ON l.id = c.lead_id JOIN source s ON s.id = c.source_id"
        " LEFT JOIN operator o ON o.id = c.operator_id ORDER BY c.id"
    )
    if getattr(database, "server_url", None) is not None:
        import psycopg

        with psycopg.connect(database.url) as connection:
            rows = connection.execute(sql).fetchall()
    else:
        connection = sqlite3.connect(getattr(database, "file", None) or database)
        try:
            rows = connection.execute(sql).fetchall()
        finally:
            connection.close()
    return [
        Stored(e, n, s, m, t if isinstance(t, dt.datetime) else dt.datetime.fromisoformat(t), o, r)
        for e, n, s, m, t, o, r in rows
    ]


def loads(db_path: Path) -> dict[str, tuple[int, int]]:
    """Operator name -> (active contacts, max_load)."""
    connection = sqlite3.connect(db_path)
    try:
        rows = connection.execute(
            "SELECT o.name, o.max_load, (SELECT count(*) FROM contact c"
            " WHERE c.operator_id = o.id AND c.is_active) FROM operator o"
        ).fetchall()
    finally:
        connection.close()
    return {name: (load, limit) for name, limit, load in rows}


def assert_within_limits(db_path: Path) -> None:
    for name, (load, limit) in loads(db_path).items():
        assert load <= limit, f"{name} has {load} active contacts, max_load {limit}"


# A Bitrix24 lead export's columns, as the issue and Bitrix24's help name them.
BITRIX = (
    "ID",
    "Название лида",
    "Имя",
    "Фамилия",
    "Отчество",
    "Рабочий телефон",
    "Мобильный телефон",
    "Рабочий e-mail",
    "Источник",
    "Комментарий",
    "Дата создания",
    "Ответственный",
    "Стадия",
)
