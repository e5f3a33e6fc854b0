"""The Board: its numbers are the data's, it refreshes in place keeping the selection,
double-clicks lead to the contacts; the tray tells each contact once and a click shows it."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactState
from desktop_crm.services.events import Change
from desktop_crm.ui import main_window as main_window_module
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.board import O_NAME, O_STATUS, S_OLDEST, S_SOURCE, S_WAITING
from desktop_crm.ui.operator_status import wait_text
from desktop_crm.ui.pages.board import BoardPage
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.preferences import NOTIFICATIONS, NOTIFY_WAIT_MINUTES
from desktop_crm.ui.tray import TrayNotifications

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


class FakeClock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> dt.datetime:
        return self.at


class FakeTray(QObject):
    messageClicked = Signal()
    activated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, text: str, icon: object, msecs: int) -> None:
        self.messages.append((title, text))

    def hide(self) -> None:
        pass


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def crm(database_location, clock):
    instance = open_crm(database_location, random.Random(5).randint, clock=clock)
    yield instance
    instance.close()


@pytest.fixture
def day(crm, clock):
    """Анна (room 2 of 3) on the bot and the site; Борис inactive; three contacts wait
    on the form, which nobody serves."""
    crm.operators.create("Анна Смирнова", max_load=3)
    crm.operators.create("Борис", max_load=2, active=False)
    crm.sources.create("Telegram-бот", code="tg")
    crm.sources.create("Форма на сайте", code="form")
    crm.sources.set_weights("tg", {"Анна Смирнова": 1, "Борис": 1})
    crm.contacts.register(ContactRequest("+79000000001", "tg", name="Лид 1"))
    for i in range(3):
        crm.contacts.register(ContactRequest(f"+7900000001{i}", "form", name=f"Ждёт {i}"))
        clock.at += MINUTE
    clock.at += 10 * MINUTE
    return crm


def _cells(view, column):
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _row_of(view, column, text):
    return _cells(view, column).index(text)


def test_the_board_shows_the_data(qtbot, qtmodeltester, shown_page, day):
    page = shown_page(BoardPage)
    qtbot.waitUntil(lambda: page.sources_model.rowCount() == 2)
    qtmodeltester.check(page.sources_model)
    qtmodeltester.check(page.operators_model)
    table = page.sources_table
    form = _row_of(table, S_SOURCE, "Форма на сайте")
    tg = _row_of(table, S_SOURCE, "Telegram-бот")
    model = table.model()
    values = [model.index(form, c).data() for c in range(model.columnCount())]
    assert values == ["Форма на сайте", "3", wait_text(13 * 60), "0", "0", "0"]
    assert [model.index(tg, c).data() for c in range(1, model.columnCount())] == [
        "0",
        "",
        "0",
        "1",  # Анна; Борис is inactive
        "2",  # Анна's room
    ]
    assert wait_text(13 * 60) == "13 min"
    operators = page.operators_table
    anna = _row_of(operators, O_NAME, "Анна Смирнова")
    boris = _row_of(operators, O_NAME, "Борис")
    assert operators.model().index(anna, O_STATUS).data() == "available"
    assert operators.model().index(boris, O_STATUS).data() == "inactive"
    assert page.summary.text() == "3 contact(s) waiting"  # numerus: untranslated in tests


def test_a_change_refreshes_the_board_in_place_keeping_the_selection(
    qtbot, shown_page, day, ctx, settle
):
    page = shown_page(BoardPage)
    table = page.sources_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    form = _row_of(table, S_SOURCE, "Форма на сайте")
    table.selectRow(form)
    resets: list[int] = []
    page.sources_model.modelReset.connect(lambda: resets.append(1))
    ctx.crm.sources.set_weights("form", {"Анна Смирнова": 1})
    ctx.crm.queue.drain()  # Анна takes two of the three (room 2)
    settle()
    qtbot.waitUntil(lambda: table.model().index(form, S_WAITING).data() == "1")
    assert resets == []
    assert [i.row() for i in table.selectionModel().selectedRows()] == [form]
    assert table.model().index(form, S_OLDEST).data() == wait_text(11 * 60)  # the last one


def test_waits_grow_with_time_alone(qtbot, shown_page, day, clock):
    page = shown_page(BoardPage)
    table = page.sources_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    form = _row_of(table, S_SOURCE, "Форма на сайте")
    clock.at += 60 * MINUTE
    assert page.tick.isActive() and page.tick.interval() == 30_000  # while shown
    page.tick.timeout.emit()  # the half-minute tick
    qtbot.waitUntil(lambda: table.model().index(form, S_OLDEST).data() == "1 h 13 min")


@pytest.fixture
def window(qtbot, ctx, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    win.show()
    settle()
    return win


def test_the_window_opens_on_the_board_and_a_source_leads_to_its_queue(qtbot, day, window, settle):
    assert window.current_page_name() == "board"
    board = window.pages["board"]
    table = board.sources_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    form = _row_of(table, S_SOURCE, "Форма на сайте")
    table.setFocus()
    table.setCurrentIndex(table.model().index(form, S_SOURCE))
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter, as a double-click
    assert window.current_page_name() == "contacts"
    contacts = window.pages["contacts"]
    flt = contacts.current_filter()
    assert flt.state == ContactState.UNASSIGNED
    assert contacts.source_combo.currentText() == "Форма на сайте"
    settle()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 3)


def test_an_operator_leads_to_its_active_contacts(qtbot, day, window, settle):
    board = window.pages["board"]
    table = board.operators_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    anna = _row_of(table, O_NAME, "Анна Смирнова")
    rect = table.visualRect(table.model().index(anna, O_NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_name() == "contacts"
    contacts = window.pages["contacts"]
    assert contacts.current_filter().state == ContactState.ACTIVE
    assert contacts.operator_combo.currentText() == "Анна Смирнова"
    settle()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)


# -- the tray --------------------------------------------------------------------------------
@pytest.fixture
def tray(qtbot, ctx, settle, day):
    fake = FakeTray()
    notifications = TrayNotifications(ctx, fake)
    settle()  # the first look: notes what waits already
    yield fake, notifications
    notifications.stop()


def _look(notifications, settle):
    notifications.check()
    settle()


def test_the_first_look_tells_nothing_and_each_contact_is_told_once(ctx, clock, tray, settle):
    fake, notifications = tray
    assert fake.messages == []  # three wait already: the Board shows them
    ctx.crm.contacts.register(ContactRequest("+79000000099", "form", name="Новый лид"))
    _look(notifications, settle)
    assert fake.messages == []  # not ten minutes yet
    clock.at += 10 * MINUTE
    _look(notifications, settle)
    assert fake.messages == [
        (
            "A contact needs an operator",
            "Новый лид (+7 900 000-00-99), Форма на сайте: waiting for 10 min",
        )
    ]
    clock.at += MINUTE
    _look(notifications, settle)
    ctx.bridge.changed.emit(frozenset({Change.CONTACTS}))
    settle()
    assert len(fake.messages) == 1  # told once


def test_several_at_once_are_one_message(ctx, clock, tray, settle):
    fake, notifications = tray
    for i in range(5):
        ctx.crm.contacts.register(ContactRequest(f"+7900000020{i}", "form", name=f"Лид {i}"))
    clock.at += 12 * MINUTE
    _look(notifications, settle)
    ((title, text),) = fake.messages
    assert title == "5 contact(s) need an operator"
    assert text.count("\n") == 3 and text.endswith("…and 2 more.")


def test_the_threshold_and_turning_it_off(ctx, clock, tray, settle, preferences):
    fake, notifications = tray
    preferences.set(NOTIFY_WAIT_MINUTES, 60)
    _look(notifications, settle)  # another threshold: a fresh first look
    ctx.crm.contacts.register(ContactRequest("+79000000301", "form"))
    clock.at += 20 * MINUTE
    _look(notifications, settle)
    assert fake.messages == []
    preferences.set(NOTIFICATIONS, False)
    clock.at += 50 * MINUTE  # now past an hour, but notifications are off
    _look(notifications, settle)
    assert fake.messages == []
    preferences.set(NOTIFICATIONS, True)
    _look(notifications, settle)  # on again: what waits now is noted, not told
    assert fake.messages == []


def test_clicking_the_message_shows_the_contact(
    qtbot, ctx, clock, day, settle, monkeypatch, preferences
):
    fake = FakeTray()
    monkeypatch.setattr(main_window_module, "system_tray", lambda parent: fake)
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    win.show()
    settle()
    new = ctx.crm.contacts.register(ContactRequest("+79000000401", "form", name="Кликнутый"))
    for i in range(3):  # newer ones: the contact is not the first row
        ctx.crm.contacts.register(ContactRequest(f"+7900000050{i}", "form"))
    clock.at += 11 * MINUTE
    win.notifications.check()
    settle()
    assert len(fake.messages) == 1
    fake.messageClicked.emit()
    assert win.current_page_name() == "contacts"
    contacts = win.pages["contacts"]
    settle()
    qtbot.waitUntil(lambda: [c.id for c in contacts.selected_contacts()] == [new.contact.id])
    assert contacts.current_filter().state == ContactState.UNASSIGNED


def test_no_tray_no_notifications(ctx, settle, day):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen
    notifications = TrayNotifications(ctx, None)
    notifications.check()
    settle()
    assert notifications.state.checked_at is None


def test_the_settings_turn_notifications_off_and_set_the_threshold(
    qtbot, window, preferences, settle, monkeypatch
):
    from PySide6.QtWidgets import QDialogButtonBox, QSystemTrayIcon

    # A desktop with a tray (offscreen has none, and then the check box is not offered).
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    assert preferences.get(NOTIFICATIONS) is True
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.notify.isChecked() and dialog.notify_minutes.value() == 10
    dialog.notify_minutes.setValue(25)
    assert dialog.notify.text().startswith("&W")
    dialog.notify.click()
    assert not dialog.notify.isChecked()
    assert not dialog.notify_minutes.isEnabled()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert preferences.get(NOTIFICATIONS) is False
    assert preferences.get(NOTIFY_WAIT_MINUTES) == 25


def test_a_settings_change_reads_the_board_again(qtbot, shown_page, day, ctx, monkeypatch):
    """The time zone decides whose shift is on and what "today" is on the board."""
    page = shown_page(BoardPage)
    qtbot.waitUntil(lambda: page.sources_model.rowCount() == 2)
    reads: list[int] = []
    snapshot = ctx.crm.board.snapshot
    monkeypatch.setattr(ctx.crm.board, "snapshot", lambda: reads.append(1) or snapshot())
    ctx.bridge.changed.emit(frozenset({Change.SETTINGS}))
    qtbot.waitUntil(lambda: reads == [1])
