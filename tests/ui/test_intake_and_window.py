import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from PySide6.QtCore import Qt

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services.events import Change
from desktop_crm.ui import application
from desktop_crm.ui.intake import IntakeForm
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES


@pytest.fixture
def window(qtbot, ctx, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    settle()
    return win


def test_intake_registers_and_says_who_got_it(qtbot, ctx, staffed, settle):
    ctx.crm.operators.update("Анна Смирнова", max_load=10)  # room for one more on "site"
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.source.setCurrentIndex(form.source.findData(ctx.crm.sources.get("site").id))
    qtbot.keyClicks(form.external_id, "8 (900) 555-44-33")
    form.look_up_lead()
    assert form.lead_status.text() == "New lead"
    form.name.setText("Пётр")
    form.message.setPlainText("Хочу узнать детали")  # QTest types Latin-1 only
    qtbot.keyClick(form.message, Qt.Key.Key_Return)
    assert "went to Анна Смирнова" in form.outcome.text()
    assert form.external_id.text() == "" and form.message.toPlainText() == ""
    (lead,) = ctx.crm.leads.search("+79005554433")
    assert lead.name == "Пётр" and lead.contacts[0].message == "Хочу узнать детали"
    qtbot.keyClicks(form.external_id, "+7 900 555 44 33")
    form.look_up_lead()
    assert "Known lead: Пётр" in form.lead_status.text()
    assert "1 contact" in form.lead_status.text()


def test_intake_reports_unassigned_and_bad_ids(qtbot, ctx, settle):
    ctx.crm.sources.create("Пустой", code="empty")
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.register()
    assert form.id_message.isVisible() and "must not be empty" in form.id_message.text()
    form.external_id.setText("user-1")
    form.register()
    assert "left unassigned" in form.outcome.text()
    assert "no operators configured" in form.outcome.text()


def test_intake_without_sources_says_what_to_do(qtbot, ctx):
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    assert not form.register_button.isEnabled()
    assert "source" in form.lead_status.text().lower()
    ctx.crm.sources.create("Сайт")
    qtbot.waitUntil(lambda: form.register_button.isEnabled(), timeout=2000)


def test_empty_database_opens_on_the_welcome_screen_with_demo_data(qtbot, window, ctx, settle):
    assert window.stack.currentWidget() is window.welcome
    window.welcome.load_demo()
    qtbot.waitUntil(lambda: ctx.crm.operators.list() != [], timeout=10_000)
    settle()
    assert window.stack.currentWidget() is not window.welcome


def test_shortcuts_are_in_the_menus(qtbot, window):
    assert window.new_contact_action.shortcut().toString() == "Ctrl+N"
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    window.show()
    qtbot.waitExposed(window)
    window.intake_dock.hide()  # closed by the user
    assert not window.intake_dock.isVisible()
    window.new_contact_action.trigger()  # Ctrl+N brings the form back
    assert window.intake_dock.isVisible()


def test_window_state_is_remembered_and_a_day_starts_on_the_board(qtbot, ctx, staffed, settle):
    first = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(first)
    first.restore_state()
    first.show()
    first.resize(701, 503)  # fits the offscreen screen
    first.show_page("operators")
    first.save_state()
    second = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(second)
    second.restore_state()
    second.show()
    assert second.current_page_name() == "board"  # the first screen of the day
    assert ctx.preferences.last_page == "operators"
    assert second.size().height() == 503


def test_a_write_from_another_process_appears_without_losing_selection(
    qtbot, staffed, window, ctx, settle, db_path
):
    page = window.pages["operators"]
    window.show_page("operators")
    settle()
    page.table.selectRow(1)
    selected = page.selected_operator().name
    subprocess.run(
        [sys.executable, "-m", "desktop_crm.app", "--db", str(db_path), "operator", "add", "Вера"],
        check=True,
        capture_output=True,
    )
    with qtbot.waitSignal(ctx.bridge.changed, timeout=3000) as signal:
        pass
    assert Change.EXTERNAL in signal.args[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    assert page.selected_operator().name == selected


# -- opening databases that cannot be opened ---------------------------------------------
def _foreign(path):
    with closing(sqlite3.connect(path)) as c:
        c.execute("CREATE TABLE notes (x)")
        c.commit()


def _newer(path):
    from desktop_crm.services import open_crm

    open_crm(DatabaseLocation(path)).close()
    with closing(sqlite3.connect(path)) as c:
        c.execute("PRAGMA user_version = 999")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_bytes(b"hello, not a database\n" * 50), "not a database"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xee" * 4096), "damaged"),
        (_foreign, "another program"),
        (_newer, "newer version"),
    ],
)
def test_each_open_error_is_explained_and_the_file_untouched(
    qapp, tmp_path, monkeypatch, make, expected
):
    bad = tmp_path / "bad.sqlite3"
    make(bad)
    before = bad.read_bytes()
    messages = []
    choices = iter(["open", "quit"])
    monkeypatch.setattr(
        application,
        "ask_after_open_failure",
        lambda parent, text: messages.append(text) or next(choices),
    )
    good = tmp_path / "good.sqlite3"
    monkeypatch.setattr(application, "choose_database_file", lambda parent, create: good)
    crm = application.open_interactively(DatabaseLocation(bad))
    assert expected in messages[0]
    assert bad.read_bytes() == before
    assert crm is not None and crm.location.path == good  # picked another file
    crm.close()


