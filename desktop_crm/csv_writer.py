"""Writing CSV files that people open in a spreadsheet. Every CSV file the program
writes (exports, statistics, rejected import rows) goes through here.

- UTF-8 with a BOM, so Excel recognises the encoding and Cyrillic stays intact;
  ``;`` between fields by default (what Excel splits on in a Russian locale).
- Formula injection is neutralised: a text cell whose first character (after
  any leading spaces) is ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
  or a full-width look-alike of the first four, gets a leading ``'`` so a
  spreadsheet shows it as text instead of running it. A cell that is a plain
  number (an optional sign, digits, an optional decimal part: ``-5``, ``+79001234567``,
  ``-1,5``) is left alone: it cannot run anything and phone numbers stay readable.
  Numbers (``int``/``float``) are written as numbers.
- The file is written beside the target under a temporary name and renamed over
  it at the end, so a failed export leaves no half-written file and does not
  destroy the previous one. The new file is readable by its owner only (it
  usually holds personal data). A directory, FIFO, device or socket as the
  target is refused.

No Qt here: the CLI, the services and the window share it.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO

from desktop_crm.database_files import BELONGS_REASON, belongs_to_a_database, is_database
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue

CSV_ENCODING = "utf-8-sig"
DEFAULT_DELIMITER = ";"
LINE_END = "\r\n"
QUOTE = "'"
# What makes a spreadsheet read a cell as a formula (OWASP "CSV injection"), and
# full-width look-alikes that some spreadsheet input methods fold to them.
FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?", re.ASCII)


_CHECK_START = FORMULA_START | {" "}  # a leading space may hide a formula character


def safe_cell(value: object) -> object:
    """The value as a spreadsheet should see it: numbers as numbers, None as an
    empty cell, text that would start a formula prefixed with ``'``."""
    if type(value) is str:  # the common case first: millions of cells per export
        if not value or value[0] not in _CHECK_START:
            return value
        text = value
    elif value is None:
        return ""
    elif isinstance(value, bool):
        return str(value).lower()
    elif isinstance(value, int | float):
        return value
    else:
        text = str(value)
    first = text.lstrip(" ")[:1]
    if first and first in FORMULA_START and not _PLAIN_NUMBER.fullmatch(text):
        return QUOTE + text
    return text


def unescape_cell(text: str) -> str:
    """The reverse of ``safe_cell`` for a file coming back (a rejects file fixed in a
    spreadsheet and dropped again): ``'=x`` -> ``=x``; any other text unchanged."""
    if text[:1] == QUOTE and text[1:].lstrip(" ")[:1] in FORMULA_START and len(text) > 1:
        return text[1:]
    return text


def _refuse(path: Path, reason: str) -> InvalidValue:
    return InvalidValue(
        QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}."),
        field="path",
        path=str(path),
        reason=reason,
    )


def _check_target(path: Path) -> None:
    if belongs_to_a_database(path):
        raise _refuse(path, BELONGS_REASON)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():  # a dangling link: whatever it names is not ours to create
            raise _refuse(path, "it is a link to nothing") from None
        return
    except OSError as error:
        raise _refuse(path, error.strerror or str(error)) from error
    if stat.S_ISDIR(mode):
        raise _refuse(path, "it is a folder")
    if not stat.S_ISREG(mode):
        raise _refuse(path, "it is not a regular file")
    if is_database(path):
        raise _refuse(path, "it is a database")


STALE_AFTER_SECONDS = 600  # a live export touches its temporary file far more often


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files of earlier exports to ``target`` that were killed (kill -9, a
    power cut) hold personal data: remove those nobody has written to for a while."""
    now = time.time()
    for temp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - temp.lstat().st_mtime > STALE_AFTER_SECONDS and temp.is_file():
                temp.unlink()


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError) as error:  # a symlink loop
        raise _refuse(path, str(error)) from error


class CsvWriter:
    """Streams rows to ``path`` (see the module notes); use as a context manager.

    The rows become visible under ``path`` only when the block ends without an
    exception; an exception (or ``discard()``) removes the temporary file.
    """

    def __init__(self, path: str | os.PathLike[str], *, delimiter: str = DEFAULT_DELIMITER) -> None:
        self.path = Path(path)
        _check_target(self.path)
        # A symlink is followed: the file it points to is replaced, never the link
        # itself (``/dev/stdout`` must stay a link to the process's output).
        self._target = _resolved(self.path)
        folder = self._target.parent
        _remove_stale_temporaries(self._target)
        try:
            handle, temp_name = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=folder
            )
        except OSError as error:
            raise _refuse(self.path, error.strerror or str(error)) from error
        self._temp = Path(temp_name)
        self._file: IO[str] = open(handle, "w", encoding=CSV_ENCODING, newline="")  # noqa: SIM115
        self._writer = csv.writer(self._file, delimiter=delimiter, lineterminator=LINE_END)
        self._closed = False
        self.count = 0  # rows written, the header included

    def writerow(self, row: Iterable[object]) -> None:
        try:
            self._writer.writerow([safe_cell(value) for value in row])
        except OSError as error:
            self.discard()
            raise _refuse(self.path, error.strerror or str(error)) from error
        self.count += 1

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)

    def commit(self) -> None:
        """Flush to disk and put the file in place."""
        if self._closed:
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            self._closed = True
            _check_target(self._target)  # something else may have appeared meanwhile
            os.replace(self._temp, self._target)
        except OSError as error:
            self.discard()
            raise _refuse(self.path, error.strerror or str(error)) from error
        except InvalidValue:
            self.discard()
            raise

    def discard(self) -> None:
        """Drop what was written; the target stays as it was."""
        if not self._closed:
            self._closed = True
            with contextlib.suppress(OSError):
                self._file.close()
        self._temp.unlink(missing_ok=True)

    def __enter__(self) -> CsvWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def write_csv(
    path: str | os.PathLike[str],
    rows: Iterable[Iterable[object]],
    *,
    delimiter: str = DEFAULT_DELIMITER,
) -> int:
    """Write every row (the header is just the first); return how many were written."""
    with CsvWriter(path, delimiter=delimiter) as writer:
        writer.writerows(rows)
        return writer.count
