"""Look at a SQLite file before anything writes to it.

A file that is not SQLite, belongs to another program, has a schema newer
than this app knows, or is visibly damaged is refused and stays byte-for-byte
untouched, with no ``-wal``/``-shm`` created beside it. The look is read-only:
even ``PRAGMA journal_mode=wal`` would write, so nothing of the kind runs until
the file has passed. While no ``-wal`` file holds newer pages, the header is
read as bytes (a SQLite connection, even a read-only one, would create the
``-shm`` and ``-wal`` files of a WAL database); otherwise a read-only
connection reads it, and those files exist already.

Damage that only shows later (a broken page of a table) is reported by the
storage layer when a query meets it: ``damage_error`` builds that message.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from desktop_crm.database_files import is_companion_file
from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    CrmError,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseOpenError,
    DatabaseReadOnly,
    DatabaseWriteFailed,
)

# "LDsp": Lead Dispatcher. Stored in the header's application_id field.
APPLICATION_ID = 0x4C447370
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
_PAGE_ONE_HEAD = HEADER_SIZE + 8  # the database header and the b-tree header of sqlite_master

# SQLite's primary result codes (extended codes carry them in the low byte).
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt")
# Beside a database found damaged: writes are refused while it exists (``check`` that
# passes, or a restore, removes it). A row in the file itself could not be written.
DAMAGED_MARKER_SUFFIX = "-damaged"


@dataclass(frozen=True)
class FileState:
    """What the guard found: ``version`` is the schema version (0 for a new file);
    ``read_only`` when the file or its folder (for the -wal file) cannot be written."""

    exists: bool
    version: int
    read_only: bool = False


def inspect_file(path: Path, known_version: int, busy_timeout: float) -> FileState:
    """Raise a ``DatabaseOpenError`` unless ``path`` is ours (or new) and not newer than we know."""
    if is_companion_file(path):
        # A database's -wal, -jobs or -damaged file opened as a database would become
        # one, and the next command on that database would delete or misread it.
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a database file."), path=str(path)
        )
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        if not path.parent.is_dir():
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                folder=str(path.parent),
            ) from None
        return FileState(exists=False, version=0, read_only=not _writable(path.parent))
    except OSError as error:
        raise _cannot_read(path, error) from error
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a database file."), path=str(path)
        )
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the reader forever
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is not a regular file (a device, pipe or socket); give a database file.",
            ),
            path=str(path),
        )
    read_only = not (_writable(path) and _writable(path.parent))
    header = _read_head(path)
    if not header:
        return FileState(exists=True, version=0, read_only=read_only)  # SQLite's "new database"
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a database file."), path=str(path)
        )
    if _wal_has_frames(path):
        application_id, version, tables = _read_header_fields(path, busy_timeout)
    else:
        try:
            application_id, version, tables = _parse_header(path, header, info.st_size)
        except DatabaseDamaged:
            if not _in_use(path):
                raise
            # Another process has it open (a checkpoint writes page 1 before the file
            # has grown to the size it states): SQLite reads it right; its files exist.
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
    return FileState(exists=True, version=version, read_only=read_only)


def lexists(path: Path) -> bool:
    """Whether anything (a dangling link too) is at ``path``; a path the system cannot
    even look at (too long, no permission) is a ``DatabaseOpenError``, not a crash."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise _cannot_read(path, error) from error
    return True


def read_only_uri(path: Path) -> str:
    """A SQLite URI that reads ``path`` without writing anything beside it."""
    path = path.resolve()
    uri = f"file:{quote(str(path))}?mode=ro"
    # SQLite removes the -wal when the last connection closes: without one nobody is
    # using the file now (a -shm alone is a leftover and may not even be readable).
    no_wal = not path.with_name(path.name + "-wal").exists()
    if no_wal and not (_writable(path.parent) and _writable(path)):
        # SQLite cannot create the -shm a WAL reader needs in a read-only folder, and
        # beside a file we may not write it would leave -wal and -shm files behind that
        # nobody else can remove; with no -wal nobody is writing now, so read the file as
        # it stands (immutable).
        uri += "&immutable=1"
    return uri


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


# Descriptors of database files this process has read, by (device, inode), closed only
# when the process lets the database go (``release_kept``).
# On POSIX, closing ANY descriptor of a file drops every fcntl lock the process holds on
# it, SQLite's too: another process then takes the file for unused and checkpoints and
# deletes the -wal under our open connection (SQLite itself defers such closes).
_kept: dict[tuple[int, int], int] = {}
_kept_lock = threading.Lock()


def kept_descriptor(path: Path) -> int:
    """A read-only descriptor of the file ``path``, kept open while the database is open
    so that reading the file never releases the locks of our SQLite connections."""
    info = os.stat(path)
    key = (info.st_dev, info.st_ino)
    with _kept_lock:
        kept = _kept.get(key)
        if kept is None:
            # O_NONBLOCK: should the file be swapped for a FIFO since stat(), do not hang.
            kept = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | os.O_CLOEXEC)
            opened = os.fstat(kept)
            # Another file at ``path`` since stat() (an atomic replace): file it under its
            # own inode; the next look finds it there.
            _kept[(opened.st_dev, opened.st_ino)] = kept
        return kept


def release_kept(path: Path) -> None:
    """Close the kept descriptor of ``path`` once this process has no connection to it
    left (``Storage.close``): then there are no locks to lose."""
    try:
        info = os.stat(path)
    except OSError:
        return
    with _kept_lock:
        kept = _kept.pop((info.st_dev, info.st_ino), None)
    if kept is not None:
        os.close(kept)


def read_kept(path: Path, size: int, offset: int = 0) -> bytes:
    """``size`` bytes of ``path`` from ``offset``, through its kept descriptor."""
    return os.pread(kept_descriptor(path), size, offset)