def test_quitting_after_an_open_error(qapp, tmp_path, monkeypatch):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("nope")
    monkeypatch.setattr(application, "ask_after_open_failure", lambda parent, text: "quit")
    assert application.open_interactively(DatabaseLocation(bad)) is None


def test_a_locked_database_is_explained(qapp, tmp_path, monkeypatch):
    from desktop_crm.errors import DatabaseBusy

    def busy(location):
        raise DatabaseBusy("{path} is locked by another program; try again in a moment.", path="x")

    seen = []
    monkeypatch.setattr(
        application, "ask_after_open_failure", lambda parent, text: seen.append(text) or "quit"
    )
    assert application.open_interactively(DatabaseLocation(tmp_path / "x"), opener=busy) is None
    assert "locked" in seen[0]


def test_the_language_choice_goes_to_the_application(window, qtbot):
    """The application applies it at once (tests/ui/test_language_switch.py)."""
    russian = next(a for a in window.language_group.actions() if a.data() == "ru")
    with qtbot.waitSignal(window.language_chosen) as chosen:
        russian.trigger()
    assert chosen.args == ["ru"]


def test_a_contact_registered_in_the_form_shows_in_leads_contacts_and_statistics(
    qtbot, staffed, window, ctx, settle
):
    ctx.crm.operators.update("Анна Смирнова", max_load=10)
    window.show()
    for name in ("contacts", "leads", "statistics"):
        window.show_page(name)  # each page loads once it has been shown
        settle()
    before = {r.name: r.total for r in window.pages["statistics"].model.rows()}
    form = window.intake
    form.source.setCurrentIndex(form.source.findData(ctx.crm.sources.get("site").id))
    form.external_id.setText("+7 (911) 222-33-44")
    form.name.setText("Зоя Космодемьянская-Петрова")
    form.register()
    assert "went to Анна Смирнова" in form.outcome.text()

    window.show_page("contacts")
    settle()
    newest = window.pages["contacts"].model.row_at(0)
    assert (newest.lead.external_id, newest.operator.name) == ("+79112223344", "Анна Смирнова")
    window.show_page("leads")
    settle()
    assert window.pages["leads"].model.row_at(0).name == "Зоя Космодемьянская-Петрова"
    window.show_page("statistics")
    settle()
    after = {r.name: r.total for r in window.pages["statistics"].model.rows()}
    assert after["Анна Смирнова"] == before["Анна Смирнова"] + 1


def test_a_server_database_that_cannot_be_opened_offers_to_try_again(qapp, monkeypatch):
    """A PostgreSQL server that is not up (or a refused role) is no file: the window offers
    to try the same database again, or to open a file instead, never a file picker first."""
    from desktop_crm.errors import ServerUnreachable

    location = DatabaseLocation.postgresql("postgresql://anna@db.example/crm")
    attempts = []
    opened = object()

    def opener(where):
        attempts.append(where)
        if len(attempts) < 3:
            raise ServerUnreachable("Cannot reach {path}: down.", path="postgresql://anna@/crm")
        return opened

    asked = []
    monkeypatch.setattr(
        application, "ask_after_server_failure", lambda parent, text: asked.append(text) or "retry"
    )
    monkeypatch.setattr(
        application, "ask_after_open_failure", lambda parent, text: pytest.fail("a file question")
    )
    assert application.open_interactively(location, opener=opener) is opened
    assert attempts == [location] * 3 and len(asked) == 2 and "Cannot reach" in asked[0]
    monkeypatch.setattr(application, "ask_after_server_failure", lambda parent, text: "quit")
    attempts.clear()
    assert application.open_interactively(location, opener=opener) is None
