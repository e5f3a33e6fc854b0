"""Finding things in the window: the Contacts search bar, period and total; the
Leads list's formatted phones, search and sort arrow."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactCount
from desktop_crm.services.dto.leads import LeadSort
from desktop_crm.ui.models.contacts import CREATED, ID, LEAD, MESSAGE, OPERATOR, SOURCE, STATE
from desktop_crm.ui.models.leads import EXTERNAL_ID, FIRST_SEEN, LAST_CONTACT
from desktop_crm.ui.models.paged import PagedModel
from desktop_crm.ui.pages.contacts import ContactsPage
from desktop_crm.ui.pages.leads import LeadsPage


def rows(model):
    return [model.row_at(r) for r in range(model.rowCount())]


def register(crm, external_id, source="tg", name="", message="", days_ago=None):
    created = None
    if days_ago is not None:
        created = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    request = ContactRequest(external_id, source, name=name, message=message, created_at=created)
    return crm.contacts.register(request).contact


@pytest.fixture
def contacts_page(shown_page, staffed):
    return shown_page(ContactsPage)


@pytest.fixture
def leads_page(shown_page, staffed):
    return shown_page(LeadsPage)


def search(page, text, qtbot, settle):
    page.search_bar.search_edit.setText(text)  # runs after a short pause in typing
    qtbot.waitUntil(lambda: page.model.filter.text == text.strip(), timeout=3000)
    settle()
    return [c.id for c in rows(page.model)]


# -- Contacts ----------------------------------------------------------------------------
def test_the_search_box_finds_a_phone_typed_in_any_format(contacts_page, ctx, qtbot, settle):
    wanted = register(ctx.crm, "+79001234567", name="Иван")
    again = register(ctx.crm, "8 (900) 123-45-67", source="site")
    expected = [again.id, wanted.id]
    for typed in ("8 900 123-45-67", "+7 900 1234567", "89001234567", "900 123-45"):
        assert search(contacts_page, typed, qtbot, settle) == expected, typed
    assert contacts_page.count_label.text().startswith("2 contact")
    assert "+7 900 123-45-67" in contacts_page.model.index(0, LEAD).data()


def test_the_search_box_finds_names_and_messages(contacts_page, ctx, qtbot, settle):
    ivan = register(ctx.crm, "u-1", name="Иван Петров", message="Нужна доставка")
    olga = register(ctx.crm, "u-2", name="Ольга", message="Доставка в субботу?")
    assert search(contacts_page, "петров", qtbot, settle) == [ivan.id]
    assert search(contacts_page, "доставка", qtbot, settle) == [olga.id, ivan.id]
    assert search(contacts_page, "нет такого", qtbot, settle) == []
    assert contacts_page.empty_hint.isVisible()
    assert "нет такого" in contacts_page.empty_hint.text()
    contacts_page.search_bar.search_edit.clear()
    contacts_page.search_bar.apply_now()  # Enter or the clear button: at once
    settle()
    assert contacts_page.model.rowCount() == 6


def test_a_period_of_days(contacts_page, ctx, settle):
    old = register(ctx.crm, "old", days_ago=20)
    week = register(ctx.crm, "week", days_ago=7)
    today = QDate.currentDate()
    bar = contacts_page.search_bar
    bar.set_period(today.addDays(-21), today.addDays(-8))
    settle()
    assert [c.id for c in rows(contacts_page.model)] == [old.id]
    bar.set_period(today.addDays(-7), today.addDays(-7))  # one day, inclusive
    settle()
    assert [c.id for c in rows(contacts_page.model)] == [week.id]
    bar.set_period(None, today.addDays(-1))
    settle()
    assert [c.id for c in rows(contacts_page.model)] == [week.id, old.id]
    bar.until_check.setChecked(False)  # a click on the box: the bound is gone at once
    settle()
    assert contacts_page.model.rowCount() == 6
    assert not bar.until_edit.isEnabled()


PAGE = 40  # more rows than the table shows at 1280×800, so it loads no second page


def fill(crm, count):
    for i in range(count):
        register(crm, f"more-{i}", message=f"сообщение {i}")


def test_the_total_is_shown_while_pages_load(contacts_page, ctx, settle, monkeypatch):
    fill(ctx.crm, PAGE * 2 - 4)
    settle()  # the refresh the new rows cause comes before the smaller pages
    monkeypatch.setattr(PagedModel, "page_size", PAGE)
    contacts_page.reload()
    settle()
    assert contacts_page.model.rowCount() == PAGE and not contacts_page.model.exhausted
    assert contacts_page.model.total == ContactCount(PAGE * 2)
    assert contacts_page.count_label.text().startswith(f"{PAGE} of {PAGE * 2} contact")
    for i in range(3):
        register(ctx.crm, f"new-{i}")
    settle()
    assert contacts_page.model.total == ContactCount(PAGE * 2 + 3)
    assert f"of {PAGE * 2 + 3} contact" in contacts_page.count_label.text()


def test_a_large_total_is_shown_as_more_than_the_cap(contacts_page, ctx, settle, monkeypatch):
    fill(ctx.crm, PAGE * 2)
    settle()
    monkeypatch.setattr(PagedModel, "page_size", PAGE)
    count = ctx.crm.contacts.count
    monkeypatch.setattr(ctx.crm.contacts, "count", lambda flt: count(flt, cap=PAGE + 10))
    contacts_page.reload()
    settle()
    assert contacts_page.model.total == ContactCount(PAGE + 10, more=True)
    text = contacts_page.count_label.text()
    assert text.startswith(f"{PAGE} loaded of more than {PAGE + 10} contacts"), text


def test_the_created_header_sorts_and_its_arrow_follows(contacts_page, ctx, settle):
    register(ctx.crm, "long-ago", days_ago=30)  # registered last, created first
    settle()
    header = contacts_page.table.horizontalHeader()
    assert header.sortIndicatorSection() == CREATED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    times = [c.created_at for c in rows(contacts_page.model)]
    assert times == sorted(times, reverse=True) and len(times) == 5
    header.setSortIndicator(CREATED, Qt.SortOrder.AscendingOrder)  # a click on Created
    settle()
    times = [c.created_at for c in rows(contacts_page.model)]
    assert times == sorted(times) and len(times) == 5
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert contacts_page.order_combo.currentData() is False


def test_headers_that_do_not_sort_say_why(contacts_page):
    model = contacts_page.model
    for column in (ID, LEAD, SOURCE, OPERATOR, STATE, MESSAGE):
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip and ("sort" in tip.casefold()), column
    tip = model.headerData(CREATED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "newest" in tip


def test_the_export_follows_the_search(contacts_page, ctx, qtbot, settle):
    register(ctx.crm, "+79001234567", message="доставка")
    search(contacts_page, "доставка", qtbot, settle)
    flt = contacts_page.current_filter()
    assert flt.text == "доставка"
    assert ctx.crm.contacts.count(flt) == ContactCount(1)


# -- Leads -------------------------------------------------------------------------------
def test_leads_show_phones_for_people(leads_page):
    model = leads_page.model
    shown = {model.index(r, EXTERNAL_ID).data() for r in range(model.rowCount())}
    assert shown == {f"+7 900 000-00-0{i}" for i in range(4)}
    assert model.row_at(0).external_id.startswith("+7900")  # stored as it was


def test_leads_search_a_phone_typed_in_any_format(leads_page, ctx, qtbot, settle):
    register(ctx.crm, "+79001234567", name="Иван")
    for typed in ("8 900 123-45-67", "+7 (900) 123 45 67", "900 123-45", "123-45-67"):
        leads_page.search_edit.setText(typed)
        leads_page.apply_search()
        settle()
        assert [r.external_id for r in rows(leads_page.model)] == ["+79001234567"], typed


def test_the_leads_arrow_matches_the_order(leads_page, ctx, settle):
    """Newest first by "First seen": an imported lead first seen long ago goes down."""
    register(ctx.crm, "imported-old", days_ago=30)
    settle()
    header = leads_page.table.horizontalHeader()
    assert leads_page.model.sort_key is LeadSort.NEWEST
    assert header.sortIndicatorSection() == FIRST_SEEN
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    firsts = [r.created_at for r in rows(leads_page.model)]
    assert firsts == sorted(firsts, reverse=True)
    assert rows(leads_page.model)[-1].external_id == "imported-old"
    header.setSortIndicator(LAST_CONTACT, Qt.SortOrder.AscendingOrder)  # does not sort
    assert header.sortIndicatorSection() == FIRST_SEEN
    tip = leads_page.model.headerData(
        LAST_CONTACT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "sort" in tip


@pytest.mark.parametrize("fixture", ["contacts_page", "leads_page"])
def test_ctrl_f_puts_the_cursor_in_the_search_box(fixture, request, qtbot):
    from PySide6.QtWidgets import QApplication

    page = request.getfixturevalue(fixture)
    edit = page.search_bar.search_edit if fixture == "contacts_page" else page.search_edit
    edit.setText("иван")
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=2000)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=2000)
    assert edit.selectedText() == "иван"
