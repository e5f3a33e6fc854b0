"""What a change costs the window on a large database (bench/window.py measures it):
only the screen on show refreshes; the others refresh once, when shown, for every
change heard meanwhile; the Contacts table formats and measures each row once."""

import sys
import threading

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.events import Change
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models import contacts as contacts_models
from desktop_crm.ui.models.base import RAW_ROLE
from desktop_crm.ui.models.contacts import CREATED, ID, STATE, ContactsModel
from desktop_crm.ui.models.statistics import DELIVERED, DELIVERED_SHARE, SharesModel
from desktop_crm.ui.pages import statistics as statistics_page
from desktop_crm.ui.pages.contacts import ContactsPage
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.pages.statistics import Period, StatisticsPage


@pytest.fixture
def shown_window(qtbot, ctx, staffed, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.resize(1280, 800)
    win.reload()
    win.show()
    win.show_page("contacts")
    settle()
    return win


def _heard(page, monkeypatch):
    calls = []
    original = page.on_data_changed
    monkeypatch.setattr(
        page, "on_data_changed", lambda changes: (calls.append(changes), original(changes))
    )
    return calls


def test_a_screen_not_shown_refreshes_once_when_shown(shown_window, ctx, settle, monkeypatch):
    leads = shown_window.pages["leads"]
    contacts = shown_window.pages["contacts"]
    heard_by_leads = _heard(leads, monkeypatch)
    heard_by_contacts = _heard(contacts, monkeypatch)
    for i in range(3):  # three registrations, each its own change announced
        ctx.crm.contacts.register(ContactRequest(f"+7901000000{i}", "tg", name=f"Новый {i}"))
        settle()
    assert len(heard_by_contacts) == 3  # the screen on show follows every change
    assert heard_by_leads == []  # the hidden one read nothing
    shown_window.show_page("leads")
    settle()
    assert len(heard_by_leads) == 1  # one refresh for the three
    assert Change.CONTACTS in heard_by_leads[0]
    names = {leads.model.row_at(r).name for r in range(leads.model.rowCount())}
    assert {"Новый 0", "Новый 1", "Новый 2"} <= names


def test_a_window_not_shown_refreshes_its_screens_as_before(qtbot, ctx, staffed, settle):
    win = MainWindow(ctx, PAGE_CLASSES)  # a window built but not shown: nothing waits
    qtbot.addWidget(win)
    win.reload()
    settle()
    assert not win.pages["leads"].waits_for_show()
    ctx.crm.contacts.register(ContactRequest("+79010000009", "tg", name="Видна сразу"))
    settle()
    model = win.pages["leads"].model
    assert "Видна сразу" in {model.row_at(r).name for r in range(model.rowCount())}


def test_the_contacts_model_formats_each_row_once(shown_page, staffed, monkeypatch):
    page = shown_page(ContactsPage, 1100, 700)
    model = page.model
    formatted = []
    real = contacts_models.local_time
    monkeypatch.setattr(
        contacts_models, "local_time", lambda value: (formatted.append(value), real(value))[1]
    )
    first = [model.index(r, CREATED).data() for r in range(model.rowCount())]
    assert len(formatted) <= model.rowCount()  # formatted when first painted, or now
    formatted.clear()
    for _ in range(3):
        page.table.viewport().repaint()
        assert [model.index(r, CREATED).data() for r in range(model.rowCount())] == first
    assert formatted == []  # painted and read again: answered from the cache


def test_a_changed_row_is_formatted_again(shown_page, staffed, ctx, settle):
    page = shown_page(ContactsPage, 1100, 700)
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).is_active)
    contact_id = model.row_at(row).id
    state = STATE
    assert model.index(row, state).data() == "Active"
    ctx.crm.contacts.close(contact_id)
    settle()
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == contact_id)
    assert model.index(row, state).data() == "Closed"


def _from_cpp():
    """True when Qt called ``data`` directly from C++ (during the test's repaint), not
    through the model's own Python code (its ``multiData``)."""
    return sys._getframe(2).f_code.co_filename == __file__


