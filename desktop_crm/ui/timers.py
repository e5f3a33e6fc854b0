"""The window applies the timers by itself (``services/timers.py``): every few seconds
``crm.timers.run_due`` runs in a worker — never on the GUI thread, never two runs at
once (a tick while one runs is skipped). What it changes reaches the views through the
usual change events; a user error (the database busy, its server gone) is a status-bar
message like every other refresh error, and the next tick tries again. A database this
window may not write (a PostgreSQL role that may only read, a read-only file) stops the
ticks: the status bar says once that the deadlines, auto-close and the queue are left to
those who may write."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop_crm.errors import CrmError, DatabaseReadOnly
from desktop_crm.services.timers import TimerResult
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.refresh_errors import refresh_failed
from desktop_crm.ui.tasks import TaskContext, TaskHandle

log = logging.getLogger(__name__)

INTERVAL_MS = 5_000


class TimerRunner(QObject):
    """``start`` after the window is shown; ``stop`` when it closes."""

    ran = Signal(object)  # a TimerResult
    failed = Signal(object)  # the error

    def __init__(self, ctx: UiContext, window: QWidget, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._window = window
        self._running: TaskHandle | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)

    def window(self) -> QWidget:  # what ``refresh_failed`` reports to
        return self._window

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._running is not None:
            self._running.cancel()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def running(self) -> bool:
        return self._running is not None

    def run_now(self) -> None:
        """One run in the background, unless one is running already."""
        if self._running is not None:
            return
        crm = self.ctx.crm

        def work(task: TaskContext) -> TimerResult:
            return crm.timers.run_due(cancelled=lambda: task.cancelled)

        self._running = self.ctx.runner.start(work, self._done, self._failed)

    def _done(self, result: object) -> None:
        self._running = None
        self.ran.emit(result)

    def _failed(self, error: object) -> None:
        self._running = None
        if isinstance(error, DatabaseReadOnly):
            self._left_to_others(error)
        elif isinstance(error, CrmError):
            refresh_failed(self, error)
        self.failed.emit(error)

    def _left_to_others(self, error: DatabaseReadOnly) -> None:
        """No write is allowed here: every tick would be refused the same way."""
        log.info("the timers stop in this window: %s", error)
        self._timer.stop()
        if isinstance(self._window, QMainWindow):
            self._window.statusBar().showMessage(
                self.tr(
                    "Read-only here: reply deadlines, auto-close and the queue are left to "
                    "those who may write."
                )
            )
