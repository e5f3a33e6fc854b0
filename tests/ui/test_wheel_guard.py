"""A mouse wheel never changes stored data: a combo or spin box takes the wheel only
when it has the focus (one rule for the application, ui/wheel_guard.py); over an
unfocused box the page around it scrolls. The strategy and the returning-lead rule,
saved at once, can be undone like the other edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.wheel_guard import install_wheel_guard


@pytest.fixture
def window(qtbot, ctx, staffed, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.reload()
    settle()
    return win


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of the wheel over the middle of ``widget`` (down: negative)."""
    centre = widget.rect().center()
    event = QWheelEvent(
        QPointF(centre),
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def stored(crm):
    return [(s.name, s.strategy, s.repeat_to_last) for s in crm.sources.list()]


def sources_page(window, settle):
    window.show_page("sources")
    page = window.pages["sources"]
    page.table.selectRow(0)
    settle()
    return page


def test_a_wheel_over_the_unfocused_strategy_box_changes_nothing(window, ctx, settle):
    page = sources_page(window, settle)
    assert page.strategy_combo.isEnabled()
    assert not page.strategy_combo.hasFocus()
    before = stored(ctx.crm)
    shown = page.strategy_combo.currentIndex()
    wheel(page.strategy_combo, -1)
    wheel(page.strategy_combo, 1)
    wheel(page.strategy_combo, -1)
    settle()
    assert stored(ctx.crm) == before
    assert page.strategy_combo.currentIndex() == shown
    assert not window.undo_action.isEnabled()


def test_the_focused_strategy_box_takes_the_wheel_and_the_change_is_undone(
    qtbot, window, ctx, settle
):
    page = sources_page(window, settle)
    before = stored(ctx.crm)
    page.strategy_combo.setFocus()
    qtbot.waitUntil(page.strategy_combo.hasFocus)
    wheel(page.strategy_combo, -1)  # down: the next strategy
    settle()
    changed = stored(ctx.crm)
    assert changed != before
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    settle()
    assert stored(ctx.crm) == before
    qtbot.waitUntil(lambda: page.strategy_combo.currentData() == ctx.crm.sources.list()[0].strategy)
    window.redo_action.trigger()
    settle()
    assert stored(ctx.crm) == changed


def test_the_returning_lead_rule_is_undone_like_the_other_edits(qtbot, window, ctx, settle):
    page = sources_page(window, settle)
    before = stored(ctx.crm)
    page.repeat_check.click()
    settle()
    assert stored(ctx.crm) != before
    assert "returning leads" in window.undo_action.text()
    window.undo_action.trigger()
    settle()
    assert stored(ctx.crm) == before
    source = page.selected_source()
    qtbot.waitUntil(lambda: page.repeat_check.isChecked() == source.repeat_to_last)


def test_no_box_in_the_window_is_focused_by_the_wheel(window):
    boxes = window.findChildren(QComboBox) + window.findChildren(QAbstractSpinBox)
    assert boxes
    for box in boxes:
        if box.isVisible():
            assert box.focusPolicy() != Qt.FocusPolicy.WheelFocus, box


def test_a_wheel_over_an_unfocused_box_scrolls_the_page_instead(qtbot):
    install_wheel_guard()
    area = QScrollArea()
    qtbot.addWidget(area)
    inner = QWidget()
    column = QVBoxLayout(inner)
    spins = []
    for _ in range(40):
        spin = QSpinBox()
        spin.setValue(5)
        column.addWidget(spin)
        spins.append(spin)
    area.setWidget(inner)
    area.resize(200, 200)
    area.show()
    qtbot.waitExposed(area)
    bar = area.verticalScrollBar()
    assert bar.value() == 0
    wheel(spins[1], -1)
    assert spins[1].value() == 5
    qtbot.waitUntil(lambda: bar.value() > 0)
    spins[1].setFocus()
    qtbot.waitUntil(spins[1].hasFocus)
    wheel(spins[1], 1)
    assert spins[1].value() == 6
