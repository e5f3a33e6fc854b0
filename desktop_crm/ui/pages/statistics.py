"""Statistics for a period: operators x sources, a stacked bar chart, configured
against delivered shares, and export of the table to CSV.

Everything is computed in a worker (over a million contacts it takes a while);
while the page is hidden a change only marks it stale, and it recomputes when
shown. A change during a computation schedules exactly one more after it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QLocale,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QColor, QHideEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import csv_writer
from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services import Crm
from desktop_crm.services.dto.stats import SourceShares, Statistics
from desktop_crm.services.events import Change
from desktop_crm.ui import preferences as options
from desktop_crm.ui.charts import StackedBarChart, series_color
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.delegates import LoadBarDelegate
from desktop_crm.ui.models.base import ROW_ROLE
from desktop_crm.ui.models.statistics import (
    LOAD,
    NAME,
    OPERATOR,
    PinnedLastProxy,
    SharesModel,
    StatisticsModel,
    StatRow,
    csv_table,
)
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.tasks import Cancelled, TaskContext, TaskHandle
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.widgets import InlineMessage, make_table, tab_leaves
from desktop_crm.ui.widgets.date_edits import TypedDateEdit

RECOMPUTE_DELAY_MS = 250  # typing a date in a date edit is one recomputation, not eight
MAX_NUMBER_COLUMN = 150  # a wider source name is cut in its header (full name in the tooltip)


# -- the period ------------------------------------------------------------------------
class Period(StrEnum):
    TODAY = "today"
    LAST_7_DAYS = "7d"
    LAST_30_DAYS = "30d"
    ALL = "all"
    CUSTOM = "custom"


STATISTICS_PERIOD = options.EnumOption("statistics/period", Period.LAST_7_DAYS)
# 1 when the user dragged the chart/shares split: it is restored, not fitted.
LOWER_SPLIT_DRAGGED = options.IntOption("statistics/lower_split_dragged", 0)

PERIOD_TITLES = {
    Period.TODAY: QT_TRANSLATE_NOOP("StatisticsPage", "Today"),
    Period.LAST_7_DAYS: QT_TRANSLATE_NOOP("StatisticsPage", "Last 7 days"),
    Period.LAST_30_DAYS: QT_TRANSLATE_NOOP("StatisticsPage", "Last 30 days"),
    Period.ALL: QT_TRANSLATE_NOOP("StatisticsPage", "All time"),
    Period.CUSTOM: QT_TRANSLATE_NOOP("StatisticsPage", "Custom range"),
}
_DAYS = {Period.TODAY: 1, Period.LAST_7_DAYS: 7, Period.LAST_30_DAYS: 30}


Span = tuple[dt.datetime | None, dt.datetime | None]  # a period's (since, until)
KEPT_RESULTS = 8  # periods remembered until the data changes


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of ``day`` in local time, aware."""
    return dt.datetime.combine(day, dt.time()).astimezone()


