"""Background work in a QThreadPool. Each pool thread has its own database
connection (peewee keeps connections per thread); results come back to the
GUI thread by queued signals, and workers never touch a widget.

A failure is never only logged (Anki's ``show_exception`` is the model): without an
``on_error`` handler a user error (``CrmError``) is shown as a message where the user
is; a bug (any other exception) always goes to the crash dialog, whether or not the
caller handles the failure too (to put its own state back)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

from desktop_crm import APP_NAME
from desktop_crm.errors import CrmError
from desktop_crm.ui import dialogs
from desktop_crm.ui.texts import error_text

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task by ``TaskContext.check_cancelled`` after Cancel."""


class TaskContext:
    """What a task sees: a cancel flag and a way to report progress."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, progress: object) -> None:
        self._signals.progress.emit(progress)


class _TaskSignals(QObject):
    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(
        self, work: Callable[[TaskContext], Any], signals: _TaskSignals, cleanup: Callable[[], None]
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it alive until finished
        self.signals = signals
        self.context = TaskContext(signals)
        self._work = work
        self._cleanup = cleanup

    def run(self) -> None:
        try:
            result = self._work(self.context)
        except Cancelled:
            self.signals.failed.emit(Cancelled())
        except CrmError as error:
            self.signals.failed.emit(error)
        except Exception as error:  # a bug: logged (redacted) with its traceback, shown as a crash
            log.exception("background task failed")
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)
        finally:
            try:
                self._cleanup()
            finally:
                self.signals.finished.emit()


def is_bug(error: BaseException) -> bool:
    """Not a user error and not a cancellation: something the crash dialog must show."""
    return not isinstance(error, CrmError | Cancelled)


def show_bug(error: BaseException) -> None:
    if is_bug(error):
        dialogs.show_crash(QApplication.activeWindow(), error)


def show_failure(error: BaseException) -> None:
    """The default failure handler: a user error as a message over the active window,
    a bug in the crash dialog, a cancellation not at all."""
    parent = QApplication.activeWindow()
    if isinstance(error, Cancelled):
        return
    if isinstance(error, CrmError):
        dialogs.notify_error(parent, APP_NAME, error_text(error))
    else:
        dialogs.show_crash(parent, error)


class TaskHandle:
    """A started task: cancel it, or connect to its signals."""

    def __init__(self, runnable: _Runnable) -> None:
        self._runnable = runnable
        self.signals = runnable.signals

    def cancel(self) -> None:
        self._runnable.context.cancel()


class TaskRunner(QObject):
    """Starts tasks and keeps them alive; ``wait_idle`` is for tests and shutdown."""

    def __init__(self, close_connection: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[_Runnable] = set()
        self._close_connection = close_connection

    def start(
        self,
        work: Callable[[TaskContext], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
    ) -> TaskHandle:
        signals = _TaskSignals()
        runnable = _Runnable(work, signals, self._close_connection)
        if on_success is not None:
            signals.succeeded.connect(on_success)
        if on_error is None:
            signals.failed.connect(show_failure)
        else:
            signals.failed.connect(on_error)  # the caller puts its state back (shows user errors)
            signals.failed.connect(show_bug)  # and a bug is never only logged
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self._running.add(runnable)
        signals.finished.connect(lambda: self._running.discard(runnable))
        self._pool.start(runnable)
        return TaskHandle(runnable)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for runnable in list(self._running):
            runnable.context.cancel()

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
