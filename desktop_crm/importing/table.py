"""Open a contacts file: detect its layout once, then preview it or stream its rows.

``TableFile.open`` reads a bounded sample (and, for the header, the first
records) and refuses files that are no table at all. The result is immutable
and holds no open file, so it can be handed to a worker thread; every
``preview()``/``read()`` streams the file afresh. The dialog shows
``preview()`` and calls ``reopen()`` with whatever the user corrected.
"""

from __future__ import annotations

import codecs
import os
from collections import deque
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import tzinfo
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import IO, Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.importing.csv_reader import CsvRecordReader
from desktop_crm.importing.dates import DateParser
from desktop_crm.importing.dialect import check_delimiter, detect_delimiter
from desktop_crm.importing.encoding import (
    DetectedEncoding,
    detect_encoding,
    looks_binary,
    resolve_override,
)
from desktop_crm.importing.errors import (
    BrokenRecord,
    EmptyFile,
    NoIdColumn,
    NotATable,
    PasswordProtected,
    UnreadableFile,
    UnsupportedFileType,
)
from desktop_crm.importing.fields import Field
from desktop_crm.importing.files import open_regular
from desktop_crm.importing.header import HEADER_SCAN_RECORDS, find_header
from desktop_crm.importing.mapping import ColumnMapping, map_columns, mapping_from_indexes
from desktop_crm.importing.records import BadRecord, Progress, RawRecord, RecordReader
from desktop_crm.importing.rows import ParsedRow, Validator, make_validator, unreadable
from desktop_crm.importing.xlsx_reader import XlsxRecordReader

SAMPLE_BYTES = 64 * 1024  # enough for detection; charset-normalizer slows on more
WIDTH_SCAN_RECORDS = 100  # records after the header that decide the column count
PREVIEW_LEADING_RECORDS = 50  # at most this many records above the header in a preview
NO_HEADER = 0  # header_line value: the file has no header row

# The delimiter a suffix suggests; it wins ties. Excel's "Unicode text" is a .txt with tabs.
TEXT_SUFFIXES: dict[str, str] = {".csv": ",", ".tsv": "\t", ".txt": "\t"}
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
# For the drop filter and the file dialog.
SUPPORTED_SUFFIXES: tuple[str, ...] = (*TEXT_SUFFIXES, *sorted(XLSX_SUFFIXES))
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and encrypted workbooks)
# The stream of an encrypted OOXML workbook, as its OLE directory names it.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


class TableKind(StrEnum):
    TEXT = "text"
    XLSX = "xlsx"


@dataclass(frozen=True)
class ReadOptions:
    """What the user may correct; None = detect.

    ``header_line``: the 1-based line (sheet row) holding the header, or
    ``NO_HEADER``. ``mapping``: a complete field -> 0-based column (or list of
    columns) mapping (fields left out are not imported). ``local_tz``: the zone of dates
    without an offset; None = the system's local zone.
    """

    encoding: str | None = None
    delimiter: str | None = None
    header_line: int | None = None
    mapping: Mapping[Field | str, int | Sequence[int]] | None = None
    sheet: str | None = None
    local_tz: tzinfo | None = None


