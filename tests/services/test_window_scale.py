"""What keeps the window fast on a million contacts (bench/window.py measures it): the
queries behind the Statistics screen and the Contacts search read indexes, not every
row (EXPLAIN QUERY PLAN, never a clock), and give the same answers as before."""

import datetime as dt

import pytest

from desktop_crm.services.contact_views import contact_page_query
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactFilter
from desktop_crm.services.dto.leads import LeadSort
from desktop_crm.services.stats import counts_query
from tests.services.test_contact_search import contact_access, plan, reads_of

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def filled(crm):
    crm.operators.create("Анна", max_load=50)
    crm.operators.create("Борис", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.set_weights("bot", {"Борис": 1})
    return crm


def register(crm, lead, source="site", days_ago=0, **kwargs):
    created = NOW - dt.timedelta(days=days_ago)
    return crm.contacts.register(ContactRequest(lead, source, created_at=created, **kwargs)).contact


@pytest.mark.sqlite_only  # SQLite's query plans
def test_statistics_for_all_time_read_one_covering_index_in_group_order(filled):
    steps = plan(filled, counts_query(None, None))
    assert contact_access(steps) == [
        "SCAN contact USING COVERING INDEX contact_operator_id_is_active_source_id"
    ], steps
    assert not any("TEMP B-TREE" in s for s in steps), steps


@pytest.mark.sqlite_only  # SQLite's query plans
def test_statistics_for_a_period_read_a_range_of_an_index(filled):
    steps = plan(filled, counts_query(NOW - dt.timedelta(days=30), NOW))
    reads = contact_access(steps)
    assert reads and all("INDEX" in s and "created_at>?" in s for s in reads), steps


def test_statistics_count_every_contact_and_the_open_ones(filled):
    for i in range(4):
        register(filled, f"site-{i}", "site", days_ago=i * 10)
    for i in range(3):  # Борис takes one; the others wait
        register(filled, f"bot-{i}", "bot", days_ago=i)
    closed = register(filled, "site-closed", "site", days_ago=40)
    filled.contacts.close(closed.id)

    def table(statistics):
        rows = {
            (r.operator.name, c.source.code): (c.total, c.active)
            for r in statistics.operators
            for c in r.per_source
        }
        rows.update({(None, c.source.code): (c.total, c.active) for c in statistics.unassigned})
        return rows

    assert table(filled.stats.operators()) == {
        ("Анна", "site"): (5, 4),
        ("Борис", "bot"): (1, 1),
        (None, "bot"): (2, 2),
    }
    month = filled.stats.operators(NOW - dt.timedelta(days=15), NOW + dt.timedelta(days=1))
    assert table(month) == {
        ("Анна", "site"): (2, 2),
        ("Борис", "bot"): (1, 1),
        (None, "bot"): (2, 2),
    }


@pytest.mark.sqlite_only  # SQLite's query plans
@pytest.mark.parametrize("text", ["Преображенская", "доставка", "900 12", "user@example.com"])
def test_a_text_search_page_checks_each_lead_as_it_walks_instead_of_listing_them_all(filled, text):
    """The page stops after a page of matches: reading every lead's name first (a list
    subquery over all leads) would cost the whole lead table on every search."""
    steps = plan(filled, contact_page_query(ContactFilter(text=text)))
    assert not any("SUBQUERY" in s for s in steps), steps
    assert not any(s.startswith("SCAN") for s in reads_of("lead", steps)), steps
    reads = contact_access(steps)
    assert reads and all("INDEX" in s for s in reads), steps


def test_a_text_search_pages_through_every_match_in_order(filled):
    """The same contacts as the lead list and the message search find, page by page."""
    expected = []
    for i in range(30):
        name = "Александра Преображенская" if i % 3 == 0 else f"Иван {i}"
        message = "Доставка в Преображенское" if i % 5 == 0 else "Перезвоните"
        contact = register(filled, f"lead-{i}", "site", days_ago=i, name=name, message=message)
        if i % 3 == 0 or i % 5 == 0:
            expected.append(contact.id)
    register(filled, "lead-0", "bot", days_ago=40, message="Спасибо")  # a returning lead
    expected.append(filled.contacts.page(ContactFilter(lead_id=1), newest_first=False)[0].id)
    seen = []
    after = None
    while True:
        page = filled.contacts.page(ContactFilter(text="преображенск"), after=after, limit=4)
        seen += [c.id for c in page]
        if len(page) < 4:
            break
        after = (page[-1].created_at.replace(tzinfo=None), page[-1].id)
    assert seen == expected
    assert filled.contacts.count(ContactFilter(text="преображенск")).count == len(expected)


@pytest.fixture
def many_leads(filled):
    """Leads whose orders differ: first seen, name and id each put them otherwise."""
    names = ["Яна", "Анна", "ёж", "Борис", "", "анна", "Семён", "Zoe", "zoe", "Ёлка"]
    for i in range(25):
        register(
            filled,
            f"id-{(i * 7) % 25:02d}",
            days_ago=(i * 11) % 25,
            name=f"{names[i % len(names)]} {i % 3}" if names[i % len(names)] else "",
        )
    return filled


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("sort", list(LeadSort))
def test_lead_pages_reach_the_end_in_both_directions(many_leads, sort, reverse):
    """Page by page to the last lead, each way round: every lead once, in order."""
    from desktop_crm.services.leads import lead_key

    everything = many_leads.leads.page(sort=sort, limit=1000, reverse=reverse)
    assert len(everything) == 25
    keys = [lead_key(row, sort) for row in everything]
    assert keys == sorted(keys, reverse=(sort is LeadSort.NEWEST) != reverse)
    seen = []
    after = None
    while True:
        page = many_leads.leads.page(sort=sort, after=after, limit=4, reverse=reverse)
        seen += page
        if len(page) < 4:
            break
        after = lead_key(page[-1], sort)
    assert [r.id for r in seen] == [r.id for r in everything]


@pytest.mark.sqlite_only  # SQLite's query plans
@pytest.mark.parametrize("sort", list(LeadSort))
def test_a_reversed_lead_order_walks_the_same_index_backwards(many_leads, sort):
    import peewee as pw

    from desktop_crm.db.models import Lead
    from desktop_crm.services.leads import _SORT_COLUMNS

    columns = _SORT_COLUMNS[sort]
    order = list(columns) if sort is LeadSort.NEWEST else [c.desc() for c in columns]
    steps = plan(many_leads, Lead.select(Lead.id).order_by(*order).limit(200))
    assert not any("TEMP B-TREE" in s for s in steps), steps
    assert pw
