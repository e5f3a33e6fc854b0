"""The database file replaced or deleted under the open window: the screens cannot show
the new file's data, so a banner says so at the next poll, with a way to open the file
again (or another one). Put back, the banner goes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_crm.services import DatabaseLocation, open_crm
from desktop_crm.ui.application import AppController, remove_translations
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES


@pytest.fixture
def window(qtbot, ctx, staffed, settle) -> MainWindow:
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.reload()
    settle()
    return win


def test_a_replaced_file_is_said_and_put_back_it_goes(qtbot, window, ctx, tmp_path):
    db = ctx.crm.location.file
    assert not window.file_lost.isVisible()
    kept = tmp_path / "kept.sqlite3"
    os.rename(db, kept)
    shutil.copyfile(kept, tmp_path / "copy.sqlite3")
    os.replace(tmp_path / "copy.sqlite3", db)  # another file at the same path
    qtbot.waitUntil(window.file_lost.isVisible)
    assert "replaced" in window.file_lost.label.text()
    assert window.file_lost.reopen_button.isVisible()
    os.replace(kept, db)  # the file opened, back in its place
    qtbot.waitUntil(lambda: not window.file_lost.isVisible())


def test_a_deleted_file_offers_another_database_not_an_empty_one(qtbot, window, ctx):
    db = ctx.crm.location.file
    db.unlink()
    qtbot.waitUntil(window.file_lost.isVisible)
    assert "deleted" in window.file_lost.label.text()
    assert not window.file_lost.reopen_button.isVisible()
    assert window.file_lost.other_button.isVisible()
    with qtbot.waitSignal(window.open_database_requested):
        window.file_lost.other_button.click()


@pytest.fixture
def controller(qapp, preferences) -> Iterator[AppController]:
    made = AppController(preferences)
    yield made
    if made.ctx is not None and made.window is not None:
        made.window.close()
        made.ctx.crm.close()
    remove_translations(qapp)


def test_open_it_again_shows_the_file_now_at_the_path(qtbot, controller, tmp_path: Path):
    db, other = tmp_path / "crm.sqlite3", tmp_path / "other.sqlite3"
    crm = open_crm(DatabaseLocation(other))
    crm.operators.create("Из другого файла")
    crm.close()
    crm = open_crm(DatabaseLocation(db))
    crm.operators.create("Старый оператор")
    window = controller.show(crm)
    os.replace(other, db)
    for suffix in ("-wal", "-shm"):  # the old file's journal is no part of the new one
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    qtbot.waitUntil(window.file_lost.isVisible)
    window.file_lost.reopen_button.click()
    qtbot.waitUntil(lambda: controller.window is not window)
    assert [o.name for o in controller.ctx.crm.operators.list()] == ["Из другого файла"]
    assert not controller.window.file_lost.isVisible()
