"""D5 (issue 11) on a real server: the window's connections are ended under it (as by a
server restart); the next change another desk makes shows without a crash dialog."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import Crm, open_crm
from desktop_crm.ui import dialogs
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from tests.ui.test_postgres_live_refresh import LONG_NAME, _other_desk


@pytest.fixture
def crm(pg_url: str) -> Iterator[Crm]:
    instance = open_crm(DatabaseLocation.postgresql(pg_url), random.Random(20261201).randint)
    yield instance
    instance.close()


def test_connections_ended_by_the_server_are_no_crash(
    qtbot, staffed, ctx, settle, pg_server, pg_url, monkeypatch
) -> None:
    crashes: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_crash", lambda _parent, error: crashes.append(error))
    window = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(window)
    window.restore_state()
    window.reload()
    window.show_page("operators")
    settle()
    page = window.pages["operators"]
    before = page.model.rowCount()

    pg_server.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()",
        pg_url.split("?")[0].rsplit("/", 1)[1],
    )
    _other_desk(pg_url, "operator", "add", LONG_NAME, "--max-load", "4")
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=15_000)
    assert crashes == []
