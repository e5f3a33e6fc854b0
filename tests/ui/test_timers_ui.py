"""The window applies the timers by itself (``ui/timers.py``) in a worker, one run at a
time, errors in the status bar; and the contacts list's "Mark answered" action.
Time is a fake clock the test moves; nothing sleeps for a deadline."""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseBusy
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactState
from desktop_crm.services.timers import TimerResult
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.contacts import ContactsPage
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.timers import TimerRunner

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def crm(database_location, clock):  # the window's services read the fake clock
    instance = open_crm(database_location, random.Random(5).randint, clock=clock)
    yield instance
    instance.close()


@pytest.fixture
def late(crm):
    """A contact with Анна on a source whose reply deadline is 15 minutes; Борис has room."""
    crm.operators.create("Анна", max_load=3)
    crm.operators.create("Борис", max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    crm.sources.update("site", reply_within=900)
    contact = crm.contacts.register(ContactRequest("+79001234567", "site")).contact
    crm.operators.update("Борис", max_load=3)
    return contact


@pytest.fixture
def window(qtbot, ctx, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.reload()
    win.show()
    qtbot.waitExposed(win)
    settle()
    return win


def test_the_window_moves_a_late_contact_on_its_own(qtbot, ctx, late, clock, window, settle):
    runner = TimerRunner(ctx, window, interval_ms=20)
    runner.start()
    clock.now = T0 + dt.timedelta(minutes=14)
    with qtbot.waitSignal(runner.ran, timeout=10_000) as early:
        pass
    assert early.args[0].moved == 0
    clock.now = T0 + dt.timedelta(minutes=15)
    qtbot.waitUntil(lambda: ctx.crm.contacts.get(late.id).operator.name == "Борис", timeout=10_000)
    runner.stop()
    settle()
    assert not runner.active


def test_the_main_window_closes_its_timer(qtbot, window):
    assert not window.timers.active  # AppController.show starts it once the window is up
    window.timers.start()
    assert window.timers.active
    window.close()
    assert not window.timers.active


def test_never_two_runs_at_once_and_never_on_the_gui_thread(qtbot, ctx, window, monkeypatch):
    release = threading.Event()
    threads = []

    def slow(**_kwargs):
        threads.append(threading.current_thread())
        release.wait(10)
        return TimerResult()

    monkeypatch.setattr(ctx.crm.timers, "run_due", slow)
    runner = TimerRunner(ctx, window, interval_ms=60_000)
    runner.run_now()
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=5_000)
    runner.run_now()  # skipped: one is running
    runner.run_now()
    assert runner.running
    with qtbot.waitSignal(runner.ran, timeout=10_000):
        release.set()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert not runner.running


def test_an_error_is_a_status_bar_message_and_the_next_tick_tries_again(
    qtbot, ctx, window, monkeypatch
):
    calls = []

    def busy(**_kwargs):
        calls.append(1)
        raise DatabaseBusy(QT_TRANSLATE_NOOP("errors", "The database stayed busy."))

    monkeypatch.setattr(ctx.crm.timers, "run_due", busy)
    runner = TimerRunner(ctx, window, interval_ms=60_000)
    with qtbot.waitSignal(runner.failed, timeout=10_000):
        runner.run_now()
    QCoreApplication.processEvents()
    message = window.statusBar().currentMessage()
    assert message.startswith("Cannot refresh") and "busy" in message
    assert not runner.running
    with qtbot.waitSignal(runner.failed, timeout=10_000):
        runner.run_now()
    assert len(calls) == 2


# -- "Mark answered" on the contacts list ---------------------------------------------------
def test_mark_answered_records_the_first_reply_of_the_selected(
    qtbot, ctx, late, clock, shown_page, settle
):
    page = shown_page(ContactsPage, 1280, 800)
    page.table.selectRow(0)
    settle()
    assert page.answered_action.isEnabled()
    assert page.answered_action.shortcut().toString() == "Ctrl+Shift+Y"
    assert page.answered_action in page.page_actions()
    page.answered_action.trigger()
    settle()
    assert page.message.text().startswith("Marked 1 contact")
    assert ctx.crm.contacts.get(late.id).answered_at == T0
    clock.now = T0 + dt.timedelta(hours=1)
    page.answered_action.trigger()
    settle()
    assert "answered before" in page.message.text()
    assert ctx.crm.contacts.get(late.id).answered_at == T0
    clock.now = T0 + dt.timedelta(hours=2)
    assert ctx.crm.timers.run_due().moved == 0  # answered: the deadline is met


def test_the_overdue_filter_lists_contacts_that_missed_their_deadline(
    ctx, late, clock, shown_page, settle
):
    ctx.crm.operators.update("Борис", max_load=0)
    clock.now = T0 + dt.timedelta(minutes=20)
    assert ctx.crm.timers.run_due().overdue == 1
    page = shown_page(ContactsPage, 1280, 800)
    page.state_combo.setCurrentIndex(page.state_combo.findData(ContactState.OVERDUE.value))
    settle()
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == late.id


# -- the decision trace says what the timers did ---------------------------------------------
def test_the_trace_explains_a_missed_deadline_and_an_auto_close(ctx, late, clock):
    from desktop_crm.ui.decision_view import history_html

    crm = ctx.crm
    crm.operators.update("Борис", max_load=0)
    clock.now = T0 + dt.timedelta(minutes=15)
    crm.timers.run_due()
    text = history_html(crm.contacts.history(late.id))
    assert "Reply deadline missed" in text
    assert "Анна missed the reply deadline; nobody else could take it" in text
    assert "missed the reply deadline" in text  # Анна's row in the candidates
    crm.sources.update("site", close_after=3600)
    clock.now = T0 + dt.timedelta(hours=2)
    assert crm.timers.run_due().closed == 1
    last = history_html(crm.contacts.history(late.id)[-1:])
    assert "Closed automatically" in last and "No activity for 1h: closed automatically." in last