class _CountingModel(ContactsModel):
    """Counts the calls C++ makes into the model while a view paints: ``multiData``
    (every role of a cell at once), and ``data`` asked directly (one role)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.data_calls = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if _from_cpp():
            self.data_calls += 1
        return super().data(index, role)


def test_painting_asks_each_cell_once(qtbot, ctx, staffed, settle):
    from desktop_crm.ui.widgets.tables import make_table

    model = _CountingModel(ctx.crm, ctx.runner)
    table = make_table(sortable=False)
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(900, 400)
    table.show()
    model.reload()
    settle()
    assert model.rowCount() > 0
    model.data_calls = 0
    table.viewport().repaint()
    assert model.data_calls == 0  # every role of a cell came in one call, none alone


def test_fitting_again_measures_no_text_twice(staffed, shown_page, monkeypatch):
    page = shown_page(ContactsPage, 1100, 700)
    table = page.table
    measured = []
    real = table.sizeHintForIndex
    monkeypatch.setattr(
        table, "sizeHintForIndex", lambda index: (measured.append(index.column()), real(index))[1]
    )
    for width in (1100, 1000, 1100):
        page.resize(width, 700)
        page.fitted_columns.fit()
    # The texts on screen were measured when the page first fitted them; only the
    # number column measures its widest id again.
    assert measured and set(measured) == {ID}


def test_the_shares_follow_new_totals_in_place(ctx, staffed):
    """Each group's total is summed once per update, not per cell: an update in place
    (numbers only) sums it anew."""
    model = SharesModel()
    model.set_shares(ctx.crm.stats.shares())
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    for i in range(3):
        ctx.crm.contacts.register(ContactRequest(f"+7902000000{i}", "tg"))
    model.set_shares(ctx.crm.stats.shares())
    assert not resets
    tg = model.index(0, 0)
    delivered = [model.index(r, DELIVERED, tg).data(RAW_ROLE) for r in range(2)]
    shares = [model.index(r, DELIVERED_SHARE, tg).data(RAW_ROLE) for r in range(2)]
    assert shares == [d / sum(delivered) for d in delivered]
    assert model.index(0, DELIVERED).data(RAW_ROLE) == sum(delivered)


def test_statistics_show_a_period_seen_since_the_last_change_without_counting(
    qtbot, ctx, staffed, settle, monkeypatch
):
    counted = []
    real = statistics_page.compute
    monkeypatch.setattr(
        statistics_page,
        "compute",
        lambda crm, since, until: (counted.append(since), real(crm, since, until))[1],
    )
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    settle()
    counted.clear()
    page.set_period(Period.ALL)
    settle()
    all_time = page.result
    page.set_period(Period.LAST_30_DAYS)
    settle()
    assert len(counted) == 2
    page.set_period(Period.ALL)  # back: shown at once, counted before
    assert page.result is all_time and not page._running
    settle()
    assert len(counted) == 2
    ctx.crm.contacts.register(ContactRequest("+79030000001", "tg"))
    settle()  # the change recounts the period on show
    assert len(counted) == 3
    page.set_period(Period.LAST_30_DAYS)  # and forgets the others
    settle()
    assert len(counted) == 4
    total = sum(o.total for o in page.result.statistics.operators)
    total += sum(c.total for c in page.result.statistics.unassigned)
    assert total == 5


def test_the_total_is_counted_after_the_rows_are_in(qtbot, ctx, staffed, settle, monkeypatch):
    """A count reads every match (a text search: every message); beside the page's
    read it made the rows wait, so it starts once they are in."""
    model = ContactsModel(ctx.crm, ctx.runner, counts=True)
    settle()
    gate, events = threading.Event(), []
    real_page, real_count = ctx.crm.contacts.page, ctx.crm.contacts.count

    def page(*args, **kwargs):
        events.append("rows asked")
        gate.wait(10)
        return real_page(*args, **kwargs)

    def count(*args, **kwargs):
        events.append("count asked")
        return real_count(*args, **kwargs)

    monkeypatch.setattr(ctx.crm.contacts, "page", page)
    monkeypatch.setattr(ctx.crm.contacts, "count", count)
    model.reload()
    qtbot.waitUntil(lambda: events == ["rows asked"])
    assert model.total is None
    gate.set()
    qtbot.waitUntil(lambda: model.total is not None, timeout=10_000)
    assert events == ["rows asked", "count asked"]
    assert model.rowCount() == model.total.count == 4


def test_a_registration_does_not_read_the_filter_lists_again(
    shown_window, ctx, settle, monkeypatch
):
    """A contact changes operators' loads, not the operators: the Contacts screen's
    source and operator lists stay as they were; renaming an operator reads them again."""
    page = shown_window.pages["contacts"]
    read = []
    real = ctx.crm.operators.list
    monkeypatch.setattr(ctx.crm.operators, "list", lambda **kw: (read.append(1), real(**kw))[1])
    for i in range(3):
        ctx.crm.contacts.register(ContactRequest(f"+7903000000{i}", "tg", name=f"Ещё {i}"))
        settle()
    assert read == []
    rows = {page.model.row_at(r).lead.name for r in range(page.model.rowCount())}
    assert {"Ещё 0", "Ещё 1", "Ещё 2"} <= rows  # the rows followed
    ctx.crm.operators.update("Борис", name="Борис Петров")
    settle()
    assert read == [1]
    combo = page.operator_combo
    assert "Борис Петров" in {combo.itemText(i) for i in range(combo.count())}


def test_the_statistics_screen_paints_again_from_what_its_cells_answered(
    shown_page, staffed, ctx, settle, monkeypatch
):
    """The table and the shares format their numbers once per change of the data, not at
    every paint; a change formats the changed numbers anew."""
    from desktop_crm.ui.models import statistics as statistics_models

    page = shown_page(StatisticsPage, 1280, 800)
    page.set_period(Period.ALL)
    settle()
    views = (page.table.viewport(), page.shares_view.viewport())
    for view in views:
        view.repaint()
    formatted = []
    real = statistics_models.number_text
    monkeypatch.setattr(
        statistics_models, "number_text", lambda *args: (formatted.append(args), real(*args))[1]
    )
    for _ in range(3):
        for view in views:
            view.repaint()
    assert formatted == []  # painted again: every cell answered from what it said
    ctx.crm.contacts.register(ContactRequest("+79040000001", "tg", name="Ещё один"))
    settle()
    for view in views:
        view.repaint()
    assert formatted  # the new numbers were formatted
    model = page.model
    totals = [model.index(r, model.total_column).data(RAW_ROLE) for r in range(model.rowCount())]
    assert sum(totals) == 5  # the fixture's four contacts and this one, shown


def test_a_load_bar_works_its_colours_out_once_per_palette(
    shown_page, staffed, settle, monkeypatch
):
    from desktop_crm.ui import delegates

    page = shown_page(StatisticsPage, 1280, 800)
    page.table.viewport().repaint()
    worked_out = []
    real = delegates.contrast
    monkeypatch.setattr(delegates, "contrast", lambda *args: (worked_out.append(1), real(*args))[1])
    for _ in range(3):
        page.table.viewport().repaint()
    assert worked_out == []
    palette = page.table.palette()
    palette.setColor(palette.ColorRole.Base, palette.color(palette.ColorRole.Text))
    page.table.setPalette(palette)  # another palette: its own colours
    page.table.viewport().repaint()
    assert worked_out


def test_the_filter_lists_count_no_loads(shown_page, staffed, monkeypatch):
    """The Contacts filters need the operators' names, not their loads (counting them
    reads every open contact: tens of milliseconds on a million)."""
    from desktop_crm.services import operators as operators_service

    counted = []
    real = operators_service.loads_of
    monkeypatch.setattr(
        operators_service, "loads_of", lambda *args: (counted.append(1), real(*args))[1]
    )
    page = shown_page(ContactsPage, 1100, 700)
    assert counted == []
    combo = page.operator_combo
    assert {"Анна Смирнова", "Борис"} <= {combo.itemText(i) for i in range(combo.count())}
