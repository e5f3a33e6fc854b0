"""Small window fixes from issue 12's hostile review: the tray setting on a desktop with
no tray, and the Operators screen's hint naming the hours dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_crm.ui import tray_settings
from desktop_crm.ui.pages.operators import OperatorsPage


@pytest.mark.parametrize("available", [True, False])
def test_the_tray_check_box_is_off_limits_without_a_tray(qapp, preferences, monkeypatch, available):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available))
    check, minutes, _row = tray_settings.notification_fields(preferences)
    assert check.isEnabled() is available
    if not available:
        assert not minutes.isEnabled()
        check.setChecked(not check.isChecked())
        assert not minutes.isEnabled()


def test_the_operators_hint_names_the_hours_dialog(qtbot, shown_page):
    page = shown_page(OperatorsPage)
    assert "Ctrl+Shift+H" in page.hint.text()
