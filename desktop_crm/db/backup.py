"""Copies of the database file: checks, backups (SQLite's online backup API), the
automatic backups taken before a migration, and restoring one.

The online backup API copies a consistent snapshot while other processes keep
writing (in WAL mode nobody waits for the copy). A copy is written to a hidden
temporary file beside the target and only then linked into place, so a target
is never half-written and an existing file is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop_crm.database_files import BACKUPS_SUFFIX
from desktop_crm.db.guard import (
    damage_error,
    inspect_file,
    is_damage,
    is_write_failure,
    lexists,
    read_kept,
    read_only_uri,
    sqlite_failure,
    write_failure_error,
)
from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    AlreadyExists,
    DatabaseDamaged,
    DatabaseOpenError,
    NotFound,
)

log = logging.getLogger(__name__)

KEEP_AUTOMATIC = 3  # of the copies made before upgrades; those before restores are all kept
UPGRADE_LABEL = "before-upgrade"
DAMAGED_LABEL = "-damaged"
MAX_PROBLEMS = 20
# Backups hold personal data: readable by their owner only (POSIX).
FILE_MODE = 0o600
FOLDER_MODE = 0o700
# Backup names start with the UTC time as 2026-12-01T12-30-05_123456: sortable, and not a
# run of digits that the log's redaction would take for a phone number.
STAMP_FORMAT = "%Y-%m-%dT%H-%M-%S_%f"
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d_\d{6}|\d{8}-\d{6}-\d{6}")  # new, old
# The whole name of an automatic copy made before an upgrade: only these are ever pruned.
_UPGRADE_COPY = re.compile(rf"(?:{_STAMP.pattern})-{UPGRADE_LABEL}-schema\d+\.sqlite3")


def time_stamp() -> str:
    """The UTC time for a backup's name."""
    return dt.datetime.now(dt.UTC).strftime(STAMP_FORMAT)


def _newest_first_key(path: Path) -> str:
    found = _STAMP.match(path.name)  # names of earlier versions: 20261201-123005-123456-...
    return re.sub(r"\D", "", found.group()) if found else ""


def backups_folder(path: Path) -> Path:
    """Where automatic backups of ``path`` go: a folder beside it."""
    return path.with_name(path.name + BACKUPS_SUFFIX)


def list_backups(path: Path) -> list[Path]:
    """The automatic backups of ``path``, newest first (their names start with the UTC time)."""
    folder = backups_folder(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("*.sqlite3") if p.is_file() and not p.name.startswith(".")]
    return sorted(found, key=_newest_first_key, reverse=True)


def private_folder(folder: Path) -> None:
    """Create ``folder`` (0700) or tighten an existing one to 0700."""
    folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    if os.name == "posix" and stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
        with contextlib.suppress(OSError):  # a folder of another owner: leave it
            folder.chmod(FOLDER_MODE)


