"""The original service's tables, plus settings, reasons and idempotency keys.

Models are frozen copies, deliberately independent of ``db/models.py``.
"""

import datetime

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    Check,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    PostgresqlDatabase,
    TextField,
)


def up(migrator, db):
    # A boolean's default: SQLite stores 1/0; PostgreSQL's boolean takes no integer.
    true = "TRUE" if isinstance(db, PostgresqlDatabase) else "1"

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Operator(Base):
        name = TextField(unique=True)
        active = BooleanField(default=True, constraints=[SQL(f"DEFAULT {true}")])
        max_load = IntegerField(default=10, constraints=[SQL("DEFAULT 10"), Check("max_load >= 0")])

    class Source(Base):
        name = TextField(unique=True)
        code = TextField(null=True, unique=True)

    class SourceOperatorConfig(Base):
        source = ForeignKeyField(Source, on_delete="CASCADE")
        operator = ForeignKeyField(Operator, on_delete="RESTRICT")
        weight = IntegerField(default=1, constraints=[Check("weight >= 0")])

        class Meta:
            table_name = "source_operator_config"
            indexes = ((("source", "operator"), True), (("operator",), False))

    class Lead(Base):
        external_id = TextField(unique=True)
        name = TextField(default="", constraints=[SQL("DEFAULT ''")])
        # casefold(name): SQLite's LIKE folds only ASCII, and Cyrillic names must match.
        name_folded = TextField(default="", constraints=[SQL("DEFAULT ''")])
        created_at = DateTimeField(default=datetime.datetime.utcnow)

    class Contact(Base):
        id = AutoField()  # what peewee adds anyway, declared for the index below
        lead = ForeignKeyField(Lead, on_delete="RESTRICT", index=False)
        source = ForeignKeyField(Source, on_delete="RESTRICT", index=False)
        operator = ForeignKeyField(Operator, null=True, on_delete="RESTRICT", index=False)
        created_at = DateTimeField(index=True)
        is_active = BooleanField(default=True, constraints=[SQL(f"DEFAULT {true}")])
        message = TextField(default="", constraints=[SQL("DEFAULT ''")])
        unassigned_reason = TextField(null=True)
        idempotency_key = TextField(null=True, unique=True)

        class Meta:
            indexes = (
                # An operator's load is a count over this index, never a table scan.
                (("operator", "is_active"), False),
                (("lead", "created_at"), False),
                (("source", "created_at"), False),
            )

    class Setting(Base):
        key = TextField(primary_key=True)
        value = TextField()

    # The queue: unassigned active contacts per source, oldest first, without scanning the rest.
    Contact.add_index(
        Contact.index(Contact.source, Contact.id).where(SQL("operator_id IS NULL AND is_active"))
    )
    db.create_tables([Operator, Source, SourceOperatorConfig, Lead, Contact, Setting])
