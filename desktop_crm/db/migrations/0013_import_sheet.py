"""An import's identity is its file's content and the sheet it read: ``import_run.sheet_key``
beside ``content_hash``, so that another sheet of a workbook imported before is a new
import and the same sheet again is still recognised.

- ``sheet_key``: '' for a text file (it has no sheet); for a workbook the hex SHA-256 of
  the sheet's name (``services.importer.sheet_key``; a digest, so that erasing a person
  whose name is in the sheet's name leaves the identity as it was).
- Existing imports get theirs from the sheet their options recorded. A finished import
  whose sheet's name an erasure already cut (``[erased]`` in it) gets NULL: its sheet is
  unknown, and it stands for every sheet of its file, as every import did before.
"""

import hashlib
import json

from peewee import TextField

ERASED_TEXT = "[erased]"  # services.erasure.ERASED_TEXT when this was written


def _sheet_key(options):
    """The key of the sheet ``options`` (an import's JSON) name; None when unknown.
    The same digest as ``services.importer.sheet_key`` (frozen here)."""
    try:
        data = json.loads(options or "{}")
    except ValueError:
        return None
    sheet = data.get("sheet") if isinstance(data, dict) else None
    if sheet is None:
        return ""
    if not isinstance(sheet, str) or ERASED_TEXT in sheet:
        return None
    return hashlib.sha256(sheet.encode("utf-8")).hexdigest()


def up(migrator, db):
    migrator.migrate(migrator.add_column("import_run", "sheet_key", TextField(null=True)))
    param = db.param
    rows = db.execute_sql('SELECT "id", "options" FROM "import_run"').fetchall()
    for run_id, options in rows:
        db.execute_sql(
            f'UPDATE "import_run" SET "sheet_key" = {param} WHERE "id" = {param}',
            (_sheet_key(options), run_id),
        )
    db.execute_sql(
        'CREATE INDEX "import_run_content_hash_sheet_key" ON "import_run" '
        '("content_hash", "sheet_key")'
    )


def down(migrator, db):
    # Plain SQL, the same on both backends (and usable without a migrator).
    db.execute_sql('DROP INDEX "import_run_content_hash_sheet_key"')
    db.execute_sql('ALTER TABLE "import_run" DROP COLUMN "sheet_key"')
