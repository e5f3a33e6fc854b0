"""Fixtures for the window's tests: a UiContext over a temporary database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop_crm import resources
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.bridge import DataBridge
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def default_locale():
    """A test that switches the window's language changes QLocale's default (numbers and
    dates follow it): give the next test the locale it started with."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def no_modifier_left_held(qapp):
    """Qt keeps the keyboard modifiers of the last key event: after a test's
    ``keyClick(..., ControlModifier)`` the application still reads Ctrl as held, and in
    the next test of the same process ``selectRow`` toggles or extends instead of
    selecting. A release with no modifier after each test sets them back."""
    yield
    QTest.keyRelease(QWidget(), Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


@pytest.fixture(autouse=True)
def unsaved_work_discarded_at_teardown(monkeypatch):
    """A test that leaves weights unsaved would meet the Save/Discard/Cancel question when
    its window closes, a modal box nobody answers offscreen: it is answered "discard"
    (tests of the question set their own answers)."""
    monkeypatch.setattr(
        "desktop_crm.ui.pages.sources.ask_save", lambda *_args: "discard", raising=False
    )


@pytest.fixture
def preferences(tmp_path):
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(qapp, crm, preferences):
    runner = TaskRunner(crm.close_thread_connection)
    bridge = DataBridge(crm)
    context = UiContext(crm, runner, bridge, preferences)
    yield context
    bridge.stop()
    runner.cancel_all()
    runner.wait_idle()


@pytest.fixture
def settle(qtbot, ctx):
    """Wait until background loads have finished and their results reached the models:
    no change waiting in the bridge and no task running, twice in a row (a finished
    load may start the next one). A wait that times out fails the test."""

    def idle() -> bool:
        ctx.bridge.flush_now()  # no waiting for the burst throttle in tests
        return not ctx.runner.busy

    def wait() -> None:
        for _ in range(2):
            qtbot.waitUntil(idle, timeout=30_000)
            QCoreApplication.processEvents()

    return wait


@pytest.fixture
def shown_page(qtbot, ctx, settle):
    """Make a screen of the window, show it at a size and wait until it has loaded."""

    def show(page_class, width=1280, height=800):
        widget = page_class(ctx)
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        widget.reload()
        settle()
        return widget

    return show


@pytest.fixture
def staffed(crm):
    """Two operators, two sources with weights, a few contacts."""
    crm.operators.create("Анна Смирнова", max_load=3)
    crm.operators.create("Борис", max_load=2)
    crm.sources.create("Telegram-бот", code="tg")
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("tg", {"Анна Смирнова": 1, "Борис": 1})
    crm.sources.set_weights("site", {"Анна Смирнова": 2})
    for i in range(4):
        crm.contacts.register(ContactRequest(f"+7900000000{i}", "tg", name=f"Лид {i}"))
    return crm


@pytest.fixture
def russian(qapp) -> Iterator[QTranslator]:
    """The window's Russian translation installed for the test (the .qm that `make
    translations` builds), removed afterwards."""
    translator = QTranslator()
    assert translator.load(str(resources.TRANSLATIONS_DIR / "desktop_crm_ru.qm"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)
