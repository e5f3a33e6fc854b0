"""The dispatcher's day in every path that decides (register, import, the queue, choices
by hand), through ``Crm`` on both backends with a clock the tests move; and the trace
explaining each new exclusion."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.domain.distribution import Unassigned
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import InvalidValue, LimitReached
from desktop_crm.services.contacts import ContactRequest
from tests.services.day_util import FakeClock, crm_at

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN).astimezone(dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(berlin(2026, 12, 1, 8))  # Tuesday 08:00 in Berlin


@pytest.fixture
def day(database_location, clock):
    with crm_at(database_location, clock) as crm:
        crm.settings.set_timezone("Europe/Berlin")
        crm.operators.create("Анна", max_load=100)
        crm.operators.create("Борис", max_load=100)
        crm.sources.create("Бот", code="bot")
        crm.sources.set_weights("bot", {"Анна": 1, "Борис": 1})
        yield crm


def add(crm, lead: str = "u1", *tags: str):
    return crm.contacts.register(ContactRequest(lead, "bot", tags=tags)).contact


def excluded(crm, contact_id: int) -> dict[str, str | None]:
    last = crm.contacts.history(contact_id)[-1]
    return {c.operator.name: c.excluded for c in last.candidates}


# -- shifts and absences ------------------------------------------------------------------
def test_off_shift_operators_are_left_out_and_the_trace_says_so(day, clock):
    day.operators.set_hours("Анна", ["mon-fri 09:00-18:00"])
    contact = add(day)
    assert contact.operator.name == "Борис"
    assert excluded(day, contact.id) == {"Анна": "off_shift", "Борис": None}
    clock.set(berlin(2026, 12, 1, 9))
    assert excluded(day, add(day, "u2").id)["Анна"] is None


def test_everyone_off_shift_or_away_waits_with_the_reason_and_time_drains_it(day, clock):
    day.operators.set_hours("Анна", ["mon-fri 09:00-18:00"])
    day.operators.set_hours("Борис", ["tue 10:00-12:00"])
    waiting = add(day)
    assert (waiting.operator, waiting.reason) == (None, Unassigned.ALL_OFF_SHIFT)
    assert excluded(day, waiting.id) == {"Анна": "off_shift", "Борис": "off_shift"}
    assert day.queue.drain().assigned == 0  # time has not moved
    clock.set(berlin(2026, 12, 1, 9, 0))
    assert day.queue.drain().assigned == 1
    shown = day.contacts.get(waiting.id)
    assert shown.operator.name == "Анна"
    redistributed = day.contacts.history(waiting.id)[-1]
    assert redistributed.kind == "redistribution"
    assert {c.operator.name: c.excluded for c in redistributed.candidates} == {
        "Анна": None,
        "Борис": "off_shift",
    }


def test_all_away_then_back_is_a_capacity_event(day):
    day.operators.set_away("Анна")
    day.operators.set_away("Борис")
    waiting = add(day)
    assert waiting.reason == Unassigned.ALL_AWAY
    assert excluded(day, waiting.id) == {"Анна": "away", "Борис": "away"}
    day.operators.set_back("Борис")  # drains at once, as a limit change does
    assert day.contacts.get(waiting.id).operator.name == "Борис"


def test_a_mix_of_reasons_is_none_eligible_and_restated_by_the_drain(day, clock):
    day.operators.set_away("Анна")
    day.operators.set_hours("Борис", ["tue 10:00-12:00"])
    waiting = add(day)
    assert waiting.reason == Unassigned.NONE_ELIGIBLE
    day.operators.set_hours("Анна", ["tue 10:00-12:00"])  # away and now off shift too
    day.operators.set_back("Анна")
    assert day.contacts.get(waiting.id).reason == Unassigned.ALL_OFF_SHIFT


# -- daily caps -----------------------------------------------------------------------------
def test_daily_cap_counts_assignments_of_the_local_day_and_midnight_resets_it(day, clock):
    day.operators.update("Анна", daily_cap=2)
    day.operators.update("Борис", daily_cap=1)
    got = [add(day, f"u{i}") for i in range(4)]
    assert [c.operator is not None for c in got] == [True, True, True, False]
    assert got[3].reason == Unassigned.ALL_DAILY_CAP
    assert excluded(day, got[3].id) == {"Анна": "daily_cap", "Борис": "daily_cap"}
    day.contacts.close(got[0].id)  # closing gives no slot back today
    assert add(day, "u9").reason == Unassigned.ALL_DAILY_CAP
    assert {o.name: o.today for o in day.operators.list()} == {"Анна": 2, "Борис": 1}
    clock.set(berlin(2026, 12, 1, 23, 59, 59))
    assert day.queue.drain().assigned == 0
    clock.set(berlin(2026, 12, 2, 0, 0))  # local midnight: 23:00 UTC
    assert {o.name: o.today for o in day.operators.list()} == {"Анна": 0, "Борис": 0}
    assert day.queue.drain().assigned == 2  # both waiting ones, one slot each at least
    assert day.queue.unassigned() == []


def test_daily_cap_day_follows_the_configured_zone(day, clock):
    day.operators.update("Анна", daily_cap=1)
    day.operators.set_away("Борис")
    clock.set(dt.datetime(2026, 12, 1, 18, 30, tzinfo=dt.UTC))  # 19:30 Berlin, 23:30 Almaty
    assert add(day, "u1").operator.name == "Анна"
    clock.set(dt.datetime(2026, 12, 1, 19, 30, tzinfo=dt.UTC))  # 20:30 Berlin, 00:30 Almaty
    assert day.operators.get("Анна").today == 1
    day.settings.set_timezone("Asia/Almaty")  # there it is Wednesday now
    assert day.operators.get("Анна").today == 0
    assert add(day, "u2").operator.name == "Анна"


# -- skills -----------------------------------------------------------------------------------
def test_a_tagged_contact_goes_only_to_operators_with_every_tag(day):
    day.operators.update("Анна", skills="ru,kz")
    day.operators.update("Борис", skills="ru")
    for i in range(10):
        contact = add(day, f"u{i}", "KZ")
        assert contact.operator.name == "Анна"
        assert contact.tags == ("kz",)
    trace = excluded(day, contact.id)
    assert trace == {"Анна": None, "Борис": "no_skill"}
    nobody = add(day, "x", "kz,en")
    assert (nobody.operator, nobody.reason) == (None, Unassigned.NO_SKILL)


def test_tags_are_part_of_the_idempotency_key(day):
    first = day.contacts.register(ContactRequest("u1", "bot", idempotency_key="k", tags=("ru",)))
    again = day.contacts.register(ContactRequest("u1", "bot", idempotency_key="k", tags=("RU",)))
    assert (again.created, again.contact.id) == (False, first.contact.id)
    with pytest.raises(InvalidValue) as caught:
        day.contacts.register(ContactRequest("u1", "bot", idempotency_key="k", tags=("kz",)))
    assert caught.value.field == "idempotency_key"
    with pytest.raises(InvalidValue) as caught:
        day.contacts.register(ContactRequest("u2", "bot", tags=("a\x1bb",)))
    assert caught.value.field == "tags"


def test_the_drain_passes_a_stuck_tagged_contact_and_says_why_per_contact(day):
    day.operators.update("Анна", max_load=0)
    day.operators.update("Борис", max_load=0)
    tagged = add(day, "t", "kz")
    plain = add(day, "p")
    assert tagged.reason == Unassigned.NO_SKILL  # nobody has kz: told before the limits
    assert plain.reason == Unassigned.ALL_AT_LIMIT
    day.operators.update("Борис", max_load=5)  # a capacity event: the drain runs
    assert day.contacts.get(plain.id).operator.name == "Борис"
    assert day.contacts.get(tagged.id).reason == Unassigned.NO_SKILL
    day.operators.update("Анна", skills="kz")  # Анна is full, Борис lacks the skill
    assert day.contacts.get(tagged.id).reason == Unassigned.NONE_ELIGIBLE


def test_the_drain_reaches_contacts_behind_a_full_batch_of_stuck_ones(day):
    day.operators.update("Анна", max_load=0)
    day.operators.update("Борис", max_load=0)
    stuck = [add(day, f"t{i}", "kz") for i in range(5)]
    plain = add(day, "p")
    day.queue.set_auto(False)
    day.operators.update("Анна", max_load=1)
    with_small_batches = day.queue.drain(batch_size=2)
    assert with_small_batches.assigned == 1
    assert day.contacts.get(plain.id).operator.name == "Анна"
    assert all(day.contacts.get(c.id).operator is None for c in stuck)


# -- by hand ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (lambda crm: crm.operators.set_away("Анна"), "is away"),
        (lambda crm: crm.operators.set_hours("Анна", ["sat 10:00-12:00"]), "off shift"),
        (lambda crm: crm.operators.update("Анна", daily_cap=0), "daily cap"),
        (lambda crm: crm.operators.update("Анна", skills="ru"), "lacks a skill"),
    ],
)
def test_a_choice_by_hand_follows_the_same_rule(day, setup, words):
    day.queue.set_auto(False)
    contact = add(day, "u1", "kz")  # nobody has kz: it waits
    day.operators.update("Анна", skills="kz")
    setup(day)
    result = day.contacts.assign([contact.id], "Анна")
    assert not result.changed
    error = result.refused[0][1]
    assert isinstance(error, LimitReached)
    assert words in str(error)
    assert day.contacts.get(contact.id).operator is None


def test_a_choice_by_hand_is_allowed_when_the_rule_allows_it(day):
    day.queue.set_auto(False)
    contact = add(day, "u1", "kz")
    day.operators.update("Анна", skills="kz", daily_cap=1)
    assert day.contacts.assign([contact.id], "Анна").changed[0].operator.name == "Анна"
    assert day.operators.get("Анна").today == 1


def test_owner_column_rule_and_today_count_by_hand(day):
    day.operators.update("Анна", daily_cap=1)
    day.operators.set_away("Борис")
    first = add(day, "u1")
    assert first.operator.name == "Анна"
    waiting = add(day, "u2")
    assert waiting.reason == Unassigned.NONE_ELIGIBLE
    assert "daily cap" in str(day.contacts.assign([waiting.id], "Анна").refused[0][1])
    assert day.operators.get("Анна").exclusion is Exclusion.DAILY_CAP
