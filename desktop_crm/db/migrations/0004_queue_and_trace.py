"""Working the queue: every distribution decision traced; per-source strategy and
repeat-lead option; the round-robin state kept with each weight.

A decision keeps what differs per contact (the candidates' loads, the draw);
what a transaction's decisions on one source share (operators, weights,
active, max_load) is kept once in ``decision_context``. An import of 100,000
rows writes 100,000 small decisions, not 100,000 copies of the weights.
"""

from peewee import (
    SQL,
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

    class Contact(Base):
        class Meta:
            table_name = "contact"

    class Operator(Base):
        class Meta:
            table_name = "operator"

    class DecisionContext(Base):
        created_at = DateTimeField()
        strategy = TextField()
        candidates = TextField()  # JSON [[operator_id, weight, active, max_load], ...]

        class Meta:
            table_name = "decision_context"

    class Decision(Base):
        contact = ForeignKeyField(Contact, on_delete="CASCADE", index=False)
        created_at = DateTimeField()
        kind = TextField()  # auto, redistribution, manual
        operator = ForeignKeyField(Operator, null=True, on_delete="SET NULL", index=False)
        reason = TextField(null=True)
        context = ForeignKeyField(DecisionContext, on_delete="CASCADE", index=False)
        loads = TextField()  # the candidates' loads, comma-separated, in context order
        r = IntegerField(null=True)  # the accepted (or last) draw
        total = IntegerField(null=True)
        extra = TextField(null=True)  # JSON: every draw when there were redraws, notes

        class Meta:
            table_name = "decision"
            indexes = ((("contact", "id"), False),)

    migrator.migrate(
        migrator.add_column(
            "source",
            "strategy",
            TextField(default="weighted_random", constraints=[SQL("DEFAULT 'weighted_random'")]),
        ),
        migrator.add_column(
            "source",
            "repeat_to_last",
            BooleanField(default=False, constraints=[SQL(f"DEFAULT {false}")]),
        ),
        migrator.add_column(
            "source_operator_config",
            "rr_current",
            IntegerField(default=0, constraints=[SQL("DEFAULT 0")]),
        ),
    )
    db.create_tables([DecisionContext, Decision])
    # The queue across sources, oldest first, without touching assigned or closed contacts;
    # it replaces the per-source queue index by id, which served no query any more.
    db.execute_sql(
        'CREATE INDEX "contact_queue_oldest" ON "contact" ("created_at", "id") '
        "WHERE operator_id IS NULL AND is_active"
    )
    migrator.migrate(migrator.drop_index("contact", "contact_source_id_id"))
