"""A smoke start: with ``DESKTOP_CRM_QUIT_AFTER_PAINT=1`` the window quits (exit code 0)
as soon as it has painted once. The bundle's tests (tests/packaging/) start it this way."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

QUIT_AFTER_PAINT_ENV = "DESKTOP_CRM_QUIT_AFTER_PAINT"


def quit_after_first_paint_requested() -> bool:
    return os.environ.get(QUIT_AFTER_PAINT_ENV, "") not in ("", "0")


class _FirstPaint(QObject):
    """Quits the application after the first paint event of ``window`` or a child."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._seen = True
            QTimer.singleShot(0, self._app.quit)  # after the paint has finished
        return False


def arm_quit_after_first_paint(app: QApplication, window: QWidget) -> None:
    """Does nothing unless the environment asks for a smoke start."""
    if quit_after_first_paint_requested():
        app.installEventFilter(_FirstPaint(app, window))
