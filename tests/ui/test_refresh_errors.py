"""D5 (issue 11): a user error met while the window refreshes after a change (the
database server restarted under it) is a status-bar message, not a crash dialog, and the
refresh is tried again at the next poll."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseOpenError
from desktop_crm.services.events import Change
from desktop_crm.ui import dialogs
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES


def _closed() -> DatabaseOpenError:
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."),
        path="postgresql://disp@db/cp1",
        reason="the connection is closed",
    )


@pytest.fixture
def crashes(monkeypatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_crash", lambda _parent, error: shown.append(error))
    return shown


@pytest.fixture
def window(qtbot, ctx, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    win.show()
    qtbot.waitExposed(win)
    settle()
    return win


def test_a_refresh_that_meets_a_closed_connection_says_so_and_retries(
    qtbot, ctx, window: MainWindow, monkeypatch, crashes, settle
) -> None:
    crm = ctx.crm
    failing = {"on": True}

    def broken(real):  # the services' public seam: each call raises while "on"
        def call(*args, **kwargs):
            if failing["on"]:
                raise _closed()
            return real(*args, **kwargs)

        return call

    for service, name in [
        (crm.sources, "list"),
        (crm.queue, "auto_enabled"),
        (crm, "is_empty"),
        (crm.operators, "list"),
    ]:
        monkeypatch.setattr(service, name, broken(getattr(service, name)))

    ctx.bridge.changed.emit(frozenset({Change.EXTERNAL}))  # the first notification
    QCoreApplication.processEvents()
    assert crashes == []
    message = window.statusBar().currentMessage()
    assert "the connection is closed" in message
    assert message.startswith("Cannot refresh")

    # the server is back: the next poll announces a change again, the views refresh
    failing["on"] = False
    crm.sources.create("Новый сайт")  # through the services: the views hear of it anyway
    with qtbot.waitSignal(ctx.bridge.changed, timeout=10_000):
        ctx.bridge.poll()
    settle()
    assert crashes == []
    assert window.intake.source.findText("Новый сайт") >= 0


def test_the_bridge_announces_again_after_a_failed_refresh(qtbot, ctx) -> None:
    ctx.bridge.announce_again()
    with qtbot.waitSignal(ctx.bridge.changed, timeout=5_000) as blocker:
        ctx.bridge.poll()
    assert blocker.args == [frozenset({Change.EXTERNAL})]


def test_any_user_error_that_reaches_the_crash_handler_is_a_warning(qapp, monkeypatch) -> None:
    """The last net: a CrmError no slot caught is said, not reported as a bug."""
    import sys

    from desktop_crm.ui import application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    warned: list[tuple[object, ...]] = []
    crashed: list[BaseException] = []
    monkeypatch.setattr(application.QMessageBox, "warning", lambda *a: warned.append(a))
    monkeypatch.setattr(application, "show_crash", crashed.append)
    application.install_crash_handler()
    error = _closed()
    sys.excepthook(type(error), error, None)
    assert crashed == []
    assert "the connection is closed" in str(warned[0][2])
    sys.excepthook(ValueError, ValueError("a bug"), None)
    assert len(crashed) == 1


def test_the_operators_screen_says_a_failed_read_in_the_status_bar(
    qtbot, ctx, window: MainWindow, monkeypatch, crashes, settle
) -> None:
    """Its rows are read in a worker (statuses move with the clock): a read that meets a
    closed connection is the same status-bar line as any refresh, not a message box
    over the window at every tick."""
    ctx.crm.operators.create("Анна")
    window.show_page("operators")
    settle()
    page = window.pages["operators"]
    boxes: list[str] = []
    monkeypatch.setattr(dialogs, "notify_error", lambda _parent, _title, text: boxes.append(text))
    real_list = ctx.crm.operators.list
    failing = {"on": True}

    def list_or_fail(*args, **kwargs):
        if failing["on"]:
            raise _closed()
        return real_list(*args, **kwargs)

    monkeypatch.setattr(ctx.crm.operators, "list", list_or_fail)
    page.reload()  # what the page's time tick and a change of the data both do
    qtbot.waitUntil(lambda: "the connection is closed" in window.statusBar().currentMessage())
    assert boxes == [] and crashes == []
    assert window.statusBar().currentMessage().startswith("Cannot refresh")
    assert page.model.rowCount() == 1  # what it showed stays

    failing["on"] = False
    ctx.crm.operators.create("Борис")
    with qtbot.waitSignal(ctx.bridge.changed, timeout=10_000):
        ctx.bridge.poll()  # announced again: the screen reads once more by itself
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert boxes == []
