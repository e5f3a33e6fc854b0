"""Statistics for a period: operators x sources counts, and configured against
delivered shares per source. Both models take a finished result (computed in a
worker) and apply it in place; only a change of the source set resets them."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette, QPixmap

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.dto.refs import SourceRef
from desktop_crm.services.dto.stats import SourceShares, Statistics
from desktop_crm.ui.formats import natural_less, number_text, ratio_text
from desktop_crm.ui.models.base import RAW_ROLE, ROW_ROLE, Column, RowsModel
from desktop_crm.ui.models.cell_answers import CellAnswers
from desktop_crm.ui.theme import Tone, color

Index = QModelIndex | QPersistentModelIndex

OPERATOR, LOAD = 0, 1  # then one column per source, then the total
FIRST_SOURCE_COLUMN = 2

# A deviation of delivered from configured share this large (in percentage points)
# is worth the dispatcher's eye.
NOTABLE_DEVIATION_PP = 5.0
LARGE_DEVIATION_PP = 10.0


def header_lines(name: str, limit: int = 14) -> str:
    """A long name on two lines, broken at the space nearest the middle: a column
    header stays as narrow as its numbers instead of cutting the name on both sides."""
    if len(name) <= limit or " " not in name.strip():
        return name
    middle = len(name) / 2
    spaces = [i for i, char in enumerate(name) if char == " " and 0 < i < len(name) - 1]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return name[:cut].rstrip() + "\n" + name[cut + 1 :].lstrip()


def percent(fraction: float) -> str:
    return QCoreApplication.translate("StatisticsModel", "{value} %").format(
        value=number_text(fraction * 100, 1)
    )


def swatch(color: QColor, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


# -- operators x sources ------------------------------------------------------------
@dataclass(frozen=True)
class StatRow:
    """One table row: an operator, or the unassigned contacts (``key`` None)."""

    key: int | None
    name: str
    active: bool
    load: int | None
    max_load: int | None
    # source id -> (contacts, of them active)
    counts: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    total: int = 0
    active_total: int = 0
    load_fraction: float | None = None  # the domain's answer, from the service; None: unassigned

    @property
    def unassigned(self) -> bool:
        return self.key is None

    def count(self, source_id: int) -> tuple[int, int]:
        return self.counts.get(source_id, (0, 0))


def stat_rows(statistics: Statistics) -> list[StatRow]:
    """The operators in the service's order, then the unassigned row."""
    rows = [
        StatRow(
            o.operator.id,
            o.operator.name,
            o.active,
            o.load,
            o.max_load,
            {c.source.id: (c.total, c.active) for c in o.per_source},
            o.total,
            sum(c.active for c in o.per_source),
            o.load_fraction,
        )
        for o in statistics.operators
    ]
    unassigned = statistics.unassigned
    rows.append(
        StatRow(
            None,
            "",
            True,
            None,
            None,
            {c.source.id: (c.total, c.active) for c in unassigned},
            sum(c.total for c in unassigned),
            sum(c.active for c in unassigned),
        )
    )
    return rows


def row_name(row: StatRow) -> str:
    return (
        QCoreApplication.translate("StatisticsModel", "Unassigned") if row.unassigned else row.name
    )


def count_text(total: int, active: int) -> str:
    return f"{number_text(total)} ({number_text(active)})" if total else "0"


def count_tooltip(total: int, active: int) -> str:
    contacts = StatisticsModel.tr("%n contact(s) in the period", "", total)  # type: ignore[arg-type]
    still = StatisticsModel.tr("%n still active", "", active)  # type: ignore[arg-type]
    return f"{contacts}, {still}"


def _load_text(row: StatRow) -> str:
    return "" if row.unassigned else ratio_text(row.load or 0, row.max_load or 0)


def _load_tooltip(row: StatRow) -> str | None:
    if row.unassigned:
        return None
    load = row.load or 0  # a plain name: lupdate reads the context right
    return StatisticsModel.tr(
        "%n active contact(s) now, at most {max_load} (not limited to the period)",  # type: ignore[arg-type]
        "",
        load,  # type: ignore[arg-type]
    ).format(max_load=number_text(row.max_load or 0))


