"""Switching the language while the window is open.

Every text of the window is set when it is built (menus, page titles, table headers,
status texts, tooltips, dialogs' texts): rather than teach each screen to retranslate
itself, the application installs the new translators and builds the window again
(``AppController.apply_language``). What the user sees is kept: the geometry, splitters
and headers go through the saved preferences as at a restart; this module keeps the rest,
the screen shown and each table's current and selected rows, which the new window's
tables get back once their rows have loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QRect,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QDialog

if TYPE_CHECKING:
    from desktop_crm.ui.main_window import MainWindow


def must_wait(window: MainWindow) -> bool:
    """Rebuilding now would lose work: a dialog is open (an import, an assignment), a job
    runs (an export, the queue), or the weights have unsaved changes."""
    if any(dialog.isVisible() for dialog in window.findChildren(QDialog)):
        return True
    if any(getattr(o, "running", False) is True for o in window.findChildren(QObject)):
        return True
    return any(
        callable(getattr(model, "is_dirty", None)) and model.is_dirty()  # type: ignore[attr-defined]
        for model in window.findChildren(QAbstractItemModel)
    )


@dataclass
class IntakeState:
    """What was typed into the intake form."""

    external_id: str
    name: str
    source: object
    message: str
    tags: str = ""


@dataclass
class ViewState:
    current: tuple[int, int] | None
    rows: list[int]


@dataclass
class KeptState:
    page: str
    geometry: QRect | None  # None: maximized or full screen (the saved state restores it)
    intake: IntakeState | None = None
    views: dict[str, list[ViewState]] = field(default_factory=dict)

    @staticmethod
    def of(window: MainWindow) -> KeptState:
        plain = not window.windowState() & (
            Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        )
        kept = KeptState(
            window.current_page_name() or "welcome", QRect(window.geometry()) if plain else None
        )
        for name, page in window.pages.items():
            states = []
            for view in page.findChildren(QAbstractItemView):
                current = view.currentIndex()
                selection = view.selectionModel()
                rows = sorted({i.row() for i in selection.selectedRows()}) if selection else []
                states.append(
                    ViewState(
                        (current.row(), current.column()) if current.isValid() else None, rows
                    )
                )
            kept.views[name] = states
        form = window.intake
        kept.intake = IntakeState(
            form.external_id.text(),
            form.name.text(),
            form.source.currentData(),
            form.message.toPlainText(),
            form.tags.text(),
        )
        return kept

    def restore(self, window: MainWindow) -> None:
        if self.geometry is not None:
            window.setGeometry(self.geometry)
        if self.page == "welcome" or self.page in window.pages:
            window.show_page(self.page)
        if self.intake is not None:
            form = window.intake
            form.external_id.setText(self.intake.external_id)
            form.name.setText(self.intake.name)
            form.message.setPlainText(self.intake.message)
            form.tags.setText(self.intake.tags)
            index = form.source.findData(self.intake.source)
            if index >= 0:
                form.source.setCurrentIndex(index)
        for name, states in self.views.items():
            page = window.pages.get(name)
            if page is None:
                continue
            views = page.findChildren(QAbstractItemView)
            if len(views) != len(states):
                continue
            for view, state in zip(views, states, strict=True):
                if state.current is not None or state.rows:
                    _Reselect(view, state)


class _Reselect:
    """Selects the kept rows as soon as the view's model has them (loads are in the
    background), once; a user's own click first wins."""

    def __init__(self, view: QAbstractItemView, state: ViewState) -> None:
        self.view = view
        self.state = state
        model = view.model()
        if model is None:
            return
        self._signals = (model.modelReset, model.rowsInserted, model.layoutChanged)
        self._connected = False
        if not self._try():
            self._connected = True
            for signal in self._signals:
                signal.connect(self._try)
            view._language_reselect = self  # type: ignore[attr-defined]  # alive with the view

    def _try(self, *_: object) -> bool:
        model, selection = self.view.model(), self.view.selectionModel()
        needed = max([*self.state.rows, self.state.current[0] if self.state.current else -1])
        if model is None or selection is None or model.rowCount() <= needed:
            return False
        if not selection.hasSelection() and not self.view.currentIndex().isValid():
            chosen = QItemSelection()
            for row in self.state.rows:
                chosen.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
            if self.state.current is not None:
                row, column = self.state.current
                selection.setCurrentIndex(
                    model.index(row, column), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if self._connected:
            self._connected = False
            for signal in self._signals:
                signal.disconnect(self._try)
        self.view._language_reselect = None  # type: ignore[attr-defined]
        return True
