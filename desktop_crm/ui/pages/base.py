"""A screen of the main window: it refreshes itself when data changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
from PySide6.QtGui import QAction, QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from desktop_crm.services.events import Change
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.refresh_errors import refresh_slot

TIME_TICK_MS = 60_000  # screens that show what time alone changes read again this often


class Page(QWidget):
    """Subclasses set ``name`` (stable, for settings) and ``title``, marked with
    ``QT_TRANSLATE_NOOP("Pages", ...)`` and translated when shown."""

    name = "page"
    title = "Page"
    time_tick_ms: int | None = None
    """A screen showing what time alone changes (a shift starts, an absence ends) reads
    again this often while shown, and when shown after at least as long."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending: frozenset[Change] = frozenset()  # changes heard while not shown
        ctx.bridge.changed.connect(self._refresh)
        self.tick = QTimer(self, interval=self.time_tick_ms or 0)
        self.tick.timeout.connect(self._time_passed)
        self._since_tick = QElapsedTimer()

    def _time_passed(self) -> None:
        self._since_tick.start()
        if self.time_tick_ms and self.tick.interval() != self.time_tick_ms:
            self.tick.setInterval(self.time_tick_ms)  # after a first, shorter wait
        self.on_time_passed()

    def on_time_passed(self) -> None:
        """What time alone may have changed is read again (``time_tick_ms``)."""
        self.reload()

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)

    @refresh_slot
    def _refresh(self, changes: frozenset[Change]) -> None:
        if self.waits_for_show():
            self._pending |= changes
            return
        self.on_data_changed(changes)

    def waits_for_show(self) -> bool:
        """True while the window shows another screen: changes heard meanwhile are kept
        and refresh this one once, when it is shown (registering a contact refreshed
        every screen, re-reading a million contacts for screens nobody looked at)."""
        window = self.window()
        return window is not self and window.isVisible() and not self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            changes, self._pending = self._pending, frozenset()
            self._refresh(changes)
        if self.time_tick_ms:
            if not self._since_tick.isValid():
                self._since_tick.start()  # the first show: the page's own load reads it
            elif self._since_tick.hasExpired(self.time_tick_ms):
                self._time_passed()
            # The next read when the interval since the last one ends, not a whole
            # interval after this show (shown again after 40 s of 60: in 20 s).
            left = self.time_tick_ms - int(self._since_tick.elapsed())
            self.tick.start(max(1, min(self.time_tick_ms, left)))

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.tick.stop()

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        """Refresh what ``changes`` touched, in place (a ``CrmError`` is said in the
        status bar and the refresh tried again, see ``ui/refresh_errors.py``)."""

    def reload(self) -> None:
        """Load everything afresh (a newly opened database)."""

    def focus_entry(self) -> None:
        """Put the cursor where this screen's first step is typed (the welcome screen's
        buttons lead here)."""

    def has_unsaved(self) -> bool:
        """Edits that are not stored yet (the weights editor's)."""
        return False

    def settle_unsaved(self) -> bool:
        """Ask whether to save or discard the unsaved edits before the window closes or
        opens another database; False: the user cancelled, nothing may close."""
        return True

    def page_actions(self) -> list[QAction]:
        """Actions the main window puts into its menus while this page exists."""
        return []

    def export_actions(self) -> list[QAction]:
        """Exports of this page, which the main window puts into the File menu."""
        return []

    def edit_actions(self) -> list[QAction]:
        """This page's own keys (Find, Delete, Save), which the main window shows in
        the Edit menu while the page is the current one."""
        return []

    def save_state(self, preferences: Preferences) -> None:
        """Splitters, column widths: one person's preferences."""

    def restore_state(self, preferences: Preferences) -> None:
        pass
