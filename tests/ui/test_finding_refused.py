"""The Contacts search bar when the query cannot be answered as asked: a period whose
"from" day is after its "to" day, a search text the services refuse."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.pages.contacts import ContactsPage


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
