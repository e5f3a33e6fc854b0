"""Which files belong to a SQLite database: the one rule for every command that writes
a file the user names (``export``, ``import --rejects``, ``backup``, ``copy-db --to``)
and for every file opened as a database (``--db``, ``restore``, ``copy-db --from``).

Beside a database ``X`` SQLite and this program keep ``X-wal``, ``X-shm``,
``X-journal``, ``X-jobs`` (the jobs' lock file), ``X-damaged`` (the damage marker) and
the folder ``X.backups`` (the automatic backups, pruned by the program). A file
written there is destroyed or misread by the next command on ``X`` (SQLite deletes a
``-wal`` it does not recognise; a ``-damaged`` file makes a sound database refuse every
write; pruning deletes what it finds in ``X.backups``).

No Qt and no SQL here: the CLI, the services, the window and ``db/`` share it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", "-jobs", "-damaged")
BACKUPS_SUFFIX = ".backups"  # crm.sqlite3 -> crm.sqlite3.backups/
_BESIDE = (*COMPANION_SUFFIXES, BACKUPS_SUFFIX)  # the backups folder's own name too
BELONGS_REASON = "it belongs to a database (its lock, journal or backups)"

_DATABASE_MAGIC = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def _candidates(path: Path) -> list[Path]:
    found = [path]
    with contextlib.suppress(OSError, RuntimeError):  # RuntimeError: a symlink loop
        found.append(path.resolve())
    return found


def _named_beside(path: Path, database: Path | None) -> bool:
    """``path`` is named as a companion of ``database`` (whatever the files hold)."""
    if database is None:
        return False
    for candidate in _candidates(path):
        for base in _candidates(database):
            if candidate.parent == base.parent and candidate.name in {
                base.name + suffix for suffix in _BESIDE
            }:
                return True
    return False


def is_companion_file(path: Path, database: Path | None = None) -> bool:
    """Whether ``path`` (or where its links lead) is one of the files SQLite or this
    program keeps beside a database (``X-wal``, ``-shm``, ``-journal``, ``-jobs``,
    ``-damaged``, the folder ``X.backups``), even while it does not exist or is empty.
    ``database``: a database whose companions count by name alone (a new, empty one)."""
    if _named_beside(path, database):
        return True
    for candidate in _candidates(path):
        name = candidate.name
        for suffix in _BESIDE:
            if name.endswith(suffix) and is_database(candidate.with_name(name[: -len(suffix)])):
                return True
    return False


def in_backups_folder(path: Path, database: Path | None = None) -> bool:
    """Whether ``path`` lies in a database's ``X.backups`` folder (the program's own)."""
    for candidate in _candidates(path):
        folder = candidate.parent
        if folder.name.endswith(BACKUPS_SUFFIX) and is_database(
            folder.with_name(folder.name[: -len(BACKUPS_SUFFIX)])
        ):
            return True
        for base in _candidates(database) if database is not None else []:
            if folder.name == base.name + BACKUPS_SUFFIX and folder.parent == base.parent:
                return True
    return False


def belongs_to_a_database(path: Path, database: Path | None = None) -> bool:
    """Whether ``path`` is a companion file of a SQLite database beside it, or a file in
    a database's backups folder: never a place for a file the program writes for the
    user (an export, a rejects file, a backup, a copied database)."""
    return is_companion_file(path, database) or in_backups_folder(path, database)


def refuse_if_belongs(path: Path, database: Path | None = None) -> None:
    """Raise ``InvalidValue`` (exit 2) when ``path`` belongs to a database (see above)."""
    if belongs_to_a_database(path, database):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}."),
            field="path",
            path=str(path),
            reason=BELONGS_REASON,
        )


def is_database(path: Path) -> bool:
    """A SQLite database or its WAL (this program's, a backup, anyone's), by its first
    bytes; False for anything that is not a readable regular file."""
    try:
        # O_NONBLOCK and a regular file only: a FIFO beside the target must not hang us.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return False
            head = file.read(16)
    except OSError:
        return False
    return head.startswith(_DATABASE_MAGIC)
