"""Finding contacts: a lead's id in any spelling, a name, a message, a period; the
total; and every page query walks an index (EXPLAIN QUERY PLAN, never a clock)."""

import datetime as dt
import re

import pytest

from desktop_crm.services.contact_views import (
    contact_count_query,
    contact_key,
    contact_page_query,
)
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactCount, ContactFilter, ContactState
from desktop_crm.services.dto.leads import LeadSort

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def filled(crm):
    crm.operators.create("Анна", max_load=50)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.set_weights("bot", {"Анна": 1})
    return crm


def register(crm, lead, source="site", days_ago=0, **kwargs):
    created = NOW - dt.timedelta(days=days_ago)
    request = ContactRequest(lead, source, created_at=created, **kwargs)
    return crm.contacts.register(request).contact


def found(crm, **kwargs):
    return [c.id for c in crm.contacts.page(ContactFilter(**kwargs))]


@pytest.mark.parametrize(
    "typed",
    [
        "8 900 123-45-67",
        "+79001234567",
        "89001234567",
        "+7 (900) 123 45 67",
        "8(900)1234567",
        "  +7 900 123-45-67 ",
        "900 123-45",  # part of the number, as printed
        "1234567",
    ],
)
def test_a_lead_id_in_any_format_finds_its_contacts(filled, typed):
    first = register(filled, "+7 900 123-45-67", name="Иван", message="Привет")
    second = register(filled, "89001234567", source="bot", message="Ещё раз")
    register(filled, "+79007654321", name="Мария")
    register(filled, "user@example.com")
    assert found(filled, text=typed) == [second.id, first.id]


def test_an_e_mail_in_any_case_and_other_ids(filled):
    mail = register(filled, "User@Example.com")
    bot = register(filled, "tg:12345")
    register(filled, "+79007654321")
    assert found(filled, text="USER@example.COM") == [mail.id]
    assert found(filled, text="example") == [mail.id]
    assert found(filled, text="tg:123") == [bot.id]


def test_a_name_in_any_case_and_a_message(filled):
    ivan = register(filled, "+79001111111", name="Иван Петров", message="Нужна доставка")
    register(filled, "+79002222222", name="Мария", message="Сколько стоит?")
    olga = register(filled, "+79003333333", name="Ольга", message="ДОСТАВКА в субботу")
    assert found(filled, text="иван") == [ivan.id]
    assert found(filled, text="ПЕТРОВ") == [ivan.id]
    assert found(filled, text="доставка") == [olga.id, ivan.id]
    assert found(filled, text="100%") == []  # LIKE's wildcards are literal
    assert found(filled, text="нет такого") == []


def test_the_search_combines_with_the_other_filters(filled):
    site = register(filled, "+79001234567", message="a")
    bot = register(filled, "+79001234567", source="bot", message="b")
    filled.contacts.close(site.id)
    bot_id = filled.sources.get("bot").id
    assert found(filled, text="8 900 123 45 67", source_id=bot_id) == [bot.id]
    assert found(filled, text="8 900 123 45 67", state=ContactState.CLOSED) == [site.id]


def test_a_period_of_days(filled):
    old = register(filled, "a", days_ago=10)
    middle = register(filled, "b", days_ago=5)
    new = register(filled, "c", days_ago=0)
    since, until = NOW - dt.timedelta(days=6), NOW - dt.timedelta(days=1)
    assert found(filled, since=since, until=until) == [middle.id]
    assert found(filled, since=since) == [new.id, middle.id]
    assert found(filled, until=until) == [middle.id, old.id]
    # since inclusive, until exclusive
    exact = NOW - dt.timedelta(days=5)
    assert found(filled, since=exact, until=exact + dt.timedelta(seconds=1)) == [middle.id]
    assert found(filled, since=exact + dt.timedelta(seconds=1), until=NOW) == []
    # the export follows the same filter
    flt = ContactFilter(since=since, until=until)
    assert filled.contacts.count(flt) == ContactCount(1)


