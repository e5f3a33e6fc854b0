"""Sources and weights: add, rename, recode and delete sources; give each source's
operators weights (saved as a whole set) and choose how its contacts are distributed
(the strategy, returning leads to their last operator: saved at once); see the whole
plan as a grid."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.distribution import STRATEGY_NAMES
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services.common import MAX_CODE_LENGTH
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.services.events import Change
from desktop_crm.ui import preferences as options
from desktop_crm.ui import theme
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.delegates import CountDelegate, LoadBarDelegate, count_width
from desktop_crm.ui.dialogs import ask, ask_save
from desktop_crm.ui.formats import natural_sorted, number_text
from desktop_crm.ui.models.base import ROW_ROLE, SHORT_TEXT_ROLE
from desktop_crm.ui.models.sources import (
    CODE,
    NAME,
    OPERATORS,
    STRATEGY,
    SourcesModel,
    strategy_label,
    strategy_tooltip,
)
from desktop_crm.ui.models.weight_grid import OPERATOR_ROLE, WeightGridModel
from desktop_crm.ui.models.weights import (
    ACTIVE,
    LOAD,
    OPERATOR,
    SHARE,
    WEIGHT,
    WeightsModel,
)
from desktop_crm.ui.pages.base import TIME_TICK_MS, Page
from desktop_crm.ui.pages.sources_layout import SPLIT_DRAGGED, SourcesSplit
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.texts import error_text, exclusion_label
from desktop_crm.ui.theme import Tone
from desktop_crm.ui.undo import SourceEdit, WeightsEdit, stored_weights
from desktop_crm.ui.widgets import (
    EDIT_TRIGGERS,
    ClickableLabel,
    ElidedLabel,
    EmptyHint,
    InlineMessage,
    hint_label,
    make_table,
    sorting_proxy,
    tab_leaves,
)

Index = QModelIndex | QPersistentModelIndex

SOURCES_TAB, PLAN_TAB = range(2)
GRID_COLUMN_WIDTH = (90, 170)  # an operator column: at least, at most (pixels)
# The weights editor's load bars: as wide as "3 / 10 · 7 free" needs up to this; past
# it they say "999 999 / 999 999" only (the rest in the tooltip), so that the sources
# list beside them keeps room for its names on a laptop.
LOAD_MAX_WIDTH = 190
SOURCE_HEADER_MAX_WIDTH = 260

# What the weights mean under each strategy (the hint above the weights editor).
WEIGHTS_HINTS = {
    "weighted_random": QT_TRANSLATE_NOOP(
        "SourcesPage",
        "A contact goes to one of the operators by lot, in proportion to the weights. "
        "0 means never.",
    ),
    "round_robin": QT_TRANSLATE_NOOP(
        "SourcesPage",
        "Operators take turns in proportion to the weights. 0 means never.",
    ),
    "least_loaded": QT_TRANSLATE_NOOP(
        "SourcesPage",
        "A contact goes to the operator with the most room for their limit; the weight "
        "only breaks ties. 0 means never.",
    ),
}
# Whom the distributor passes over for a new contact, named in that hint with the words
# the decision view uses (a weight of 0 is said above; a missed deadline is a move's own).
SKIPPED = (
    Exclusion.INACTIVE,
    Exclusion.AT_LIMIT,
    Exclusion.AWAY,
    Exclusion.OFF_SHIFT,
    Exclusion.DAILY_CAP,
    Exclusion.NO_SKILL,
)


def weights_hint(strategy: str) -> str:
    """What the weights mean under ``strategy``, and whom a new contact skips."""
    rule = QCoreApplication.translate(
        "SourcesPage", WEIGHTS_HINTS.get(strategy, WEIGHTS_HINTS["weighted_random"])
    )
    reasons = ", ".join(exclusion_label(reason) for reason in SKIPPED)
    return QCoreApplication.translate("SourcesPage", "{rule} Skipped: {reasons}.").format(
        rule=rule, reasons=reasons
    )


class PlanHeader(QHeaderView):
    """Operator columns: the name on the first line and the headroom under it, each
    line elided on its own (the full text is in the tooltip)."""

    PADDING = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def _lines(self, section: int) -> list[str]:
        model = self.model()
        text = model.headerData(section, self.orientation()) if model is not None else None
        return str(text or "").split("\n")

    def numbers_width(self, section: int) -> int:
        """The width that shows the lines under the name (the headroom) whole."""
        lines = self._lines(section)[1:]
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(line) for line in lines), default=0) + (
            2 * self.PADDING + 2
        )

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        lines = self._lines(logicalIndex)
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(line) for line in lines) + 4 * self.PADDING
        height = max(2, len(lines)) * metrics.height() + 2 * self.PADDING
        return QSize(max(size.width(), width), max(size.height(), height))

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        option.orientation = self.orientation()
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()

        lines = self._lines(logicalIndex)
        operator = self.model().headerData(logicalIndex, self.orientation(), OPERATOR_ROLE)
        metrics = self.fontMetrics()
        inner = rect.adjusted(self.PADDING, 0, -self.PADDING, 0)
        top = rect.top() + (rect.height() - len(lines) * metrics.height()) // 2
        text_color = self.palette().color(QPalette.ColorRole.ButtonText)
        painter.save()
        for number, line in enumerate(lines):
            color = text_color
            if isinstance(operator, OperatorInfo):
                if not operator.active:
                    color = theme.color(Tone.DIM, self.palette())
                elif number > 0 and operator.headroom == 0:
                    color = theme.color(Tone.WARN, self.palette())
            painter.setPen(color)
            line_rect = QRect(
                inner.left(), top + number * metrics.height(), inner.width(), metrics.height()
            )
            mode = Qt.TextElideMode.ElideMiddle if number == 0 else Qt.TextElideMode.ElideRight
            elided = metrics.elidedText(line, mode, inner.width())  # a name keeps its end
            painter.drawText(line_rect, int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.restore()


class SourcesPage(Page):
    name = "sources"
    title = QT_TRANSLATE_NOOP("Pages", "Sources")
    time_tick_ms = TIME_TICK_MS  # who takes contacts now: shifts, absences, daily caps

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.sources_model = SourcesModel(ctx.crm, self)
        self.sources_proxy = sorting_proxy(self, stable=True)
        self.sources_proxy.setSourceModel(self.sources_model)
        self.weights_model = WeightsModel(self)
        self.grid_model = WeightGridModel(ctx.crm, self)

        self._operators: list[OperatorInfo] = []
        self._source_id: int | None = None  # the source in the weights editor
        self._select_after_load: int | None = None
        self._generation = 0
        self._loaded = False
        self._reselecting = False
        self._applying = False

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_sources_tab(), self.tr("Sources and weights"))
        self.tabs.addTab(self._build_plan_tab(), self.tr("Distribution plan"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.save_action = QAction(self.tr("Save weights"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.setEnabled(False)
        self.addAction(self.save_action)
        self.delete_action = QAction(self.tr("Delete source"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)

        self.add_button.clicked.connect(self.add_source)
        self.name_edit.returnPressed.connect(self.add_source)
        self.code_edit.returnPressed.connect(self.add_source)
        for edit in (self.name_edit, self.code_edit):
            edit.textEdited.connect(lambda _text: self.form_message.clear_message())
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.save_button.clicked.connect(self.save_weights)
        self.save_action.triggered.connect(self.save_weights)
        self.revert_button.clicked.connect(self.revert_weights)
        self.sources_model.edit_failed.connect(
            lambda e: self.table_message.show_error(error_text(e))
        )
        self.grid_model.edit_failed.connect(lambda e: self.grid_message.show_error(error_text(e)))
        self.grid_model.weights_saved.connect(self._grid_saved)
        self.sources_model.edited.connect(
            lambda before, after: ctx.undo.push(SourceEdit(ctx.crm, before, after))
        )
        self.grid_model.edited.connect(
            lambda before, after: ctx.undo.push(WeightsEdit(ctx.crm, before, after))
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.weights_model.weights_changed.connect(self._update_editor_state)
        for signal in (
            self.weights_model.modelReset,
            self.weights_model.rowsInserted,
            self.weights_model.dataChanged,
        ):
            signal.connect(self._fit_loads)
        self.grid_model.modelReset.connect(self._fit_grid)
        self.grid_model.headerDataChanged.connect(self._fit_grid)
        self._sync_strategy()
        self._update_empty_states()
        self._update_editor_state()

    # -- building -------------------------------------------------------------------
    def _build_sources_tab(self) -> QWidget:
        self.name_edit = QLineEdit(placeholderText=self.tr("New source's name, e.g. Telegram bot"))
        self.code_edit = QLineEdit(placeholderText=self.tr("Code, e.g. tg (optional)"))
        self.code_edit.setMaxLength(MAX_CODE_LENGTH)
        self.code_edit.setToolTip(
            self.tr(
                "A short code for bots and the command line: no spaces, not only digits. Optional."
            )
        )
        self.add_button = QPushButton(self.tr("Add source"))
        self.add_button.setDefault(True)
        self.form_message = InlineMessage(reserve=True)
        form = QHBoxLayout()
        form.addWidget(self.name_edit, 3)
        form.addWidget(self.code_edit, 2)
        form.addWidget(self.add_button)

        self.table = make_table(self)
        self.table.setModel(self.sources_proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # The code, summary and strategy can be long: widths the split fits (each header
        # whole), so the name keeps its room.
        self._list_modes()
        header.resizeSection(OPERATORS, 110)
        header.resizeSection(STRATEGY, 76)
        header.setMinimumSectionSize(60)
        self.sources_empty = EmptyHint(self.table)
        self.table_message = InlineMessage(reserve=True)
        self.sources_hint = hint_label(
            self.tr(
                "Double-click a name or a code (or press F2) to change it; Ctrl+Z undoes. "
                "Select a source to set weights."
            )
        )
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.sources_hint, 1)
        bottom.addWidget(self.delete_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.form_message)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.table_message)
        left_layout.addLayout(bottom)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._build_weights_editor())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.split = SourcesSplit(self.splitter, self.table, self.weights_table)
        return self.splitter

    def _list_modes(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (CODE, OPERATORS, STRATEGY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)

    def _build_weights_editor(self) -> QWidget:
        # A long source name is cut (whole in the tooltip): it must not widen the window.
        self.weights_title = ElidedLabel(self.tr("Weights"))
        font = self.weights_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.weights_title.setFont(font)
        self.weights_table = make_table(sortable=False)
        self.weights_table.setModel(self.weights_model)
        # Long names that differ at the end ("… Мирская 1", "… Мирская 2") stay apart.
        self.weights_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.weights_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.weights_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.weights_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.weights_table.setItemDelegateForColumn(WEIGHT, CountDelegate(self, live=True))
        self.weights_table.setItemDelegateForColumn(LOAD, LoadBarDelegate(self.weights_table))
        self.weights_table.setItemDelegateForColumn(
            SHARE, LoadBarDelegate(self.weights_table, full=False)
        )
        header = self.weights_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(OPERATOR, QHeaderView.ResizeMode.Stretch)
        # The numbers at their content's width (a laptop has no room to spare).
        metrics = self.weights_table.fontMetrics()
        loads = (
            QCoreApplication.translate("WeightsModel", "full"),
            QCoreApplication.translate("WeightsModel", "{free} free").format(free=88),
        )
        # At least the bar of a usual load, whole.
        self._load_width = max(
            LoadBarDelegate.width_for(metrics, f"88 / 88 · {text}") for text in loads
        )
        header.resizeSection(LOAD, self._load_width)
        header.resizeSection(ACTIVE, header.sectionSizeHint(ACTIVE) + 8)
        self._fit_weight()
        header.resizeSection(SHARE, max(metrics.horizontalAdvance("100,0 %") + 24, 80))
        self.weights_empty = EmptyHint(self.weights_table)
        self.weights_hint = hint_label(weights_hint("weighted_random"))
        self._build_strategy_controls()
        self.total_label = QLabel()
        self.dirty_label = QLabel(self.tr("Unsaved changes"))
        self.dirty_label.setStyleSheet(f"color: {theme.css(Tone.WARN)}; font-weight: bold;")
        self.dirty_label.hide()
        # Hidden, it keeps its room: the editor's width must not change with unsaved
        # changes (the source list beside it shrank and jumped back after saving).
        policy = self.dirty_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.dirty_label.setSizePolicy(policy)
        self.total_label.setWordWrap(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button = QPushButton(self.tr("Save weights"))
        self.save_button.setToolTip(
            self.tr("Replace the source's weights with these ({shortcut})").format(
                shortcut=QKeySequence(QKeySequence.StandardKey.Save).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.weights_message = InlineMessage(reserve=True)
        buttons = QHBoxLayout()  # the total above: one row was wider than a laptop allows
        buttons.addWidget(self.dirty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.weights_box = QWidget()
        box_layout = QVBoxLayout(self.weights_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.weights_title)
        box_layout.addLayout(self.strategy_row)
        box_layout.addLayout(self.repeat_row)
        box_layout.addWidget(self.strategy_message)
        box_layout.addWidget(self.weights_hint)
        box_layout.addWidget(self.weights_table, 1)
        box_layout.addWidget(self.total_label)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.weights_message)
        return self.weights_box

    def _build_strategy_controls(self) -> None:
        """The selected source's strategy and repeat-lead rule: saved as soon as changed."""
        self.strategy_combo = QComboBox()
        for number, name in enumerate(STRATEGY_NAMES):
            self.strategy_combo.addItem(strategy_label(name), name)
            self.strategy_combo.setItemData(
                number, strategy_tooltip(name), Qt.ItemDataRole.ToolTipRole
            )
        self.strategy_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption = QLabel(self.tr("Strategy:"))
        caption.setBuddy(self.strategy_combo)
        self.strategy_row = QHBoxLayout()
        self.strategy_row.addWidget(caption)
        self.strategy_row.addWidget(self.strategy_combo)
        self.strategy_row.addStretch(1)
        text = self.tr(
            "Send a returning lead to the operator who handled it last "
            "(when that operator can take it)"
        )
        tooltip = self.tr(
            "A lead who writes again goes to the same operator if they are active, have a "
            "weight here and are below their limit; otherwise the strategy decides."
        )
        # A check box does not wrap its text: a wrapping label beside it keeps the pane narrow.
        self.repeat_check = QCheckBox()
        self.repeat_check.setAccessibleName(text)
        self.repeat_check.setToolTip(tooltip)
        self.repeat_label = ClickableLabel(text)
        self.repeat_label.setWordWrap(True)
        self.repeat_label.setBuddy(self.repeat_check)
        self.repeat_label.setToolTip(tooltip)
        self.repeat_label.clicked.connect(self._repeat_label_clicked)
        self.repeat_row = QHBoxLayout()
        self.repeat_row.addWidget(self.repeat_check, 0, Qt.AlignmentFlag.AlignTop)
        self.repeat_row.addWidget(self.repeat_label, 1)
        self.strategy_message = InlineMessage(reserve=True)
        self.strategy_combo.currentIndexChanged.connect(self._strategy_chosen)
        self.repeat_check.toggled.connect(self._repeat_toggled)

    def _build_plan_tab(self) -> QWidget:
        self.grid = tab_leaves(QTableView())
        self.grid.setHorizontalHeader(PlanHeader(self.grid))
        self.grid.setModel(self.grid_model)
        self.grid.setAlternatingRowColors(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(False)
        self.grid.setItemDelegate(CountDelegate(self.grid, live=False))
        self.grid.setEditTriggers(EDIT_TRIGGERS)
        columns = self.grid.horizontalHeader()
        columns.setMinimumSectionSize(GRID_COLUMN_WIDTH[0])
        columns.setStretchLastSection(False)
        rows = self.grid.verticalHeader()
        rows.setDefaultSectionSize(self.grid.fontMetrics().height() + 14)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMaximumWidth(SOURCE_HEADER_MAX_WIDTH)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grid_empty = EmptyHint(self.grid)
        self.plan_hint = hint_label(
            self.tr(
                "Each cell is an operator's weight for a source; double-click a cell to change "
                "it (saved at once). Under each name: how many more active contacts the operator "
                "can take. Grey: no weight, or an operator who gets nothing right now."
            )
        )
        self.grid_message = InlineMessage(reserve=True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.plan_hint)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.grid_message)
        return tab

    # -- data ----------------------------------------------------------------------------
    def focus_entry(self) -> None:
        self.tabs.setCurrentIndex(0)  # the sources and weights
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        crm = self.ctx.crm
        self.ctx.runner.start(
            lambda _task: (crm.sources.list(), crm.operators.list()),
            lambda result: self._loaded_data(generation, *result),
            self._load_failed,
        )

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if changes & {
            Change.SOURCES,
            Change.OPERATORS,
            Change.LOADS,
            Change.CONTACTS,
            Change.EXTERNAL,
        }:
            self.reload()

    def _load_failed(self, error: BaseException) -> None:
        if isinstance(error, CrmError):  # the database was busy: the next change retries
            self.table_message.show_error(error_text(error))

    def _loaded_data(
        self, generation: int, sources: list[SourceInfo], operators: list[OperatorInfo]
    ) -> None:
        if generation != self._generation:
            return  # a newer load is on its way (or a save made this one stale)
        self._loaded = True
        # Operators to pick from in the window's natural order, as every list shows them
        # (the services give code-point order); weights are saved by id, not by row.
        self._operators = operators = natural_sorted(operators, lambda o: o.name)
        # The view may move the selection while rows go (single selection picks a
        # neighbour); that is no user's choice, so it is settled below, not asked about.
        self._applying = True
        try:
            self.sources_model.set_rows(sources)
            self.grid_model.set_data(sources, operators)
        finally:
            self._applying = False
        source = self.sources_model.source(self._source_id)
        lost = False
        if self._source_id is not None and source is None:
            lost = self.weights_model.is_dirty()
            self._set_editor(None)
        elif source is not None:
            self.weights_model.refresh(source, operators)
            self._keep_selected(source.id)
        wanted, self._select_after_load = self._select_after_load, None
        if wanted is not None and not self.weights_model.is_dirty():
            self.select_source(wanted)
        elif self._source_id is None:
            selected = self.selected_source()
            if selected is not None:
                self._set_editor(selected)
            elif sources:
                self.table.selectRow(0)
        if lost:
            self.weights_message.show_error(
                self.tr("The source was deleted elsewhere; its unsaved weights are gone.")
            )
        self._sync_strategy()
        self._update_empty_states()
        self._update_editor_state()

    def _keep_selected(self, source_id: int) -> None:
        selected = self.selected_source()
        if selected is None or selected.id != source_id:
            self._reselecting = True
            try:
                self.select_source(source_id)
            finally:
                self._reselecting = False

    def _update_empty_states(self) -> None:
        has_sources = self.sources_model.rowCount() > 0
        has_operators = bool(self._operators)
        if has_sources or not self._loaded:
            self.sources_empty.show_text("")
        else:
            self.sources_empty.show_text(
                self.tr(
                    "No sources yet.\nAdd one above: a bot, a form or a channel that sends "
                    "contacts. Then give its operators weights here."
                )
            )
        if not self._loaded:
            self.weights_empty.show_text("")
        elif not has_sources:
            self.weights_empty.show_text(self.tr("Add a source to set its operators' weights."))
        elif self._source_id is None:
            self.weights_empty.show_text(self.tr("Select a source to set its operators' weights."))
        elif not has_operators:
            self.weights_empty.show_text(
                self.tr("No operators yet: add them on the Operators screen, then come back.")
            )
        else:
            self.weights_empty.show_text("")
        if not self._loaded or (has_sources and has_operators):
            self.grid_empty.show_text("")
        else:
            self.grid_empty.show_text(
                self.tr(
                    "The plan shows every source against every operator.\n"
                    "Add at least one source and one operator to see it."
                )
            )

    # -- the sources table ---------------------------------------------------------------
    def selected_source(self) -> SourceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_source(self, source_id: int) -> bool:
        row = self.sources_model.row_of(source_id)
        if row is None:
            return False
        index = self.sources_proxy.mapFromSource(self.sources_model.index(row, NAME))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(self.selected_source() is not None)
        if self._reselecting or self._applying:
            return
        self.table_message.clear_message()
        selected = self.selected_source()
        new_id = selected.id if selected is not None else None
        if new_id == self._source_id or (new_id is None and self._source_id is not None):
            return  # the same source, or a refresh dropped the selection for a moment
        if self.weights_model.is_dirty() and not self._confirm_discard():
            self._keep_selected(self._source_id)  # type: ignore[arg-type]
            return
        self._set_editor(selected)

    def _confirm_discard(self) -> bool:
        source = self.weights_model.source
        name = source.name if source is not None else ""
        return ask(
            self,
            self.tr("Unsaved weights"),
            self.tr("The weights of {name} are not saved. Discard the changes?").format(name=name),
        )

    def has_unsaved(self) -> bool:
        return self.weights_model.is_dirty()

    def settle_unsaved(self) -> bool:
        if not self.weights_model.is_dirty():
            return True
        source = self.weights_model.source
        name = source.name if source is not None else ""
        answer = ask_save(
            self,
            self.tr("Unsaved weights"),
            self.tr("The weights of {name} are not saved. Save them?").format(name=name),
        )
        if answer == "save":
            self.save_weights()
            return not self.weights_model.is_dirty()  # a refused save says why and stays
        if answer == "discard":
            self.revert_weights()
            return True
        return False

    def _set_editor(self, source: SourceInfo | None) -> None:
        self._source_id = source.id if source is not None else None
        self.weights_message.clear_message()
        self.strategy_message.clear_message()
        self.weights_model.set_source(source, self._operators)
        self._sync_strategy()
        self._update_empty_states()
        self._update_editor_state()

    def add_source(self) -> None:
        try:
            source = self.ctx.crm.sources.create(self.name_edit.text(), self.code_edit.text())
        except CrmError as error:
            self.form_message.show_error(error_text(error))
            field = getattr(error, "field", None)
            (self.code_edit if field == "code" else self.name_edit).setFocus()
            return
        self.name_edit.clear()
        self.code_edit.clear()
        self.name_edit.setFocus()
        self._select_after_load = source.id
        self.form_message.show_info(
            self.tr("Added {name}. Now give its operators weights.").format(name=source.name)
        )

    def delete_selected(self) -> None:
        source = self.selected_source()
        if source is None:
            return
        question = self.tr("Delete source {name}? Its weights are deleted with it.").format(
            name=source.name
        )
        if not ask(self, self.tr("Delete source"), question):
            return
        try:
            self.ctx.crm.sources.delete(source.id)
        except CrmError as error:
            self.table_message.show_error(error_text(error))
            return
        if source.id == self._source_id:
            self._set_editor(None)
        self.table_message.show_info(self.tr("Deleted {name}.").format(name=source.name))

    # -- the strategy -----------------------------------------------------------------------
    def _sync_strategy(self) -> None:
        """The controls show the selected source's stored settings (changed here or elsewhere)."""
        source = self.sources_model.source(self._source_id)
        for widget in (self.strategy_combo, self.repeat_check, self.repeat_label):
            widget.setEnabled(source is not None)
        strategy = source.strategy if source is not None else STRATEGY_NAMES[0]
        index = self.strategy_combo.findData(strategy)
        blocked = self.strategy_combo.blockSignals(True)
        self.strategy_combo.setCurrentIndex(max(index, 0))
        self.strategy_combo.blockSignals(blocked)
        self.strategy_combo.setToolTip(strategy_tooltip(strategy))
        blocked = self.repeat_check.blockSignals(True)
        self.repeat_check.setChecked(source is not None and source.repeat_to_last)
        self.repeat_check.blockSignals(blocked)
        self.weights_hint.setText(weights_hint(strategy))

    def _strategy_chosen(self, _index: int) -> None:
        strategy = self.strategy_combo.currentData()
        source = self.sources_model.source(self._source_id)
        if source is None or strategy is None or strategy == source.strategy:
            return
        self._update_source(source, strategy=strategy)

    def _repeat_label_clicked(self) -> None:
        if self.repeat_check.isEnabled():
            self.repeat_check.click()
            self.repeat_check.setFocus()

    def _repeat_toggled(self, checked: bool) -> None:
        source = self.sources_model.source(self._source_id)
        if source is None or checked == source.repeat_to_last:
            return
        self._update_source(source, repeat_to_last=checked)

    def _update_source(self, source: SourceInfo, **changes: object) -> None:
        self.strategy_message.clear_message()
        try:
            updated = self.ctx.crm.sources.update(source.id, **changes)  # type: ignore[arg-type]
        except CrmError as error:
            self.strategy_message.show_error(error_text(error))
            self._sync_strategy()  # back to what is stored
            return
        self._generation += 1  # a load started before this change would bring the old one
        self.ctx.undo.push(SourceEdit(self.ctx.crm, source, updated))
        rows = self.sources_model.rows()
        self.sources_model.set_rows([updated if r.id == updated.id else r for r in rows])
        self._sync_strategy()

    # -- the weights editor ----------------------------------------------------------------
    def save_weights(self) -> None:
        if self._source_id is None or not self.weights_model.is_dirty():
            return
        before = self.weights_model.source
        try:
            source = self.ctx.crm.sources.set_weights(
                self._source_id, self.weights_model.weights_to_save()
            )
        except CrmError as error:
            self.weights_message.show_error(error_text(error))
            return
        self._generation += 1  # a load started before this save would bring old weights
        if before is not None:
            self.ctx.undo.push(WeightsEdit(self.ctx.crm, stored_weights(before), source))
        self.weights_model.set_source(source, self._operators)
        self.weights_message.show_info(
            self.tr("Saved the weights of {name}.").format(name=source.name)
        )

    def revert_weights(self) -> None:
        self.weights_model.revert()
        self.weights_message.clear_message()

    def _grid_saved(self, source: SourceInfo) -> None:
        self._generation += 1
        self.grid_message.clear_message()
        if source.id == self._source_id:
            self.weights_model.refresh(source, self._operators)

    def _update_editor_state(self) -> None:
        source = self.weights_model.source
        dirty = self.weights_model.is_dirty()
        if source is None:
            self.weights_title.setText(self.tr("Weights"))
            self.total_label.clear()
        else:
            self.weights_title.setText(self.tr("Weights for {name}").format(name=source.name))
            getting = self.weights_model.getting_contacts()
            self.total_label.setText(
                self.tr("Total weight {total}; %Ln operator(s) get contacts", "", getting).format(
                    total=number_text(self.weights_model.total)
                )
            )
        self.dirty_label.setVisible(dirty)
        self.save_button.setEnabled(dirty)
        self.save_action.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _fit_weight(self) -> None:
        """The Weight column shows the ceiling whole (1 000 000, not "1 …00"), its editor
        seven digits; no wider: the operators' names get the rest."""
        header = self.weights_table.horizontalHeader()
        width = max(count_width(self.weights_table), header.sectionSizeHint(WEIGHT))
        if header.sectionSize(WEIGHT) != width:
            header.resizeSection(WEIGHT, width)

    def _fit_loads(self, *_args: object) -> None:
        """The load column as wide as its bars' whole texts, up to ``LOAD_MAX_WIDTH``;
        past it as wide as their short ones ("999 999 / 999 999")."""
        model = self.weights_model
        if not model.rowCount():
            return  # no source: the width stays as it is
        metrics = self.weights_table.fontMetrics()

        def widest(role: int) -> int:
            return max(
                LoadBarDelegate.width_for(metrics, str(model.index(row, LOAD).data(role) or ""))
                for row in range(model.rowCount())
            )

        width = widest(Qt.ItemDataRole.DisplayRole)
        if width > LOAD_MAX_WIDTH:
            width = widest(SHORT_TEXT_ROLE)
        width = max(self._load_width, width)
        header = self.weights_table.horizontalHeader()
        if header.sectionSize(LOAD) != width:
            header.resizeSection(LOAD, width)
            self.split.refit()  # the editor's width changed: the list gets the rest

    # -- the plan grid -------------------------------------------------------------------
    def _fit_grid(self) -> None:
        """Each operator column as wide as its header wants, within limits; the
        headroom under the name always whole (a long name is cut in the middle)."""
        header = self.grid.horizontalHeader()
        assert isinstance(header, PlanHeader)
        low, high = GRID_COLUMN_WIDTH
        for column in range(self.grid_model.columnCount()):
            wanted = header.sectionSizeFromContents(column).width()
            width = max(low, min(high, wanted), header.numbers_width(column))
            header.resizeSection(column, width)

    # -- state ---------------------------------------------------------------------------
    def edit_actions(self) -> list[QAction]:
        return [self.save_action, self.delete_action]

    def save_state(self, preferences: Preferences) -> None:
        preferences.save_splitter(options.SOURCES_SPLITTER, self.splitter)
        preferences.set(SPLIT_DRAGGED, int(not self.split.active))
        preferences.save_header(options.SOURCES_HEADER, self.table.horizontalHeader())
        preferences.save_header(
            options.SOURCES_WEIGHTS_HEADER, self.weights_table.horizontalHeader()
        )
        preferences.set(options.SOURCES_CURRENT_TAB, self.tabs.currentIndex())

    def restore_state(self, preferences: Preferences) -> None:
        dragged = bool(preferences.get(SPLIT_DRAGGED))
        if dragged and preferences.restore_splitter(options.SOURCES_SPLITTER, self.splitter):
            self.split.active = False  # the user's split
        else:
            self.splitter.setSizes([110_000, 100_000])  # until it is fitted to the names
        preferences.restore_header(options.SOURCES_HEADER, self.table.horizontalHeader())
        self._list_modes()  # a state saved by an older version had the code fit its contents
        preferences.restore_header(
            options.SOURCES_WEIGHTS_HEADER, self.weights_table.horizontalHeader()
        )
        self._fit_weight()  # a width saved by an older version cut 1 000 000
        tab = preferences.get(options.SOURCES_CURRENT_TAB)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
