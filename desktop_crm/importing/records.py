"""What the CSV and XLSX readers share: raw records, progress, the reader protocol."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


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


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record the reader could not turn into cells (a quote that never closes, a
    line that is too long or does not decode); it becomes a rejected row.

    ``template`` is an English reason (translation context "importing") with
    ``params``; ``cells`` is what can be shown of it (capped, bytes escaped).
    """

    template: str
    params: dict[str, Any]
    cells: tuple[str, ...]


class MarkedCells(list[str]):
    """A workbook row with cells that hold no value a field can take.

    ``errors``: column -> the Excel error a cell holds instead of a value (``#N/A``
    from a VLOOKUP that found nothing, ``#REF!``); such a cell counts as empty in
    every column that is read. ``booleans``: columns holding TRUE/FALSE, which is no
    lead id. The cells keep their text ("#N/A", "True") to show and to write to a
    rejects file. Rows without such cells stay plain lists.
    """

    __slots__ = ("booleans", "errors")

    def __init__(self, cells: list[str], errors: dict[int, str], booleans: frozenset[int]) -> None:
        super().__init__(cells)
        self.errors = errors
        self.booleans = booleans


# What a reader yields per record: its cells, or why it has none.
RecordItem = list[str] | BadRecord


class RecordReader(Protocol):
    """One pass over a file's records, from its first line, streaming."""

    def records(self) -> Iterator[tuple[int, RecordItem]]:
        """(line where the record starts, cells as text or a BadRecord), in file order."""
        ...

    def progress(self) -> Progress: ...

    def close(self) -> None: ...