def test_the_period_pages_in_order(filled):
    made = [register(filled, f"lead-{i}", days_ago=i) for i in range(7)]
    flt = ContactFilter(since=NOW - dt.timedelta(days=5, hours=1))
    first = filled.contacts.page(flt, limit=2)
    rest = filled.contacts.page(flt, after=contact_key(first[-1]), limit=10)
    assert [c.id for c in first + rest] == [c.id for c in made[:6]]


def test_the_count_is_exact_up_to_the_cap(filled):
    for i in range(5):
        register(filled, f"+7900123450{i}", message="доставка" if i % 2 else "")
    assert filled.contacts.count(ContactFilter()) == ContactCount(5, more=False)
    assert filled.contacts.count(ContactFilter(text="доставка")) == ContactCount(2)
    assert filled.contacts.count(ContactFilter(), cap=3) == ContactCount(3, more=True)
    assert filled.contacts.count(ContactFilter(), cap=5) == ContactCount(5, more=False)


def test_the_lead_list_finds_phones_in_any_format(filled):
    register(filled, "+79001234567", name="Иван")
    register(filled, "+79007654321", name="Мария")
    for typed in ("8 900 123-45-67", "+7 (900) 123 45 67", "900 123-45", "123-45-67"):
        assert [lead.external_id for lead in filled.leads.page(typed)] == ["+79001234567"]


@pytest.mark.parametrize(
    "typed", ["+7 900 123", "+7900123", "8 900 123", "8 (900) 12", "7 900 123"]
)
def test_the_start_of_a_phone_as_dialled_finds_it(filled, typed):
    """The first digits of a number with its country code or the national 8 are part of
    it, not a whole (and wrong) number to look up."""
    register(filled, "+79001234567", name="Иван")
    register(filled, "+79007654321", name="Мария")
    assert [lead.external_id for lead in filled.leads.page(typed)] == ["+79001234567"]


def test_leads_newest_first_follow_the_first_seen_time(filled):
    """An import may bring a new lead with an old time: "First seen" orders by that time."""
    register(filled, "recent", days_ago=1)
    register(filled, "oldest", days_ago=30)  # registered later, seen first long ago
    register(filled, "today", days_ago=0)
    rows = filled.leads.page(sort=LeadSort.NEWEST)
    assert [r.external_id for r in rows] == ["today", "recent", "oldest"]
    firsts = [r.created_at for r in rows]
    assert firsts == sorted(firsts, reverse=True)
    page = filled.leads.page(sort=LeadSort.NEWEST, limit=1)
    from desktop_crm.services.leads import lead_key

    after = lead_key(page[0], LeadSort.NEWEST)
    rest = filled.leads.page(sort=LeadSort.NEWEST, after=after)
    assert [r.external_id for r in rest] == ["recent", "oldest"]


# -- the plans: an index for every search and order ---------------------------------------
def plan(crm, query):
    """The plan's steps, with peewee's table aliases ("t1") replaced by table names."""
    sql, params = query.sql()
    aliases = dict((alias, table) for table, alias in re.findall(r'"(\w+)" AS "(t\d+)"', sql))
    with crm.storage.read():
        rows = crm.storage.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    steps = []
    for row in rows:
        words = row[-1].split()
        if len(words) > 1 and words[1] in aliases:
            words[1] = aliases[words[1]]
        steps.append(" ".join(words))
    return steps


def reads_of(table, steps):
    """The plan's steps that read ``table`` itself."""
    return [s for s in steps if s.split()[1:2] == [table]]


def contact_access(steps):
    return reads_of("contact", steps)


FILTERS = {
    "all": ContactFilter(),
    "active": ContactFilter(state=ContactState.ACTIVE),
    "closed": ContactFilter(state=ContactState.CLOSED),
    "unassigned": ContactFilter(state=ContactState.UNASSIGNED),
    "source": ContactFilter(source_id=1),
    "operator": ContactFilter(operator_id=1),
    "lead": ContactFilter(lead_id=1),
    "period": ContactFilter(since=NOW - dt.timedelta(days=7), until=NOW),
    "phone": ContactFilter(text="8 900 123-45-67"),
    "text": ContactFilter(text="доставка"),
    "text and period": ContactFilter(text="иван", since=NOW - dt.timedelta(days=1)),
}


