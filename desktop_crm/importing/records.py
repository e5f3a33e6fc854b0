"""What the CSV and XLSX readers share: raw records, progress, the reader protocol."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class ProgressUnit(StrEnum):
    BYTES = "bytes"  # text files: bytes decoded so far / file size
    ROWS = "rows"  # xlsx: sheet rows read so far / the sheet's row count


@dataclass(frozen=True, slots=True)
class Progress:
    """``total`` is None when unknown (an xlsx sheet that does not state its size)."""

    done: int
    total: int | None
    unit: ProgressUnit

    @property
    def fraction(self) -> float | None:
        """0.0 to 1.0, or None when the total is unknown."""
        if self.total is None:
            return None
        return 1.0 if self.total <= 0 else min(self.done / self.total, 1.0)


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as the file holds it: starting line (sheet row for xlsx) and cells."""

    line: int
    cells: Sequence[str]


class RecordReader(Protocol):
    """One pass over a file's records, from its first line, streaming."""

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(line where the record starts, cells as text), in file order."""
        ...

    def progress(self) -> Progress: ...

    def close(self) -> None: ...
