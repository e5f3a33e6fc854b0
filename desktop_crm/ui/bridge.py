"""One Qt signal for "data changed", fed by the services' observer and by
polling the database for other processes' commits."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_crm.errors import CrmError
from desktop_crm.services import Crm
from desktop_crm.services.events import Change

POLL_INTERVAL_MS = 700  # another process's write shows within about a second
COALESCE_MS = 60  # commits close together become one refresh
MIN_SPACING_MS = 500  # during a burst (an import, a drain) views refresh twice a second


class DataBridge(QObject):
    changed = Signal(object)  # frozenset[Change]
    file_lost = Signal(object)  # a CrmError: the file was deleted or replaced under us
    file_back = Signal()  # the file opened is in its place again
    _from_any_thread = Signal(object)

    def __init__(self, crm: Crm, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._crm = crm
        self._pending: set[Change] = set()
        self._last_flush = 0.0
        self._flush_timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._flush_timer.timeout.connect(self._flush)
        # Services may commit on worker threads; a queued signal brings it here.
        self._from_any_thread.connect(self._collect)
        self._unsubscribe = crm.events.subscribe(self._from_any_thread.emit)
        self._version = self._read_version()
        self._lost: CrmError | None = None  # why the file opened is no longer there
        self._again = False  # a view could not refresh: announce a change at the next poll
        self._poll_timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(self.poll)
        self._poll_timer.start()

    def _read_version(self) -> int | None:
        try:
            return self._crm.data_version()
        except CrmError:
            return None  # busy: try again at the next tick

    def poll(self) -> None:
        """Compare ``Crm.data_version``: it moves when another client commits (SQLite's
        PRAGMA data_version; on PostgreSQL, the notifications heard, see db/pg_notify.py).
        A file deleted or replaced under the window is said (``file_lost``, at every poll
        until it is back): what the screens show is no longer what the file holds."""
        if not self._file_in_place():
            return
        version = self._read_version()
        if version is not None and (version != self._version or self._again):
            self._version, self._again = version, False
            self._collect(frozenset({Change.EXTERNAL}))

    def _file_in_place(self) -> bool:
        try:
            self._crm.check_file()
        except CrmError as error:
            self._lost = error
            self.file_lost.emit(error)  # at every poll: the path may be filled again
            return False
        if self._lost is not None:  # put back (a replace undone): read it all again
            self._lost, self._again = None, True
            self.file_back.emit()
        return True

    @property
    def lost(self) -> CrmError | None:
        """Why the file opened is no longer in its place, or None."""
        return self._lost

    def announce_again(self) -> None:
        """A view met an error while refreshing: at the next poll that reaches the
        database, everything is announced as changed (``Change.EXTERNAL``) again."""
        self._again = True

    def _collect(self, changes: frozenset[Change]) -> None:
        self._pending |= changes
        if self._flush_timer.isActive():
            return
        since_last = int((time.monotonic() - self._last_flush) * 1000)
        self._flush_timer.start(max(COALESCE_MS, MIN_SPACING_MS - since_last))

    def flush_now(self) -> None:
        """Announce pending changes at once instead of when the timer says (tests, closing)."""
        self._flush_timer.stop()
        self._flush()

    def _flush(self) -> None:
        changes, self._pending = frozenset(self._pending), set()
        if changes:
            self._last_flush = time.monotonic()
            self.changed.emit(changes)

    def stop(self) -> None:
        self._poll_timer.stop()
        self._flush_timer.stop()
        self._unsubscribe()
