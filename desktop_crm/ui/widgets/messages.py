"""An inline message under a form: an error that stays, a note that hides itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop_crm.ui.theme import banner_style


class InlineMessage(QLabel):
    """A plain-words message shown where the user typed; hides itself after a while.

    ``reserve``: the message keeps one line of room even while hidden, so showing or
    hiding it never moves the rows of a table beside it (the next click would hit
    another row). A longer text is cut with "…" there; the tooltip holds all of it.
    """

    def __init__(self, parent: QWidget | None = None, reserve: bool = False) -> None:
        super().__init__(parent)
        self._reserve = reserve
        self.setWordWrap(not reserve)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.clear_message)
        if reserve:
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long text never widens
            policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
            self.setSizePolicy(policy)
            # the padding, so the height is the shown one
            self.setStyleSheet(banner_style("info", self.palette()))
            self.setFixedHeight(self.sizeHint().height())
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, banner_style("error", self.palette()), 0)

    def show_info(self, text: str, msecs: int = 6000) -> None:
        self._show(text, banner_style("info", self.palette()), msecs)

    def _show(self, text: str, style: str, msecs: int) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        if self._reserve:
            self.setToolTip(text)
        self.show()
        if msecs:
            self._timer.start(msecs)
        else:
            self._timer.stop()

    def clear_message(self) -> None:
        self.clear()
        self.setToolTip("")
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._reserve:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.drawFrame(painter)  # the style sheet's background and rounded corners
        rect = self.contentsRect()
        line = " ".join(self.text().split())  # one line: the tooltip has the lines
        elided = self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )
