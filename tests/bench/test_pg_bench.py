"""The PostgreSQL benchmark's floor (plain psycopg) does the work it claims, on a tiny
size, so that the ratio in the README compares like with like and the tool cannot rot."""

from __future__ import annotations

import random

import psycopg

from bench.datagen import OPERATORS, SOURCES, generate
from bench.pg import _register_floor, import_floor
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import open_crm


def _prepare(url: str, max_load: int) -> None:
    crm = open_crm(DatabaseLocation.postgresql(url))
    operators = [
        crm.operators.create(f"Оператор {i}", max_load=max_load).id for i in range(OPERATORS)
    ]
    for name, code in SOURCES:
        crm.sources.create(name, code=code)
        crm.sources.set_weights(code, {op: i + 1 for i, op in enumerate(operators)})
    crm.close()


def _check(url: str, contacts: int, max_load: int) -> None:
    with psycopg.connect(url) as connection:
        assert connection.execute("SELECT count(*) FROM contact").fetchone() == (contacts,)
        loads = connection.execute(
            "SELECT count(*) FROM contact WHERE is_active AND operator_id IS NOT NULL "
            "GROUP BY operator_id"
        ).fetchall()
        assert loads and max(n for (n,) in loads) <= max_load
        orphans = connection.execute(
            "SELECT count(*) FROM contact c LEFT JOIN lead l ON l.id = c.lead_id WHERE l.id IS NULL"
        ).fetchone()
        assert orphans == (0,)


def test_the_import_floor_stores_every_row_within_the_limits(pg_url, tmp_path):
    _prepare(pg_url, max_load=10)
    csv_path = generate(tmp_path / "c.csv", 300)
    assert import_floor(pg_url, csv_path) == 300
    _check(pg_url, 300, max_load=10)


def test_the_registering_floor_keeps_the_limits(pg_url):
    _prepare(pg_url, max_load=2)
    rng = random.Random(1)
    with psycopg.connect(pg_url) as connection:
        for i in range(30):
            _register_floor(connection, rng, f"+7950{i:07d}", SOURCES[i % len(SOURCES)][1])
    _check(pg_url, 30, max_load=2)
