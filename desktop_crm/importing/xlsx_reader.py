"""Stream the rows of an XLSX sheet as text cells, with bounded memory.

The workbook's XML is parsed here with expat, chunk by chunk from the zip,
instead of by openpyxl: openpyxl holds every shared string whole (a 616 KB
file with one 600 MB cell took 5 GB). Here no cell text is held beyond
``MAX_CELL_CHARS`` characters: the rest is only counted, and a row with such a
cell becomes a rejected row naming the cell ("C5") and its real length. A row
keeps at most ``MAX_ROW_CHARS`` characters; the shared-string table at most
``MAX_SHARED_CHARS`` characters in ``MAX_SHARED_STRINGS`` strings (a bigger one
refuses the file: save it as CSV). An XML tag longer than ``MAX_TAG_BYTES``
or a DOCTYPE (entity tricks) means the file is damaged.

Values follow what openpyxl (read-only, values only) gave: numbers as text
without a trailing ".0", date-formatted numbers as ISO dates, booleans as
"True"/"False", formula results as cached. Text is unescaped as OOXML escapes it
(``_x000D_`` is a carriage return, ``_x005F_`` an underscore).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.importing.errors import NotATable, UnreadableFile
from desktop_crm.importing.fields import MAX_MESSAGE_CHARS
from desktop_crm.importing.files import open_regular
from desktop_crm.importing.records import (
    BadRecord,
    MarkedCells,
    Progress,
    ProgressUnit,
    RecordItem,
)

MAX_CELL_CHARS = MAX_MESSAGE_CHARS  # the longest field: a longer cell fits no field
MAX_ROW_CHARS = 1_000_000  # as a CSV line
KEPT_CELL_CHARS = 1_000  # of a rejected row's cells, this much is kept to show
MAX_SHARED_STRINGS = 2_000_000
MAX_SHARED_CHARS = 64_000_000
MAX_TAG_BYTES = 1 << 20
MAX_PART_BYTES = 16 << 20  # workbook.xml, relationships, styles: small parts
MAX_COLUMNS = 16_384  # Excel's XFD
MAX_GAP_ROWS = 100  # missing rows up to this many come back empty (keeping numbers)
CHUNK_BYTES = 1 << 16
# The sheet is fed in small pieces: the rows one piece makes are held until read,
# and a row may be 16,384 cells wide.
SHEET_CHUNK_BYTES = 1 << 13

REASON_CELL_TOO_LONG = QT_TRANSLATE_NOOP(
    "importing", "The cell {cell} holds {length} characters; a cell may hold at most {limit}."
)
REASON_ROW_TOO_LONG = QT_TRANSLATE_NOOP(
    "importing", "The row holds more than {limit} characters in all."
)

_REF_RE = re.compile(r"([A-Za-z]{1,3})(\d*)")
# OOXML's escape of a character in a string (ST_Xstring): "_x000D_" is "\r";
# "_x005F_" is "_", so a literal "_x000D_" is written "_x005F_x000D_".
_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# What a damaged workbook raises while it is read.
_DAMAGED = (
    ValueError,
    KeyError,
    IndexError,
    EOFError,
    expat.ExpatError,
    zipfile.BadZipFile,
    zlib.error,
)
_REL_OFFICE = "/officeDocument"
_REL_WORKSHEET = "/worksheet"
_REL_SHARED = "/sharedStrings"
_REL_STYLES = "/styles"


class SharedStringsTooBig(UnreadableFile):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}" holds more text than can be imported from a workbook; '
                "save the sheet as CSV and import that.",
            ),
            name=name,
        )


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV export would hold.

    Datetimes become ISO text that ``dates`` reads back (naive = local time);
    integral floats lose ".0", so a phone typed as a number stays a phone.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def unescape_text(text: str) -> str:
    """A string of the workbook with its ``_xHHHH_`` escapes decoded (one pass, so
    ``_x005F_x000D_`` stays the text ``_x000D_``)."""
    if "_x" not in text:
        return text
    return _ESCAPE_RE.sub(_unescaped, text)


def _unescaped(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return match.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)


def column_letters(index: int) -> str:
    """0 -> "A", 27 -> "AB"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_NO_CELLS: list[str] = []  # shared by every missing row; nobody changes it
