"""Two desks on one PostgreSQL database: what another client commits shows in this window
within about a second (LISTEN/NOTIFY through the bridge), keeping the selection."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.events import Change
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES

ROOT = Path(__file__).resolve().parents[2]
LONG_NAME = "Вера Александровна Длиннофамильная-Константинопольская"


@pytest.fixture
def crm(pg_url: str) -> Iterator[Crm]:
    """This module's window runs on PostgreSQL (ctx, staffed and settle build on it)."""
    instance = open_crm(DatabaseLocation.postgresql(pg_url), random.Random(20261201).randint)
    yield instance
    instance.close()


@pytest.fixture
def window(qtbot, ctx, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    settle()
    return win


def _other_desk(url: str, *argv: str) -> None:
    command = [sys.executable, str(ROOT / "main.py"), "--db", url, *argv]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_another_desks_operator_appears_keeping_the_selection(
    qtbot, staffed, window, ctx, settle, pg_url
):
    page = window.pages["operators"]
    window.show_page("operators")
    settle()
    page.table.selectRow(1)
    selected = page.selected_operator().name
    with qtbot.waitSignal(
        ctx.bridge.changed, timeout=5000, check_params_cb=lambda c: Change.EXTERNAL in c
    ):
        _other_desk(pg_url, "operator", "add", LONG_NAME, "--max-load", "4")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    assert page.selected_operator().name == selected
    names = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert LONG_NAME in names


def test_another_desks_contact_appears_in_the_contacts(qtbot, staffed, window, ctx, settle, pg_url):
    page = window.pages["contacts"]
    window.show_page("contacts")
    settle()
    before = page.model.rowCount()
    page.table.selectRow(2)
    selected = [c.id for c in page.selected_contacts()]
    assert len(selected) == 1
    _other_desk(pg_url, "contact", "add", "--lead", "+79115550000", "--source", "tg")
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=5000)
    assert [c.id for c in page.selected_contacts()] == selected  # newest first: it moved down
