"""Stream the records of a CSV/TSV/TXT file with their starting line numbers."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

from desktop_crm.importing.dialect import make_csv_reader
from desktop_crm.importing.errors import BrokenRecord, UnreadableFile
from desktop_crm.importing.records import Progress, ProgressUnit

# Python's csv refuses fields over 128 KiB, which would abort a whole import
# over one long message; the app's own limits reject such a row instead. The
# cap stays finite so that an unbalanced quote cannot swallow a 1 GB file
# into one field: past it reading stops with BrokenRecord.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
if csv.field_size_limit() < CSV_FIELD_LIMIT:
    csv.field_size_limit(CSV_FIELD_LIMIT)

READ_BUFFER_BYTES = 1 << 20


class CsvRecordReader:
    """One pass over a text table. Undecodable bytes become U+FFFD rather than
    stopping a long import midway; the encoding was checked on the sample."""

    def __init__(self, path: Path, encoding: str, delimiter: str) -> None:
        self._name = path.name
        self._delimiter = delimiter
        try:
            self._binary = open(path, "rb", buffering=READ_BUFFER_BYTES)  # noqa: SIM115 - closed by close()
        except OSError as error:
            raise UnreadableFile.cannot_open(path.name, error) from error
        self._total = os.fstat(self._binary.fileno()).st_size
        self._text = io.TextIOWrapper(self._binary, encoding=encoding, errors="replace", newline="")
        self._done = 0
        self._finished = False

    def records(self) -> Iterator[tuple[int, list[str]]]:
        # newline="" hands "\r\n", "\n" and "\r" line ends to csv, which counts
        # physical lines in line_num: a record starts one line after the
        # previous record ended, blank lines and embedded line breaks included.
        reader = make_csv_reader(self._text, self._delimiter)
        previous = 0
        try:
            for cells in reader:
                line = previous + 1
                previous = reader.line_num
                yield line, cells
        except csv.Error as error:
            raise BrokenRecord(self._name, previous + 1) from error
        except OSError as error:
            raise UnreadableFile.cannot_open(self._name, error) from error
        self._finished = True

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
