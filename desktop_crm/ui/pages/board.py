"""The Board: the first screen of the day. Per source the contacts waiting, the oldest
wait, the overdue ones and who can take a contact now; per operator the status, today's
count against the daily cap and the load. It refreshes itself on every change (the
bridge) and every half minute (waits grow with time alone)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.board import Board
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.events import Change
from desktop_crm.ui import preferences as options
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.delegates import LoadBarDelegate
from desktop_crm.ui.models.base import ROW_ROLE
from desktop_crm.ui.models.board import (
    O_LOAD,
    O_NAME,
    O_STATUS,
    S_SOURCE,
    OperatorBoardModel,
    SourceBoardModel,
    SourceRow,
)
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.theme import Tone, css
from desktop_crm.ui.widgets import EmptyHint, InlineMessage, make_table, sorting_proxy

REFRESH_ON = {
    Change.CONTACTS,
    Change.LOADS,
    Change.OPERATORS,
    Change.SOURCES,
    Change.SETTINGS,  # the time zone: whose shift is on, what today is
    Change.EXTERNAL,
}
WAITS_TICK_MS = 30_000  # waits grow without any change: read the board again this often


class BoardPage(Page):
    name = "board"
    title = QT_TRANSLATE_NOOP("Pages", "Board")
    time_tick_ms = WAITS_TICK_MS

    # A ContactFilter: the Contacts screen shows it (a source's queue, an operator's
    # contacts); the main window carries it there (a page never imports another page).
    open_contacts = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.board: Board | None = None
        self._loading = False
        self._again = False

        self.summary = QLabel()
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.updated = QLabel()
        self.updated.setStyleSheet("color: palette(placeholder-text);")

        self.sources_model = SourceBoardModel(self)
        self.sources_proxy = sorting_proxy(self, stable=True)
        self.sources_proxy.setSourceModel(self.sources_model)
        self.sources_table = make_table(self)
        self.sources_table.setModel(self.sources_proxy)
        self.sources_table.sortByColumn(S_SOURCE, Qt.SortOrder.AscendingOrder)
        header = self.sources_table.horizontalHeader()
        header.setSectionResizeMode(S_SOURCE, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.sources_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.sources_hint = EmptyHint(self.sources_table)

        self.operators_model = OperatorBoardModel(self)
        self.operators_proxy = sorting_proxy(self, stable=True)
        self.operators_proxy.setSourceModel(self.operators_model)
        self.operators_table = make_table(self)
        self.operators_table.setModel(self.operators_proxy)
        self.operators_table.sortByColumn(O_NAME, Qt.SortOrder.AscendingOrder)
        self.operators_table.setItemDelegateForColumn(
            O_LOAD, LoadBarDelegate(self.operators_table, min_width=140)
        )
        header = self.operators_table.horizontalHeader()
        header.setSectionResizeMode(O_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(O_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(O_LOAD, QHeaderView.ResizeMode.ResizeToContents)  # the bar's
        header.setStretchLastSection(False)
        self.operators_hint = EmptyHint(self.operators_table)

        # The table is the label's buddy: Alt+letter puts the cursor in it.
        self.sources_label = QLabel(self.tr("&Sources: the queue and who can take it now"))
        self.sources_label.setBuddy(self.sources_table)
        self.operators_label = QLabel(self.tr("O&perators now"))
        self.operators_label.setBuddy(self.operators_table)
        self.message = InlineMessage()
        self.hint = QLabel(
            self.tr(
                "Double-click a source (or press Enter) to see its queue, an operator to see "
                "its active contacts."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.sources_label)
        top_layout.addWidget(self.sources_table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.operators_label)
        bottom_layout.addWidget(self.operators_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.updated)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)

        self.sources_table.activated.connect(self._source_chosen)
        self.operators_table.activated.connect(self._operator_chosen)

    # -- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the board again in a worker; a change meanwhile reads it once more after."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        crm = self.ctx.crm
        self.ctx.runner.start(lambda _ctx: crm.board.snapshot(), self._show, self._failed)

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if changes & REFRESH_ON and self.isVisible():
            self.reload()

    def _show(self, board: Board) -> None:
        self._loaded()
        self.board = board
        self.message.clear_message()
        self.sources_model.set_board(board)
        self.operators_model.set_board(board)
        waiting = self.tr("%Ln contact(s) waiting", "", board.waiting)  # digits grouped
        overdue = self.tr("%Ln overdue", "", board.overdue)
        self.summary.setText(f"{waiting} · {overdue}" if board.overdue else waiting)
        tone = Tone.BAD if board.overdue else Tone.WARN if board.waiting else None
        self.summary.setStyleSheet("" if tone is None else f"color: {css(tone)};")
        local = board.at.astimezone()
        shown = QLocale().toString(
            QTime(local.hour, local.minute, local.second), QLocale.FormatType.ShortFormat
        )
        self.updated.setText(self.tr("As of {time}; it updates by itself.").format(time=shown))
        no_sources = self.tr("No sources yet: add them on the Sources screen.")
        no_operators = self.tr("No operators yet: add them on the Operators screen.")
        self.sources_hint.show_text("" if board.sources else no_sources)
        self.operators_hint.show_text("" if board.operators else no_operators)

    def _failed(self, error: BaseException) -> None:
        self._loaded()
        self.message.show_error(error_text(error))

    def _loaded(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.reload)

    # -- going to the contacts -------------------------------------------------------
    def _source_chosen(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, SourceRow):
            self.open_contacts.emit(
                ContactFilter(state=ContactState.UNASSIGNED, source_id=row.board.source.id)
            )

    def _operator_chosen(self, index: QModelIndex) -> None:
        operator = index.data(ROW_ROLE)
        if isinstance(operator, OperatorInfo):
            self.open_contacts.emit(
                ContactFilter(state=ContactState.ACTIVE, operator_id=operator.id)
            )

    def focus_entry(self) -> None:
        self.sources_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_state(self, preferences: Preferences) -> None:
        preferences.save_splitter(options.BOARD_SPLITTER, self.splitter)

    def restore_state(self, preferences: Preferences) -> None:
        preferences.restore_splitter(options.BOARD_SPLITTER, self.splitter)
