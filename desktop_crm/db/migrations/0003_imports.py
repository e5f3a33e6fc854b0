"""Imports: each file import recorded with its progress; row fingerprints; rejected rows;
and the idempotency-key index made partial.

The progress of a batch is committed with its rows, so an interrupted import
resumes where it stopped, and a file overlapping earlier imports is
recognised row by row.
"""

from peewee import (
    SQL,
    BigIntegerField,
    BooleanField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    PostgresqlDatabase,
    TextField,
)


def up(migrator, db):
    # A boolean's default: SQLite stores 1/0; PostgreSQL's boolean takes no integer.
    false = "FALSE" if isinstance(db, PostgresqlDatabase) else "0"

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Source(Base):
        class Meta:
            table_name = "source"

    class ImportRun(Base):
        file_name = TextField()
        file_path = TextField()
        content_hash = TextField(index=True)
        size = BigIntegerField()
        started_at = DateTimeField()
        finished_at = DateTimeField(null=True)
        status = TextField()  # running, done, cancelled
        source = ForeignKeyField(Source, null=True, on_delete="SET NULL")
        options = TextField(default="{}", constraints=[SQL("DEFAULT '{}'")])
        again = BooleanField(default=False, constraints=[SQL(f"DEFAULT {false}")])
        rows_done = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
        imported = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
        assigned = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
        unassigned = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
        skipped = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
        rejected = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])

        class Meta:
            table_name = "import_run"

    class ImportRow(Base):
        # A 64-bit digest of (normalised id, source, message[, time]) of an imported row.
        fingerprint = BigIntegerField(primary_key=True)
        import_run = IntegerField()

        class Meta:
            table_name = "import_row"

    class ImportReject(Base):
        import_run = ForeignKeyField(ImportRun, on_delete="CASCADE")
        line = IntegerField()
        reason = TextField()
        template = TextField()
        params = TextField()  # JSON
        cells = TextField()  # JSON list of the raw cells

        class Meta:
            table_name = "import_reject"

    db.create_tables([ImportRun, ImportRow, ImportReject])
    # Most contacts have no idempotency key: index only those that do (one index
    # update less per contact; NULLs never collide in a UNIQUE index anyway).
    migrator.migrate(migrator.drop_index("contact", "contact_idempotency_key"))
    db.execute_sql(
        'CREATE UNIQUE INDEX "contact_idempotency_key" ON "contact" ("idempotency_key") '
        "WHERE idempotency_key IS NOT NULL"
    )
