"""The notifications' part of File > Settings…: on or off, and how long a contact may
wait for an operator before the tray says so (this person's preferences, ui/tray.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QSystemTrayIcon

from desktop_crm.ui.preferences import NOTIFICATIONS, NOTIFY_WAIT_MINUTES, Preferences

MAX_WAIT_MINUTES = 24 * 60


def notification_fields(preferences: Preferences) -> tuple[QCheckBox, QSpinBox, QHBoxLayout]:
    """The check box, the minutes and the row that holds them."""
    check = QCheckBox(
        QCoreApplication.translate(
            "SettingsDialog", "&Warn in the system tray when a contact waits for an operator over"
        )
    )
    check.setChecked(preferences.get(NOTIFICATIONS))
    minutes = QSpinBox(minimum=1, maximum=MAX_WAIT_MINUTES)
    minutes.setValue(min(max(preferences.get(NOTIFY_WAIT_MINUTES), 1), MAX_WAIT_MINUTES))
    minutes.setSuffix(QCoreApplication.translate("SettingsDialog", " min"))
    has_tray = QSystemTrayIcon.isSystemTrayAvailable()
    minutes.setEnabled(has_tray and check.isChecked())
    check.setEnabled(has_tray)  # nothing to show them in: the setting is kept, not offered
    check.toggled.connect(lambda on: minutes.setEnabled(has_tray and on))
    tip = QCoreApplication.translate(
        "SettingsDialog",
        "Also when a contact's reply deadline passes and nobody else can take it. "
        "Clicking the message shows the contact. Saved on this computer only.",
    )
    if not has_tray:
        tip = QCoreApplication.translate(
            "SettingsDialog",
            "This desktop has no system tray, so there is nothing to show them in.",
        )
    for widget in (check, minutes):
        widget.setToolTip(tip)
    row = QHBoxLayout()
    row.addWidget(check)
    row.addWidget(minutes)
    row.addStretch(1)
    return check, minutes, row


def save_notifications(preferences: Preferences, check: QCheckBox, minutes: QSpinBox) -> None:
    preferences.set(NOTIFICATIONS, check.isChecked())
    preferences.set(NOTIFY_WAIT_MINUTES, minutes.value())