@dataclass(frozen=True)
class TableFile:
    """A file's detected (or user-corrected) layout. Holds no open handle."""

    path: Path
    kind: TableKind
    options: ReadOptions
    size: int  # bytes on disk
    encoding: DetectedEncoding | None  # None for xlsx
    delimiter: str | None  # None for xlsx
    sheet: str | None  # xlsx: the sheet read
    sheet_names: tuple[str, ...]  # xlsx: all worksheets, for a sheet chooser
    header_line: int  # 1-based line (sheet row) of the header; NO_HEADER = none
    headers: tuple[str, ...]
    column_count: int  # the widest of the header and the first records
    mapping: ColumnMapping

    @classmethod
    def open(cls, path: str | os.PathLike[str], options: ReadOptions | None = None) -> TableFile:
        """Detect the layout; raise an UnreadableFile subclass if this is no table.

        A file without an id column still opens (``problem`` says so), so the
        dialog can show it and let the user pick the column; ``read`` refuses it.
        """
        return _open(Path(path), options or ReadOptions())

    def reopen(self, **changes: Any) -> TableFile:
        """The same file with corrected ``ReadOptions`` fields (None = detect again)."""
        return TableFile.open(self.path, replace(self.options, **changes))

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def other_sheets(self) -> tuple[str, ...]:
        """A workbook's sheets that are not read (each is imported on its own)."""
        return tuple(name for name in self.sheet_names if name != self.sheet)

    @property
    def problem(self) -> NoIdColumn | None:
        """Why ``read`` would refuse the file, if it would."""
        return None if self.mapping.has_id else NoIdColumn(self.name)

    def preview(self, rows: int = 50) -> Preview:
        """The records above the header and the first ``rows`` non-blank data
        records, raw and validated. Reads only that far into the file."""
        leading: list[RawRecord] = []
        data: list[RawRecord] = []
        reader = self._reader()
        try:
            records = reader.records()
            if self.header_line != NO_HEADER:
                for line, cells in records:
                    if line >= self.header_line:
                        break
                    if len(leading) < PREVIEW_LEADING_RECORDS:
                        leading.append(RawRecord(line, _shown(cells)))
            indexed: list[tuple[int, RawRecord, BadRecord | None]] = []
            for index, (line, cells) in enumerate(records):
                if len(data) >= rows:
                    break
                if isinstance(cells, BadRecord):
                    record = RawRecord(line, cells.cells)
                    data.append(record)
                    indexed.append((index, record, cells))
                elif any(cell.strip() for cell in cells):
                    record = RawRecord(line, cells)
                    data.append(record)
                    indexed.append((index, record, None))
            progress = reader.progress()
        finally:
            reader.close()
        checked: list[ParsedRow] = []
        if self.mapping.has_id:
            validate = self._validator()
            for index, record, bad in indexed:
                if bad is not None:
                    checked.append(unreadable(record.line, index, bad))
                    continue
                row = validate(record.line, index, record.cells)
                if row is not None:
                    checked.append(row)
        return Preview(
            table=self,
            leading=tuple(leading),
            rows=tuple(data),
            checked=tuple(checked),
            progress=progress,
        )

    def read(self, skip: int = 0) -> RowStream:
        """Stream validated rows; skip the first ``skip`` data records (resume).

        Raises NoIdColumn before anything is read when no column is the id.
        """
        if not self.mapping.has_id:
            raise NoIdColumn(self.name)
        if skip < 0:
            raise ValueError("skip must be >= 0")
        return RowStream(self, self._reader(), self._validator(), skip)

    def _reader(self) -> RecordReader:
        if self.kind is TableKind.XLSX:
            return XlsxRecordReader(self.path, self.sheet)
        assert self.encoding is not None and self.delimiter is not None
        return CsvRecordReader(self.path, self.encoding.name, self.delimiter)

    def _validator(self) -> Validator:
        return make_validator(self.mapping, self.headers, DateParser(self.options.local_tz))


@dataclass(frozen=True)
class Preview:
    """What the import dialog shows. ``checked`` holds the validation of
    ``rows`` (blank ones dropped); it is empty while no column is the id."""

    table: TableFile
    leading: tuple[RawRecord, ...]  # records above the header (title lines...)
    rows: tuple[RawRecord, ...]
    checked: tuple[ParsedRow, ...]
    progress: Progress  # how far the preview read (buffered: a rough estimate)

    @property
    def encoding(self) -> DetectedEncoding | None:
        return self.table.encoding

    @property
    def delimiter(self) -> str | None:
        return self.table.delimiter

    @property
    def header_line(self) -> int:
        return self.table.header_line

    @property
    def headers(self) -> tuple[str, ...]:
        return self.table.headers

    @property
    def mapping(self) -> ColumnMapping:
        return self.table.mapping

    @property
    def problem(self) -> NoIdColumn | None:
        return self.table.problem


