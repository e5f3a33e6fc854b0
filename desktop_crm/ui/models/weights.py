"""The weights editor of one source: every operator, a weight each, the share live.

Edits stay in the model until the page saves them (one ``set_weights`` call,
the original PUT: the whole set is replaced). A refresh from the database
updates loads and names but keeps the weights the user has not saved yet.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFont

from desktop_crm.domain import eligibility
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.common import MAX_COUNT
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.ui.formats import number_text
from desktop_crm.ui.models.base import RAW_ROLE, SHORT_TEXT_ROLE, Column, Index, RowsModel
from desktop_crm.ui.models.operators import load_text
from desktop_crm.ui.theme import Tone, color

OPERATOR, ACTIVE, LOAD, WEIGHT, SHARE = range(5)

CONTEXT = "WeightsModel"


def headroom_text(operator: OperatorInfo) -> str:
    """'2 free of 10': how many more active contacts the operator may take."""
    return QCoreApplication.translate("WeightsModel", "{free} free of {max}").format(
        free=number_text(operator.headroom), max=number_text(operator.max_load)
    )


def free_text(operator: OperatorInfo) -> str:
    """'7 free', or 'full': the short form for a load column."""
    if not operator.has_room:
        return QCoreApplication.translate("WeightsModel", "full")
    return QCoreApplication.translate("WeightsModel", "{free} free").format(
        free=number_text(operator.headroom)
    )


def percent_text(fraction: float) -> str:
    return QLocale().toString(100 * fraction, "f", 1) + " %"


@dataclass(frozen=True, slots=True)
class WeightRow:
    operator: OperatorInfo
    weight: int  # what the editor shows (maybe not saved yet)
    saved: int  # what the database holds
    configured: bool  # the database has a row for this pair (even with weight 0)

    @property
    def id(self) -> int:
        return self.operator.id

    @property
    def dirty(self) -> bool:
        return self.weight != self.saved

    @property
    def exclusion(self) -> Exclusion | None:
        """Why the distributor would leave the operator out with this weight, or None."""
        operator = self.operator
        return eligibility.exclusion(
            weight=self.weight,
            active=operator.active,
            load=operator.load,
            max_load=operator.max_load,
            presence=operator.presence,
            today=operator.today,
            daily_cap=operator.daily_cap,
        )


def parse_weight(value: Any) -> int | None:
    """A weight from an editor: a whole number 0..MAX_COUNT, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if 0 <= number <= MAX_COUNT else None