class StatisticsModel(RowsModel[StatRow]):
    """Rows: the operators and an "Unassigned" row. Columns: Operator, Load, one
    "total (active)" column per source, Total. Sort by ``RAW_ROLE``."""

    context = "StatisticsModel"
    OPERATOR_TITLE = QT_TRANSLATE_NOOP("StatisticsModel", "Operator")
    LOAD_TITLE = QT_TRANSLATE_NOOP("StatisticsModel", "Load")
    TOTAL_TITLE = QT_TRANSLATE_NOOP("StatisticsModel", "Total")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sources: tuple[SourceRef, ...] = ()
        self._colors: dict[int, QColor] = {}
        self.columns = self._make_columns(())
        self._answers = CellAnswers(self._data, self._row_of)

    # -- the data ------------------------------------------------------------------
    def key(self, row: StatRow) -> Hashable:
        return row.key

    def sources(self) -> tuple[SourceRef, ...]:
        return self._sources

    def set_statistics(
        self, statistics: Statistics, colors: Mapping[int, QColor] | None = None
    ) -> None:
        """In place when the sources are the same; a reset when the columns change."""
        rows = stat_rows(statistics)
        self._colors = dict(colors or {})
        if statistics.sources != self._sources:
            self.beginResetModel()
            self._answers.clear()
            self._sources = statistics.sources
            self.columns = self._make_columns(statistics.sources)
            self._rows = rows
            self.endResetModel()
            return
        self.set_rows(rows)

    def _row_of(self, index: Index) -> StatRow | None:
        return self._rows[index.row()] if 0 <= index.row() < len(self._rows) else None

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Each cell's answers kept while its row is the same (``CellAnswers``): the
        table is painted again at each hover and each paint of the chart beside it."""
        self._answers.answer_all(index, roleDataSpan)

    def source_column(self, source_id: int) -> int:
        for position, source in enumerate(self._sources):
            if source.id == source_id:
                return FIRST_SOURCE_COLUMN + position
        raise KeyError(source_id)

    @property
    def total_column(self) -> int:
        return FIRST_SOURCE_COLUMN + len(self._sources)

    def _make_columns(self, sources: Sequence[SourceRef]) -> tuple[Column[StatRow], ...]:
        def per_source(source_id: int, name: str) -> Column[StatRow]:
            return Column(
                name,  # shown as is: headerData does not translate source names
                lambda r: count_text(*r.count(source_id)),
                lambda r: r.count(source_id)[0],
                align_right=True,
                tooltip=lambda r: count_tooltip(*r.count(source_id)),
            )

        return (
            Column(self.OPERATOR_TITLE, row_name, lambda r: row_name(r).casefold()),
            Column(
                self.LOAD_TITLE,
                _load_text,
                lambda r: r.load_fraction,
                align_right=True,
                tooltip=_load_tooltip,
            ),
            *(per_source(s.id, s.name) for s in sources),
            Column(
                self.TOTAL_TITLE,
                lambda r: count_text(r.total, r.active_total),
                lambda r: r.total,
                align_right=True,
                tooltip=lambda r: count_tooltip(r.total, r.active_total),
            ),
        )

    # -- Qt ------------------------------------------------------------------------
    def _source_at(self, section: int) -> SourceRef | None:
        position = section - FIRST_SOURCE_COLUMN
        return self._sources[position] if 0 <= position < len(self._sources) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return super().headerData(section, orientation, role)
        source = self._source_at(section)
        if role == Qt.ItemDataRole.DisplayRole and source is not None:
            return header_lines(source.name)
        if role == Qt.ItemDataRole.DecorationRole and source is not None:
            color = self._colors.get(source.id)
            return swatch(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tooltip(section, source)
        return super().headerData(section, orientation, role)

    def _header_tooltip(self, section: int, source: SourceRef | None) -> str | None:
        each_cell = QCoreApplication.translate(
            "StatisticsModel", "Contacts in the period (of them still active)."
        )
        if source is not None:
            code = f" [{source.code}]" if source.code else ""
            return f"{source.name}{code}\n{each_cell}"
        if section == LOAD:
            return QCoreApplication.translate(
                "StatisticsModel", "Active contacts now against the operator's limit (any period)."
            )
        if section == self.total_column:
            return each_cell
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._answers.answer(index, role)

    def _data(self, index: Index, role: int) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and row.unassigned:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == OPERATOR:
            if row.unassigned:
                return QCoreApplication.translate("StatisticsModel", "Contacts nobody could take")
            if not row.active:
                return QCoreApplication.translate("StatisticsModel", "{name} (inactive)").format(
                    name=row.name
                )
            return row.name
        return super().data(index, role)


class PinnedLastProxy(QSortFilterProxyModel):
    """Sorts by the raw value (numbers as numbers) and keeps the unassigned row
    last in either order, as a summary row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(RAW_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: Index, right: Index) -> bool:
        left_row, right_row = left.data(ROW_ROLE), right.data(ROW_ROLE)
        left_pinned = isinstance(left_row, StatRow) and left_row.unassigned
        right_pinned = isinstance(right_row, StatRow) and right_row.unassigned
        if left_pinned != right_pinned:
            # Qt reverses lessThan for a descending sort; answer so it lands last anyway.
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return left_pinned if descending else right_pinned
        left_value, right_value = left.data(RAW_ROLE), right.data(RAW_ROLE)
        if left_value == right_value:  # ties: by name, so the order is stable
            left_value = str(left.sibling(left.row(), OPERATOR).data(RAW_ROLE))
            right_value = str(right.sibling(right.row(), OPERATOR).data(RAW_ROLE))
        return natural_less(left_value, right_value)


