"""Stream the rows of an XLSX sheet (openpyxl read-only) as text cells."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.importing.errors import NotATable, UnreadableFile
from desktop_crm.importing.records import Progress, ProgressUnit

# openpyxl warns about styles and extensions it does not read; we want values only.
warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")


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


class XlsxRecordReader:
    """One pass over a worksheet; ``line`` is the sheet row number."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        self._name = path.name
        try:
            # A file object, because openpyxl refuses paths not ending in .xlsx
            # (a workbook saved as "contacts.csv" is still read).
            self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        except OSError as error:
            raise UnreadableFile.cannot_open(path.name, error) from error
        from openpyxl import load_workbook  # here: ~50 ms to import, and CSV-only runs skip it

        try:
            self._book = load_workbook(self._file, read_only=True, data_only=True)
        except Exception as error:  # a damaged or foreign zip: any parser error means "not a table"
            self._file.close()
            raise NotATable(path.name) from error
        self.sheet_names: tuple[str, ...] = tuple(ws.title for ws in self._book.worksheets)
        if not self.sheet_names:
            self.close()
            raise NotATable(path.name)
        if sheet is None:
            active = self._book.active
            titles = self.sheet_names
            sheet = active.title if active is not None and active.title in titles else titles[0]
        if sheet not in self.sheet_names:
            self.close()
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", 'The workbook has no sheet "{value}".'),
                field="sheet",
                value=sheet,
            )
        self.sheet = sheet
        self._sheet = self._book[sheet]
        # The stated size is only an estimate for progress: some writers get it
        # wrong, and openpyxl would cut rows off at it, so reading ignores it.
        self._total: int | None = self._sheet.max_row
        self._sheet.reset_dimensions()
        self._done = 0
        self._finished = False

    def records(self) -> Iterator[tuple[int, list[str]]]:
        try:
            # Missing rows come back as empty tuples, so counting keeps row numbers.
            for line, values in enumerate(self._sheet.iter_rows(values_only=True), start=1):
                self._done = line
                cells = [
                    "" if v is None else v if v.__class__ is str else cell_text(v) for v in values
                ]
                yield line, cells
        except OSError as error:
            raise UnreadableFile.cannot_open(self._name, error) from error
        except Exception as error:  # broken sheet XML mid-way
            raise NotATable(self._name) from error
        self._finished = True

    def progress(self) -> Progress:
        total = self._total
        if self._finished or (total is not None and self._done > total):
            total = self._done
        return Progress(self._done, total, ProgressUnit.ROWS)

    def close(self) -> None:
        self._book.close()
        self._file.close()