class WeightsModel(RowsModel[WeightRow]):
    context = CONTEXT
    columns = (
        Column(
            QT_TRANSLATE_NOOP("WeightsModel", "Operator"),
            lambda r: r.operator.name,
            lambda r: r.operator.name.casefold(),
            tooltip=lambda r: r.operator.name,
        ),
        Column(
            QT_TRANSLATE_NOOP("WeightsModel", "Status"),
            lambda r: (
                QCoreApplication.translate("WeightsModel", "Active")
                if r.operator.active
                else QCoreApplication.translate("WeightsModel", "Inactive")
            ),
            lambda r: int(r.operator.active),
        ),
        Column(
            QT_TRANSLATE_NOOP("WeightsModel", "Load"),
            lambda r: load_text(r.operator) + " · " + free_text(r.operator),
            lambda r: r.operator.load_fraction,
        ),
        Column(
            QT_TRANSLATE_NOOP("WeightsModel", "Weight"),
            lambda r: number_text(r.weight),
            lambda r: r.weight,
            align_right=True,
            edit=lambda r: r.weight,
        ),
        Column(QT_TRANSLATE_NOOP("WeightsModel", "Share"), lambda r: "", lambda r: 0.0),
    )

    dirty_changed = Signal(bool)
    weights_changed = Signal()  # any weight in the editor changed (saved or not)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source: SourceInfo | None = None
        self._shares: dict[int, float] | None = None  # operator id -> share (domain rule)

    def key(self, row: WeightRow) -> Hashable:
        return row.operator.id

    # -- the source being edited ----------------------------------------------------
    @property
    def source(self) -> SourceInfo | None:
        return self._source

    @property
    def total(self) -> int:
        return sum(r.weight for r in self._rows)

    def is_dirty(self) -> bool:
        return any(r.dirty for r in self._rows)

    def getting_contacts(self) -> int:
        """How many operators the distributor would give this source's untagged contacts
        now (active, at work, with room, under the daily cap, weight above 0), with the
        weights as edited."""
        return sum(1 for r in self._rows if r.exclusion is None)

    def set_source(self, source: SourceInfo | None, operators: Sequence[OperatorInfo]) -> None:
        """Show ``source`` as stored; unsaved edits are dropped."""
        self._replace(source, operators, keep_edits=False)

    def refresh(self, source: SourceInfo | None, operators: Sequence[OperatorInfo]) -> None:
        """New data for the same source: loads and stored weights change, edits stay."""
        same = source is not None and self._source is not None and source.id == self._source.id
        self._replace(source, operators, keep_edits=same)

    def revert(self) -> None:
        self._apply([replace(r, weight=r.saved) for r in self._rows])

    def weights_to_save(self) -> dict[int, int]:
        """The whole set for ``set_weights``: every operator with a weight above 0, and
        those already configured with 0 (an explicit 0 the user or a script chose
        stays; a 0 that was never stored is not added)."""
        return {r.operator.id: r.weight for r in self._rows if r.weight > 0 or r.configured}

    def _replace(
        self, source: SourceInfo | None, operators: Sequence[OperatorInfo], keep_edits: bool
    ) -> None:
        self._source = source
        if source is None:
            self._apply([])
            return
        stored = {w.operator.id: w.weight for w in source.weights}
        edited = {r.operator.id: r.weight for r in self._rows if r.dirty} if keep_edits else {}
        rows = []
        for operator in operators:
            saved = stored.get(operator.id, 0)
            rows.append(
                WeightRow(
                    operator,
                    weight=edited.get(operator.id, saved),
                    saved=saved,
                    configured=operator.id in stored,
                )
            )
        self._apply(rows)

    def _apply(self, rows: list[WeightRow]) -> None:
        was_dirty, old_total = self.is_dirty(), self.total
        self._shares = None
        self.set_rows(rows)
        self._after_change(was_dirty, old_total)

    def _after_change(self, was_dirty: bool, old_total: int) -> None:
        if self._rows:  # a weight or who is active changes every share
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, SHARE), self.index(last, SHARE))
        self.weights_changed.emit()
        if self.is_dirty() != was_dirty:
            self.dirty_changed.emit(self.is_dirty())

    # -- Qt ----------------------------------------------------------------------------
    def share(self, row: WeightRow) -> float:
        """The operator's share by the weights; inactive operators have none and do not
        count (``domain.eligibility.weight_shares``)."""
        if self._shares is None:
            self._shares = eligibility.weight_shares(
                {r.operator.id: (r.weight, r.operator.active) for r in self._rows}
            )
        return self._shares.get(row.operator.id, 0.0)

    @property
    def active_total(self) -> int:
        """The weights that count for the shares: those of active operators."""
        return sum(r.weight for r in self._rows if r.operator.active)

    def live_share(self, row: WeightRow) -> float:
        """The share among the operators the distributor would consider right now."""
        if row.operator.exclusion is not None:
            return 0.0
        total = sum(r.weight for r in self._rows if r.operator.exclusion is None)
        return row.weight / total if total else 0.0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == SHARE:
            return self._share_data(row, role)
        if role == Qt.ItemDataRole.FontRole and column == WEIGHT and row.dirty:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == WEIGHT:
            if row.dirty:
                return QCoreApplication.translate(
                    "WeightsModel", "Changed from {saved}; not saved yet."
                ).format(saved=number_text(row.saved))
            return QCoreApplication.translate(
                "WeightsModel", "Double-click or press F2 to change the weight."
            )
        if column == LOAD and role == SHORT_TEXT_ROLE:
            return load_text(row.operator)  # "3 / 10": a bar too narrow for "· 7 free"
        if role == Qt.ItemDataRole.ToolTipRole and column == LOAD:
            return self.columns[LOAD].display(row) + "\n" + self._status_tip(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == ACTIVE:
            return self._status_tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.operator.active:
            return color(Tone.DIM)
        return super().data(index, role)

    def _share_data(self, row: WeightRow, role: int) -> Any:
        share = self.share(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return percent_text(share) if share else "—"
        if role == RAW_ROLE:
            return float(share) if share else None  # no bar for "never"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not share:
            return color(Tone.DIM)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.weight and not row.operator.active:
                return QCoreApplication.translate(
                    "WeightsModel",
                    "Inactive: gets no contacts, and the weight does not count in the shares.",
                )
            text = QCoreApplication.translate(
                "WeightsModel", "{weight} of the active operators' total weight {total}."
            ).format(weight=number_text(row.weight), total=number_text(self.active_total))
            if row.weight and row.operator.exclusion is not None:
                text += "\n" + QCoreApplication.translate(
                    "WeightsModel",
                    "Gets nothing right now: the operator is inactive or has no free places.",
                )
            elif row.weight:
                text += "\n" + QCoreApplication.translate(
                    "WeightsModel",
                    "Right now, with full and inactive operators skipped: {percent}.",
                ).format(percent=percent_text(self.live_share(row)))
            return text
        return None

    def _status_tip(self, row: WeightRow) -> str:
        operator = row.operator
        why = operator.exclusion
        if why is Exclusion.INACTIVE:
            return QCoreApplication.translate(
                "WeightsModel", "Inactive: gets no new contacts whatever the weight."
            )
        if why is Exclusion.AT_LIMIT:
            return QCoreApplication.translate(
                "WeightsModel", "Full: gets no new contacts until some are closed."
            )
        headroom = operator.headroom  # a plain name: lupdate reads the context right
        return WeightsModel.tr("Can take %Ln more active contact(s).", "", headroom)  # type: ignore[arg-type]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != WEIGHT
            or index.row() >= len(self._rows)
        ):
            return False
        weight = parse_weight(value)
        if weight is None:
            return False
        row = self._rows[index.row()]
        if weight == row.weight:
            return True
        was_dirty, old_total = self.is_dirty(), self.total
        self._shares = None
        self._rows[index.row()] = replace(row, weight=weight)
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        )
        self._after_change(was_dirty, old_total)
        return True