@pytest.mark.sqlite_only  # SQLite's query plans
@pytest.mark.parametrize("newest_first", [True, False])
@pytest.mark.parametrize("name", list(FILTERS))
def test_every_contact_page_walks_an_index_in_order(filled, name, newest_first):
    flt = FILTERS[name]
    after = (NOW.replace(tzinfo=None), 10)
    steps = plan(filled, contact_page_query(flt, newest_first, after=after))
    reads = contact_access(steps)
    assert reads and all("INDEX" in s for s in reads), steps
    if all("(lead_id=?" in s for s in reads):
        return  # one lead's contacts (a phone): few enough to sort
    assert not any("TEMP B-TREE" in s for s in steps), steps  # no sorting of all matches


@pytest.mark.sqlite_only  # SQLite's query plans
def test_a_whole_phone_is_looked_up_by_the_lead_id_index(filled):
    steps = plan(filled, contact_page_query(FILTERS["phone"]))
    assert "SEARCH lead USING COVERING INDEX lead_external_id (external_id=?)" in steps, steps
    assert not any(s.startswith("SCAN") for s in steps), steps
    assert any("USING INDEX contact_lead_id_created_at (lead_id=?)" in s for s in steps), steps


@pytest.mark.sqlite_only  # SQLite's query plans
def test_a_period_is_a_range_of_the_time_index(filled):
    steps = plan(filled, contact_page_query(FILTERS["period"]))
    assert any("contact_created_at_id (created_at>? AND created_at<?)" in s for s in steps), steps


@pytest.mark.sqlite_only  # SQLite's query plans
@pytest.mark.parametrize("name", ["all", "active", "source", "operator", "period", "phone"])
def test_counting_reads_an_index(filled, name):
    steps = plan(filled, contact_count_query(FILTERS[name], 100_000))
    reads = contact_access(steps)
    assert reads and all("INDEX" in s for s in reads), steps


@pytest.mark.sqlite_only  # SQLite's query plans
@pytest.mark.parametrize("sort", list(LeadSort))
def test_every_lead_order_walks_an_index(filled, sort):
    import peewee as pw

    from desktop_crm.db.models import Lead
    from desktop_crm.services.leads import _SORT_COLUMNS

    columns = _SORT_COLUMNS[sort]
    order = [c.desc() for c in columns] if sort is LeadSort.NEWEST else list(columns)
    query = Lead.select(Lead.id).order_by(*order).limit(200)
    steps = plan(filled, query)
    assert not any("TEMP B-TREE" in s for s in steps), steps
    reads = reads_of("lead", steps)
    assert reads and all("INDEX" in s for s in reads), steps
    assert pw  # peewee is what builds the page query


# -- ё and е are one letter in a search ------------------------------------------------
def test_yo_and_ye_are_one_letter_in_names_and_messages(filled):
    yo = register(filled, "+79001111111", name="Ольга Семёнова", message="Ещё вопрос")
    ye = register(filled, "+79002222222", name="Пётр Семенов", message="ЕЩЕ ОДИН")
    register(filled, "+79003333333", name="Мария", message="Привет")
    assert found(filled, text="Семенова") == [yo.id]
    assert found(filled, text="семёнов") == [ye.id, yo.id]
    assert found(filled, text="ПЕТР") == [ye.id]
    assert found(filled, text="еще") == [ye.id, yo.id]
    assert found(filled, text="ЕЩЁ") == [ye.id, yo.id]


def test_the_lead_list_finds_yo_as_ye(filled):
    register(filled, "+79001111111", name="Семёнова")
    register(filled, "+79002222222", name="Иванова")
    assert [lead.name for lead in filled.leads.page(text="Семенова")] == ["Семёнова"]
    assert [lead.name for lead in filled.leads.page(text="СЕМЁНОВА")] == ["Семёнова"]
