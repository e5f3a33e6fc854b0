"""Sources: name and code edited in place, who gets their contacts and by which strategy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal

from desktop_crm.domain.distribution import STRATEGY_NAMES
from desktop_crm.domain.eligibility import Exclusion, weight_shares
from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services import Crm
from desktop_crm.services.dto.sources import SourceInfo, WeightInfo
from desktop_crm.ui.formats import number_text
from desktop_crm.ui.models.base import Column, Index, RowsModel
from desktop_crm.ui.texts import exclusion_label
from desktop_crm.ui.theme import Tone, color

NAME, CODE, OPERATORS, STRATEGY = range(4)


# -- strategies: how one operator is picked among the eligible ones ------------------------
# name -> (the combo's label, the table's short label, one sentence for the tooltip)
STRATEGY_TEXTS: dict[str, tuple[str, str, str]] = {
    "weighted_random": (
        QT_TRANSLATE_NOOP("Strategies", "Weighted random (lottery)"),
        QT_TRANSLATE_NOOP("Strategies", "Lottery"),
        QT_TRANSLATE_NOOP(
            "Strategies",
            "Each contact goes to an operator drawn by lot, with chances in proportion to "
            "the weights.",
        ),
    ),
    "round_robin": (
        QT_TRANSLATE_NOOP("Strategies", "Smooth round-robin"),
        QT_TRANSLATE_NOOP("Strategies", "Round-robin"),
        QT_TRANSLATE_NOOP(
            "Strategies",
            "Operators take turns in proportion to the weights, so the shares come out exact "
            "over every full round.",
        ),
    ),
    "least_loaded": (
        QT_TRANSLATE_NOOP("Strategies", "Least loaded"),
        QT_TRANSLATE_NOOP("Strategies", "Least loaded"),
        QT_TRANSLATE_NOOP(
            "Strategies",
            "Each contact goes to the operator with the most room for their limit; the weight "
            "only breaks ties, and weight 0 still means never.",
        ),
    ),
}


def strategy_label(name: str) -> str:
    """The strategy as the combo names it ("Weighted random (lottery)")."""
    texts = STRATEGY_TEXTS.get(name)
    return QCoreApplication.translate("Strategies", texts[0]) if texts else name


def strategy_short(name: str) -> str:
    texts = STRATEGY_TEXTS.get(name)
    return QCoreApplication.translate("Strategies", texts[1]) if texts else name


def strategy_tooltip(name: str) -> str:
    texts = STRATEGY_TEXTS.get(name)
    return QCoreApplication.translate("Strategies", texts[2]) if texts else ""


def strategy_text(source: SourceInfo) -> str:
    text = strategy_short(source.strategy)
    if source.repeat_to_last:  # the tooltip says it in full
        text = QCoreApplication.translate("SourcesModel", "{strategy} + repeat").format(
            strategy=text
        )
    return text


def strategy_cell_tooltip(source: SourceInfo) -> str:
    lines = [strategy_label(source.strategy) + ": " + strategy_tooltip(source.strategy)]
    if source.repeat_to_last:
        lines.append(
            QCoreApplication.translate(
                "SourcesModel",
                "A returning lead goes to the operator who handled it last, when that "
                "operator can take it.",
            )
        )
    return "\n".join(lines)


def weighted(source: SourceInfo) -> list[WeightInfo]:
    """The operators that can get this source's contacts at all (weight > 0)."""
    return [w for w in source.weights if w.weight > 0]


def total_weight(source: SourceInfo) -> int:
    return sum(w.weight for w in source.weights)


def operators_summary(source: SourceInfo) -> str:
    used = weighted(source)
    if not used:
        return QCoreApplication.translate("SourcesModel", "No operators")
    count = SourcesModel.tr("%n operator(s)", "", len(used))  # type: ignore[arg-type]
    return QCoreApplication.translate("SourcesModel", "{operators}, total weight {total}").format(
        operators=count, total=number_text(total_weight(source))
    )


def operators_tooltip(source: SourceInfo) -> str:
    used = weighted(source)
    if not used:
        return QCoreApplication.translate(
            "SourcesModel",
            "No operator has a weight for this source: select it and set weights.",
        )
    shares = weight_shares({w.operator.id: (w.weight, w.active) for w in used})
    lines = []
    for weight in sorted(used, key=lambda w: -w.weight):
        line = QCoreApplication.translate("SourcesModel", "{name}: {weight} ({percent} %)").format(
            name=weight.operator.name,
            weight=number_text(weight.weight),
            percent=round(100 * shares[weight.operator.id]),
        )
        why = weight.exclusion
        if why is Exclusion.INACTIVE:
            line += " — " + QCoreApplication.translate("SourcesModel", "inactive")
        elif why is Exclusion.AT_LIMIT:
            line += " — " + QCoreApplication.translate("SourcesModel", "full")
        elif why is not None:  # away, off shift, daily cap reached: as the decisions say it
            line += " — " + exclusion_label(why)
        lines.append(line)
    if all(w.exclusion is not None for w in used):
        lines.append(
            QCoreApplication.translate(
                "SourcesModel", "None of them can take contacts now: new ones stay unassigned."
            )
        )
    return "\n".join(lines)


class SourcesModel(RowsModel[SourceInfo]):
    context = "SourcesModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("SourcesModel", "Name"),
            lambda s: s.name,
            lambda s: s.name.casefold(),
            tooltip=lambda s: s.name,
            edit=lambda s: s.name,
        ),
        Column(
            QT_TRANSLATE_NOOP("SourcesModel", "Code"),
            lambda s: s.code or "",
            lambda s: (s.code or "").casefold(),
            tooltip=lambda s: s.code or None,  # a long one is cut in the list
            edit=lambda s: s.code or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("SourcesModel", "Operators"),
            operators_summary,
            total_weight,
            tooltip=operators_tooltip,
        ),
        Column(
            QT_TRANSLATE_NOOP("SourcesModel", "Strategy"),
            strategy_text,
            lambda s: (
                STRATEGY_NAMES.index(s.strategy) if s.strategy in STRATEGY_NAMES else 99,
                s.repeat_to_last,
            ),
            tooltip=strategy_cell_tooltip,
        ),
    )

    edit_failed = Signal(object)  # the CrmError, for the page to show where the user typed
    edited = Signal(object, object)  # the SourceInfo before and after an edit (for Undo)

    def __init__(self, crm: Crm, parent: Any = None) -> None:
        super().__init__(parent)
        self._crm = crm

    def row_of(self, source_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == source_id:
                return number
        return None

    def source(self, source_id: int | None) -> SourceInfo | None:
        number = None if source_id is None else self.row_of(source_id)
        return None if number is None else self._rows[number]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == OPERATORS
            and index.row() < len(self._rows)
            and all(w.exclusion is not None for w in weighted(self._rows[index.row()]))
        ):
            return color(Tone.WARN)
        return super().data(index, role)

    def save_edit(self, row: SourceInfo, column: int, value: Any) -> SourceInfo | None:
        text = "" if value is None else str(value)
        try:
            if column == NAME:
                if text.strip() == row.name:
                    return None
                updated = self._crm.sources.update(row.id, name=text)
            elif column == CODE:
                if text.strip() == (row.code or ""):
                    return None
                updated = self._crm.sources.update(row.id, code=text)
            else:
                return None
        except CrmError as error:
            self.edit_failed.emit(error)
            return None
        self.edited.emit(row, updated)
        return updated