_COLUMNS: dict[str, int] = {}


def _column_index(letters: str) -> int:
    """0-based column of "A".."XFD"; -1 for anything else (the cell is ignored)."""
    index = _COLUMNS.get(letters)
    if index is None:
        index = -1
        if 0 < len(letters) <= 3 and letters.isascii() and letters.isalpha():
            for char in letters.upper():
                index = (index + 1) * 26 + ord(char) - 65
        if len(_COLUMNS) < 100_000:
            _COLUMNS[letters] = index
    return index


_LOCAL_NAMES: dict[str, str] = {}


def _local(name: str) -> str:
    """A tag or attribute name without its prefix ("x:c" -> "c"); strict OOXML and
    writers that prefix the main namespace differ only there."""
    local = _LOCAL_NAMES.get(name)
    if local is None:
        local = name.rpartition(":")[2]
        if len(_LOCAL_NAMES) < 10_000:
            _LOCAL_NAMES[name] = local
    return local


def _new_parser() -> Any:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = CHUNK_BYTES

    def no_doctype(*_args: object) -> None:
        raise ValueError("DOCTYPE in a workbook part")

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    return parser


def _feed(stream: IO[bytes], parser: Any, chunk_bytes: int = CHUNK_BYTES) -> Iterator[None]:
    """Feed ``stream`` to ``parser`` chunk by chunk; yields after each chunk.
    Refuses a tag longer than MAX_TAG_BYTES (expat would hold it whole)."""
    in_tag = 0
    while True:
        chunk = stream.read(chunk_bytes)
        if not chunk:
            parser.Parse(b"", True)
            yield
            return
        opened = chunk.rfind(b"<")
        closed = chunk.rfind(b">")
        if opened > closed:
            in_tag = len(chunk) - opened
        elif closed >= 0:
            in_tag = 0
        elif in_tag:
            in_tag += len(chunk)
            if in_tag > MAX_TAG_BYTES:
                raise ValueError("an XML tag longer than MAX_TAG_BYTES")
        parser.Parse(chunk, False)
        yield


def _elements(book: zipfile.ZipFile, part: str) -> list[tuple[str, dict[str, str], int]]:
    """The start tags of a small part: (local name, attributes by local name, depth)."""
    info = book.getinfo(part)
    if info.file_size > MAX_PART_BYTES:
        raise ValueError(f"{part} is too big")
    found: list[tuple[str, dict[str, str], int]] = []
    depth = [0]
    parser = _new_parser()

    def start(name: str, attrs: dict[str, str]) -> None:
        found.append((_local(name), {_local(k): v for k, v in attrs.items()}, depth[0]))
        depth[0] += 1

    def end(_name: str) -> None:
        depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with book.open(info) as stream:
        data = stream.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise ValueError(f"{part} is too big")
    parser.Parse(data, True)
    return found


def _relationships(book: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(Id, Type, target part) of ``part``'s relationships."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels") if part else "_rels/.rels"
    if rels not in book.NameToInfo:
        return []
    found = []
    for tag, attrs, _ in _elements(book, rels):
        if tag != "Relationship" or attrs.get("TargetMode") == "External":
            continue
        target = attrs.get("Target", "")
        if target.startswith("/"):
            target = target.lstrip("/")
        else:
            target = posixpath.normpath(posixpath.join(folder, target))
        found.append((attrs.get("Id", ""), attrs.get("Type", ""), target))
    return found


class _SharedStrings:
    """The shared-string table, each string cut at MAX_CELL_CHARS (its length kept)."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.lengths: dict[int, int] = {}  # index -> real length, for cut strings only

    def load(self, name: str, stream: IO[bytes]) -> None:
        parser = _new_parser()
        pieces: list[str] = []
        state = {"depth": 0, "in_t": False, "skip": 0, "length": 0, "total": 0}
        strings = self.strings

        def start(tag: str, _attrs: dict[str, str]) -> None:
            local = _local(tag)
            if local == "si":
                pieces.clear()
                state["length"] = 0
            elif local == "rPh":  # phonetic hints are not the text
                state["skip"] += 1
            elif local == "t" and not state["skip"]:
                state["in_t"] = True

        def end(tag: str) -> None:
            local = _local(tag)
            if local == "t":
                state["in_t"] = False
            elif local == "rPh":
                state["skip"] -= 1
            elif local == "si":
                length = state["length"]
                if length > MAX_CELL_CHARS:
                    self.lengths[len(strings)] = length
                text = unescape_text("".join(pieces))
                strings.append(text)
                state["total"] += len(text)
                if len(strings) > MAX_SHARED_STRINGS or state["total"] > MAX_SHARED_CHARS:
                    raise SharedStringsTooBig(name)

        def text(data: str) -> None:
            if state["in_t"]:
                length = state["length"]
                if length < MAX_CELL_CHARS:
                    pieces.append(data[: MAX_CELL_CHARS - length])
                state["length"] = length + len(data)

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        for _ in _feed(stream, parser):
            pass


class _Styles:
    """Which style ids format numbers as dates (or durations)."""

    def __init__(self) -> None:
        self.dates: set[int] = set()
        self.durations: set[int] = set()

    def load(self, book: zipfile.ZipFile, part: str) -> None:
        from openpyxl.styles.numbers import (  # here: CSV-only runs never import openpyxl
            BUILTIN_FORMATS,
            is_date_format,
            is_timedelta_format,
        )

        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        in_cell_xfs = None
        index = 0
        for tag, attrs, depth in _elements(book, part):
            if tag == "numFmt":
                try:
                    formats[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
                except ValueError:
                    continue
            elif tag == "cellXfs":
                in_cell_xfs = depth
            elif in_cell_xfs is not None and depth <= in_cell_xfs:
                in_cell_xfs = None
            if tag == "xf" and in_cell_xfs is not None and depth == in_cell_xfs + 1:
                try:
                    code = formats.get(int(attrs.get("numFmtId", "0")), "")
                except ValueError:
                    code = ""
                if code and is_date_format(code):
                    self.dates.add(index)
                    if is_timedelta_format(code):
                        self.durations.add(index)
                index += 1


class XlsxRecordReader:
    """One pass over a worksheet; ``line`` is the sheet row number."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        self._name = path.name
        # A file object, so a workbook saved as "contacts.csv" is still read.
        self._file = open_regular(path)
        self._stream: IO[bytes] | None = None
        try:
            self._book = zipfile.ZipFile(self._file)
            sheets, active, shared_part, styles_part, epoch = self._workbook()
        except UnreadableFile:
            self._file.close()
            raise
        except OSError as error:
            self._file.close()
            raise UnreadableFile.cannot_open(path.name, error) from error
        except Exception as error:  # a damaged or foreign zip: any parser error means "not a table"
            self._file.close()
            raise NotATable(path.name) from error
        self.sheet_names: tuple[str, ...] = tuple(name for name, _ in sheets)
        if not self.sheet_names:
            self.close()
            raise NotATable(path.name)
        if sheet is None:
            sheet = self.sheet_names[active] if 0 <= active < len(sheets) else self.sheet_names[0]
        if sheet not in self.sheet_names:
            self.close()
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors", 'The workbook has no sheet "{value}"; its sheets: {sheets}.'
                ),
                field="sheet",
                value=sheet,
                sheets=", ".join(f'"{name}"' for name in self.sheet_names),
            )
        self.sheet = sheet
        self._part = dict(sheets)[sheet]
        self._shared_part = shared_part
        self._styles_part = styles_part
        self._epoch = epoch
        self._total: int | None = None  # from the sheet's <dimension>, when it states one
        self._done = 0
        self._finished = False

    def _workbook(self) -> tuple[list[tuple[str, str]], int, str | None, str | None, dt.datetime]:
        from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

        book = self._book
        workbook = "xl/workbook.xml"
        for _, kind, target in _relationships(book, ""):
            if kind.endswith(_REL_OFFICE):
                workbook = target
        relations = {rid: (kind, target) for rid, kind, target in _relationships(book, workbook)}
        sheets: list[tuple[str, str]] = []
        active = 0
        epoch = WINDOWS_EPOCH
        for tag, attrs, _ in _elements(book, workbook):
            if tag == "sheet":
                kind, target = relations.get(attrs.get("id", ""), ("", ""))
                if kind.endswith(_REL_WORKSHEET) and target in book.NameToInfo:
                    sheets.append((attrs.get("name", ""), target))
            elif tag == "workbookView":
                active = int(attrs.get("activeTab", "0") or 0)
            elif tag == "workbookPr" and attrs.get("date1904") in ("1", "true"):
                epoch = MAC_EPOCH
        shared = styles = None
        for kind, target in relations.values():
            if kind.endswith(_REL_SHARED) and target in book.NameToInfo:
                shared = target
            elif kind.endswith(_REL_STYLES) and target in book.NameToInfo:
                styles = target
        return sheets, active, shared, styles, epoch

    def records(self) -> Iterator[tuple[int, RecordItem]]:
        try:
            shared = _SharedStrings()
            if self._shared_part is not None:
                with self._book.open(self._shared_part) as stream:
                    shared.load(self._name, stream)
            styles = _Styles()
            if self._styles_part is not None:
                styles.load(self._book, self._styles_part)
            self._stream = self._book.open(self._part)
            yield from self._rows(self._stream, shared, styles)
        except UnreadableFile:
            raise
        except OSError as error:
            raise UnreadableFile.cannot_open(self._name, error) from error
        except _DAMAGED as error:
            raise NotATable(self._name) from error  # broken sheet XML mid-way
        self._finished = True

    def _rows(
        self, stream: IO[bytes], shared: _SharedStrings, styles: _Styles
    ) -> Iterator[tuple[int, RecordItem]]:
        parser = _new_parser()
        ready: list[tuple[int, RecordItem]] = []
        sheet = _SheetState(self, shared, styles, ready.append)
        parser.StartElementHandler = sheet.start
        parser.EndElementHandler = sheet.end
        parser.CharacterDataHandler = sheet.text
        for _ in _feed(stream, parser, SHEET_CHUNK_BYTES):
            if ready:
                for item in ready:
                    self._done = item[0]
                    yield item
                ready.clear()

    def set_total(self, total: int) -> None:
        self._total = total

    def progress(self) -> Progress:
        total = self._total
        if self._finished or (total is not None and self._done > total):
            total = self._done
        return Progress(self._done, total, ProgressUnit.ROWS)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
        book = getattr(self, "_book", None)
        if book is not None:
            book.close()
        self._file.close()


