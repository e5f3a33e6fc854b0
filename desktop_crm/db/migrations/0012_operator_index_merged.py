"""One index on a contact's operator instead of two: ``(operator_id, is_active,
source_id)`` replaces ``(operator_id, is_active)`` (migration 0001: an operator's load)
and ``(operator_id, source_id, is_active)`` (migration 0010: the Statistics screen's
counts for all time). Every contact written (an import: every row) kept both; each
query they served reads the merged one as well (``EXPLAIN QUERY PLAN`` tests:
``tests/db/test_opening.py``, ``tests/services/test_window_scale.py``):

- an operator's load, ``operator_id = ? AND is_active = ?``: a range of its prefix;
- the counts per (operator, source, open) for all time: one walk of the covering
  index, its GROUP BY order taken in any order of the grouped columns (SQLite and
  PostgreSQL alike: ``services/stats.py`` groups by the three).
"""

MERGED = ("operator_id", "is_active", "source_id")
REPLACED = (("operator_id", "is_active"), ("operator_id", "source_id", "is_active"))


def _name(columns):
    return "_".join(("contact", *columns))


def _create(db, columns):
    # Plain SQL, the same on both backends (and usable without a migrator).
    db.execute_sql(f'CREATE INDEX "{_name(columns)}" ON "contact" ({", ".join(columns)})')


def up(migrator, db):
    _create(db, MERGED)
    for columns in REPLACED:
        db.execute_sql(f'DROP INDEX "{_name(columns)}"')


def down(migrator, db):
    for columns in REPLACED:
        _create(db, columns)
    db.execute_sql(f'DROP INDEX "{_name(MERGED)}"')
