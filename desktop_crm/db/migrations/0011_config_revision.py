"""A configuration revision: one number that changes, in the same transaction, whenever
anything the distributor reads as configuration changes (operators, sources, weights,
absences, settings), so that a process may keep that configuration between two
transactions and still see every other process's change (``services/config_cache.py``).

- ``config_revision``: one row, ``revision``; not copied by ``copy-db`` (each database
  keeps its own, like its migration history).
- Triggers on ``operator``, ``source``, ``operator_absence``, ``setting`` (any change)
  and ``source_operator_config`` (rows added or removed, a weight changed; not the
  round-robin state, which changes with every contact and is never kept) set it to a
  value never used before: PostgreSQL a sequence (never rolled back), SQLite
  ``random()`` (a rolled-back change must not leave a number that a later, different
  change could reach again, as ``revision + 1`` would).
- A later migration that rebuilds one of these tables on SQLite (playhouse does for
  some column changes) must create its trigger again.
"""

from peewee import PostgresqlDatabase

TABLES = ("operator", "source", "operator_absence", "setting")
CONFIG_COLUMNS = "weight, source_id, operator_id"  # source_operator_config: not rr_current


def _triggers(table, when):
    """(name, event) of each trigger on ``table``."""
    return [(f"{table}_{event.split()[0].lower()}_revision", event) for event in when]


def up(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("CREATE SEQUENCE config_revision_seq")
        db.execute_sql(
            "CREATE TABLE config_revision (id INTEGER PRIMARY KEY CHECK (id = 1), "
            "revision BIGINT NOT NULL)"
        )
        db.execute_sql(
            "INSERT INTO config_revision (id, revision) VALUES (1, nextval('config_revision_seq'))"
        )
        db.execute_sql(
            "CREATE FUNCTION bump_config_revision() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN UPDATE config_revision SET revision = nextval('config_revision_seq'); "
            "RETURN NULL; END $$"
        )
        for table in TABLES:
            db.execute_sql(
                f"CREATE TRIGGER {table}_revision AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION bump_config_revision()"
            )
        db.execute_sql(
            "CREATE TRIGGER source_operator_config_revision AFTER INSERT OR DELETE OR "
            f"UPDATE OF {CONFIG_COLUMNS} ON source_operator_config "
            "FOR EACH STATEMENT EXECUTE FUNCTION bump_config_revision()"
        )
        return
    db.execute_sql(
        "CREATE TABLE config_revision (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "revision INTEGER NOT NULL)"
    )
    # Not 0: a backup restored under a running process (upgraded in a copy first) must
    # not arrive at the revision that process kept for another database.
    db.execute_sql("INSERT INTO config_revision (id, revision) VALUES (1, random())")
    bump = "BEGIN UPDATE config_revision SET revision = random(); END"
    for table in TABLES:
        for name, event in _triggers(table, ("INSERT", "UPDATE", "DELETE")):
            db.execute_sql(f"CREATE TRIGGER {name} AFTER {event} ON {table} {bump}")
    for name, event in _triggers(
        "source_operator_config", ("INSERT", f"UPDATE OF {CONFIG_COLUMNS}", "DELETE")
    ):
        db.execute_sql(f"CREATE TRIGGER {name} AFTER {event} ON source_operator_config {bump}")


def down(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        for table in (*TABLES, "source_operator_config"):
            db.execute_sql(f"DROP TRIGGER {table}_revision ON {table}")
        db.execute_sql("DROP FUNCTION bump_config_revision()")
        db.execute_sql("DROP TABLE config_revision")
        db.execute_sql("DROP SEQUENCE config_revision_seq")
        return
    for table in (*TABLES, "source_operator_config"):
        for name, _event in _triggers(table, ("INSERT", "UPDATE", "DELETE")):
            db.execute_sql(f"DROP TRIGGER {name}")
    db.execute_sql("DROP TABLE config_revision")
