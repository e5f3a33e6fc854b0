import datetime as dt
from collections import Counter

import pytest

from desktop_crm.domain.external_id import IdKind, PhoneProblem
from desktop_crm.errors import InvalidValue, LimitReached, NotFound
from desktop_crm.services.contacts import ContactRequest


@pytest.fixture
def site(crm):
    crm.operators.create("Анна", max_load=2)
    crm.operators.create("Борис", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    return crm


def register(crm, lead="lead", source="site", **kwargs):
    return crm.contacts.register(ContactRequest(lead, source, **kwargs)).contact


def test_register_finds_or_creates_the_lead(site):
    first = register(site, "+7 (900) 123-45-67", name="Иван", message="Хочу узнать детали")
    second = register(site, "8 900 123-45-67", name="Ваня")
    assert first.lead == second.lead
    assert first.lead.external_id == "+79001234567"
    assert first.lead.name == "Иван"  # the first non-empty name stays
    assert first.message == "Хочу узнать детали"
    assert first.is_active and first.created_at.tzinfo is not None


def test_first_non_empty_name_fills_the_lead(site):
    register(site, "user-1")
    assert register(site, "user-1", name="Олег").lead.name == "Олег"


def test_limits_are_never_exceeded_and_the_rest_stay_unassigned(site):
    contacts = [register(site, f"lead-{i}") for i in range(6)]
    owners = Counter(c.operator.name for c in contacts if c.operator)
    assert owners == {"Анна": 2, "Борис": 1}
    unassigned = [c for c in contacts if c.operator is None]
    assert len(unassigned) == 3
    assert {c.reason for c in unassigned} == {"all_at_limit"}
    assert {o.name: o.load for o in site.operators.list()} == {"Анна": 2, "Борис": 1}


def test_closing_frees_a_slot_and_reopen_at_the_limit_is_refused(site):
    contacts = [register(site, f"lead-{i}") for i in range(3)]
    boris = next(c for c in contacts if c.operator and c.operator.name == "Борис")
    closed = site.contacts.close(boris.id)
    assert not closed.is_active
    assert site.contacts.close(boris.id) == closed  # closing twice changes nothing
    newcomer = register(site, "new")
    assert newcomer.operator.name == "Борис"
    with pytest.raises(LimitReached, match="at the limit"):
        site.contacts.reopen(boris.id)
    assert not site.contacts.get(boris.id).is_active
    site.contacts.close(newcomer.id)
    assert site.contacts.reopen(boris.id).is_active


def test_reasons_for_unassigned_contacts(crm):
    crm.sources.create("Пусто", code="empty")
    assert register(crm, source="empty").reason == "no_operators"
    crm.operators.create("Анна")
    crm.operators.create("Борис", active=False)
    crm.sources.create("Нули", code="zero")
    crm.sources.set_weights("zero", {"Анна": 0})
    assert register(crm, source="zero").reason == "all_weight_0"
    crm.sources.create("Спящие", code="idle")
    crm.sources.set_weights("idle", {"Борис": 5})
    assert register(crm, source="idle").reason == "all_inactive"
    crm.sources.set_weights("zero", {"Анна": 0, "Борис": 1})
    assert register(crm, source="zero").reason == "none_eligible"


def test_inactive_and_zero_weight_operators_never_receive(crm):
    crm.operators.create("Анна", max_load=1000)
    crm.operators.create("Борис", max_load=1000, active=False)
    crm.operators.create("Вера", max_load=1000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 5, "Вера": 0})
    owners = {register(crm, f"l{i}").operator.name for i in range(50)}
    assert owners == {"Анна"}


def test_idempotency_key_returns_the_same_contact(site):
    first = site.contacts.register(ContactRequest("lead", "site", idempotency_key="msg-1"))
    again = site.contacts.register(ContactRequest("lead", "site", idempotency_key="msg-1"))
    assert first.created and not again.created
    assert again.contact == first.contact
    assert len(site.leads.search()[0].contacts) == 1


def test_unknown_source_and_bad_input_write_nothing(site):
    with pytest.raises(NotFound):
        register(site, source="nope")
    with pytest.raises(InvalidValue):
        register(site, "   ")
    with pytest.raises(InvalidValue):
        register(site, "lead", message="x" * 70_000)
    assert site.leads.search() == []


def test_created_at_can_be_given(site):
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert register(site, created_at=when).created_at == when


def test_unknown_contact(site):
    for call in (site.contacts.get, site.contacts.close, site.contacts.reopen):
        with pytest.raises(NotFound):
            call(999)


def test_the_queue_says_why_it_waits_as_things_stand_now(crm):
    crm.sources.create("Сайт", code="site")
    waiting = register(crm, "lead-1")
    assert waiting.reason == "no_operators"
    crm.operators.create("Анна", max_load=0)
    crm.sources.set_weights("site", {"Анна": 1})
    assert crm.contacts.get(waiting.id).reason == "all_at_limit"
    crm.operators.update("Анна", active=False)
    assert crm.contacts.get(waiting.id).reason == "all_inactive"
    crm.operators.update("Анна", active=True, max_load=1)
    assert crm.contacts.get(waiting.id).operator.name == "Анна"  # and then it moved
    first_decision = crm.contacts.history(waiting.id)[0]
    assert first_decision.reason == "no_operators"  # the trace keeps what was true then


# -- a plain id and reading an id (issue 10: "8 900 12") ---------------------------------------
def test_a_plain_id_is_stored_as_typed_and_found_again(site):
    phone = register(site, "8 (900) 555-44-33")
    plain = register(site, "8 (900) 555-44-33", plain_id=True)
    assert phone.lead.external_id == "+79005554433"
    assert plain.lead.external_id == "8 (900) 555-44-33"
    assert phone.lead.id != plain.lead.id
    again = register(site, " 8 (900) 555-44-33\u200b", plain_id=True)
    assert again.lead.id == plain.lead.id


def test_read_id_uses_the_databases_phone_region(site):
    reading = site.leads.read_id("8 900 12")
    assert reading is not None
    assert (reading.kind, reading.problem, reading.region) == (
        IdKind.PLAIN,
        PhoneProblem.TOO_SHORT,
        "RU",
    )
    site.settings.set_phone_region("KZ")
    assert site.leads.read_id("8 900 12").region == "KZ"
    assert site.leads.read_id("8 (900) 555-44-33").kind is IdKind.PHONE
    assert site.leads.read_id("  ") is None