# -- the table as a CSV file ----------------------------------------------------------
def csv_table(
    rows: Sequence[StatRow], sources: Sequence[SourceRef], period: str
) -> list[list[object]]:
    """The header and one line per row; numbers stay numbers (a spreadsheet sums them),
    each source gets an "all" and an "active" column."""
    header: list[object] = [
        QCoreApplication.translate("StatisticsModel", "Period"),
        QCoreApplication.translate("StatisticsModel", "Operator"),
        QCoreApplication.translate("StatisticsModel", "Active operator"),
        QCoreApplication.translate("StatisticsModel", "Load"),
        QCoreApplication.translate("StatisticsModel", "Max load"),
    ]
    for source in sources:
        header.append(
            QCoreApplication.translate("StatisticsModel", "{source}: contacts").format(
                source=source.name
            )
        )
        header.append(
            QCoreApplication.translate("StatisticsModel", "{source}: active").format(
                source=source.name
            )
        )
    header += [
        QCoreApplication.translate("StatisticsModel", "Total contacts"),
        QCoreApplication.translate("StatisticsModel", "Total active"),
    ]
    yes, no = (
        QCoreApplication.translate("StatisticsModel", "yes"),
        QCoreApplication.translate("StatisticsModel", "no"),
    )
    table = [header]
    for row in rows:
        line: list[object] = [
            period,
            row_name(row),
            "" if row.unassigned else (yes if row.active else no),
            "" if row.load is None else row.load,
            "" if row.max_load is None else row.max_load,
        ]
        for source in sources:
            line.extend(row.count(source.id))
        line += [row.total, row.active_total]
        table.append(line)  # the CSV writer defuses formula-like cells
    return table


# -- configured against delivered shares -----------------------------------------------
NAME, WEIGHT, CONFIGURED, DELIVERED, DELIVERED_SHARE, DEVIATION = range(6)
_TOP = 0  # internalId of a source row; an operator row stores its source row + 1


