"""A plain-words hint over an empty view ("No contacts match the filter")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel


class EmptyHint(QLabel):
    """A centred hint laid over a view's viewport while the view has nothing to show;
    the view keeps its place (and its header) in the layout."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view.viewport())
        self._view = view
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False

    def show_text(self, text: str) -> None:
        """Show ``text`` over the view; an empty text hides the hint."""
        self.setText(text)
        self.setGeometry(self._view.viewport().rect())
        self.setVisible(bool(text))

    @property
    def showing_hint(self) -> bool:
        return bool(self.text()) and not self.isHidden()
