"""What a contact with an idempotency key was registered with (a fingerprint of its lead,
source, name and message), so that reusing the key for a different contact is refused
instead of silently returning the first one.

Contacts registered before keep NULL: their lead, source and message are compared.
"""

from peewee import TextField


def up(migrator, db):
    migrator.migrate(migrator.add_column("contact", "idempotency_payload", TextField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("contact", "idempotency_payload"))
