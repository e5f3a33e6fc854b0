"""Turn a record's cells into a valid row or a rejection, cheaply.

The validator is built once per file with the column indexes bound, so a row
costs a few index look-ups, strips and length checks (and a date parse when a
date column is mapped). External ids are only stripped: normalising them
(phones to E.164, e-mails lower-cased) is the services' job.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop_crm.csv_writer import unescape_cell
from desktop_crm.domain.tags import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    NO_TAGS,
    TagError,
    parse_given_tags,
)
from desktop_crm.domain.text import ControlCharacter, lead_message, lead_name
from desktop_crm.domain.times import MAX_CONTACT_YEAR, MIN_CONTACT_YEAR, contact_time_in_range
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.importing.dates import DateOutOfCalendar, DateParser
from desktop_crm.importing.fields import (
    MAX_DATE_CHARS,
    MAX_EXTERNAL_ID_CHARS,
    MAX_MESSAGE_CHARS,
    MAX_NAME_CHARS,
    MAX_OWNER_CHARS,
    MAX_SOURCE_CHARS,
    MAX_TAGS_CHARS,
    Field,
    IdKind,
)
from desktop_crm.importing.header import classify_header
from desktop_crm.importing.mapping import ColumnMapping, column_label
from desktop_crm.importing.records import BadRecord, MarkedCells

_QUOTED_VALUE_CHARS = 40  # how much of a bad value a reason quotes

REASON_NO_ID = QT_TRANSLATE_NOOP("importing", 'No lead id: the column "{column}" is empty.')
REASON_NO_ID_IN_ANY = QT_TRANSLATE_NOOP(
    "importing", "No lead id: the columns {columns} are all empty."
)
REASON_ID_IS_ERROR = QT_TRANSLATE_NOOP(
    "importing",
    'No lead id: the column "{column}" holds the Excel error {value}, not a value.',
)
REASON_ID_IS_BOOLEAN = QT_TRANSLATE_NOOP(
    "importing", 'No lead id: the column "{column}" holds {value}, a true/false value, not an id.'
)
REASON_TOO_LONG = QT_TRANSLATE_NOOP(
    "importing", 'The column "{column}" is too long: {length} characters, at most {limit}.'
)
REASON_BAD_DATE = QT_TRANSLATE_NOOP(
    "importing", 'Cannot read the date "{value}" in the column "{column}".'
)
# A plain number where a date belongs: an Excel date kept without a date format (a
# workbook's serial, 46361.6 for 05.12.2026 14:30), a Unix time... Never guessed: which
# calendar it counts in is not known, and a wrong guess would store another date.
REASON_DATE_IS_NUMBER = QT_TRANSLATE_NOOP(
    "importing",
    'Cannot read the date "{value}" in the column "{column}": it is a number, not a date '
    "(in Excel, give the column a date format).",
)
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
REASON_DATE_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "importing",
    'The date "{value}" in the column "{column}" is outside the years {first} to {last} '
    "that a contact's time can have.",
)
REASON_CONTROL = QT_TRANSLATE_NOOP(
    "importing",
    'The column "{column}" holds a control character ({char}): a name may hold none, a '
    "message only tabs and line breaks.",
)
REASON_BAD_TAGS = QT_TRANSLATE_NOOP(
    "importing",
    'Bad tags "{value}" in the column "{column}": at most {count} tags of 1 to {limit} '
    "characters, without control or invisible characters.",
)


# What Excel writes instead of a value (English and Russian Excel), also into a CSV
# it saves: in an id column such text is an error, never a lead's id.
EXCEL_ERRORS = frozenset(
    {
        *("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"),
        *("#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!"),
        *("#UNKNOWN!", "#Н/Д", "#ССЫЛКА!", "#ЗНАЧ!", "#ДЕЛ/0!", "#ИМЯ?", "#ЧИСЛО!", "#ПУСТО!"),
    }
)


class RejectCode(StrEnum):
    NO_ID = "no_id"
    TOO_LONG = "too_long"
    BAD_DATE = "bad_date"
    BAD_TAGS = "bad_tags"
    CONTROL = "control"  # a control character in the name or the message
    UNREADABLE = "unreadable"  # the reader could not make cells of it (see records.BadRecord)


@dataclass(slots=True)
class ValidRow:
    """A row ready for the services.

    ``line``: where the record starts in the file (sheet row for xlsx).
    ``index``: 0-based position among the data records after the header
    (blank records count but are never yielded); resume with ``skip=index+1``.
    ``external_id``: stripped, not normalised. ``name``/``message``: "" when
    absent. ``name`` is cleaned of invisible characters (a BOM, zero-width spaces) like
    operator names. ``source``: the raw id/code/name, None when absent (the file-wide
    source applies). ``created_at``: naive UTC, None when absent.
    ``cells``: the raw record, for a rejects file should the services refuse it.
    """

    line: int
    index: int
    external_id: str
    name: str
    source: str | None
    message: str
    created_at: datetime | None
    cells: Sequence[str]
    owner: str | None = None
    id_is_phone: bool = False  # the id came from a phone column: bare national digits = phone
    tags: frozenset[str] = NO_TAGS  # parsed (``domain.tags``)


@dataclass(slots=True)
class Rejection:
    """A record refused before reaching the services; ``reason`` is plain English,
    ``template``/``params`` let the UI translate it (context "importing")."""

    line: int
    index: int
    code: RejectCode
    field: Field | None  # None when the record itself could not be read
    template: str
    params: dict[str, Any]
    cells: Sequence[str]

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)


ParsedRow = ValidRow | Rejection


def unreadable(line: int, index: int, bad: BadRecord) -> Rejection:
    """The rejection of a record the reader could not read (with its own reason)."""
    return Rejection(
        line, index, RejectCode.UNREADABLE, None, bad.template, dict(bad.params), bad.cells
    )


Validator = Callable[[int, int, Sequence[str]], ParsedRow | None]

_UNMAPPED = sys.maxsize  # an index no row reaches: "cells[i] if i < n" yields "" for free


def make_validator(mapping: ColumnMapping, headers: Sequence[str], dates: DateParser) -> Validator:
    """A function (line, index, cells) -> ValidRow | Rejection | None (None = blank record).

    The mapping must have an id column (the caller refuses the file otherwise).
    """
    # Bound to locals: the closure below runs once per row.
    get = mapping.columns.get
    id_cols = mapping.group(Field.EXTERNAL_ID)
    id_col = id_cols[0]
    more_id_cols = id_cols[1:]  # tried in turn while the first is empty
    # Columns headed телефон/phone/mobile...: their bare digits are read as phones.
    phone_cols = frozenset(
        column
        for column in id_cols
        if column < len(headers)
        and (match := classify_header(headers[column])) is not None
        and match.id_kind is IdKind.PHONE
    )
    name_cols = mapping.group(Field.NAME)
    name_col = name_cols[0] if len(name_cols) == 1 else _UNMAPPED
    name_parts = name_cols if len(name_cols) > 1 else ()
    owner_col = get(Field.OWNER, _UNMAPPED)
    source_col = get(Field.SOURCE, _UNMAPPED)
    message_col = get(Field.MESSAGE, _UNMAPPED)
    date_col = get(Field.CREATED_AT, _UNMAPPED)
    tags_col = get(Field.TAGS, _UNMAPPED)
    known_tags: dict[str, frozenset[str]] = {}  # a file repeats a few sets of tags
    known_names: dict[str, str] = {}  # and names: each cleaned once (at most _KNOWN_NAMES)
    parse_date = dates.parse
    labels = {
        target: ", ".join(column_label(headers, column) for column in group)
        for target, group in mapping.groups.items()
    }
    templates = {
        RejectCode.NO_ID: REASON_NO_ID,
        RejectCode.TOO_LONG: REASON_TOO_LONG,
        RejectCode.BAD_DATE: REASON_BAD_DATE,
        RejectCode.BAD_TAGS: REASON_BAD_TAGS,
        RejectCode.CONTROL: REASON_CONTROL,
    }
    if more_id_cols:  # "the columns "Рабочий телефон", "Мобильный телефон" are all empty"
        templates[RejectCode.NO_ID] = REASON_NO_ID_IN_ANY
        no_id_params = {
            "columns": ", ".join(f'"{column_label(headers, column)}"' for column in id_cols)
        }
    else:
        no_id_params = {"column": labels[Field.EXTERNAL_ID]}

    def reject(
        line: int,
        index: int,
        cells: Sequence[str],
        code: RejectCode,
        target: Field,
        template: str | None = None,
        **extra: Any,
    ) -> Rejection:
        params = {"column": labels[target], **extra}
        return Rejection(line, index, code, target, template or templates[code], params, cells)

    def too_long(
        line: int, index: int, cells: Sequence[str], target: Field, value: str, limit: int
    ) -> Rejection:
        return reject(
            line, index, cells, RejectCode.TOO_LONG, target, length=len(value), limit=limit
        )

    def validate_marked(line: int, index: int, cells: MarkedCells) -> ParsedRow:
        """A workbook row with error or boolean cells: those are no value (booleans
        only in the id columns); the row keeps its cells as the file shows them."""
        errors, booleans = cells.errors, cells.booleans
        plain = ["" if column in errors else cell for column, cell in enumerate(cells)]
        for column in id_cols:
            if column in booleans and column < len(plain):
                plain[column] = ""
        row = validate(line, index, plain)
        if row is None or (isinstance(row, Rejection) and row.code is RejectCode.NO_ID):
            marked = [column for column in id_cols if column in errors or column in booleans]
            if marked:
                column = marked[0]
                template = REASON_ID_IS_ERROR if column in errors else REASON_ID_IS_BOOLEAN
                params = {"column": column_label(headers, column), "value": cells[column]}
                row = Rejection(
                    line, index, RejectCode.NO_ID, Field.EXTERNAL_ID, template, params, cells
                )
            elif row is None:  # nothing but error cells
                row = Rejection(
                    line,
                    index,
                    RejectCode.NO_ID,
                    Field.EXTERNAL_ID,
                    templates[RejectCode.NO_ID],
                    dict(no_id_params),
                    cells,
                )
        row.cells = cells
        return row

    def validate(line: int, index: int, cells: Sequence[str]) -> ParsedRow | None:
        if cells.__class__ is MarkedCells:
            return validate_marked(line, index, cells)
        n = len(cells)
        for column in id_cols:  # "#N/A" in a CSV that Excel saved
            if column < n and cells[column][:1] == "#" and _is_excel_error(cells[column]):
                errors = {
                    column: cells[column].strip()
                    for column in id_cols
                    if column < n and _is_excel_error(cells[column])
                }
                return validate_marked(line, index, MarkedCells(list(cells), errors, frozenset()))
        # unescape: a cell our CSV writer defused (``'=…``, ``'+7 (900)…``) comes back as it was
        external_id = unescape_cell(cells[id_col].strip()) if id_col < n else ""
        from_col = id_col
        if more_id_cols and not _has_alnum(external_id):
            # An export's phone columns, then its e-mail: the first that holds something
            # ("-" or "—" in an empty phone cell is nothing).
            for column in more_id_cols:
                external_id = unescape_cell(cells[column].strip()) if column < n else ""
                if _has_alnum(external_id):
                    from_col = column
                    break
            else:
                external_id = ""
        if not external_id:
            if not any(cell.strip() for cell in cells):
                return None  # blank line or ";;;;" filler: not a record worth reporting
            return Rejection(
                line,
                index,
                RejectCode.NO_ID,
                Field.EXTERNAL_ID,
                templates[RejectCode.NO_ID],
                dict(no_id_params),
                cells,
            )
        if len(external_id) > MAX_EXTERNAL_ID_CHARS:
            return too_long(
                line, index, cells, Field.EXTERNAL_ID, external_id, MAX_EXTERNAL_ID_CHARS
            )
        if name_parts:
            name = " ".join(
                [
                    unescape_cell(part)
                    for column in name_parts
                    if column < n and (part := cells[column].strip())
                ]
            )
        else:
            name = unescape_cell(cells[name_col].strip()) if name_col < n else ""
        # a leading U+FEFF, zero-width spaces, bidi overrides: never stored; a control
        # character rejects the row (``domain.text.lead_name``, as `contact add`)
        cleaned = known_names.get(name)
        if cleaned is None:
            try:
                cleaned = lead_name(name)
            except ControlCharacter as bad:
                return reject(
                    line, index, cells, RejectCode.CONTROL, Field.NAME, char=repr(bad.char)[1:-1]
                )
            if len(known_names) < _KNOWN_NAMES:
                known_names[name] = cleaned
        name = cleaned
        if len(name) > MAX_NAME_CHARS:
            return too_long(line, index, cells, Field.NAME, name, MAX_NAME_CHARS)
        source = unescape_cell(cells[source_col].strip()) if source_col < n else ""
        if len(source) > MAX_SOURCE_CHARS:
            return too_long(line, index, cells, Field.SOURCE, source, MAX_SOURCE_CHARS)
        message = unescape_cell(cells[message_col].strip()) if message_col < n else ""
        if len(message) > MAX_MESSAGE_CHARS:
            return too_long(line, index, cells, Field.MESSAGE, message, MAX_MESSAGE_CHARS)
        if message:
            try:
                message = lead_message(message)
            except ControlCharacter as bad:
                return reject(
                    line, index, cells, RejectCode.CONTROL, Field.MESSAGE, char=repr(bad.char)[1:-1]
                )
        created_at = None
        if date_col < n:
            raw_date = cells[date_col].strip()
            if raw_date:
                try:
                    if len(raw_date) > MAX_DATE_CHARS:
                        raise ValueError(raw_date)
                    created_at = parse_date(raw_date)
                    in_range = contact_time_in_range(created_at)
                except DateOutOfCalendar:  # a wall time the zone cannot turn into UTC
                    in_range = False
                except ValueError:
                    return reject(
                        line,
                        index,
                        cells,
                        RejectCode.BAD_DATE,
                        Field.CREATED_AT,
                        REASON_DATE_IS_NUMBER if _NUMBER_RE.fullmatch(raw_date) else None,
                        value=_shorten(raw_date),
                    )
                if not in_range:
                    return reject(
                        line,
                        index,
                        cells,
                        RejectCode.BAD_DATE,
                        Field.CREATED_AT,
                        REASON_DATE_OUT_OF_RANGE,
                        value=_shorten(raw_date),
                        first=MIN_CONTACT_YEAR,
                        last=MAX_CONTACT_YEAR,
                    )
        owner = cells[owner_col].strip() if owner_col < n else ""
        if len(owner) > MAX_OWNER_CHARS:
            owner = ""  # no operator has such a name; the row stays (the column is optional)
        tags = NO_TAGS
        if tags_col < n:
            raw_tags = cells[tags_col].strip()
            if raw_tags:
                tags = known_tags.get(raw_tags, NO_TAGS)
                if not tags:
                    try:
                        if len(raw_tags) > MAX_TAGS_CHARS:
                            raise TagError("too_long", raw_tags)
                        tags = parse_given_tags((raw_tags,))  # "," names no tag
                    except TagError:
                        return reject(
                            line,
                            index,
                            cells,
                            RejectCode.BAD_TAGS,
                            Field.TAGS,
                            value=_shorten(raw_tags),
                            count=MAX_TAGS,
                            limit=MAX_TAG_LENGTH,
                        )
                    if len(known_tags) < 1000:
                        known_tags[raw_tags] = tags
        return ValidRow(
            line,
            index,
            external_id,
            name,
            source or None,
            message,
            created_at,
            cells,
            owner or None,
            from_col in phone_cols,
            tags,
        )

    return validate


_KNOWN_NAMES = 10_000


def _is_excel_error(value: str) -> bool:
    return value.strip().upper() in EXCEL_ERRORS


def _has_alnum(value: str) -> bool:
    return any(char.isalnum() for char in value)


def _shorten(value: str) -> str:
    if len(value) <= _QUOTED_VALUE_CHARS:
        return value
    return value[: _QUOTED_VALUE_CHARS - 1] + "…"
