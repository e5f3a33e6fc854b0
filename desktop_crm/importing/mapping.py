"""Which column feeds which field: chosen from the headers, or given by the user."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.importing.fields import ID_KIND_PREFERENCE, Field, IdKind
from desktop_crm.importing.header import EXACT_SCORE, HeaderMatch, classify_header


@dataclass(frozen=True, slots=True)
class IdCandidate:
    """An id-like column found by its header."""

    column: int
    kind: IdKind
    exact: bool


@dataclass(frozen=True)
class ColumnMapping:
    """``columns``: field -> 0-based column index; a field absent here is not imported.

    ``id_kind`` tells what the chosen id column holds by its header (None when
    the user chose a column whose header is not an id word). ``id_candidates``
    lists every id-like column in preference order, so the dialog can show
    "also found: E-mail".
    """

    columns: Mapping[Field, int] = field(default_factory=dict)
    id_kind: IdKind | None = None
    id_candidates: tuple[IdCandidate, ...] = ()

    def get(self, target: Field) -> int | None:
        return self.columns.get(target)

    @property
    def has_id(self) -> bool:
        return Field.EXTERNAL_ID in self.columns


def map_columns(headers: Sequence[str]) -> ColumnMapping:
    """Map fields by header words.

    Id: prefer an id column (lead_external_id, id...), then a phone, then an
    e-mail; within a kind an exact word beats a keyword, then the leftmost
    column wins. Other fields: exact beats keyword, then leftmost.
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
    columns: dict[Field, int] = {}
    if candidates:
        columns[Field.EXTERNAL_ID] = candidates[0].column
    for target in Field:
        if target is Field.EXTERNAL_ID:
            continue
        best = _best_column(found, target)
        if best is not None:
            columns[target] = best
    return ColumnMapping(
        columns=columns,
        id_kind=candidates[0].kind if candidates else None,
        id_candidates=tuple(candidates),
    )


def mapping_from_indexes(
    indexes: Mapping[Field | str, int], headers: Sequence[str], column_count: int
) -> ColumnMapping:
    """A user-chosen mapping (complete: fields left out are not imported).

    ``column_count`` is the widest row seen; an index past it is refused.
    """
    columns: dict[Field, int] = {}
    for key, column in indexes.items():
        try:
            target = Field(key)
        except ValueError:
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", 'Unknown field "{value}" in the column mapping.'),
                field="mapping",
                value=key,
            ) from None
        if not isinstance(column, int) or not 0 <= column < max(column_count, 1):
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors", "Column {value} for {target} is outside the table (1 to {count})."
                ),
                field="mapping",
                value=column + 1 if isinstance(column, int) else column,
                target=target.value,
                count=column_count,
            )
        columns[target] = column
    auto = map_columns(headers)
    chosen = columns.get(Field.EXTERNAL_ID)
    kind = None
    if chosen is not None and chosen < len(headers):
        match: HeaderMatch | None = classify_header(headers[chosen])
        if match is not None and match.field is Field.EXTERNAL_ID:
            kind = match.id_kind
    return ColumnMapping(columns=columns, id_kind=kind, id_candidates=auto.id_candidates)


def _best_column(found: list[tuple[int, HeaderMatch]], target: Field) -> int | None:
    best: tuple[int, int] | None = None  # (-score, column): higher score, then leftmost
    for column, match in found:
        if match.field is target:
            key = (-match.score, column)
            if best is None or key < best:
                best = key
    return None if best is None else best[1]