def period_days(
    period: Period,
    now: dt.datetime | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> tuple[dt.date, dt.date] | None:
    """The first and last local day of the period (both included); None for all time.
    Relative periods end today and count today as a day; a custom range may be
    given in either order."""
    if period == Period.ALL:
        return None
    if period == Period.CUSTOM:
        if first is None or last is None:
            raise ValueError("a custom period needs its first and last day")
        return (first, last) if first <= last else (last, first)
    today = (now or dt.datetime.now()).astimezone().date()
    return today - dt.timedelta(days=_DAYS[period] - 1), today


def period_range(
    period: Period,
    now: dt.datetime | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """``since`` (local midnight of the first day, inclusive) and ``until`` (local
    midnight after the last day, exclusive), aware; (None, None) for all time."""
    days = period_days(period, now, first, last)
    if days is None:
        return None, None
    return local_midnight(days[0]), local_midnight(days[1] + dt.timedelta(days=1))


# -- the work (on a worker thread) ---------------------------------------------------
@dataclass(frozen=True)
class StatisticsResult:
    statistics: Statistics
    shares: list[SourceShares]


def compute(crm: Crm, since: dt.datetime | None, until: dt.datetime | None) -> StatisticsResult:
    """One pass over the contacts, one snapshot; the shares derive from the counts."""
    return StatisticsResult(*crm.stats.overview(since, until))


def write_csv(path: Path, table: list[list[object]]) -> CrmError | None:
    """Through the program's one CSV writer (UTF-8 with a BOM, ";", formulas defused).
    Returns the error instead of raising: a locked or read-only file is no bug."""
    try:
        csv_writer.write_csv(path, table)
    except CrmError as error:
        return error
    return None


def choose_export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save the CSV file (tests patch this)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("StatisticsPage", "Export statistics"),
        str(suggested),
        QCoreApplication.translate("StatisticsPage", "CSV files (*.csv)"),
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(".csv")


# -- the page ----------------------------------------------------------------------------
class StatisticsPage(Page):
    name = "statistics"
    title = QT_TRANSLATE_NOOP("Pages", "Statistics")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result: StatisticsResult | None = None
        self._running = False
        self._again = False  # a change arrived during the computation
        self._stale = True  # computed nothing yet, or data changed while hidden
        self._generation = 0  # a result from an older period is dropped
        self._task: TaskHandle | None = None
        self._computed_days: tuple[dt.date, dt.date] | None = None
        # Results per period (since, until) while the data stays as it was: going back
        # to a period seen since the last change shows it at once instead of counting a
        # million contacts again. Any change of the data empties it.
        self._results: dict[Span, StatisticsResult] = {}
        self._data_version = 0
        self._computing: tuple[int, Span] | None = None  # (data version, period) running
        self._period_switched = False  # the next start may show a known result
        self._compute_error_shown = False

        # The period bar.
        self.period_combo = QComboBox()
        for period, text in PERIOD_TITLES.items():
            self.period_combo.addItem(self.tr(text), period.value)
        today = QDate.currentDate()
        self.first_edit = self._date_edit(today.addDays(-6))
        self.last_edit = self._date_edit(today)
        self.dash = QLabel("–")
        self.range_label = QLabel()
        self.range_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: palette(placeholder-text);")
        self.export_button = QPushButton(self.tr("Export to CSV…"))
        self.export_button.setToolTip(self.tr("Save the table to a CSV file (Ctrl+E)"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period_combo)
        bar.addWidget(self.first_edit)
        bar.addWidget(self.dash)
        bar.addWidget(self.last_edit)
        bar.addSpacing(12)
        bar.addWidget(self.range_label, 1)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.export_button)
        self.message = InlineMessage(reserve=True)  # above the table: keeps its room

        # The table.
        self.model = StatisticsModel(self)
        self.proxy = PinnedLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(LOAD, LoadBarDelegate(self.table))
        self.table.sortByColumn(OPERATOR, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table_hint = QLabel(
            self.tr(
                "Each cell: contacts of the period (of them still active). "
                "Load is the operator's active contacts now against the limit."
            )
        )
        self.table_hint.setWordWrap(True)
        self.table_hint.setStyleSheet("color: palette(placeholder-text);")
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.table_hint)

        # The chart and the shares.
        self.chart = StackedBarChart()
        self.chart.setMinimumWidth(280)  # beside the shares on a 1280 screen
        self.shares_model = SharesModel(self)
        self.shares_view = tab_leaves(QTreeView())
        self.shares_view.setModel(self.shares_model)
        self.shares_view.setAlternatingRowColors(True)
        self.shares_view.setUniformRowHeights(True)
        self.shares_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shares_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        shares_header = self.shares_view.header()
        # Sized to the contents when the rows change, not on every update: measuring
        # every cell after each refresh during an import kept the window busy.
        shares_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        shares_header.setStretchLastSection(True)
        self.shares_model.modelReset.connect(self._size_shares_columns)
        shares_header.setMinimumSectionSize(56)
        shares_title = QLabel(self.tr("<b>Weights against delivery</b>"))
        shares_title.setToolTip(
            self.tr(
                "Per source: each operator's share of the configured weight against "
                "the share of the period's assigned contacts it actually got."
            )
        )
        chart_title = QLabel(self.tr("<b>Contacts per operator, by source</b>"))
        chart_box = self._titled(chart_title, self.chart)
        shares_box = self._titled(shares_title, self.shares_view)

        self.lower_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.lower_splitter.addWidget(chart_box)
        self.lower_splitter.addWidget(shares_box)
        self.lower_splitter.setStretchFactor(0, 1)
        self.lower_splitter.setStretchFactor(1, 1)
        self.lower_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.lower_splitter)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([250, 500])  # a few operators; the chart needs the room
        self.lower_splitter.setSizes([660, 590])
        self._name_floor = self._name_wanted = 120  # the shares' name column, least/wanted
        self._lower_fitted = True  # the shares get their width until the user drags
        self._fitting_lower = False
        self.lower_splitter.splitterMoved.connect(self._lower_moved)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        self.export_action = QAction(self.tr("Export statistics…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)  # only while the page is on screen

        self._recompute_timer = QTimer(self, singleShot=True, interval=RECOMPUTE_DELAY_MS)
        self._recompute_timer.timeout.connect(self._period_changed)
        self._midnight_timer = QTimer(self, singleShot=True)
        self._midnight_timer.timeout.connect(self.refresh)
        self.period_combo.currentIndexChanged.connect(self._combo_changed)
        self.first_edit.dateChanged.connect(self._dates_edited)
        self.last_edit.dateChanged.connect(self._dates_edited)
        self.export_button.clicked.connect(self.export_csv)
        self.export_action.triggered.connect(self.export_csv)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        self.shares_model.modelReset.connect(self.shares_view.expandAll)
        self._selected_keys: list[object] = []
        self._size_columns()
        self.set_period(Period.LAST_7_DAYS)

    def _date_edit(self, date: QDate) -> QDateEdit:
        edit = TypedDateEdit(date)
        edit.setCalendarPopup(True)
        edit.setMaximumDate(QDate(9999, 12, 30))
        return edit

    @staticmethod
    def _titled(title: QLabel, body: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(title)
        layout.addWidget(body, 1)
        return box

    # -- the period ----------------------------------------------------------------
    def period(self) -> Period:
        return Period(self.period_combo.currentData())

    def set_period(
        self, period: Period, first: dt.date | None = None, last: dt.date | None = None
    ) -> None:
        if first is not None:
            self.first_edit.setDate(QDate(first.year, first.month, first.day))
        if last is not None:
            self.last_edit.setDate(QDate(last.year, last.month, last.day))
        blocked = self.period_combo.blockSignals(True)  # one recomputation, not two
        self.period_combo.setCurrentIndex(self.period_combo.findData(period.value))
        self.period_combo.blockSignals(blocked)
        self._show_custom_edits()
        self._period_changed()

    def custom_days(self) -> tuple[dt.date, dt.date]:
        first, last = self.first_edit.date(), self.last_edit.date()
        return (
            dt.date(first.year(), first.month(), first.day()),
            dt.date(last.year(), last.month(), last.day()),
        )

    def days(self, now: dt.datetime | None = None) -> tuple[dt.date, dt.date] | None:
        return period_days(self.period(), now, *self.custom_days())

    def period_text(self, days: tuple[dt.date, dt.date] | None) -> str:
        """For the CSV file: ISO dates, unambiguous in every locale."""
        if days is None:
            return self.tr("All time")
        first, last = days
        return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"

    def _combo_changed(self) -> None:
        self._show_custom_edits()
        self._period_changed()

    def _dates_edited(self) -> None:
        if self.period() == Period.CUSTOM:
            self._recompute_timer.start()

    def _show_custom_edits(self) -> None:
        custom = self.period() == Period.CUSTOM
        for widget in (self.first_edit, self.dash, self.last_edit):
            widget.setVisible(custom)

    def _period_changed(self) -> None:
        self._recompute_timer.stop()
        self._generation += 1  # a running computation is for the old period: drop it
        if self._task is not None:
            self._task.cancel()
        self._period_switched = True
        self.refresh()

    # -- computing -------------------------------------------------------------------
    def reload(self) -> None:
        self.forget_results()
        self.refresh()

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if changes & {
            Change.CONTACTS,
            Change.LOADS,
            Change.OPERATORS,
            Change.SOURCES,
            Change.EXTERNAL,
        }:
            self.forget_results()
            self.refresh()

    def forget_results(self) -> None:
        """The data changed: every period is counted afresh when next shown."""
        self._results.clear()
        self._data_version += 1

    def refresh(self) -> None:
        """Recompute now if shown (or after the running computation); else on show."""
        if not self.isVisible():
            self._stale = True
            return
        if self._running:
            self._again = True
            return
        self._start()

    def _start(self) -> None:
        self._stale = False
        self._again = False
        self._running = True
        days = self.days()
        since, until = period_range(self.period(), None, *self.custom_days())
        self._schedule_midnight()
        switched, self._period_switched = self._period_switched, False
        known = self._results.get((since, until)) if switched else None
        if known is not None:  # seen since the last change: nothing to count
            self._running = False
            if self._compute_error_shown:
                self._compute_error_shown = False
                self.message.clear_message()
            self.show_result(known, days)
            return
        self._computing = (self._data_version, (since, until))
        generation = self._generation
        crm = self.ctx.crm

        def work(task: TaskContext) -> tuple[int, tuple[dt.date, dt.date] | None, object]:
            return generation, days, compute(crm, since, until)

        self.busy_label.setText(self.tr("Calculating…"))
        self._task = self.ctx.runner.start(work, self._computed, self._failed)

    def _computed(self, outcome: tuple[int, tuple[dt.date, dt.date] | None, object]) -> None:
        generation, days, result = outcome
        if generation == self._generation and isinstance(result, StatisticsResult):
            if self._compute_error_shown:
                self._compute_error_shown = False
                self.message.clear_message()
            if self._computing is not None and self._computing[0] == self._data_version:
                if len(self._results) >= KEPT_RESULTS:
                    self._results.pop(next(iter(self._results)))
                self._results[self._computing[1]] = result
            self.show_result(result, days)
        self._computation_over()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            self._compute_error_shown = True
            self.message.show_error(error_text(error))
        self._computation_over()

    def _computation_over(self) -> None:
        """Runs on the task's result (before its ``finished``), so a follow-up starts
        while the runner still counts the old task: it is never idle in between."""
        self._task = None
        self._running = False
        self.busy_label.clear()
        if self._again or self._stale:
            self.refresh()

    def _schedule_midnight(self) -> None:
        """ "Today" and "last N days" move at midnight, even when nothing else changes."""
        self._midnight_timer.stop()
        if self.period() in _DAYS:
            now = dt.datetime.now().astimezone()
            midnight = local_midnight(now.date() + dt.timedelta(days=1))
            msecs = int((midnight - now).total_seconds() * 1000) + 2000
            self._midnight_timer.start(max(msecs, 1000))

    # -- showing ---------------------------------------------------------------------
    def show_result(self, result: StatisticsResult, days: tuple[dt.date, dt.date] | None) -> None:
        self.result = result
        self._computed_days = days
        statistics = result.statistics
        colors = {s.id: series_color(i) for i, s in enumerate(statistics.sources)}
        self.model.set_statistics(statistics, colors)
        self.shares_model.set_shares(result.shares, colors)
        self._show_summary(statistics, days)
        self._show_chart(statistics, colors)

    def _show_summary(self, statistics: Statistics, days: tuple[dt.date, dt.date] | None) -> None:
        locale = QLocale()
        if days is None:
            period = self.tr("All time")
        else:
            first, last = (
                locale.toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)
                for d in days
            )
            period = first if days[0] == days[1] else f"{first} – {last}"
        unassigned = sum(c.total for c in statistics.unassigned)
        total = sum(o.total for o in statistics.operators) + unassigned
        contacts = self.tr("%n contact(s)", "", total)
        nobody = self.tr("%n unassigned", "", unassigned)
        self.range_label.setText(f"{period}  ·  {contacts}, {nobody}")

    def _show_chart(self, statistics: Statistics, colors: dict[int, QColor]) -> None:
        if not statistics.operators and not statistics.sources:
            self.chart.show_hint(
                self.tr("Nothing to show yet: add operators and sources, then register contacts.")
            )
            return
        names = [o.operator.name for o in statistics.operators]
        counts = [{c.source.id: c.total for c in o.per_source} for o in statistics.operators]
        unassigned = {c.source.id: c.total for c in statistics.unassigned}
        if any(unassigned.values()):
            names.append(self.tr("Unassigned"))
            counts.append(unassigned)
        if not any(any(c.values()) for c in counts):
            self.chart.show_hint(self.tr("No contacts in this period."))
            return
        series = [(s.name, [c.get(s.id, 0) for c in counts]) for s in statistics.sources]
        self.chart.set_data(names, series, [colors[s.id] for s in statistics.sources])
        self.chart.show_chart()

    def _size_columns(self) -> None:
        """Numbers and the source headers (on two lines) whole; the operator's name takes
        what is left, so the total is always on screen (no horizontal scrolling)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(OPERATOR, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(LOAD, max(110, self.table.sizeHintForColumn(LOAD)))
        for column in range(LOAD + 1, self.model.columnCount()):
            self.table.resizeColumnToContents(column)
            wanted = max(header.sectionSize(column), header.sectionSizeHint(column)) + 8
            header.resizeSection(column, min(max(wanted, 70), MAX_NUMBER_COLUMN))

    def _remember_selection(self) -> None:
        self._selected_keys = [
            i.data(ROW_ROLE).key for i in self.table.selectionModel().selectedRows()
        ]

    def _after_reset(self) -> None:
        self._size_columns()
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).key in self._selected_keys:
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._selected_keys = []

    def selected_rows(self) -> list[StatRow]:
        return [i.data(ROW_ROLE) for i in self.table.selectionModel().selectedRows()]

    # -- export ----------------------------------------------------------------------
    def suggested_file_name(self) -> str:
        days = self._computed_days
        if days is None:
            return f"statistics_{dt.date.today().isoformat()}.csv"
        first, last = days
        if first == last:
            return f"statistics_{first.isoformat()}.csv"
        return f"statistics_{first.isoformat()}_{last.isoformat()}.csv"

    def export_csv(self) -> None:
        if self.result is None:
            self.message.show_error(self.tr("The statistics are still being calculated."))
            return
        folder = self.ctx.preferences.get(options.STATISTICS_EXPORT_FOLDER) or Path.home()
        path = choose_export_path(self, Path(str(folder)) / self.suggested_file_name())
        if path is None:
            return
        self.ctx.preferences.set(options.STATISTICS_EXPORT_FOLDER, str(path.parent))
        rows = [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]
        table = csv_table(rows, self.model.sources(), self.period_text(self._computed_days))
        self.busy_label.setText(self.tr("Saving…"))
        self.ctx.runner.start(
            lambda task: (path, len(rows), write_csv(path, table)),
            self._exported,
            self._export_failed,
        )

    def _export_failed(self, error: BaseException) -> None:
        if not self._running:
            self.busy_label.clear()
        if not isinstance(error, Cancelled):
            self.message.show_error(error_text(error))

    def _exported(self, outcome: tuple[Path, int, CrmError | None]) -> None:
        path, count, error = outcome
        if not self._running:
            self.busy_label.clear()
        if error is not None:
            reason = str(error.params.get("reason") or error_text(error))
            self.message.show_error(
                self.tr("Could not save {path}: {reason}").format(path=path, reason=reason)
            )
            return
        self.message.show_info(
            self.tr("Saved %n row(s) to {path}.", "", count).format(path=path), 10_000
        )

    def page_actions(self) -> list[QAction]:
        return [self.export_action]

    # -- visibility and state ----------------------------------------------------------
    def _size_shares_columns(self) -> None:
        """Every column at its content's width (names with their colour, headers, the
        deviation's "+24.4 pp"); the chart beside it gives way, until the user drags."""
        self.shares_view.expandAll()
        header = self.shares_view.header()
        for column in range(1, self.shares_model.columnCount()):
            self.shares_view.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), 160))
        last = self.shares_model.columnCount() - 1
        # A stretched last section never goes below its width before the stretch.
        header.setStretchLastSection(False)
        header.resizeSection(last, self._last_width())
        header.setStretchLastSection(True)
        self._name_floor, self._name_wanted = self._name_widths()
        header.resizeSection(NAME, self._name_wanted)
        self._fit_lower_splitter()

    def _last_width(self) -> int:
        view, last = self.shares_view, self.shares_model.columnCount() - 1
        return max(view.sizeHintForColumn(last), view.header().sectionSizeHint(last))

    def _name_widths(self) -> tuple[int, int]:
        """Every source's name whole; an operator's as most are (a very long one is cut,
        its tooltip has it): the numbers beside it stay on screen. The least (the
        sources whole) and the wanted width."""
        view, model = self.shares_view, self.shares_model
        indent = view.indentation()
        sources, operators = [], []
        for row in range(model.rowCount()):
            source = model.index(row, NAME)
            sources.append(view.sizeHintForIndex(source).width() + indent)
            for child in range(model.rowCount(source)):
                operator = model.index(child, NAME, source)
                operators.append(view.sizeHintForIndex(operator).width() + 2 * indent)
        operators.sort()
        typical = operators[int(len(operators) * 0.8)] if operators else 0
        header = view.header().sectionSizeHint(NAME)
        floor = max(header, *sources, 120) + 8
        return floor, max(floor, min(typical, 260) + 8)

    def _fit_lower_splitter(self) -> None:
        """The chart beside the shares when both fit their width (the shares whole);
        on a narrower window the chart above the shares, each at the full width."""
        view, splitter = self.shares_view, self.lower_splitter
        header, last = view.header(), self.shares_model.columnCount() - 1
        header.resizeSection(NAME, self._name_wanted)
        wanted = sum(header.sectionSize(c) for c in range(last))  # the last one stretches
        wanted += self._last_width()
        wanted += 2 * view.frameWidth()
        wanted += view.verticalScrollBar().sizeHint().width()
        side_by_side = wanted + self.chart.minimumWidth() + splitter.handleWidth() + 8
        # Side by side the shares get the whole height (a laptop has little of it):
        # long operator names give way first, down to the sources' names whole.
        short = min(side_by_side - splitter.width(), self._name_wanted - self._name_floor)
        if short > 0 and splitter.width() >= side_by_side - short:
            header.resizeSection(NAME, self._name_wanted - short)
            wanted -= short
            side_by_side -= short
        orientation = (
            Qt.Orientation.Horizontal
            if splitter.width() >= side_by_side
            else Qt.Orientation.Vertical
        )
        turned = splitter.orientation() != orientation
        if turned:
            splitter.setOrientation(orientation)
        if not (self._lower_fitted or turned):
            return
        total = sum(splitter.sizes())
        if total <= 0:
            return
        if orientation == Qt.Orientation.Horizontal:
            first = max(self.chart.minimumWidth(), total - wanted)
        else:
            first = round(total * 0.55)  # a bar and its name need a line each
        self._fitting_lower = True
        try:
            splitter.setSizes([first, total - first])
        finally:
            self._fitting_lower = False

    def _lower_moved(self) -> None:
        if not self._fitting_lower:
            self._lower_fitted = False  # the user's split wins

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_lower_splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.export_action.setEnabled(True)
        if self._stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.export_action.setEnabled(False)  # Ctrl+E belongs to the visible page

    def save_state(self, preferences: Preferences) -> None:
        first, last = self.custom_days()
        preferences.set(STATISTICS_PERIOD, self.period())
        preferences.set(options.STATISTICS_FIRST_DAY, first)
        preferences.set(options.STATISTICS_LAST_DAY, last)
        preferences.save_splitter(options.STATISTICS_SPLITTER, self.splitter)
        preferences.save_splitter(options.STATISTICS_LOWER_SPLITTER, self.lower_splitter)
        preferences.set(LOWER_SPLIT_DRAGGED, int(not self._lower_fitted))

    def restore_state(self, preferences: Preferences) -> None:
        preferences.restore_splitter(options.STATISTICS_SPLITTER, self.splitter)
        if preferences.get(LOWER_SPLIT_DRAGGED):  # else the shares get their width again
            preferences.restore_splitter(options.STATISTICS_LOWER_SPLITTER, self.lower_splitter)
            self._lower_fitted = False
        period = preferences.get(STATISTICS_PERIOD)
        first = preferences.get(options.STATISTICS_FIRST_DAY)
        last = preferences.get(options.STATISTICS_LAST_DAY)
        self.set_period(period, first, last)
