"""Named SQL statements of the single-contact hot path, compiled once per process.

A bot's pipe registers thousands of contacts a second; peewee building the same
query text again for each (its ``sql()``/``__sql__`` walk) cost more than running
it. The statements here are written once, in SQL that both backends read alike,
with ``?`` for each value; ``statements(database)`` turns them into the backend's
placeholders (``database.param``: ``?`` for SQLite, ``%s`` for psycopg) the first
time a database asks, and ``run`` executes one on the calling thread's connection.

Only fixed texts live here: the value lists of an ``IN (...)`` are compiled per length
(``in_marks``). What each statement means belongs to the service that runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

import peewee as pw

from desktop_crm.db.models import database_proxy

_CONTACT_INFO_COLUMNS = (
    "c.id, c.created_at, c.is_active, c.message, c.unassigned_reason, "
    "l.id, l.external_id, l.name, s.id, s.name, s.code, o.id, o.name, "
    "c.overdue, c.answered_at, c.tags"
)


@dataclass(frozen=True, slots=True)
class Statements:
    """Each field one statement's text (``?`` placeholders before compiling)."""

    # The configuration revision (migration 0011): bumped by any change the
    # distributor reads as configuration.
    config_revision: str = "SELECT revision FROM config_revision"
    # A source's strategy and whether a returning lead goes to its last operator.
    source_strategy: str = "SELECT strategy, repeat_to_last FROM source WHERE id = ?"
    # A source's candidates: config and operator columns, in the config's order.
    source_candidates: str = (
        "SELECT c.operator_id, c.weight, o.active, o.max_load, c.rr_current, o.hours, "
        "o.daily_cap, o.skills FROM source_operator_config c "
        "JOIN operator o ON o.id = c.operator_id WHERE c.source_id = ? ORDER BY c.id"
    )
    # A round-robin source's state per operator (never kept between transactions).
    round_robin: str = (
        "SELECT operator_id, rr_current FROM source_operator_config WHERE source_id = ?"
    )
    # The operator of a lead's latest assigned contact.
    last_operator: str = (
        "SELECT operator_id FROM contact WHERE lead_id = ? AND operator_id IS NOT NULL "
        "ORDER BY created_at DESC, id DESC LIMIT 1"
    )
    # The contact that holds an idempotency key.
    contact_by_key: str = "SELECT id FROM contact WHERE idempotency_key = ?"
    # One contact as ContactInfo (services/contact_views.py: to_info's column order).
    contact_info: str = (
        f"SELECT {_CONTACT_INFO_COLUMNS} FROM contact c "
        "JOIN lead l ON l.id = c.lead_id JOIN source s ON s.id = c.source_id "
        "LEFT OUTER JOIN operator o ON o.id = c.operator_id WHERE c.id = ?"
    )
    # Loads (active contacts) of some operators: + in_marks(n) + ")". One count per
    # operator over its index entries: 2-3x faster than a GROUP BY over an IN list,
    # which passes every entry through the grouping (issue 13's pipe).
    loads_of: str = (
        "SELECT o.id, (SELECT COUNT(*) FROM contact c "
        "WHERE c.operator_id = o.id AND c.is_active = ?) FROM operator o WHERE o.id IN ("
    )
    # Contacts given to some operators in [start, end): + in_marks(n) + ") GROUP BY ...".
    today_counts: str = (
        "SELECT operator_id, COUNT(id) FROM decision WHERE operator_id IS NOT NULL "
        "AND created_at >= ? AND created_at < ? AND operator_id IN ("
    )
    group_by_operator: str = ") GROUP BY operator_id"


def statements(database: pw.Database | None = None) -> Statements:
    """The statements in the placeholders of ``database`` (default: the open one)."""
    return _compiled((database or database_proxy.obj).param)


@lru_cache(maxsize=4)
def _compiled(param: str) -> Statements:
    """Compiled once per placeholder style."""
    plain = Statements()
    if param == "?":
        return plain
    return Statements(
        **{f.name: getattr(plain, f.name).replace("?", param) for f in fields(Statements)}
    )


@lru_cache(maxsize=64)
def in_marks(param: str, count: int) -> str:
    """``count`` placeholders for an ``IN (...)`` list."""
    return ", ".join([param] * count)


def in_list(count: int) -> str:
    """``count`` placeholders of the open database for an ``IN (...)`` list."""
    return in_marks(database_proxy.obj.param, count)


def run(sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
    """Execute one compiled statement on the open database (this thread's connection);
    the cursor."""
    database: pw.Database = database_proxy.obj
    return database.execute_sql(sql, params)
