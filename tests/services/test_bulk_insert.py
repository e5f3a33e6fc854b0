"""``Storage.insert_many``, the importer's batch insert: every value stored as given on
both backends, whether it goes row by row or (PostgreSQL, many rows) by COPY."""

from __future__ import annotations

import pytest

from desktop_crm.db.models import Lead

AWKWARD = ("tab\there", "back\\slash", "\\N", "line\nbreak", 'quote "q"', "Ёлка ☃", "", "  ")


@pytest.mark.parametrize("count", [3, 250])
def test_many_rows_are_stored_exactly_as_given(crm, count):
    sql, _ = Lead.insert(id=0, external_id="", name="", name_folded="", created_at="").sql()
    rows = [
        (
            1000 + i,
            f"id-{i}",
            AWKWARD[i % len(AWKWARD)],
            AWKWARD[(i + 1) % len(AWKWARD)],
            f"2026-12-01 10:{i % 60:02d}:00",
        )
        for i in range(count)
    ]
    with crm.storage.write():
        crm.storage.insert_many(sql, rows)
    stored = sorted(
        Lead.select(Lead.id, Lead.external_id, Lead.name, Lead.name_folded, Lead.created_at)
        .tuples()
        .execute()
    )
    assert [(i, e, n, f, str(c)) for i, e, n, f, c in stored] == rows