def _read_head(path: Path) -> bytes:
    try:
        return read_kept(path, _PAGE_ONE_HEAD)
    except OSError as error:
        raise _cannot_read(path, error) from error


def _cannot_read(path: Path, error: OSError) -> DatabaseOpenError:
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}."),
        path=str(path),
        reason=error.strerror or str(error),
    )


def _wal_has_frames(path: Path) -> bool:
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def _in_use(path: Path) -> bool:
    return any(
        path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm", "-journal")
    )


def _parse_header(path: Path, header: bytes, size: int) -> tuple[int, int, int]:
    """application_id, user_version and whether sqlite_master lists anything, from the bytes
    (https://www.sqlite.org/fileformat2.html#the_database_header)."""
    if len(header) < _PAGE_ONE_HEAD:
        raise damage_error(path, "the file is shorter than its header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or header[18] not in (1, 2):
        raise damage_error(path, "the header is invalid")
    pages = int.from_bytes(header[28:32], "big")
    pages_valid = header[24:28] == header[92:96]  # "version-valid-for" equals the change counter
    if size < page_size or (pages_valid and pages and size < pages * page_size):
        raise damage_error(path, "the file is shorter than the header says; it was cut off")
    page_type = header[HEADER_SIZE]
    if page_type not in (0x05, 0x0D):  # an interior or a leaf table page
        raise damage_error(path, "the schema page is invalid")
    cells = int.from_bytes(header[HEADER_SIZE + 3 : HEADER_SIZE + 5], "big")
    tables = 1 if page_type == 0x05 else cells
    return (
        int.from_bytes(header[68:72], "big"),
        int.from_bytes(header[60:64], "big", signed=True),
        tables,
    )


def _read_header_fields(path: Path, busy_timeout: float) -> tuple[int, int, int]:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
    except sqlite3.Error as error:
        raise sqlite_failure(path, error) from error
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error as error:
        raise sqlite_failure(path, error) from error
    finally:
        connection.close()
    return application_id, version, tables


def sqlite_error_of(error: BaseException) -> BaseException:
    """The DB-API error under a peewee one (peewee passes the original as its first arg)."""
    if error.args and isinstance(error.args[0], sqlite3.Error):
        return error.args[0]
    return error


def is_damage(error: BaseException) -> bool:
    """SQLite says the file is corrupt or not a database."""
    original = sqlite_error_of(error)
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(original).lower()
    return any(word in text for word in _DAMAGE_WORDS)


def is_read_only(error: BaseException) -> bool:
    """SQLite refused to write: the file, its folder or its -wal/-shm files are read-only."""
    original = sqlite_error_of(error)
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == SQLITE_READONLY:
        return True
    return "readonly" in str(original).lower() or "read-only" in str(original).lower()


def is_write_failure(error: BaseException) -> bool:
    """SQLite could not write: the disk is full (SQLITE_FULL) or an I/O error (SQLITE_IOERR,
    also when the file may not grow past a size limit)."""
    original = sqlite_error_of(error)
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_IOERR, SQLITE_FULL)
    text = str(original).lower()
    return "disk i/o error" in text or "database or disk is full" in text


def write_failure_error(path: Path, error: BaseException) -> DatabaseWriteFailed:
    original = sqlite_error_of(error)
    code = getattr(original, "sqlite_errorcode", None)
    full = (code is not None and code & 0xFF == SQLITE_FULL) or "full" in str(original).lower()
    if full:
        return DatabaseWriteFailed(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} cannot be written: the disk is full. Free some space and run the "
                "command again.",
            ),
            path=str(path),
        )
    return DatabaseWriteFailed(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} cannot be written: a disk I/O error (the disk is full, the file may not "
            "grow, or the disk failed). Free some space or check the disk, then run the "
            "command again.",
        ),
        path=str(path),
    )


def damaged_marker(path: Path) -> Path:
    return path.with_name(path.name + DAMAGED_MARKER_SUFFIX)


def mark_damaged(path: Path, reason: object) -> None:
    """Remember that ``path`` was found damaged (best effort: a read-only folder keeps none)."""
    try:
        descriptor = os.open(
            damaged_marker(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600
        )
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(f"{reason}\n")
    except OSError:
        pass


def clear_damaged(path: Path) -> None:
    with contextlib.suppress(OSError):
        damaged_marker(path).unlink()


def known_damaged(path: Path) -> bool:
    return damaged_marker(path).is_file()


def known_damage_error(path: Path) -> DatabaseDamaged:
    return DatabaseDamaged(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} was found damaged, so nothing is written to it until 'desktop-crm check' "
            "passes again or a backup is restored ('desktop-crm restore BACKUP'); nothing was "
            "written.",
        ),
        path=str(path),
    )


def damage_error(path: Path, reason: object) -> DatabaseDamaged:
    return DatabaseDamaged(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} is damaged ({reason}). Run 'desktop-crm check' to see the problems, "
            "or restore a backup ('desktop-crm restore BACKUP').",
        ),
        path=str(path),
        reason=str(sqlite_error_of(reason)) if isinstance(reason, BaseException) else reason,
    )


def read_only_error(path: Path) -> DatabaseReadOnly:
    return DatabaseReadOnly(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} is read-only (the file or its folder cannot be written); nothing was written.",
        ),
        path=str(path),
    )


def sqlite_failure(path: Path, error: sqlite3.Error) -> CrmError:
    """What SQLite's ``error`` about the file at ``path`` means to the user."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            QT_TRANSLATE_NOOP(
                "errors", "{path} is locked by another program; try again in a moment."
            ),
            path=str(path),
        )
    if is_read_only(error):
        return read_only_error(path)
    if is_damage(error):
        return damage_error(path, error)
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."), path=str(path), reason=text
    )
