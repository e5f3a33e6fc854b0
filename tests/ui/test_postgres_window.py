"""The window on a PostgreSQL database: it opens, shows the database without its password,
lists what is there, and the file-only actions say they need a file."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from desktop_crm.db.location import parse_location
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui import database_file
from desktop_crm.ui.application import AppController, remove_translations
from desktop_crm.ui.recent import RecentDatabases

SECRET = "s3cr3t-pw"


@pytest.fixture
def controller(qapp, preferences) -> Iterator[AppController]:
    made = AppController(preferences)
    yield made
    if made.ctx is not None and made.window is not None:
        made.window.close()
        made.ctx.runner.cancel_all()
        made.ctx.runner.wait_idle()
        made.ctx.crm.close()
    remove_translations(qapp)


def test_the_window_runs_on_a_postgresql_database(qtbot, controller, pg_url, monkeypatch):
    location = parse_location(pg_url.replace("postgres@", f"postgres:{SECRET}@"))
    crm = open_crm(location)
    crm.operators.create("Анна Смирнова", max_load=3)
    window = controller.show(crm)
    qtbot.waitExposed(window)
    shown = window.database_label.text()
    assert shown.startswith("postgresql://postgres@/crm_") and SECRET not in shown
    assert SECRET not in window.windowFilePath() + window.windowTitle()
    assert RecentDatabases(controller.preferences).paths() == []  # no file to offer again

    errors: list[str] = []
    monkeypatch.setattr(
        database_file, "show_error", lambda _parent, _title, text: errors.append(text)
    )
    window.database_file.back_up()
    assert len(errors) == 1 and "pg_dump" in errors[0] and SECRET not in errors[0]

    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.database.currentText() == shown
    assert dialog.chosen_database() is None
    dialog.reject()


def test_a_role_that_may_only_read_sees_everything_and_is_told_it_may_not_write(
    qtbot, controller, pg_server, pg_url
):
    owner = open_crm(parse_location(pg_url))
    owner.operators.create("Анна Смирнова", max_load=3)
    owner.sources.create("Сайт", code="site")
    owner.contacts.register(ContactRequest("a@b.cc", "site"))  # nobody has a weight: waits
    owner.capacity_handler = lambda _sources: None  # left waiting: the queue can be drained
    owner.sources.set_weights("site", {"Анна Смирнова": 1})
    owner.close()
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    role = f"viewer_{os.getpid()}"
    pg_server.execute(f"CREATE ROLE {role} LOGIN")
    try:
        pg_server.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", database)
        window = controller.show(open_crm(parse_location(pg_server.url(database, user=role))))
        qtbot.waitExposed(window)
        window.show_page("operators")
        page = window.pages["operators"]
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=30_000)
        page.name_edit.setText("Борис")
        page.add_operator()
        assert page.form_message.isVisible()
        assert f"The database role {role} may not write to" in page.form_message.text()
        # The window's timers would distribute the waiting contact: it says once that it
        # leaves that to others, and stops trying every few seconds.
        window.timers.run_now()
        qtbot.waitUntil(lambda: not window.timers.running, timeout=30_000)
        shown = window.statusBar().currentMessage()
        assert shown.startswith("Read-only here:") and "queue" in shown, shown
        assert not window.timers.active
        assert [o.name for o in controller.ctx.crm.operators.list()] == ["Анна Смирнова"]
        assert [c.operator for c in controller.ctx.crm.queue.unassigned()] == [None]
    finally:
        controller_close(controller)
        pg_server.execute(f"DROP OWNED BY {role}", database)
        pg_server.execute(f"DROP ROLE {role}")


def controller_close(controller: AppController) -> None:
    if controller.ctx is not None and controller.window is not None:
        controller.window.close()
        controller.ctx.runner.cancel_all()
        controller.ctx.runner.wait_idle()
        controller.ctx.crm.close()
        controller.ctx = controller.window = None
