"""An inline message under a form: an error that stays, a note that hides itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget


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