class _SheetState:
    """The expat handlers of one sheet: they build rows and hand them to ``emit``."""

    def __init__(
        self,
        reader: XlsxRecordReader,
        shared: _SharedStrings,
        styles: _Styles,
        emit: Callable[[tuple[int, RecordItem]], None],
    ) -> None:
        self._reader = reader
        self._shared = shared
        self._dates = {str(style) for style in styles.dates}
        self._durations = {str(style) for style in styles.durations}
        self._emit = emit
        self._row = 0  # the last row number handed out
        self._cells: list[str] = []
        self._problem: BadRecord | None = None
        self._row_chars = 0
        self._column = -1
        self._type = "n"
        self._style = "0"  # the cell's style id, as written
        self._collecting = False
        self._skip = 0  # inside <rPh> of an inline string
        self._pieces: list[str] = []
        self._length = 0
        self._in_cell = False
        self._errors: dict[int, str] = {}  # this row's error cells (column -> "#N/A")
        self._booleans: set[int] = set()

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = _LOCAL_NAMES.get(tag) or _local(tag)
        if local == "c":
            self._in_cell = True
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                column = _COLUMNS.get(letters)
                self._column = _column_index(letters) if column is None else column
            else:
                self._column += 1
            self._type = attrs.get("t", "n")
            self._style = attrs.get("s", "0")
            self._pieces.clear()
            self._length = 0
        elif local == "v" or (local == "t" and self._in_cell and not self._skip):
            self._collecting = self._in_cell
        elif local == "rPh":
            self._skip += 1
        elif local == "row":
            number = self._row + 1
            ref = attrs.get("r")
            if ref and ref.isdigit():
                number = max(int(ref), number)
            # A few missing rows come back empty, as openpyxl gave them; a far jump
            # (row 9999999999 after row 2) is not filled in.
            if number - self._row <= MAX_GAP_ROWS:
                while self._row + 1 < number:
                    self._row += 1
                    self._emit((self._row, _NO_CELLS))
            self._row = number
            self._cells = []
            self._problem = None
            self._row_chars = 0
            self._column = -1
            if self._errors or self._booleans:
                self._errors = {}
                self._booleans = set()
        elif local == "dimension":
            _, _, last = attrs.get("ref", "").partition(":")
            match = _REF_RE.match(last)
            if match and match.group(2):
                self._reader.set_total(int(match.group(2)))

    def text(self, data: str) -> None:
        if self._collecting:
            length = self._length
            room = min(MAX_CELL_CHARS, MAX_ROW_CHARS - self._row_chars) - length
            if room > 0:
                self._pieces.append(data[:room])
            self._length = length + len(data)

    def end(self, tag: str) -> None:
        local = _LOCAL_NAMES.get(tag) or _local(tag)
        if local in ("v", "t"):
            self._collecting = False
        elif local == "rPh":
            self._skip -= 1
        elif local == "c":
            self._in_cell = False
            self._end_cell()
        elif local == "row":
            cells = self._cells
            problem = self._problem
            if problem is not None:
                shown = tuple(cell[:KEPT_CELL_CHARS] for cell in cells)
                self._emit((self._row, BadRecord(problem.template, problem.params, shown)))
            elif self._errors or self._booleans:
                marked = MarkedCells(cells, self._errors, frozenset(self._booleans))
                self._emit((self._row, marked))
            else:
                self._emit((self._row, cells))

    def _end_cell(self) -> None:
        column = self._column
        if not 0 <= column < MAX_COLUMNS:
            return
        raw = "".join(self._pieces)
        length = self._length
        kind = self._type
        if kind == "s":
            index = int(raw) if raw.strip().isdigit() else -1
            strings = self._shared.strings
            value = strings[index] if 0 <= index < len(strings) else ""
            length = self._shared.lengths.get(index, len(value))
        elif kind in ("inlineStr", "str"):
            value = unescape_text(raw)
        elif kind == "e":
            value = raw.strip() or "#N/A"
            self._errors[column] = value
        elif kind == "b":
            value = "True" if raw.strip() in ("1", "true") else "False"
            self._booleans.add(column)
        elif kind == "d":
            value = _iso_date(raw)
        else:
            value = self._number(raw)
        if self._problem is None:
            if length > MAX_CELL_CHARS:
                cell = f"{column_letters(column)}{self._row}"
                params = {"cell": cell, "length": length, "limit": MAX_CELL_CHARS}
                self._problem = BadRecord(REASON_CELL_TOO_LONG, params, ())
            elif self._row_chars + length > MAX_ROW_CHARS:
                self._problem = BadRecord(REASON_ROW_TOO_LONG, {"limit": MAX_ROW_CHARS}, ())
        self._row_chars += min(len(value), MAX_ROW_CHARS)
        cells = self._cells
        if column >= len(cells):
            cells.extend([""] * (column - len(cells)))
            cells.append(value)
        else:
            cells[column] = value

    def _number(self, raw: str) -> str:
        if raw.isdigit() and raw[0] != "0" and self._style not in self._dates:
            return raw  # the common case: what int() and cell_text() would give back
        raw = raw.strip()
        if not raw:
            return ""
        try:
            number: int | float = float(raw) if "." in raw or "E" in raw or "e" in raw else int(raw)
        except ValueError:
            return raw
        if self._style in self._dates:
            from openpyxl.utils.datetime import from_excel

            try:
                moment = from_excel(
                    number, self._reader._epoch, timedelta=self._style in self._durations
                )
            except (OverflowError, ValueError):
                return raw
            return cell_text(moment)
        return cell_text(number)


def _iso_date(raw: str) -> str:
    try:
        return cell_text(datetime.fromisoformat(raw.strip()))
    except ValueError:
        return raw
