"""Re-distribution in the window: drains the queue in a worker when capacity appears
(or on "Distribute queue now"), one run at a time, with progress in the status bar."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from desktop_crm.services.queue import DrainProgress, DrainResult
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.tasks import TaskContext, TaskHandle


class QueueDrainer(QObject):
    started = Signal()
    progressed = Signal(int)  # contacts assigned so far
    finished = Signal(object)  # DrainResult, or the error
    _requested = Signal(object)  # set of source ids, or None for every source

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._running: TaskHandle | None = None
        self._pending: set[int] | None = set()
        self._everything = False
        # Services may report capacity from any thread; the signal brings it here.
        self._requested.connect(self._queue)

    def install(self) -> None:
        """Take over the services' capacity hook: drain in the background, not inline."""
        self._ctx.crm.capacity_handler = self.request

    def request(self, source_ids: Iterable[int] | None = None) -> None:
        self._requested.emit(None if source_ids is None else set(source_ids))

    @property
    def running(self) -> bool:
        return self._running is not None

    def cancel(self) -> None:
        if self._running is not None:
            self._running.cancel()

    def _queue(self, source_ids: set[int] | None) -> None:
        if source_ids is None:
            self._everything = True
        else:
            assert self._pending is not None
            self._pending |= source_ids
        if self._running is None:
            self._start()

    def _start(self) -> None:
        sources = None if self._everything else set(self._pending or ())
        self._everything, self._pending = False, set()
        if sources is not None and not sources:
            return
        crm = self._ctx.crm

        def work(task: TaskContext) -> DrainResult:
            return crm.queue.drain(
                sources,
                progress=lambda p: task.report(p),
                cancelled=lambda: task.cancelled,
            )

        self.started.emit()
        self._running = self._ctx.runner.start(work, self._done, self._done, self._progress)

    def _progress(self, progress: DrainProgress) -> None:
        self.progressed.emit(progress.assigned)

    def _done(self, result: object) -> None:
        self._running = None
        self.finished.emit(result)
        if self._everything or self._pending:
            self._start()
