"""The contacts screen's detail pane on a laptop: sized to what it shows.

With nothing selected the pane is one line ("Select a contact…"), so the table
shows as many rows as the window has room for; when a contact is shown the pane
opens to the detail's height (at most ``MAX_SHARE`` of the splitter), or to the
height the user dragged it to last. The user can fold it away (drag it down);
it stays folded until dragged open again. The table keeps every other pixel
when the window is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QSplitter, QStackedWidget, QWidget

from desktop_crm.ui.preferences import IntOption

# 1 when the user dragged the table's columns: their widths win over the fitted ones.
COLUMNS_DRAGGED = IntOption("contacts/columns_dragged", 0)

MAX_SHARE = 0.4  # a shown contact opens the pane to at most this share of the height
TABLE, PANE = 0, 1


class DetailPane(QObject):
    def __init__(
        self, splitter: QSplitter, stack: QStackedWidget, placeholder: QWidget, detail: QWidget
    ) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._stack = stack
        self._placeholder = placeholder
        self._detail = detail
        self._chosen: int | None = None  # the height the user dragged the pane to
        self._moving = False
        self._pending = False
        splitter.installEventFilter(self)
        for page in range(stack.count()):  # the pane may be as low as the placeholder
            widget = stack.widget(page)
            if widget is not None:
                widget.setMinimumHeight(1)
        splitter.setCollapsible(TABLE, False)
        splitter.setCollapsible(PANE, True)
        splitter.setStretchFactor(TABLE, 1)
        splitter.setStretchFactor(PANE, 0)
        splitter.setSizes([10_000, self.placeholder_height()])
        splitter.splitterMoved.connect(self._moved)
        stack.currentChanged.connect(self._shown_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._pending and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            QTimer.singleShot(0, self.fit)
        return False

    def _shown_changed(self, _index: int) -> None:
        self.fit()
        QTimer.singleShot(0, self.fit)  # again once the detail has laid its text out

    def placeholder_height(self) -> int:
        return self._placeholder.sizeHint().height() + 8

    @property
    def showing_detail(self) -> bool:
        return self._stack.currentWidget() is not self._placeholder

    def wanted_height(self, total: int) -> int:
        if not self.showing_detail:
            return self.placeholder_height()
        if self._chosen is not None:
            return min(self._chosen, total - 80)
        return min(self._detail.sizeHint().height() + 8, round(total * MAX_SHARE))

    def fit(self) -> None:
        """Give the pane the height of what it shows now (the table the rest)."""
        total = sum(self._splitter.sizes())
        if total <= 0 or not self._splitter.isVisible():
            self._pending = True  # not laid out yet: fit when it is
            return
        self._pending = False
        pane = max(0, self.wanted_height(total))
        self._moving = True
        try:
            self._splitter.setSizes([total - pane, pane])
        finally:
            self._moving = False

    def restored(self) -> None:
        """Saved sizes were restored: the pane's height is the user's choice."""
        pane = self._splitter.sizes()[PANE]
        # Saved while nothing was selected, the pane was as low as the placeholder.
        self._chosen = pane if pane > 2 * self.placeholder_height() or pane == 0 else None
        self.fit()

    def _moved(self, _pos: int, _index: int) -> None:
        if self._moving or not self.showing_detail:
            return
        self._chosen = self._splitter.sizes()[PANE]  # 0: folded away