class RowStream:
    """Single pass over the validated rows of a file; close it (or use ``with``).

    Iterating yields ValidRow or Rejection, each with its line and index;
    blank records are skipped silently. A record the parser cannot finish
    (an unbalanced quote, a line too long or not decodable) is yielded as a Rejection on
    its own line, and reading goes on. ``progress()`` is cheap: call it per
    batch to drive a progress bar.
    """

    def __init__(
        self, table: TableFile, reader: RecordReader, validate: Validator, skip: int
    ) -> None:
        self.table = table
        self._reader = reader
        self._rows = self._generate(validate, skip)

    def __iter__(self) -> Iterator[ParsedRow]:
        return self._rows  # the generator itself: no extra call per row in a for loop

    def __next__(self) -> ParsedRow:
        return next(self._rows)

    def __enter__(self) -> RowStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def progress(self) -> Progress:
        return self._reader.progress()

    def close(self) -> None:
        self._rows.close()
        self._reader.close()

    def _generate(self, validate: Validator, skip: int) -> Generator[ParsedRow, None, None]:
        try:
            records = self._reader.records()
            header_line = self.table.header_line
            if header_line != NO_HEADER:
                for line, _ in records:
                    if line >= header_line:
                        break
            if skip:
                # Still parsed (a quoted record may span lines), just not validated.
                deque(islice(records, skip), maxlen=0)
            for index, (line, cells) in enumerate(records, skip):
                if cells.__class__ is BadRecord:
                    yield unreadable(line, index, cells)
                    continue
                row = validate(line, index, cells)  # type: ignore[arg-type]
                if row is not None:
                    yield row
        finally:
            self._reader.close()


def _open(path: Path, options: ReadOptions) -> TableFile:
    suffix = path.suffix.lower()
    with open_regular(path) as file:  # a folder, FIFO or device first: never read
        if suffix not in TEXT_SUFFIXES and suffix not in XLSX_SUFFIXES:
            raise UnsupportedFileType(path.name, suffix)
        try:
            size = os.fstat(file.fileno()).st_size
            sample = file.read(SAMPLE_BYTES)
            if sample.startswith(_OLE_MAGIC):
                # Excel writes a workbook with a password as an OLE file too.
                if suffix in XLSX_SUFFIXES or _holds(file, _ENCRYPTED_PACKAGE, sample):
                    raise PasswordProtected(path.name)
                raise UnsupportedFileType(path.name, ".xls")
        except OSError as error:
            raise UnreadableFile.cannot_open(path.name, error) from error
    if not sample:
        raise EmptyFile(path.name)
    # Content decides over the suffix: a workbook saved as .csv, a CSV renamed .xlsx.
    if sample.startswith(_ZIP_MAGIC):
        return _open_xlsx(path, options, size)
    return _open_text(path, options, size, sample, TEXT_SUFFIXES.get(suffix, ","))


def _open_text(
    path: Path, options: ReadOptions, size: int, sample: bytes, preferred: str
) -> TableFile:
    complete = len(sample) >= size
    if options.encoding:
        encoding = resolve_override(options.encoding, sample, complete=complete)
    else:
        detected = detect_encoding(sample, complete=complete)
        if detected is None:
            raise NotATable(path.name)
        encoding = detected
    text = codecs.getincrementaldecoder(encoding.name)(errors="replace").decode(
        sample, final=complete
    )
    if looks_binary(text):
        raise NotATable(path.name)
    if complete and not text.strip():
        raise EmptyFile(path.name)
    if not complete:
        # Drop the partial last line; detect_delimiter also drops the last record.
        cut = max(text.rfind("\n"), text.rfind("\r"))
        if cut > 0:
            text = text[: cut + 1]
    if options.delimiter:
        delimiter = check_delimiter(options.delimiter)
    else:
        delimiter = detect_delimiter(text, complete=complete, preferred=preferred)
    reader = CsvRecordReader(path, encoding.name, delimiter)
    return _finish(path, TableKind.TEXT, options, size, reader, encoding, delimiter, None, ())


