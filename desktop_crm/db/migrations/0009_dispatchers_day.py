"""The dispatcher's day: shifts, absences, daily caps, skills, reply deadlines and
stale contacts.

- ``operator.hours``: the working hours as canonical text (``domain.schedule``),
  '' for always; ``operator.daily_cap``: contacts per calendar day, NULL for none;
  ``operator.skills``: canonical tags (sorted, comma-joined), '' for none.
- ``operator_absence``: one row per absence, ``ends_at`` NULL until the operator is back.
- ``source.reply_within`` / ``source.close_after``: seconds, NULL when off.
- ``contact.tags``: canonical tags; ``assigned_at``: when its operator got it;
  ``answered_at``: the first reply; ``activity_at``: the last activity (registered,
  assigned, answered) by the system's clock, which a file's dates do not change;
  ``overdue``: its reply deadline passed and nobody else could take it.
- Indexes: active contacts per source by activity (the timers look only at active
  contacts: auto-close), active assigned unanswered contacts per source by assignment
  time (reply deadlines), overdue active contacts by creation (``queue list``),
  decisions per operator by time (an operator's count today), and the overdue
  contacts per source (the board and its notifications).
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


def _absence(db):
    class Operator(Model):
        class Meta:
            database = db
            legacy_table_names = False
            table_name = "operator"

    class OperatorAbsence(Model):
        operator = ForeignKeyField(Operator, on_delete="CASCADE", index=False)
        starts_at = DateTimeField()
        ends_at = DateTimeField(null=True)

        class Meta:
            database = db
            legacy_table_names = False
            table_name = "operator_absence"
            indexes = ((("operator", "starts_at"), False),)

    return OperatorAbsence


def up(migrator, db):
    false = "FALSE" if isinstance(db, PostgresqlDatabase) else "0"
    migrator.migrate(
        migrator.add_column(
            "operator", "hours", TextField(default="", constraints=[SQL("DEFAULT ''")])
        ),
        migrator.add_column("operator", "daily_cap", IntegerField(null=True)),
        migrator.add_column(
            "operator", "skills", TextField(default="", constraints=[SQL("DEFAULT ''")])
        ),
        migrator.add_column("source", "reply_within", IntegerField(null=True)),
        migrator.add_column("source", "close_after", IntegerField(null=True)),
        migrator.add_column(
            "contact", "tags", TextField(default="", constraints=[SQL("DEFAULT ''")])
        ),
        migrator.add_column("contact", "assigned_at", DateTimeField(null=True)),
        migrator.add_column("contact", "answered_at", DateTimeField(null=True)),
        migrator.add_column("contact", "activity_at", DateTimeField(null=True)),
        migrator.add_column(
            "contact",
            "overdue",
            BooleanField(default=False, constraints=[SQL(f"DEFAULT {false}")]),
        ),
    )
    # Contacts stored before: their activity is their creation; an assigned one was
    # assigned then (the best this database knows).
    db.execute_sql("UPDATE contact SET activity_at = created_at")
    db.execute_sql("UPDATE contact SET assigned_at = created_at WHERE operator_id IS NOT NULL")
    db.create_tables([_absence(db)])
    db.execute_sql(
        "CREATE INDEX contact_active_source_activity ON contact (source_id, activity_at) "
        "WHERE is_active"
    )
    db.execute_sql(
        "CREATE INDEX contact_unanswered_source_assigned ON contact (source_id, assigned_at) "
        "WHERE is_active AND answered_at IS NULL AND operator_id IS NOT NULL"
    )
    db.execute_sql(
        "CREATE INDEX contact_overdue_created ON contact (created_at) WHERE is_active AND overdue"
    )
    db.execute_sql(
        "CREATE INDEX decision_operator_created ON decision (operator_id, created_at) "
        "WHERE operator_id IS NOT NULL"
    )
    # The board and its notifications: the few overdue contacts per source.
    db.execute_sql(
        "CREATE INDEX contact_overdue_source ON contact (source_id) WHERE overdue AND is_active"
    )


def down(migrator, db):
    db.execute_sql("DROP INDEX contact_overdue_source")
    db.execute_sql("DROP INDEX decision_operator_created")
    db.execute_sql("DROP INDEX contact_unanswered_source_assigned")
    db.execute_sql("DROP INDEX contact_overdue_created")
    db.execute_sql("DROP INDEX contact_active_source_activity")
    db.drop_tables([_absence(db)])
    migrator.migrate(
        *(
            migrator.drop_column(table, column)
            for table, column in (
                ("operator", "hours"),
                ("operator", "daily_cap"),
                ("operator", "skills"),
                ("source", "reply_within"),
                ("source", "close_after"),
                ("contact", "tags"),
                ("contact", "assigned_at"),
                ("contact", "answered_at"),
                ("contact", "activity_at"),
                ("contact", "overdue"),
            )
        )
    )
