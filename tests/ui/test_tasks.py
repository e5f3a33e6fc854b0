"""Worker failures are never only logged: user errors as messages, bugs in the crash dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm.errors import InvalidValue
from desktop_crm.ui import dialogs
from desktop_crm.ui.tasks import Cancelled, TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner(lambda: None)
    yield runner
    runner.cancel_all()
    runner.wait_idle()


@pytest.fixture
def shown(monkeypatch):
    """What the dialogs' seam was asked to show: ("error", text) or ("crash", error)."""
    seen: list[tuple[str, object]] = []
    monkeypatch.setattr(
        dialogs, "notify_error", lambda parent, title, text: seen.append(("error", text))
    )
    monkeypatch.setattr(dialogs, "show_crash", lambda parent, error: seen.append(("crash", error)))
    return seen


def fail_with(error: BaseException):
    def work(_ctx):
        raise error

    return work


def test_a_user_error_without_a_handler_is_shown_as_a_message(qtbot, runner, shown):
    runner.start(fail_with(InvalidValue("The weight must be a whole number.")))
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("error", "The weight must be a whole number.")]


def test_a_bug_without_a_handler_goes_to_the_crash_dialog(qtbot, runner, shown):
    bug = RuntimeError("a bug in a worker")
    runner.start(fail_with(bug))
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("crash", bug)]


def test_a_bug_reaches_the_crash_dialog_even_when_the_caller_handles_failures(qtbot, runner, shown):
    handled: list[BaseException] = []
    bug = KeyError("oops")
    runner.start(fail_with(bug), on_error=handled.append)
    qtbot.waitUntil(lambda: bool(shown))
    assert handled == [bug]  # the caller still puts its own state back
    assert shown == [("crash", bug)]


def test_a_handled_user_error_and_a_cancellation_show_nothing_more(qtbot, runner, shown):
    handled: list[BaseException] = []
    runner.start(fail_with(InvalidValue("no")), on_error=handled.append)
    runner.start(fail_with(Cancelled()))
    qtbot.waitUntil(lambda: len(handled) == 1 and not runner.busy)
    assert shown == []


def test_a_user_error_notice_does_not_block_and_is_not_repeated(qtbot, runner):
    runner.start(fail_with(InvalidValue("The file is read-only.")))
    runner.start(fail_with(InvalidValue("The file is read-only.")))
    qtbot.waitUntil(lambda: not runner.busy)
    qtbot.waitUntil(lambda: "The file is read-only." in dialogs._open_notices)
    box = dialogs._open_notices["The file is read-only."]
    qtbot.waitUntil(box.isVisible)
    assert not box.isModal()
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.text() == "The file is read-only."
    ]
    assert shown == [box]  # the second failure did not open a second box
    box.close()
    qtbot.waitUntil(lambda: "The file is read-only." not in dialogs._open_notices)


def test_the_crash_dialog_is_not_modal_and_copies_redacted_details(qtbot):
    try:
        raise RuntimeError("could not call +79001234567")
    except RuntimeError as error:
        caught = error
    dialog = dialogs.show_crash(None, caught)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "RuntimeError" in copied and "test_the_crash_dialog" in copied
    assert "79001234567" not in copied and "79001234567" not in dialog.details
