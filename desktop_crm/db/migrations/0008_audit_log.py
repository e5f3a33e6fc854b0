"""Who did what: the audit log. One row per change a dispatcher made (manual
assignments, closes, reopens, settings), written in the change's own transaction.

Created with peewee's own ``create_tables`` (no backend-specific SQL), indexed on the
time (the journal reads newest first, by period) and on the dispatcher.
"""

from peewee import BigIntegerField, DateTimeField, Model, TextField


def _model(db):
    class AuditEntry(Model):
        created_at = DateTimeField(index=True)
        dispatcher = TextField(index=True)
        action = TextField()
        object_kind = TextField()
        object_id = BigIntegerField(null=True)
        label = TextField(default="")
        details = TextField(default="[]")

        class Meta:
            database = db
            legacy_table_names = False
            table_name = "audit_entry"

    return AuditEntry


def up(migrator, db):
    db.create_tables([_model(db)])


def down(migrator, db):
    db.drop_tables([_model(db)])