class SharesModel(QAbstractItemModel):
    """A two-level tree: each source, and under it each configured operator with its
    weight share, the contacts it got and their share, and the deviation."""

    TITLES = (
        QT_TRANSLATE_NOOP("SharesModel", "Source / operator"),
        QT_TRANSLATE_NOOP("SharesModel", "Weight"),
        QT_TRANSLATE_NOOP("SharesModel", "Weight %"),
        QT_TRANSLATE_NOOP("SharesModel", "Delivered"),
        QT_TRANSLATE_NOOP("SharesModel", "Delivered %"),
        QT_TRANSLATE_NOOP("SharesModel", "Deviation"),
    )
    TOOLTIPS = (
        None,
        QT_TRANSLATE_NOOP("SharesModel", "The operator's weight on this source"),
        QT_TRANSLATE_NOOP("SharesModel", "The weight as a share of the source's total weight"),
        QT_TRANSLATE_NOOP(
            "SharesModel", "Contacts of the period this operator got from the source"
        ),
        QT_TRANSLATE_NOOP("SharesModel", "Share of the source's assigned contacts of the period"),
        QT_TRANSLATE_NOOP(
            "SharesModel",
            "Delivered share minus configured share, in percentage points. Full operators "
            "and small numbers make it drift; large drifts deserve a look.",
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[SourceShares] = []
        self._assigned: list[int] = []  # per group: its contacts with an operator
        self._colors: dict[int, QColor] = {}
        # Per row (internalId, row): its source when worked out, every column's answers.
        self._answers: dict[tuple[int, int], tuple[SourceShares, list[dict[int, Any]]]] = {}
        self._answers_palette = -1

    # -- the data ------------------------------------------------------------------
    def groups(self) -> list[SourceShares]:
        return list(self._groups)

    @staticmethod
    def _shape(groups: Sequence[SourceShares]) -> list[tuple[int, tuple[int, ...]]]:
        return [(g.source.id, tuple(o.operator.id for o in g.operators)) for g in groups]

    def set_shares(
        self, groups: Sequence[SourceShares], colors: Mapping[int, QColor] | None = None
    ) -> None:
        """dataChanged for changed numbers; a reset when sources or configs change."""
        groups = list(groups)
        colors = dict(colors or {})
        if colors != self._colors:
            self._answers.clear()
        self._colors = colors
        if self._shape(groups) != self._shape(self._groups):
            self.beginResetModel()
            self._answers.clear()
            self._groups = groups
            self._assigned = [sum(o.delivered for o in g.operators) for g in groups]
            self.endResetModel()
            return
        last = self.columnCount() - 1
        for position, (old, new) in enumerate(zip(self._groups, groups, strict=True)):
            if old == new:
                continue
            self._groups[position] = new
            self._assigned[position] = sum(o.delivered for o in new.operators)
            self.dataChanged.emit(self.index(position, 0), self.index(position, last))
            if new.operators:
                parent = self.index(position, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(new.operators) - 1, last, parent)
                )

    # -- Qt ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(self.TITLES) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        if not 0 <= parent.row() < len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].operators):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()].operators)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.TITLES)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.TITLES):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SharesModel", self.TITLES[section])
        tooltip = self.TOOLTIPS[section]
        if role == Qt.ItemDataRole.ToolTipRole and tooltip:
            return QCoreApplication.translate("SharesModel", tooltip)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.TITLES):
            return None
        answers = self._row_answers(index)
        return None if answers is None else answers[index.column()].get(role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """One call per cell, answered from its row's answers (``_row_answers``)."""
        answers = self._row_answers(index) if index.isValid() else None
        cell = answers[index.column()] if answers and 0 <= index.column() < len(answers) else {}
        items: Iterable[QModelRoleData] = (
            [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan  # type: ignore[assignment]
        )
        for item in items:
            item.setData(cell.get(item.role()))

    def _row_answers(self, index: Index) -> list[dict[int, Any]] | None:
        """Every column's answers of a row, worked out at once and kept while its source
        is the same object (an update brings a new object for a source whose numbers
        changed: its total, its shares) and the palette is the same: a paint asks each
        visible cell for about seven roles, and every hover paints again."""
        palette = QGuiApplication.palette().cacheKey()
        if palette != self._answers_palette:
            self._answers.clear()
            self._answers_palette = palette
        top = index.internalId() == _TOP
        position = index.row() if top else index.internalId() - 1
        if not 0 <= position < len(self._groups):
            return None
        group = self._groups[position]
        if not top and not 0 <= index.row() < len(group.operators):
            return None
        key = (index.internalId(), index.row())
        kept = self._answers.get(key)
        if kept is not None and kept[0] is group:
            return kept[1]
        assigned = self._assigned[position]
        if top:
            answers = self._source_answers(group, assigned)
        else:
            answers = self._operator_answers(group, index.row(), assigned)
        self._answers[key] = (group, answers)
        return answers

    def _source_answers(self, group: SourceShares, assigned: int) -> list[dict[int, Any]]:
        raw: list[Any] = [
            group.source.name,
            sum(o.weight for o in group.operators),
            None,
            assigned,
            None,
            None,
        ]
        font = QFont()
        font.setBold(True)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not group.operators:
            tooltip = QCoreApplication.translate(
                "SharesModel", "No operators are configured for this source."
            )
        else:
            total = assigned + group.unassigned
            contacts = SharesModel.tr("%n contact(s) in the period", "", total)  # type: ignore[arg-type]
            details = QCoreApplication.translate(
                "SharesModel", "{assigned} assigned, {unassigned} unassigned"
            ).format(assigned=assigned, unassigned=group.unassigned)
            tooltip = f"{group.source.name}: {contacts} ({details})"
        cells: list[dict[int, Any]] = []
        for column, value in enumerate(raw):
            if column == NAME:
                shown = value
            elif column in (CONFIGURED, DELIVERED_SHARE):
                shown = "" if value is None else percent(value)
            else:
                shown = "" if value is None else number_text(value)
            cell: dict[int, Any] = {
                RAW_ROLE: value,
                Qt.ItemDataRole.DisplayRole: shown,
                Qt.ItemDataRole.FontRole: font,
            }
            if column == NAME:
                cell[Qt.ItemDataRole.DecorationRole] = self._colors.get(group.source.id)
            else:
                cell[Qt.ItemDataRole.TextAlignmentRole] = right
            if column in (NAME, DELIVERED):
                cell[Qt.ItemDataRole.ToolTipRole] = tooltip
            cells.append(cell)
        return cells

    def _operator_answers(
        self, group: SourceShares, row: int, assigned: int
    ) -> list[dict[int, Any]]:
        share = group.operators[row]
        deviation = (share.delivered_share - share.configured) * 100 if assigned else None
        raw: list[Any] = [
            share.operator.name,
            share.weight,
            share.configured,
            share.delivered,
            share.delivered_share if assigned else None,
            deviation,
        ]
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells: list[dict[int, Any]] = []
        for column, value in enumerate(raw):
            cell: dict[int, Any] = {RAW_ROLE: value}
            if value is None:
                shown = "—" if column in (DELIVERED_SHARE, DEVIATION) else ""
            elif column == NAME:
                shown = value
                if not share.active:
                    shown = QCoreApplication.translate(
                        "StatisticsModel", "{name} (inactive)"
                    ).format(name=value)
            elif column in (CONFIGURED, DELIVERED_SHARE):
                shown = percent(value)
            elif column == DEVIATION:
                sign = "+" if value > 0.05 else ("−" if value < -0.05 else "±")
                shown = QCoreApplication.translate("SharesModel", "{value} pp").format(
                    value=f"{sign}{number_text(abs(value), 1)}"
                )
            else:
                shown = number_text(value)
            cell[Qt.ItemDataRole.DisplayRole] = shown
            if column != NAME:
                cell[Qt.ItemDataRole.TextAlignmentRole] = right
            if column == DEVIATION and deviation is not None:
                if abs(deviation) >= LARGE_DEVIATION_PP:
                    cell[Qt.ItemDataRole.ForegroundRole] = color(Tone.BAD)
                elif abs(deviation) >= NOTABLE_DEVIATION_PP:
                    cell[Qt.ItemDataRole.ForegroundRole] = color(Tone.WARN)
            if column == NAME:
                cell[Qt.ItemDataRole.ToolTipRole] = share.operator.name
            elif column == DEVIATION and deviation is None:
                cell[Qt.ItemDataRole.ToolTipRole] = QCoreApplication.translate(
                    "SharesModel", "Nothing was assigned on this source in the period."
                )
            cells.append(cell)
        return cells
