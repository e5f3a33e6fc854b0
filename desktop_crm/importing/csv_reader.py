"""Stream the records of a CSV/TSV/TXT file with their starting line numbers.

No row is lost silently. The file is read line by line (never whole), and each
physical line is checked before the CSV parser sees it:

- a line longer than ``MAX_LINE_CHARS`` is rejected on its own ("a line longer
  than 1 MB"); only its first characters are kept, the rest is skipped unread;
- a line that does not decode in the file's encoding (a file that switches from
  UTF-8 to cp1251 half-way) or that holds a NUL byte is rejected with its number,
  never stored with replacement characters;
- in a single-byte encoding (cp1251, koi8-r...), a line that is valid UTF-8 with
  non-ASCII characters is rejected as written in UTF-8, never stored as mojibake;
- a quoted field may span at most ``MAX_RECORD_LINES`` physical lines and
  ``MAX_RECORD_CHARS`` characters, and must close properly (a closing quote is
  followed by the delimiter or the end of the line). A record that breaks these
  rules is rejected on the line where it opened, and reading goes on from the
  next line, so every later row is still read with its own line number.

A one-line record with a stray quote (``1,"a"b,c``) is still read leniently,
as Excel does.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.importing.encoding import is_single_byte
from desktop_crm.importing.errors import UnreadableFile
from desktop_crm.importing.files import open_regular
from desktop_crm.importing.records import BadRecord, Progress, ProgressUnit, RecordItem

MAX_LINE_CHARS = 1_000_000  # "1 MB": a longer physical line is rejected, not parsed
MAX_LINE_MB = MAX_LINE_CHARS // 1_000_000
MAX_RECORD_LINES = 1_000  # physical lines one record (a quoted multi-line field) may span
MAX_RECORD_CHARS = MAX_LINE_CHARS + 2  # and characters (so one line always fits)
KEPT_LINE_CHARS = 1_000  # of a rejected line, this much is kept to show the user

# Python's csv refuses fields over 128 KiB; records are capped above, so the
# parser's own limit is only ever a backstop.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
if csv.field_size_limit() < CSV_FIELD_LIMIT:
    csv.field_size_limit(CSV_FIELD_LIMIT)

READ_BUFFER_BYTES = 1 << 20
_SKIP_CHARS = 1 << 16  # the rest of an over-long line is skipped in pieces of this size

REASON_UNCLOSED_QUOTE = QT_TRANSLATE_NOOP(
    "importing",
    "A quoted field opens on this line and does not close properly; "
    "the lines after it were read as rows of their own.",
)
REASON_LONG_LINE = QT_TRANSLATE_NOOP("importing", "The line is longer than {limit} MB.")
REASON_UNDECODABLE = QT_TRANSLATE_NOOP(
    "importing", "The line is not valid {encoding} text (does the file mix encodings?)."
)
REASON_OTHER_ENCODING = QT_TRANSLATE_NOOP(
    "importing", "The line is in another encoding ({encoding}) than the file ({file_encoding})."
)
REASON_NUL = QT_TRANSLATE_NOOP("importing", "The line holds a NUL byte (binary data).")

# Undecodable bytes become lone surrogates U+DC80..U+DCFF (one per byte), which
# no correctly decoded text contains: a line holding one is rejected, and the
# bytes can be shown as \xNN. The counter lets a clean file skip the scan.
_UNDECODABLE_ERRORS = "desktop-crm-undecodable"
_undecodable_seen = [0]
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _undecodable_seen[0] += 1
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


codecs.register_error(_UNDECODABLE_ERRORS, _mark_undecodable)


def printable(text: str) -> str:
    """``text`` with undecodable bytes shown as ``\\xNN`` (for rejects)."""
    return _SURROGATE_RE.sub(lambda m: f"\\x{ord(m.group()) & 0xFF:02x}", text)


def _in_utf8(text: str, encoding: str) -> bool:
    """``text``, read in the single-byte ``encoding``, was written in UTF-8 (its bytes
    are valid UTF-8; the caller knows it holds non-ASCII characters)."""
    try:
        text.encode(encoding).decode("utf-8")
    except UnicodeError:
        return False
    return True


def _strip_line_end(text: str) -> str:
    return text.rstrip("\r\n")


# A physical line: (number, text, problem); text is "" when problem is set.
_Line = tuple[int, str, BadRecord | None]


class _Overflow(Exception):
    """The record grew past MAX_RECORD_LINES / MAX_RECORD_CHARS."""


class _ProblemLine(Exception):
    """The next line of the record cannot be parsed at all."""


class CsvRecordReader:
    """One pass over a text table."""

    def __init__(self, path: Path, encoding: str, delimiter: str) -> None:
        self._name = path.name
        self._encoding = encoding
        self._delimiter = delimiter
        self._binary = open_regular(path, READ_BUFFER_BYTES)  # closed by close()
        self._total = os.fstat(self._binary.fileno()).st_size
        self._text = io.TextIOWrapper(
            self._binary, encoding=encoding, errors=_UNDECODABLE_ERRORS, newline=""
        )
        self._done = 0
        self._finished = False
        # The current record's lines, lines to read again, and its size so far.
        self._record: list[_Line] = []
        self._pending: deque[_Line] = deque()
        self._chars = 0
        self._exhausted = False
        self._number = 0  # physical lines read so far
        self._errors_before = _undecodable_seen[0]
        self._single_byte = is_single_byte(encoding)

    # -- physical lines ---------------------------------------------------------------------
    def _problem(self, text: str, readline: Callable[[int], str]) -> BadRecord | None:
        """Why a physical line cannot be parsed, if it cannot (the hot path skips this
        unless the line is long, holds a NUL or the decoder met undecodable bytes)."""
        if len(text) > MAX_LINE_CHARS and len(_strip_line_end(text)) > MAX_LINE_CHARS:
            kept = printable(text[:KEPT_LINE_CHARS])
            while not text.endswith(("\n", "\r")):  # skip the rest unread
                text = readline(_SKIP_CHARS)
                if not text:
                    break
            return BadRecord(REASON_LONG_LINE, {"limit": MAX_LINE_MB}, (kept,))
        if "\x00" in text:
            return BadRecord(REASON_NUL, {}, self._cells(text.replace("\x00", "\\x00")))
        if _SURROGATE_RE.search(text):
            params = {"encoding": self._encoding}
            return BadRecord(REASON_UNDECODABLE, params, self._cells(text))
        if self._single_byte and not text.isascii() and _in_utf8(text, self._encoding):
            utf8 = text.encode(self._encoding).decode("utf-8")
            params = {"encoding": "UTF-8", "file_encoding": self._encoding}
            return BadRecord(REASON_OTHER_ENCODING, params, self._cells(utf8))
        return None

    def _feed(self) -> Iterator[str]:
        """The lines of the current record, for the csv parser; raises past the limits.

        ``self._record`` collects the record's lines; the first line of a record
        resets the character count, so a one-line record costs no bookkeeping.
        """
        pending = self._pending
        record = self._record
        append = record.append
        readline = self._text.readline
        limit = MAX_LINE_CHARS + 2  # + "\r\n"
        seen = _undecodable_seen
        errors_before = self._errors_before
        single_byte = self._single_byte
        encoding = self._encoding
        while True:
            if pending:
                line = pending.popleft()
                text = line[1]
                if line[2] is not None:
                    append(line)
                    raise _ProblemLine
            else:
                text = readline(limit)
                if not text:
                    self._exhausted = True
                    return
                self._number += 1
                if (
                    len(text) > MAX_LINE_CHARS
                    or "\x00" in text
                    or seen[0] != errors_before
                    or (single_byte and not text.isascii() and _in_utf8(text, encoding))
                ):
                    problem = self._problem(text, readline)
                    if problem is not None:
                        append((self._number, "", problem))
                        raise _ProblemLine
                line = (self._number, text, None)
            if record:
                self._chars += len(text)
                append(line)
                if len(record) > MAX_RECORD_LINES or self._chars > MAX_RECORD_CHARS:
                    raise _Overflow
            else:
                self._chars = len(text)
                append(line)
            yield text

    # -- records ----------------------------------------------------------------------------
    def records(self) -> Iterator[tuple[int, RecordItem]]:
        record = self._record
        try:
            while True:
                self._exhausted = False
                reader = csv.reader(
                    self._feed(),
                    delimiter=self._delimiter,
                    quotechar='"',
                    doublequote=True,
                    strict=True,
                )
                try:
                    for cells in reader:
                        yield record[0][0], cells
                        record.clear()
                    break
                except csv.Error:
                    failure: type[Exception] = csv.Error
                except (_Overflow, _ProblemLine) as error:
                    failure = type(error)
                yield self._failed(failure)
                record.clear()
        except OSError as error:
            raise UnreadableFile.cannot_open(self._name, error) from error
        self._finished = True

    def _failed(self, failure: type[Exception]) -> tuple[int, RecordItem]:
        """What a record that the strict parser could not finish becomes."""
        record = self._record
        number, text, problem = record[0]
        if len(record) == 1:
            if problem is not None:
                return number, problem
            if failure is csv.Error and not self._exhausted:
                # A stray quote within one line (1,"a"b,c): read it as Excel does.
                lenient = csv.reader([text], delimiter=self._delimiter, quotechar='"', strict=False)
                return number, next(lenient, [])
        # A quote that never closes, swallows too much, or closes and goes on:
        # this line is rejected and every later line is read again on its own.
        self._pending.extendleft(reversed(record[1:]))
        return number, BadRecord(REASON_UNCLOSED_QUOTE, {}, self._cells(text))

    def _cells(self, text: str) -> tuple[str, ...]:
        """What a rejected line shows: its cells as far as one line tells, bytes escaped."""
        shown = printable(_strip_line_end(text))
        lenient = csv.reader([shown], delimiter=self._delimiter, quotechar='"', strict=False)
        return tuple(next(lenient, []))

    def progress(self) -> Progress:
        if self._finished:
            self._done = self._total
        elif not self._binary.closed:
            # The buffered position: bytes handed to the decoder (runs ahead of
            # the csv parser by at most one chunk), one lseek, no per-row cost.
            self._done = min(self._binary.tell(), self._total)
        return Progress(self._done, self._total, ProgressUnit.BYTES)

    def close(self) -> None:
        self._text.close()
