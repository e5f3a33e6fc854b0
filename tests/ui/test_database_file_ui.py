"""The database file in the window: File > Back up database…, the background quick check
after opening, and restoring the latest automatic backup of a damaged file."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from desktop_crm.db.backup import backups_folder
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import maintenance, open_crm
from desktop_crm.ui import application, database_file
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from tests.cli.test_dbfile import build
from tests.db.damage import corrupt_page


@pytest.fixture
def window(qtbot, ctx, settle, staffed):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.reload()
    settle()
    return win


def test_back_up_from_the_file_menu(qtbot, window, ctx, tmp_path, monkeypatch, settle):
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(database_file, "choose_backup_file", lambda parent, suggested: target)
    told = []
    monkeypatch.setattr(database_file, "show_info", lambda *args: told.append(args))
    with qtbot.waitSignal(window.database_file.backed_up, timeout=10_000):
        window.backup_action.trigger()
    assert str(target) in told[0][2]
    with closing(sqlite3.connect(target)) as connection:
        assert connection.execute("SELECT count(*) FROM contact").fetchone()[0] == 4


def test_a_backup_never_overwrites_a_file(qtbot, window, tmp_path, monkeypatch, settle):
    target = tmp_path / "exists.sqlite3"
    target.write_bytes(b"mine")
    monkeypatch.setattr(database_file, "choose_backup_file", lambda parent, suggested: target)
    errors = []
    monkeypatch.setattr(database_file, "show_error", lambda *args: errors.append(args))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "already exists" in errors[0][2]
    assert target.read_bytes() == b"mine"


# -- opening: the quick check and damaged files ---------------------------------------------
@pytest.fixture
def controller(qapp, preferences):
    made = application.AppController(preferences)
    yield made
    if made.ctx is not None:
        made.window.close()
        made.ctx.bridge.stop()
        made.ctx.runner.cancel_all()
        made.ctx.runner.wait_idle()
        made.ctx.crm.close()


def test_the_quick_check_runs_in_the_background_after_opening(
    qtbot, controller, tmp_path, monkeypatch
):
    path = tmp_path / "crm.sqlite3"
    build(path, contacts=20)
    threads = []
    real_check = maintenance.check_database

    def check(location, **options):
        threads.append(threading.current_thread())
        return real_check(location, **options)

    monkeypatch.setattr(maintenance, "check_database", check)
    asked = []
    monkeypatch.setattr(application, "ask_after_damage", lambda *a: asked.append(a) or "quit")
    monkeypatch.setattr(database_file, "ask_after_damage", lambda *a: asked.append(a) or "quit")
    crm = open_crm(DatabaseLocation(path))
    window = controller.show(crm)
    with qtbot.waitSignal(window.database_file.checked, timeout=10_000) as signal:
        pass
    report = signal.args[0]
    assert report.ok and report.quick
    assert threads and threads[0] is not threading.main_thread()
    assert asked == []


def test_damage_found_by_the_quick_check_offers_the_latest_backup(
    qtbot, controller, tmp_path, monkeypatch
):
    path = tmp_path / "crm.sqlite3"
    build(path, contacts=300)
    backups_folder(path).mkdir()
    backup = backups_folder(path) / "20260101-000000-000000-manual-schema4.sqlite3"
    # `backup` refuses the program's own folder: made beside it, then moved in
    made = maintenance.backup_database(DatabaseLocation(path), tmp_path / "made.sqlite3")
    Path(made.backup).rename(backup)
    corrupt_page(path, "contact", leaf=True)
    offered = []

    def answer(parent, message, latest):
        offered.append((message, latest))
        return "restore"

    monkeypatch.setattr(database_file, "ask_after_damage", answer)
    first = controller.show(open_crm(DatabaseLocation(path)))
    qtbot.waitUntil(lambda: controller.window is not first, timeout=20_000)
    message, latest = offered[0]
    assert str(path) in message and latest == backup
    assert maintenance.check_database(DatabaseLocation(path)).ok  # restored
    with qtbot.waitSignal(controller.window.database_file.checked, timeout=10_000) as signal:
        pass
    assert signal.args[0].ok
    kept = [p for p in maintenance.automatic_backups(DatabaseLocation(path)) if p != backup]
    assert kept and "before-restore-damaged" in kept[0].name  # the damaged file was kept
    assert maintenance.restorable_backups(DatabaseLocation(path)) == [backup]  # never offered


def test_a_file_too_damaged_to_open_offers_its_latest_backup(qapp, tmp_path, monkeypatch):
    path = tmp_path / "crm.sqlite3"
    build(path, contacts=10)
    backups_folder(path).mkdir()
    backup = backups_folder(path) / "20260101-000000-000000-manual-schema4.sqlite3"
    # `backup` refuses the program's own folder: made beside it, then moved in
    made = maintenance.backup_database(DatabaseLocation(path), tmp_path / "made.sqlite3")
    Path(made.backup).rename(backup)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    offered: list[Path | None] = []
    monkeypatch.setattr(
        application,
        "ask_after_damage",
        lambda parent, message, latest: offered.append(latest) or "restore",
    )
    crm = application.open_interactively(DatabaseLocation(path))
    assert crm is not None
    try:
        assert offered == [backup]
        assert [o.name for o in crm.operators.list()] == ["alice", "bob"]
    finally:
        crm.close()


def test_damage_met_on_the_gui_thread_is_a_warning_not_a_crash(qapp, monkeypatch, tmp_path):
    import sys

    from desktop_crm.db.guard import damage_error

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    warned, crashed = [], []
    monkeypatch.setattr(application.QMessageBox, "warning", lambda *a: warned.append(a))
    monkeypatch.setattr(application, "show_crash", lambda error: crashed.append(error))
    application.install_crash_handler()
    error = damage_error(tmp_path / "crm.sqlite3", "database disk image is malformed")
    sys.excepthook(type(error), error, None)
    assert crashed == [] and "is damaged" in warned[0][2]
    sys.excepthook(ValueError, ValueError("a bug"), None)
    assert len(crashed) == 1