def create_private_file(path: Path) -> None:
    """Create the new, empty file ``path`` readable by its owner only; SQLite then uses it
    as a new database and gives its -wal, -shm and -journal files the same mode."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    os.close(descriptor)


def private_new_file(path: Path) -> None:
    """An existing empty file about to become a new database (``touch crm.sqlite3``):
    readable by its owner only, as a file we create (a file of another owner is left)."""
    with contextlib.suppress(OSError):
        info = path.stat()
        if info.st_size == 0 and os.name == "posix" and stat.S_IMODE(info.st_mode) != FILE_MODE:
            path.chmod(FILE_MODE)


@contextlib.contextmanager
def _connection(
    path: Path, busy_timeout: float, *, read_only: bool = False
) -> Iterator[sqlite3.Connection]:
    """Read-write when we may write beside ``path`` (a reader's last close then removes
    the -wal and -shm files), else (or with ``read_only``) read-only without creating
    anything."""
    may_write = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if path.exists() and (read_only or not may_write):
        connection = sqlite3.connect(
            read_only_uri(path), uri=True, timeout=busy_timeout, isolation_level=None
        )
    else:
        connection = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def integrity_problems(
    path: Path, known_version: int, busy_timeout: float, *, quick: bool = False
) -> list[str]:
    """SQLite's integrity_check (or the faster quick_check): [] when the file is sound,
    else the first problems it lists. A foreign or newer file is refused by the guard."""
    inspect_file(path, known_version, busy_timeout)
    if not lexists(path):
        raise _no_database(path)
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with _connection(path, busy_timeout) as connection:
            rows = connection.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return [str(error)]
        raise sqlite_failure(path, error) from error
    problems = split_problems(str(row[0]) for row in rows)
    return [] if problems == ["ok"] else problems


def split_problems(texts: Iterable[str]) -> list[str]:
    """One problem per item (SQLite puts several in one row, separated by newlines), at
    most ``MAX_PROBLEMS``."""
    problems: list[str] = []
    for text in texts:
        problems.extend(line.strip() for line in text.splitlines() if line.strip())
    return problems[:MAX_PROBLEMS]


def copy_database(source: Path, target: Path, busy_timeout: float, *, verify: bool = True) -> int:
    """Copy ``source`` to the new file ``target`` with the online backup API; returns its
    size. With ``verify`` a copy that fails SQLite's quick_check is discarded and the
    source reported as damaged."""
    if lexists(target):
        raise AlreadyExists(
            QT_TRANSLATE_NOOP("errors", "{target} already exists; choose a new file name."),
            target=str(target),
        )
    if not target.parent.is_dir():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
            folder=str(target.parent),
        )
    temp = target.with_name(f".{target.name}.part-{os.getpid()}")
    try:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()  # left by a killed process of the same id
        create_private_file(temp)
        try:
            with (
                _connection(source, busy_timeout) as src,
                _connection(temp, busy_timeout) as dst,
            ):
                src.backup(dst)  # one step: a consistent snapshot, writers go on in WAL mode
                if verify:
                    problems = [r[0] for r in dst.execute("PRAGMA quick_check(5)").fetchall()]
                    if problems != ["ok"]:
                        raise damage_error(source, "; ".join(problems))
                dst.execute("PRAGMA journal_mode=delete")  # a single self-contained file
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                raise damage_error(source, error) from error
            raise sqlite_failure(source, error) from error
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(temp, target)  # fails if the target appeared meanwhile: never overwrite
        except FileExistsError:
            raise AlreadyExists(
                QT_TRANSLATE_NOOP("errors", "{target} already exists; choose a new file name."),
                target=str(target),
            ) from None
        except OSError as error:
            raise _write_failure(target, error) from error
        return target.stat().st_size
    except OSError as error:
        raise _write_failure(target, error) from error
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def automatic_backup(path: Path, version: int, busy_timeout: float, label: str) -> Path:
    """Back ``path`` up into its backups folder. Of the copies made before upgrades the
    newest ``KEEP_AUTOMATIC`` are kept; nothing else in the folder is ever deleted (the
    copies kept before restores, a file the user put there)."""
    folder = backups_folder(path)
    try:
        private_folder(folder)
    except OSError as error:
        raise _write_failure(folder, error) from error
    target = folder / f"{time_stamp()}-{label}-schema{version}.sqlite3"
    copy_database(path, target, busy_timeout, verify=False)
    if label == UPGRADE_LABEL:
        upgrades = [p for p in list_backups(path) if _UPGRADE_COPY.fullmatch(p.name)]
        for old in upgrades[KEEP_AUTOMATIC:]:
            for suffix in ("", "-wal"):
                with contextlib.suppress(OSError):
                    old.with_name(old.name + suffix).unlink()
    log.info("backed up %s to %s", path, target)
    return target


def keep_current_copy(path: Path, version: int, busy_timeout: float, *, damaged: bool) -> Path:
    """Before a restore: keep the current file, even a damaged one, among the backups
    (a damaged one labelled so, so that it is never offered for restoring)."""
    label = "before-restore-damaged" if damaged else "before-restore"
    try:
        return automatic_backup(path, version, busy_timeout, label)
    except DatabaseDamaged:
        # Too damaged for the backup API (page 1): copy the bytes, -wal included.
        folder = backups_folder(path)
        target = folder / f"{time_stamp()}-before-restore-damaged.sqlite3"
        try:
            private_folder(folder)
            _copy_private(path, target)
            wal = path.with_name(path.name + "-wal")
            if wal.exists():
                _copy_private(wal, target.with_name(target.name + "-wal"), database=False)
        except OSError as error:
            remove_database_files(target)
            raise _write_failure(target, error) from error
        return target


def _copy_private(source: Path, target: Path, database: bool = True) -> None:
    """Copy ``source`` byte for byte into the new private file ``target``. A database file
    is read through its kept descriptor: closing one of our own would drop the locks of
    this process's open connections to it (see guard.kept_descriptor); the -wal holds none."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(descriptor, "wb") as writer:
        if database:
            offset = 0
            while chunk := read_kept(source, 1 << 20, offset):
                writer.write(chunk)
                offset += len(chunk)
            return
        with source.open("rb") as reader:
            while chunk := reader.read(1 << 20):
                writer.write(chunk)


def restorable_backups(path: Path) -> list[Path]:
    """The automatic backups worth offering, newest first: not copies of damaged files."""
    return [p for p in list_backups(path) if DAMAGED_LABEL not in p.name]


def restore_into(backup: Path, path: Path, busy_timeout: float) -> None:
    """Write the pages of ``backup`` into the existing database ``path`` (online: other
    processes see the restored data at their next transaction)."""
    try:
        with (
            _connection(backup, busy_timeout) as src,
            _connection(path, busy_timeout) as dst,
        ):
            src.backup(dst)
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise damage_error(path, error) from error
        raise sqlite_failure(path, error) from error


def _no_database(path: Path) -> NotFound:
    return NotFound(QT_TRANSLATE_NOOP("errors", "There is no database at {path}."), path=str(path))


def _write_failure(path: Path, error: OSError) -> DatabaseOpenError:
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}."),
        path=str(path),
        reason=error.strerror or str(error),
    )


def publish_new_file(temp: Path, path: Path) -> bool:
    """Move the finished new database into place; False when ``path`` exists by now.
    When it cannot be finished (a full disk) its files are removed and the error names
    ``path``, the file the user asked for."""
    if not temp.exists():
        return True
    try:
        connection = sqlite3.connect(str(temp))
        try:  # everything into the file itself: the -wal stays behind with the old name
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:  # pages left in the -wal would be lost with it (nobody else has it)
                raise sqlite3.OperationalError("the new database could not be completed")
        finally:
            connection.close()
    except sqlite3.Error as error:
        remove_database_files(temp)
        if is_damage(error):
            raise damage_error(path, error) from error
        if is_write_failure(error):
            raise write_failure_error(path, error) from error
        raise sqlite_failure(path, error) from error
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links
        if path.exists():
            return False
        os.replace(temp, path)
        return True
    remove_database_files(temp)
    return True


def remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", "-jobs"):  # -jobs: the jobs' lock file
        # NotADirectoryError: a folder on the way is a file, so none of them can exist
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            path.with_name(path.name + suffix).unlink()
