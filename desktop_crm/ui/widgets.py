"""Small reusable widgets: an inline message under a form, a sortable table view."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from desktop_crm.ui.models.base import RAW_ROLE


class InlineMessage(QLabel):
    """A plain-words message shown where the user typed; hides itself after a while."""

    ERROR_STYLE = "color: #a40000; background: #fdecea; border-radius: 4px; padding: 4px 8px;"
    INFO_STYLE = "color: #1e4620; background: #edf7ed; border-radius: 4px; padding: 4px 8px;"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.clear_message)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, self.ERROR_STYLE, 0)

    def show_info(self, text: str, msecs: int = 6000) -> None:
        self._show(text, self.INFO_STYLE, msecs)

    def _show(self, text: str, style: str, msecs: int) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        self.show()
        if msecs:
            self._timer.start(msecs)
        else:
            self._timer.stop()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def make_table(parent: QWidget | None = None, sortable: bool = True) -> QTableView:
    """A table view as every page wants it: rows selected whole, alternating colours."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    return view


def sorting_proxy(parent: QWidget | None = None) -> QSortFilterProxyModel:
    """Sorts small tables by the raw value (numbers as numbers), never the text."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(RAW_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setDynamicSortFilter(True)
    return proxy
