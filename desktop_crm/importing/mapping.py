"""Which columns feed which field: chosen from the headers, or given by the user.

A field may take several columns. The lead's id is the first non-empty of its
columns (an export's phone columns, then its e-mail); a name split into
first / middle / last name columns is joined with spaces in that order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.importing.fields import (
    FIELD_KEYS,
    ID_KIND_PREFERENCE,
    NAME_PART_ORDER,
    Field,
    IdKind,
    NamePart,
)
from desktop_crm.importing.header import (
    EXACT_SCORE,
    HeaderMatch,
    classify_header,
    normalise_header,
)

# The id kinds whose columns are tried one after another when the file has no person id.
_CONTACT_KINDS = (IdKind.PHONE, IdKind.EMAIL)


@dataclass(frozen=True, slots=True)
class IdCandidate:
    """An id-like column found by its header."""

    column: int
    kind: IdKind
    exact: bool


@dataclass(frozen=True)
class ColumnMapping:
    """``groups``: field -> 0-based column indexes; a field absent here is not imported.

    ``columns`` gives each field's first column. ``id_kind`` tells what the
    first id column holds by its header (None when the user chose a column
    whose header is not an id word). ``id_candidates`` lists every id-like
    column in preference order, so the dialog can show "also found: E-mail".
    """

    groups: Mapping[Field, tuple[int, ...]] = field(default_factory=dict)
    id_kind: IdKind | None = None
    id_candidates: tuple[IdCandidate, ...] = ()

    @property
    def columns(self) -> dict[Field, int]:
        return {target: group[0] for target, group in self.groups.items()}

    def get(self, target: Field) -> int | None:
        group = self.groups.get(target)
        return group[0] if group else None

    def group(self, target: Field) -> tuple[int, ...]:
        return self.groups.get(target, ())

    @property
    def has_id(self) -> bool:
        return Field.EXTERNAL_ID in self.groups

    @property
    def row_id_only(self) -> bool:
        """The lead's id comes from the exporting system's row number ("ID", "№"):
        every row becomes a lead of its own. The dialog and the CLI warn."""
        return self.id_kind is IdKind.ROW_ID


def map_columns(headers: Sequence[str]) -> ColumnMapping:
    """Map fields by header words.

    Id: a person id column (lead_external_id, user_id...) alone; else every
    phone column, then every e-mail column (within a kind an exact word before
    a keyword, then left to right); else a row id ("ID", "№"). Name: a
    full-name column, else the first / middle / last name columns. Other
    fields: exact beats keyword, then leftmost.
    """
    matches = [(column, classify_header(text)) for column, text in enumerate(headers)]
    found = [(column, match) for column, match in matches if match is not None]
    candidates = sorted(
        (
            IdCandidate(column, match.id_kind, match.score == EXACT_SCORE)
            for column, match in found
            if match.field is Field.EXTERNAL_ID and match.id_kind is not None
        ),
        key=lambda c: (ID_KIND_PREFERENCE.index(c.kind), not c.exact, c.column),
    )
    groups: dict[Field, tuple[int, ...]] = {}
    id_kind = candidates[0].kind if candidates else None
    if id_kind in _CONTACT_KINDS:
        groups[Field.EXTERNAL_ID] = tuple(c.column for c in candidates if c.kind in _CONTACT_KINDS)
    elif candidates:
        groups[Field.EXTERNAL_ID] = (candidates[0].column,)
    name = _name_columns(found)
    if name:
        groups[Field.NAME] = name
    for target in Field:
        if target in (Field.EXTERNAL_ID, Field.NAME):
            continue
        best = _best_column(found, target)
        if best is not None:
            groups[target] = (best,)
    return ColumnMapping(groups=groups, id_kind=id_kind, id_candidates=tuple(candidates))


# One sentence per field, naming it as the import dialog labels it (a field key such as
# "external_id" pasted into a translated sentence would stay English).
_NO_COLUMN: dict[Field, str] = {
    Field.EXTERNAL_ID: QT_TRANSLATE_NOOP(
        "errors", 'No column is chosen for the field "External id".'
    ),
    Field.NAME: QT_TRANSLATE_NOOP("errors", 'No column is chosen for the field "Name".'),
    Field.SOURCE: QT_TRANSLATE_NOOP("errors", 'No column is chosen for the field "Source".'),
    Field.MESSAGE: QT_TRANSLATE_NOOP("errors", 'No column is chosen for the field "Message".'),
    Field.CREATED_AT: QT_TRANSLATE_NOOP("errors", 'No column is chosen for the field "Date".'),
    Field.OWNER: QT_TRANSLATE_NOOP("errors", 'No column is chosen for the field "Owner".'),
    Field.TAGS: QT_TRANSLATE_NOOP("errors", 'No column is chosen for the field "Tags".'),
}
_OUTSIDE_TABLE: dict[Field, str] = {
    Field.EXTERNAL_ID: QT_TRANSLATE_NOOP(
        "errors", 'Column {value} for the field "External id" is outside the table (1 to {count}).'
    ),
    Field.NAME: QT_TRANSLATE_NOOP(
        "errors", 'Column {value} for the field "Name" is outside the table (1 to {count}).'
    ),
    Field.SOURCE: QT_TRANSLATE_NOOP(
        "errors", 'Column {value} for the field "Source" is outside the table (1 to {count}).'
    ),
    Field.MESSAGE: QT_TRANSLATE_NOOP(
        "errors", 'Column {value} for the field "Message" is outside the table (1 to {count}).'
    ),
    Field.CREATED_AT: QT_TRANSLATE_NOOP(
        "errors", 'Column {value} for the field "Date" is outside the table (1 to {count}).'
    ),
    Field.OWNER: QT_TRANSLATE_NOOP(
        "errors", 'Column {value} for the field "Owner" is outside the table (1 to {count}).'
    ),
    Field.TAGS: QT_TRANSLATE_NOOP(
        "errors", 'Column {value} for the field "Tags" is outside the table (1 to {count}).'
    ),
}


def mapping_from_indexes(
    indexes: Mapping[Field | str, int | Sequence[int]], headers: Sequence[str], column_count: int
) -> ColumnMapping:
    """A user-chosen mapping (complete: fields left out are not imported).

    A field takes one column index or a list of them. ``column_count`` is the
    widest row seen; an index past it is refused.
    """
    groups: dict[Field, tuple[int, ...]] = {}
    for key, value in indexes.items():
        try:
            target = Field(key)
        except ValueError:
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", 'Unknown field "{value}" in the column mapping.'),
                field="mapping",
                value=key,
            ) from None
        columns = (value,) if isinstance(value, int) else tuple(value)
        if not columns:
            raise InvalidValue(_NO_COLUMN[target], field="mapping", value="")
        for column in columns:
            if not isinstance(column, int) or not 0 <= column < max(column_count, 1):
                raise InvalidValue(
                    _OUTSIDE_TABLE[target],
                    field="mapping",
                    value=column + 1 if isinstance(column, int) else column,
                    count=column_count,
                )
        groups[target] = tuple(dict.fromkeys(columns))  # a column named twice counts once
    auto = map_columns(headers)
    chosen = groups.get(Field.EXTERNAL_ID)
    kind = None
    if chosen is not None and chosen[0] < len(headers):
        match: HeaderMatch | None = classify_header(headers[chosen[0]])
        if match is not None and match.field is Field.EXTERNAL_ID:
            kind = match.id_kind
    return ColumnMapping(groups=groups, id_kind=kind, id_candidates=auto.id_candidates)


def column_label(headers: Sequence[str], column: int) -> str:
    """The header text of a column, or "#N" (1-based) when it has none: a sign, not a
    word, since it is pasted into reasons that are shown translated."""
    if column < len(headers) and headers[column].strip():
        return headers[column].strip()
    return f"#{column + 1}"


def find_column(
    headers: Sequence[str], name: str, column_count: int, loose: bool = True
) -> int | None:
    """The column a person names: its header text (exactly, else with ``loose`` case
    and punctuation aside; the leftmost of equals), else its 1-based number (up to
    ``column_count``). None when nothing fits."""
    wanted = name.strip()
    if not wanted:
        return None
    for column, header in enumerate(headers):
        if header.strip() == wanted:
            return column
    folded = normalise_header(wanted) if loose else ""
    if folded:
        for column, header in enumerate(headers):
            if normalise_header(header) == folded:
                return column
    if wanted.isascii() and wanted.isdigit() and 1 <= int(wanted) <= column_count:
        return int(wanted) - 1
    return None


def describe_mapping(mapping: ColumnMapping, headers: Sequence[str]) -> dict[str, list[str]]:
    """Which file columns became which field, by the fields' script names
    (``lead``, ``name``...); a field not imported has an empty list."""
    return {
        key: [column_label(headers, column) for column in mapping.group(target)]
        for target, key in FIELD_KEYS.items()
    }


def _name_columns(found: list[tuple[int, HeaderMatch]]) -> tuple[int, ...]:
    names = [(column, match) for column, match in found if match.field is Field.NAME]
    full = _best_column([(c, m) for c, m in names if m.name_part is NamePart.FULL], Field.NAME)
    parts = {
        part: _best_column([(c, m) for c, m in names if m.name_part is part], Field.NAME)
        for part in NAME_PART_ORDER
    }
    if full is not None:
        return (full,)
    return tuple(column for column in parts.values() if column is not None)


def _best_column(found: list[tuple[int, HeaderMatch]], target: Field) -> int | None:
    best: tuple[int, int] | None = None  # (-score, column): higher score, then leftmost
    for column, match in found:
        if match.field is target:
            key = (-match.score, column)
            if best is None or key < best:
                best = key
    return None if best is None else best[1]
