"""Choose the delimiter of a text table among , ; TAB and |.

Each candidate parses the sample; the winner has, in order: the most
header-like record (header words split apart only by the right delimiter),
the most records sharing one field count > 1 (quoted fields make a wrong
delimiter's counts erratic), and the most fields in that count.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from itertools import islice
from typing import TYPE_CHECKING

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.importing.header import HEADER_SCAN_RECORDS, find_header

if TYPE_CHECKING:
    from _csv import Reader

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
DIALECT_SCAN_RECORDS = 200


def make_csv_reader(lines: Iterable[str], delimiter: str) -> Reader:
    """The one reader configuration every text path uses (Excel quoting, lenient)."""
    return csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)


def sample_records(text: str, delimiter: str, limit: int) -> list[tuple[int, list[str]]]:
    """Up to ``limit`` records of ``text`` as (starting line, cells)."""
    reader = make_csv_reader(io.StringIO(text, newline=""), delimiter)
    records: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for cells in islice(reader, limit):
            records.append((previous + 1, cells))
            previous = reader.line_num
    except csv.Error:
        pass  # a broken record ends the sample; reading the file reports it with its line
    return records


def detect_delimiter(text: str, *, complete: bool, preferred: str = ",") -> str:
    """The delimiter of ``text``; ``preferred`` (e.g. TAB for .tsv) wins ties.

    ``complete`` = ``text`` is the whole file; otherwise its last record may be
    cut short and is left out.
    """
    best_key: tuple[int, int, int] | None = None
    best = preferred
    for delimiter in (preferred, *(d for d in DELIMITERS if d != preferred)):
        records = sample_records(text, delimiter, DIALECT_SCAN_RECORDS + 1)
        if not complete and len(records) > 1:
            records.pop()
        _, header = find_header(records[:HEADER_SCAN_RECORDS])
        counts = Counter(len(cells) for _, cells in records if len(cells) > 1)
        width, freq = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        key = (header, freq, width)
        if best_key is None or key > best_key:
            best_key, best = key, delimiter
    return best


def check_delimiter(delimiter: str) -> str:
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", 'The delimiter must be one character, not "{value}".'),
            field="delimiter",
            value=delimiter,
        )
    return delimiter
