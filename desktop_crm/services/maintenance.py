"""The database file as a whole: check it, back it up, restore a backup.

These work on the file, not through an open ``Crm``: a check must not migrate
or write, a backup runs beside other processes (the window, bots) that keep
the file open, and a restore must work on a file too damaged to open.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from desktop_crm.database_files import refuse_if_belongs
from desktop_crm.db.backup import (
    backups_folder,
    copy_database,
    integrity_problems,
    keep_current_copy,
    list_backups,
    remove_database_files,
    restore_into,
    split_problems,
    time_stamp,
)
from desktop_crm.db.backup import (
    restorable_backups as restorable_backups_of,
)
from desktop_crm.db.guard import (
    clear_damaged,
    damage_error,
    inspect_file,
    lexists,
    mark_damaged,
    read_only_error,
)
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.sqlite_storage import upgrade_copy
from desktop_crm.db.storage import DEFAULT_BUSY_TIMEOUT, SCHEMA_VERSION
from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseDamaged, InvalidValue, NotFound


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: str
    ok: bool
    problems: tuple[str, ...]  # SQLite's own words, the first few
    quick: bool


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: str
    backup: str
    size: int


@dataclass(frozen=True, slots=True)
class RestoreReport:
    path: str
    restored_from: str
    previous: str | None  # where the file that was replaced is kept


def no_database(path: Path) -> NotFound:
    return NotFound(
        QT_TRANSLATE_NOOP("errors", "There is no database at {path}."),
        path=str(path),
    )


def ensure_openable(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
    """Raise ``CrmError`` when the file at ``path`` is not one this app can open
    (someone else's, newer, damaged, not a regular file); reads only, changes nothing.
    A missing file is fine: opening it creates a new database."""
    inspect_file(path, SCHEMA_VERSION, busy_timeout)


def check_database(
    location: DatabaseLocation, *, quick: bool = False, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> CheckReport:
    """SQLite's integrity_check (quick: quick_check); reads only the database. A damaged
    header is a finding, not an error; a foreign, newer or missing file raises ``CrmError``.

    Damage found is remembered beside the file (writes are refused until a full check
    passes again or a backup is restored); a full check that passes forgets it."""
    path = location.path
    if not lexists(path):
        raise no_database(path)
    try:
        problems = integrity_problems(path, SCHEMA_VERSION, busy_timeout, quick=quick)
    except DatabaseDamaged as error:
        problems = split_problems([str(error.params.get("reason", error))])
    if problems:
        mark_damaged(path, "; ".join(problems))
    elif not quick:
        clear_damaged(path)
    return CheckReport(str(path), not problems, tuple(problems), quick)


def backup_database(
    location: DatabaseLocation, target: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> BackupReport:
    """A consistent copy of the database in the new file ``target`` (or a new file inside
    the folder ``target``), safe while other processes write. A damaged database is
    refused: its copy would be damaged too."""
    path = location.path
    state = inspect_file(path, SCHEMA_VERSION, busy_timeout)
    if not state.exists:
        raise no_database(path)
    if lexists(target) and target.is_dir():
        target = target / f"{path.stem}-{time_stamp()}.sqlite3"
    # Its -wal, -shm, -damaged or backups folder: the next command would destroy the copy
    # (or, a -damaged file, refuse every write to a sound database).
    refuse_if_belongs(target, database=path)
    if _same_file(path, target):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The backup cannot be the database itself ({path})."),
            path=str(path),
        )
    size = copy_database(path, target, busy_timeout)
    return BackupReport(str(path), str(target), size)


def automatic_backups(location: DatabaseLocation) -> list[Path]:
    """The backups made before upgrades and restores, newest first."""
    return list_backups(location.path)


def restorable_backups(location: DatabaseLocation) -> list[Path]:
    """The automatic backups to offer after damage, newest first (copies of damaged
    files left out)."""
    return restorable_backups_of(location.path)


def restore_database(
    location: DatabaseLocation, backup: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> RestoreReport:
    """Replace the database's content by ``backup`` after checking the backup fully; the
    current file (even a damaged one) is kept among the automatic backups first."""
    path = location.path
    if not lexists(backup):
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "The backup {backup} does not exist."), backup=str(backup)
        )
    state = inspect_file(backup, SCHEMA_VERSION, busy_timeout)
    if not state.exists or state.version == 0:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "{backup} is not a Lead Dispatcher database."),
            backup=str(backup),
        )
    if _same_file(path, backup):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The backup cannot be the database itself ({path})."),
            path=str(path),
        )
    problems = integrity_problems(backup, SCHEMA_VERSION, busy_timeout)
    if problems:
        raise damage_error(backup, problems[0])
    if not lexists(path):
        copy_database(backup, path, busy_timeout)
        clear_damaged(path)
        return RestoreReport(str(path), str(backup), None)
    try:
        current = inspect_file(path, SCHEMA_VERSION, busy_timeout)
    except DatabaseDamaged:
        current = None  # its header is broken: keep its bytes and replace the file
    # The file and its folder must be writable (pages are written into the file, the
    # current file is kept in the backups folder beside it): check before making anything.
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise read_only_error(path)
    version = current.version if current else 0
    damaged = current is None or bool(
        integrity_problems(path, SCHEMA_VERSION, busy_timeout, quick=True)
    )
    folder = backups_folder(path)
    folder_existed = folder.exists()
    previous = keep_current_copy(path, version, busy_timeout, damaged=damaged)
    upgraded = None
    try:
        if state.version < SCHEMA_VERSION:
            # Processes that have the database open (a bot's pipe, a window) go on with
            # the restored pages at their next transaction: they must find the schema
            # they know, not the backup's older one.
            upgraded = backup = _upgraded_copy(backup, path, busy_timeout)
        replaced = False
        if current is not None:
            try:
                restore_into(backup, path, busy_timeout)
                replaced = True
            except DatabaseDamaged:
                pass  # too damaged to write pages into: replace the file below
        if not replaced:
            _replace_file(backup, path, busy_timeout)
    except BaseException:
        remove_database_files(previous)  # the copy of a file that stays as it was
        if not folder_existed:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    finally:
        if upgraded is not None:
            remove_database_files(upgraded)
    clear_damaged(path)
    return RestoreReport(str(path), str(backup), str(previous))


def _upgraded_copy(backup: Path, path: Path, busy_timeout: float) -> Path:
    """A copy of an older ``backup`` beside ``path``, upgraded to this version's schema."""
    copy = path.with_name(f".{path.name}.upgrading-{os.getpid()}")
    remove_database_files(copy)
    try:
        copy_database(backup, copy, busy_timeout)
        upgrade_copy(copy, busy_timeout)
    except BaseException:
        remove_database_files(copy)
        raise
    return copy


def _replace_file(backup: Path, path: Path, busy_timeout: float) -> None:
    temp = path.with_name(f".{path.name}.restoring-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    copy_database(backup, temp, busy_timeout)
    os.replace(temp, path)
    for stale in ("-wal", "-shm"):  # they belonged to the damaged file
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + stale).unlink()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
