"""Look at a SQLite file before anything writes to it.

A file that is not SQLite, belongs to another program, or has a schema newer
than this app knows is refused and stays byte-for-byte untouched. The look
is read-only: even ``PRAGMA journal_mode=wal`` would write, so nothing of
the kind runs until the file has passed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseBusy, DatabaseOpenError

# "LDsp": Lead Dispatcher. Stored in the header's application_id field.
APPLICATION_ID = 0x4C447370
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    """What the guard found: ``version`` is the schema version (0 for a new file)."""

    exists: bool
    version: int


def inspect_file(path: Path, known_version: int, busy_timeout: float) -> FileState:
    """Raise ``DatabaseOpenError`` unless ``path`` is ours (or new) and not newer than we know."""
    if path.is_dir():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a database file."), path=str(path)
        )
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                folder=str(path.parent),
            )
        return FileState(exists=False, version=0)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}."),
            path=str(path),
            reason=error.strerror or str(error),
        ) from error
    if not header:
        return FileState(exists=True, version=0)  # an empty file: SQLite's "new database"
    if header != SQLITE_MAGIC:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a database file."), path=str(path)
        )
    application_id, version, tables = _read_header_fields(path, busy_timeout)
    if application_id != APPLICATION_ID and (application_id != 0 or tables):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is a SQLite database of another program; it was left untouched.",
            ),
            path=str(path),
        )
    if version > known_version:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} was written by a newer version of Lead Dispatcher (schema {found}, "
                "this version knows {known}). Update the program; the file was left untouched.",
            ),
            path=str(path),
            found=version,
            known=known_version,
        )
    return FileState(exists=True, version=version)


def _read_header_fields(path: Path, busy_timeout: float) -> tuple[int, int, int]:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
    except sqlite3.Error as error:
        raise _open_error(path, error) from error
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error as error:
        raise _open_error(path, error) from error
    finally:
        connection.close()
    return application_id, version, tables


def _open_error(path: Path, error: sqlite3.Error) -> DatabaseOpenError | DatabaseBusy:
    text = str(error)
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            QT_TRANSLATE_NOOP(
                "errors", "{path} is locked by another program; try again in a moment."
            ),
            path=str(path),
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is damaged or not a database ({reason})."),
            path=str(path),
            reason=text,
        )
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."), path=str(path), reason=text
    )
