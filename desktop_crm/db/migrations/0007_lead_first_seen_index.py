"""The lead list's "First seen" order: leads by (created_at, id), newest first, walked
along an index on a million leads. A lead's created_at is its first contact's time,
which an import may set in the past, so the id order is not the first-seen order.
"""


def up(migrator, db):
    migrator.migrate(migrator.add_index("lead", ("created_at", "id")))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("lead", "lead_created_at_id"))
