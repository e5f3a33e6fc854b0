"""Tray notifications: a contact has waited for an operator longer than the threshold,
or its reply deadline passed and nobody else could take it (overdue).

Only where the system has a tray (``QSystemTrayIcon.isSystemTrayAvailable``); elsewhere
nothing happens, silently. Every few seconds and after every change, a worker asks
``BoardService.alerts``; ``services.board.fresh_alerts`` decides what is new, so each
contact is told once, and several at once in one message. The first look only notes
what is already there (the Board shows it). Clicking the message shows the contact
(the main window selects it on the Contacts screen). File > Settings… turns the
notifications off or changes the threshold (``NOTIFICATIONS``, ``NOTIFY_WAIT_MINUTES``).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from desktop_crm import APP_NAME
from desktop_crm.domain.external_id import display_external_id
from desktop_crm.domain.text import on_screen
from desktop_crm.services.board import Alert, AlertKind, Alerts, AlertState, Fresh, fresh_alerts
from desktop_crm.services.events import Change
from desktop_crm.ui.app_icon import app_icon
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.operator_status import wait_text
from desktop_crm.ui.preferences import NOTIFICATIONS, NOTIFY_WAIT_MINUTES

log = logging.getLogger(__name__)

CHECK_MS = 15_000  # waits grow without any change: look again this often
SHOWN_MS = 15_000  # how long the message stays (where the system lets us say)
LINES_SHOWN = 3  # contacts named in a message about several


class Tray(Protocol):
    """What is used of a ``QSystemTrayIcon`` (tests give a fake one)."""

    messageClicked: SignalInstance
    activated: SignalInstance

    def showMessage(
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None: ...

    def hide(self) -> None: ...


def system_tray(parent: QWidget) -> Tray | None:
    """The system's tray icon, shown; None where the system has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = QSystemTrayIcon(app_icon(), parent)
    icon.setToolTip(APP_NAME)
    icon.show()
    return icon


def _lead(alert: Alert) -> str:
    shown = display_external_id(alert.external_id)
    return f"{on_screen(alert.lead_name)} ({shown})" if alert.lead_name else shown


class TrayNotifications(QObject):
    contact_chosen = Signal(object)  # the Alert whose message was clicked
    window_wanted = Signal()  # the tray icon was clicked

    def __init__(self, ctx: UiContext, tray: Tray | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tray = tray
        self.state = AlertState()
        self._threshold: dt.timedelta | None = None
        self._checking = False
        self._again = False
        self._last: Alert | None = None
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)
        if tray is None:
            return  # no tray on this system: nothing to do, and nothing said
        tray.messageClicked.connect(self._clicked)
        tray.activated.connect(lambda _reason: self.window_wanted.emit())
        ctx.bridge.changed.connect(self._changed)
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    # -- looking ---------------------------------------------------------------------
    def _changed(self, changes: frozenset[Change]) -> None:
        if changes & {Change.CONTACTS, Change.SOURCES, Change.EXTERNAL}:
            self.check()

    def check(self) -> None:
        """Ask the services (in a worker) what needs attention; tell what is new."""
        if self.tray is None:
            return
        preferences = self.ctx.preferences
        threshold = dt.timedelta(minutes=max(1, preferences.get(NOTIFY_WAIT_MINUTES)))
        if not preferences.get(NOTIFICATIONS) or threshold != self._threshold:
            self.state = AlertState()  # off, or another threshold: start afresh
            self._threshold = threshold if preferences.get(NOTIFICATIONS) else None
            if self._threshold is None:
                return
        if self._checking:
            self._again = True
            return
        self._checking = True
        board, since = self.ctx.crm.board, self.state.checked_at
        self.ctx.runner.start(
            lambda _ctx: board.alerts(threshold, since), self._looked, self._failed
        )

    def _looked(self, alerts: Alerts) -> None:
        self._done()
        if self._threshold is None or alerts.since != self.state.checked_at:
            return  # turned off, or started afresh, meanwhile
        fresh, self.state = fresh_alerts(self.state, alerts)
        if fresh.count:
            self.tell(fresh, alerts.at)

    def _failed(self, error: BaseException) -> None:
        log.warning("notifications: could not look at the queue: %s", error)
        self._done()

    def _done(self) -> None:
        self._checking = False
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.check)

    # -- telling ---------------------------------------------------------------------
    def tell(self, fresh: Fresh, at: dt.datetime) -> None:
        if self.tray is None or not fresh.alerts:
            return
        self._last = fresh.alerts[0]
        lines = [self._line(alert, at) for alert in fresh.alerts[:LINES_SHOWN]]
        if fresh.count > len(lines):
            lines.append(self.tr("…and %n more.", "", fresh.count - len(lines)))
        if fresh.count == 1:
            title = self.tr("A contact needs an operator")
        else:
            title = self.tr("%n contact(s) need an operator", "", fresh.count)
        self.tray.showMessage(
            title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Warning, SHOWN_MS
        )

    def _line(self, alert: Alert, at: dt.datetime) -> str:
        if alert.kind == AlertKind.OVERDUE:
            return self.tr("{lead}, {source}: no reply in time, nobody else can take it").format(
                lead=_lead(alert), source=alert.source.name
            )
        return self.tr("{lead}, {source}: waiting for {wait}").format(
            lead=_lead(alert),
            source=alert.source.name,
            wait=wait_text((at - alert.since).total_seconds()),
        )

    def _clicked(self) -> None:
        if self._last is not None:
            self.contact_chosen.emit(self._last)
