"""Journal: who changed what and when (the audit log), newest first, filtered by
dispatcher, kind of object and period. Read through ``crm.audit``; the services write it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.audit import ObjectKind
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.audit import AuditFilter, AuditInfo
from desktop_crm.services.events import Change
from desktop_crm.ui import preferences as options
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.models.journal import ACTION, DISPATCHER, OBJECT, TIME, JournalModel, kind_text
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.widgets import EmptyHint, InlineMessage, make_table, sorting_proxy
from desktop_crm.ui.widgets.date_edits import TypedDateEdit

SHOWN = 1000  # the newest entries that match; a narrower filter reaches older ones
DEFAULT_DAYS = 7  # a period switched on starts a week back
REFRESH_ON = frozenset(
    {
        Change.OPERATORS,
        Change.SOURCES,
        Change.CONTACTS,
        Change.SETTINGS,
        Change.IMPORTS,
        Change.EXTERNAL,
    }
)


ME_WIDTH_PX = 140  # the name in "You: {name}", at most


def _local_midnight(day: QDate) -> dt.datetime:
    return dt.datetime(day.year(), day.month(), day.day()).astimezone()


class JournalPage(Page):
    name = "journal"
    title = QT_TRANSLATE_NOOP("Pages", "Journal")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self._stale = True  # loaded nothing yet, or data changed while hidden

        self.dispatcher_combo = QComboBox()
        self.dispatcher_combo.setMinimumContentsLength(16)
        self.dispatcher_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dispatcher_combo.addItem(self.tr("All dispatchers"), None)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("All objects"), None)
        for kind in ObjectKind:
            self.kind_combo.addItem(kind_text(kind), kind.value)
        today = QDate.currentDate()
        self.since_check = QCheckBox(self.tr("From:"))
        self.since_check.setToolTip(self.tr("Only changes made on this day or later"))
        self.since_edit = self._date_edit(today.addDays(-DEFAULT_DAYS))
        self.until_check = QCheckBox(self.tr("to:"))
        self.until_check.setToolTip(self.tr("Only changes made on this day or earlier"))
        self.until_edit = self._date_edit(today)
        self.me_label = QLabel()
        self.me_label.setStyleSheet("color: palette(placeholder-text);")
        self.me_label.setToolTip(
            self.tr("Your changes are logged under this name; change it in File › Settings…")
        )

        dispatcher_label = QLabel(self.tr("&Dispatcher:"))
        dispatcher_label.setBuddy(self.dispatcher_combo)
        kind_label = QLabel(self.tr("&Object:"))
        kind_label.setBuddy(self.kind_combo)
        bar = QHBoxLayout()
        bar.addWidget(dispatcher_label)
        bar.addWidget(self.dispatcher_combo)
        bar.addSpacing(8)
        bar.addWidget(kind_label)
        bar.addWidget(self.kind_combo)
        bar.addSpacing(8)
        bar.addWidget(self.since_check)
        bar.addWidget(self.since_edit)
        bar.addWidget(self.until_check)
        bar.addWidget(self.until_edit)
        bar.addStretch(1)
        bar.addWidget(self.me_label)

        self.model = JournalModel(self)
        self.proxy = sorting_proxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(TIME, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((TIME, 125), (DISPATCHER, 150), (ACTION, 190), (OBJECT, 190)):
            header.resizeSection(column, width)
        self.empty_hint = EmptyHint(self.table)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        self.message = InlineMessage()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)

        self.dispatcher_combo.currentIndexChanged.connect(self.reload)
        self.kind_combo.currentIndexChanged.connect(self.reload)
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.reload)
            edit.dateChanged.connect(self._date_changed)

    def _date_changed(self, _day: QDate) -> None:
        if self.since_check.isChecked() or self.until_check.isChecked():
            self.reload()

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = TypedDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(9000, 12, 31))  # "to" asks up to the next midnight
        return edit

    # -- what is asked ------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        """The two days are taken the earlier first, both included."""
        since = self.since_edit.date() if self.since_check.isChecked() else None
        until = self.until_edit.date() if self.until_check.isChecked() else None
        if since is not None and until is not None and since > until:
            since, until = until, since
        return AuditFilter(
            dispatcher=self.dispatcher_combo.currentData(),
            object_kind=self.kind_combo.currentData(),
            since=_local_midnight(since) if since is not None else None,
            until=_local_midnight(until.addDays(1)) if until is not None else None,
        )

    def filtered(self) -> bool:
        flt = self.current_filter()
        return any(v is not None for v in (flt.dispatcher, flt.object_kind, flt.since, flt.until))

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        crm, flt = self.ctx.crm, self.current_filter()
        name = self.me_label.fontMetrics().elidedText(
            crm.dispatcher, Qt.TextElideMode.ElideMiddle, ME_WIDTH_PX
        )  # a long name (64 characters) must not widen the window past a laptop's screen
        self.me_label.setText(self.tr("You: {name}").format(name=name))

        def work(_task: object) -> tuple[list[AuditInfo], list[str]]:
            return crm.audit.entries(flt, limit=SHOWN), crm.audit.dispatchers()

        def loaded(result: tuple[list[AuditInfo], list[str]]) -> None:
            if generation == self._generation:
                self._show(*result)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.message.show_error(error_text(error))

        self.ctx.runner.start(work, loaded, failed)

    def _show(self, entries: list[AuditInfo], dispatchers: list[str]) -> None:
        self._set_dispatchers(dispatchers)
        self.model.set_rows(entries)
        if entries:
            self.empty_hint.show_text("")
        elif self.filtered():
            self.empty_hint.show_text(self.tr("No changes match the filter."))
        else:
            self.empty_hint.show_text(
                self.tr(
                    "<h3>Nothing logged yet</h3>Changes to operators, sources, weights and "
                    "settings, and contacts assigned, closed or reopened by hand appear here "
                    "with the time and the dispatcher who made them."
                )
            )
        self.count_label.setText(
            self.tr(
                "Only the newest {count} changes are shown; narrow the filter to see older ones."
            ).format(count=QLocale().toString(SHOWN))
            if len(entries) >= SHOWN
            else ""
        )

    def _set_dispatchers(self, names: list[str]) -> None:
        combo = self.dispatcher_combo
        shown = [combo.itemData(i) for i in range(1, combo.count())]
        chosen = combo.currentData()
        wanted = names + ([chosen] if chosen is not None and chosen not in names else [])
        if shown == wanted:
            return
        blocked = combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for name in wanted:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(blocked)

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if not changes & REFRESH_ON:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # -- state ------------------------------------------------------------------------------
    def save_state(self, preferences: Preferences) -> None:
        preferences.save_header(options.JOURNAL_HEADER, self.table.horizontalHeader())

    def restore_state(self, preferences: Preferences) -> None:
        preferences.restore_header(options.JOURNAL_HEADER, self.table.horizontalHeader())
