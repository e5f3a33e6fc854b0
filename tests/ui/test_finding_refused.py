"""The Contacts search bar when the query cannot be answered as asked: a period whose
"from" day is after its "to" day, a search text the services refuse."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.pages.contacts import ContactsPage
from desktop_crm.ui.pages.leads import LeadsPage


@pytest.fixture
def contacts_page(shown_page, staffed):
    return shown_page(ContactsPage)


def register(crm, external_id, days_ago):
    created = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    return crm.contacts.register(ContactRequest(external_id, "tg", created_at=created)).contact


def shown(page):
    return [page.model.row_at(r).id for r in range(page.model.rowCount())]


def test_a_reversed_period_is_taken_the_right_way_round_and_says_so(contacts_page, ctx, settle):
    week = register(ctx.crm, "week", days_ago=7)
    register(ctx.crm, "old", days_ago=20)
    today = QDate.currentDate()
    bar = contacts_page.search_bar
    bar.set_period(today.addDays(-3), today.addDays(-10))  # "from" after "to"
    settle()
    assert shown(contacts_page) == [week.id]
    assert bar.reversed_note.isVisible() and bar.reversed_note.text()
    assert bar.since() < bar.until()
    bar.set_period(today.addDays(-10), today.addDays(-3))  # the right way round: no note
    settle()
    assert shown(contacts_page) == [week.id]
    assert not bar.reversed_note.isVisible()
    bar.set_period(today.addDays(-3), None)  # one bound cannot be reversed
    assert not bar.reversed_note.isVisible()


def test_a_refused_search_leaves_no_count_waiting(contacts_page, qtbot, settle):
    settle()
    assert contacts_page.count_label.text().startswith("4 contact")
    contacts_page.search_bar.search_edit.setText("я" * 5000)
    contacts_page.search_bar.apply_now()
    qtbot.waitUntil(lambda: "longer than" in contacts_page.message.text(), timeout=5000)
    settle()
    text = contacts_page.count_label.text()
    assert "counting" not in text and "0 contact" not in text, text
    assert not contacts_page.empty_hint.text()  # nothing was matched: the query was refused
    contacts_page.search_bar.search_edit.clear()
    contacts_page.search_bar.apply_now()
    qtbot.waitUntil(lambda: contacts_page.count_label.text().startswith("4 contact"))


@pytest.fixture
def leads_page(shown_page, staffed):
    return shown_page(LeadsPage)


def test_leads_a_refused_search_says_no_count_and_no_nothing_matches(leads_page, qtbot, settle):
    assert leads_page.count_label.text().startswith("4 lead")
    leads_page.search_edit.setText("Ж" * 5000)
    leads_page.apply_search()
    qtbot.waitUntil(lambda: "longer than" in leads_page.message.text(), timeout=5000)
    settle()
    text = leads_page.count_label.text()
    assert "0 lead" not in text and "scroll" not in text, text
    assert not leads_page.empty_hint.showing_hint  # nothing was matched: the query was refused
    leads_page.search_edit.clear()
    leads_page.apply_search()
    qtbot.waitUntil(lambda: leads_page.count_label.text().startswith("4 lead"))


@pytest.mark.parametrize("page_class", [LeadsPage, ContactsPage])
def test_a_long_search_that_matches_nothing_is_said_back_shortened(
    shown_page, staffed, qtbot, settle, page_class
):
    page = shown_page(page_class)
    text = "Ж" * 900 + " конец"  # allowed (under the limit), matches nothing
    if page_class is LeadsPage:
        page.search_edit.setText(text)
        page.apply_search()
    else:
        page.search_bar.search_edit.setText(text)
        page.search_bar.apply_now()
    settle()
    qtbot.waitUntil(lambda: page.empty_hint.showing_hint)
    hint = page.empty_hint.text()
    assert "…" in hint and "конец" not in hint
    assert len(hint) < 200
    assert page.empty_hint.sizeHint().width() <= page.width()
