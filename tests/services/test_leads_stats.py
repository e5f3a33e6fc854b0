import datetime as dt

import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.services.contacts import ContactRequest


@pytest.fixture
def filled(crm):
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.set_weights("bot", {"Борис": 1})
    return crm


def register(crm, lead, source, **kwargs):
    return crm.contacts.register(ContactRequest(lead, source, **kwargs)).contact


def test_a_lead_shows_all_its_contacts_across_sources(filled):
    register(filled, "+79001234567", "site", name="Иван Петров")
    register(filled, "8 (900) 123-45-67", "bot")
    register(filled, "other", "bot")
    leads = filled.leads.search("8 900 123 45 67")
    assert len(leads) == 1
    assert [c.source.code for c in leads[0].contacts] == ["site", "bot"]
    assert leads[0].contact_count == 2


def test_search_by_name_ignores_case_in_cyrillic(filled):
    register(filled, "u1", "site", name="Иван Петров")
    register(filled, "u2", "site", name="Мария")
    assert [lead.name for lead in filled.leads.search("иван")] == ["Иван Петров"]
    assert [lead.external_id for lead in filled.leads.search("u2")] == ["u2"]
    assert filled.leads.search("%") == []  # wildcards are literal


def test_find_reports_existence_and_count(filled):
    assert filled.leads.find("+7 900 123 45 67") is None
    register(filled, "89001234567", "site")
    found = filled.leads.find("+7 900 123 45 67")
    assert found is not None and found.contact_count == 1


def test_statistics_per_operator_and_source(filled):
    for i in range(3):
        register(filled, f"s{i}", "site")
    register(filled, "b0", "bot")
    closed = register(filled, "b1", "bot")
    filled.contacts.close(closed.id)
    filled.sources.set_weights("bot", {})
    register(filled, "b2", "bot")
    stats = filled.stats.operators()
    rows = {o.operator.name: o for o in stats.operators}
    assert (rows["Анна"].total, rows["Анна"].load) == (3, 3)
    assert [(c.source.code, c.total, c.active) for c in rows["Борис"].per_source] == [("bot", 2, 1)]
    assert [(c.source.code, c.total, c.active) for c in stats.unassigned] == [("bot", 1, 1)]


def test_statistics_for_a_period(filled):
    old = dt.datetime(2025, 1, 10, 12, tzinfo=dt.UTC)
    register(filled, "old", "site", created_at=old)
    register(filled, "new", "site")
    recent = filled.stats.operators(since=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert {o.operator.name: o.total for o in recent.operators} == {"Анна": 1, "Борис": 0}
    january = filled.stats.operators(
        since=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), until=dt.datetime(2025, 2, 1, tzinfo=dt.UTC)
    )
    assert {o.operator.name: o.total for o in january.operators}["Анна"] == 1


def test_phone_region_setting_is_shared(filled, db_path):
    assert filled.settings.phone_region() == "RU"
    filled.settings.set_phone_region("by")
    assert register(filled, "8 (017) 123-45-67", "site").lead.external_id == "+375171234567"
    with pytest.raises(InvalidValue):
        filled.settings.set_phone_region("XX")
