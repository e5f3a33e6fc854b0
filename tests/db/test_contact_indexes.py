"""The contact table's indexes (migration 0012): one index on the operator serves an
operator's load and the Statistics screen's counts for all time; every contact written
(an import: every row) keeps one index less up to date. EXPLAIN QUERY PLAN, never a clock."""

from __future__ import annotations

import pytest

from desktop_crm.db.statements import in_list, statements

MERGED = "contact_operator_id_is_active_source_id"


def _indexes(crm) -> set[str]:
    with crm.storage.read():
        rows = crm.storage.database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact' "
            "AND name NOT LIKE 'sqlite_autoindex%'"
        ).fetchall()
    return {name for (name,) in rows}


def _plan(crm, sql: str, params: list[object]) -> str:
    with crm.storage.read():
        rows = crm.storage.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return " | ".join(str(row[-1]) for row in rows)


@pytest.mark.sqlite_only  # SQLite's catalogue and query plans
def test_the_operator_has_one_index_where_it_had_two(crm):
    indexes = _indexes(crm)
    assert MERGED in indexes
    assert not {"contact_operator_id_is_active", "contact_operator_id_source_id_is_active"} & (
        indexes
    )
    assert len(indexes) == 12, sorted(indexes)


@pytest.mark.sqlite_only
def test_the_loads_of_a_source_s_candidates_are_counted_over_the_merged_index(crm):
    sql = statements()
    text = sql.loads_of + in_list(3) + ")"
    steps = _plan(crm, text, [True, 1, 2, 3])
    assert f"USING COVERING INDEX {MERGED} (operator_id=? AND is_active=?)" in steps, steps
    assert "TEMP B-TREE" not in steps, steps