def _open_xlsx(path: Path, options: ReadOptions, size: int) -> TableFile:
    reader = XlsxRecordReader(path, options.sheet)
    return _finish(
        path, TableKind.XLSX, options, size, reader, None, None, reader.sheet, reader.sheet_names
    )


def _finish(
    path: Path,
    kind: TableKind,
    options: ReadOptions,
    size: int,
    reader: RecordReader,
    encoding: DetectedEncoding | None,
    delimiter: str | None,
    sheet: str | None,
    sheet_names: tuple[str, ...],
) -> TableFile:
    try:
        header_line, headers, column_count = _scan_head(path, reader, options.header_line)
    finally:
        reader.close()
    if options.mapping is not None:
        mapping = mapping_from_indexes(options.mapping, headers, column_count)
    else:
        mapping = map_columns(headers)
    return TableFile(
        path=path,
        kind=kind,
        options=options,
        size=size,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        sheet_names=sheet_names,
        header_line=header_line,
        headers=tuple(cell.strip() for cell in headers),
        column_count=column_count,
        mapping=mapping,
    )


def _scan_head(
    path: Path, reader: RecordReader, header_line: int | None
) -> tuple[int, list[str], int]:
    """Find the header (auto or the user's line) and the column count."""
    broken: list[BrokenRecord] = []
    records = _until_broken(reader.records(), broken)
    headers: list[str] = []
    if header_line is None:
        scanned: list[tuple[int, list[str]]] = []
        for line, cells in records:
            if any(cell.strip() for cell in cells):
                scanned.append((line, cells))
                if len(scanned) >= HEADER_SCAN_RECORDS:
                    break
        if not scanned:
            raise broken[0] if broken else EmptyFile(path.name)
        header_line, _ = find_header(scanned)
        headers = dict(scanned)[header_line]
        width = max(len(cells) for line, cells in scanned if line >= header_line)
    elif header_line == NO_HEADER:
        width = 0
    else:
        if header_line < 0:
            raise _no_such_line(header_line)
        previous = 0
        for line, cells in records:
            if line == header_line:
                headers = cells
                break
            if line > header_line:
                raise InvalidValue(
                    QT_TRANSLATE_NOOP(
                        "errors", "Line {value} is inside a record that starts on line {start}."
                    ),
                    field="header_line",
                    value=header_line,
                    start=previous,
                )
            previous = line
        else:
            raise broken[0] if broken else _no_such_line(header_line)
        width = len(headers)
    for _, cells in islice(records, WIDTH_SCAN_RECORDS):
        width = max(width, len(cells))
    if header_line == NO_HEADER and width == 0:
        raise broken[0] if broken else EmptyFile(path.name)
    return header_line, headers, width


def _until_broken(
    records: Iterator[tuple[int, list[str] | BadRecord]], broken: list[BrokenRecord]
) -> Iterator[tuple[int, list[str]]]:
    # Detection works with the records it can read: one that could not be read
    # counts as a blank record here (read() and preview() reject it on its line).
    try:
        for line, cells in records:
            yield line, ([] if isinstance(cells, BadRecord) else cells)
    except BrokenRecord as error:
        broken.append(error)


def _shown(cells: list[str] | BadRecord) -> list[str] | tuple[str, ...]:
    return cells.cells if isinstance(cells, BadRecord) else cells


def _holds(file: IO[bytes], needle: bytes, start: bytes) -> bool:
    """``needle`` occurs in the file that begins with ``start`` (read on in chunks)."""
    chunk = start
    while chunk:
        if needle in chunk:
            return True
        more = file.read(SAMPLE_BYTES * 16)
        chunk = chunk[-len(needle) :] + more if more else b""
    return False


def _no_such_line(line: int) -> InvalidValue:
    return InvalidValue(
        QT_TRANSLATE_NOOP("errors", "The file has no line {value} to take the header from."),
        field="header_line",
        value=line,
    )


def open_table(path: str | os.PathLike[str], options: ReadOptions | None = None) -> TableFile:
    """Shorthand for ``TableFile.open``."""
    return TableFile.open(path, options)
