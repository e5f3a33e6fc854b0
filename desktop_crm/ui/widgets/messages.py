"""An inline message under a form: an error that stays, a note that hides itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop_crm.ui.theme import banner_style


class InlineMessage(QLabel):
    """A plain-words message shown where the user typed; hides itself after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.clear_message)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, banner_style("error", self.palette()), 0)

    def show_info(self, text: str, msecs: int = 6000) -> None:
        self._show(text, banner_style("info", self.palette()), msecs)

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
