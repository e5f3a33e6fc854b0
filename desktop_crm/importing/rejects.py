"""Write refused rows to a CSV the user can fix and drop onto the window again.

Written by the program's one CSV writer (``desktop_crm.csv_writer``): UTF-8 with
a BOM (so Excel detects the encoding), ``;`` by default (what Russian-locale
Excel splits on; pass "," for others), cells that a spreadsheet would run as
formulas prefixed with ``'``. The original header, then the rows with their
reason in a last column that the importer ignores.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

from desktop_crm.csv_writer import CsvWriter
from desktop_crm.importing.rows import Rejection

DEFAULT_REASON_COLUMN = "reason"  # not a header word, so re-importing ignores it


class RejectsWriter:
    """Streams rejected rows to ``path``; the importer may feed it batch by batch.

    Rows are padded to the header width so the reason column lines up.
    ``reason_column=None`` writes the cells only.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        headers: Sequence[str],
        *,
        delimiter: str = ";",
        reason_column: str | None = DEFAULT_REASON_COLUMN,
    ) -> None:
        self.path = Path(path)
        self._width = len(headers)
        self._with_reason = reason_column is not None
        self._writer = CsvWriter(self.path, delimiter=delimiter)
        self.count = 0
        if headers:
            header_row = list(headers)
            if reason_column is not None:
                header_row.append(reason_column)
            self._writer.writerow(header_row)

    def write(self, cells: Sequence[str], reason: str = "") -> None:
        """One row of raw cells; ``reason`` may be a translated text (services' refusals)."""
        row = list(cells)
        if self._with_reason:
            if len(row) < self._width:
                row.extend([""] * (self._width - len(row)))
            row.append(reason)
        self._writer.writerow(row)
        self.count += 1

    def write_rejection(self, rejection: Rejection) -> None:
        self.write(rejection.cells, rejection.reason)

    def close(self) -> None:
        """Put the finished file in place."""
        self._writer.commit()

    def discard(self) -> None:
        """Drop the rows written so far; an earlier file at ``path`` stays."""
        self._writer.discard()

    def __enter__(self) -> RejectsWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.discard()


def write_rejects(
    path: str | os.PathLike[str],
    headers: Sequence[str],
    rejections: Iterable[Rejection],
    *,
    delimiter: str = ";",
    reason_column: str | None = DEFAULT_REASON_COLUMN,
) -> int:
    """Write all ``rejections`` at once; return how many rows were written."""
    with RejectsWriter(path, headers, delimiter=delimiter, reason_column=reason_column) as writer:
        for rejection in rejections:
            writer.write_rejection(rejection)
        return writer.count
