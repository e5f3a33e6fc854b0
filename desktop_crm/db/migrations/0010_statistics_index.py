"""The Statistics screen on a million contacts: its counts per operator and source (with
the open ones) read one covering index in its GROUP BY order instead of every contact row
(``services/stats.py``; bench/window.py measures it). A period keeps using
``(operator_id, created_at)`` from migration 0002.
"""

COLUMNS = ("operator_id", "source_id", "is_active")


def up(migrator, db):
    migrator.migrate(migrator.add_index("contact", COLUMNS))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("contact", "_".join(("contact", *COLUMNS))))
