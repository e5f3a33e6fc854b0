"""The services' results carry the one rule's answers (room, reason, how full), and
manual assignment, reopening and the distributor keep the same boundary.

Each test puts an operator one below its limit, then at it: a copy of the rule that
compared with ``<=`` instead of ``<`` anywhere on these paths fails here.
"""

from __future__ import annotations

import pytest

from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import InvalidValue, LimitReached
from desktop_crm.services.contacts import ContactRequest


@pytest.fixture
def desk(crm):
    """Anna (limit 2) and inactive Boris (limit 5), both weighted on "site"."""
    crm.operators.create("Anna", max_load=2)
    crm.operators.create("Boris", max_load=5, active=False)
    crm.sources.create("site")
    crm.sources.set_weights("site", {"Anna": 1, "Boris": 1})
    return crm


def register(crm, lead):
    return crm.contacts.register(ContactRequest(lead, "site")).contact


def test_operator_results_say_room_and_reason_at_the_boundary(desk):
    first = register(desk, "lead-1")
    assert first.operator.name == "Anna"
    anna = desk.operators.get("Anna")
    assert (anna.load, anna.has_room, anna.exclusion, anna.headroom) == (1, True, None, 1)
    assert anna.load_fraction == 0.5
    assert desk.operators.get("Boris").exclusion is Exclusion.INACTIVE

    assert register(desk, "lead-2").operator.name == "Anna"
    anna = desk.operators.get("Anna")
    assert (anna.load, anna.has_room, anna.exclusion, anna.headroom) == (
        2,
        False,
        Exclusion.AT_LIMIT,
        0,
    )
    assert anna.load_fraction == 1.0
    assert register(desk, "lead-3").operator is None


def test_source_weights_say_why_each_operator_is_left_out(desk):
    register(desk, "lead-1")
    weights = {w.operator.name: w for w in desk.sources.get("site").weights}
    assert weights["Anna"].exclusion is None
    assert weights["Boris"].exclusion is Exclusion.INACTIVE
    register(desk, "lead-2")
    weights = {w.operator.name: w for w in desk.sources.get("site").weights}
    assert weights["Anna"].exclusion is Exclusion.AT_LIMIT
    desk.sources.set_weights("site", {"Anna": 0, "Boris": 1})
    weights = {w.operator.name: w for w in desk.sources.get("site").weights}
    assert weights["Anna"].exclusion is Exclusion.WEIGHT_0


def test_statistics_say_how_full_each_operator_is(desk):
    desk.operators.create("Zero", max_load=0)
    register(desk, "lead-1")
    rows = {o.operator.name: o for o in desk.stats.operators().operators}
    assert rows["Anna"].load_fraction == 0.5
    assert rows["Zero"].load_fraction == 1.0  # no room at all: full, as everywhere


def test_manual_assignment_fills_up_to_the_limit_and_no_further(desk):
    desk.sources.set_weights("site", {"Anna": 0, "Boris": 1})  # by hand, weights do not count
    contacts = [register(desk, f"lead-{n}").id for n in range(3)]  # nobody can take them
    result = desk.contacts.assign(contacts, "Anna")
    assert [c.id for c in result.changed] == contacts[:2]
    ((refused, error),) = result.refused
    assert refused == contacts[2] and isinstance(error, LimitReached)
    assert desk.operators.get("Anna").load == 2


def test_reopening_fills_up_to_the_limit_and_no_further(desk):
    first, second = register(desk, "lead-1"), register(desk, "lead-2")
    desk.contacts.close_many([first.id, second.id])
    assert register(desk, "lead-3").operator.name == "Anna"  # load 1 of 2
    assert not desk.contacts.reopen_many([first.id]).refused  # 1 < 2: room
    with pytest.raises(LimitReached):
        desk.contacts.reopen(second.id)  # 2 of 2: none


def test_the_limit_may_be_lowered_to_the_load_and_not_below(desk):
    register(desk, "lead-1")
    register(desk, "lead-2")
    assert desk.operators.update("Anna", max_load=2).max_load == 2
    with pytest.raises(InvalidValue):
        desk.operators.update("Anna", max_load=1)


def test_reopening_asks_the_one_rule_an_inactive_operator_gets_nothing_back(desk):
    """Reopening gives a contact back to its operator: no weight, no daily cap, but the
    rule's other facts hold, as for a choice by hand (an inactive operator's load must
    not grow by a reopen)."""
    first = register(desk, "lead-1")
    desk.contacts.close(first.id)
    desk.operators.update("Anna", active=False)
    with pytest.raises(LimitReached, match="Anna is inactive"):
        desk.contacts.reopen(first.id)
    ((refused, error),) = desk.contacts.reopen_many([first.id]).refused
    assert refused == first.id and "inactive" in str(error)
    assert desk.operators.get("Anna").load == 0
    desk.operators.update("Anna", active=True)
    assert desk.contacts.reopen(first.id).operator.name == "Anna"


def test_reopening_needs_the_skills_the_contact_carries(desk):
    desk.operators.update("Anna", skills=["vip"])
    first = desk.contacts.register(ContactRequest("lead-1", "site", tags=("vip",))).contact
    assert first.operator.name == "Anna"
    desk.contacts.close(first.id)
    desk.operators.update("Anna", skills=[])
    with pytest.raises(LimitReached, match="lacks a skill"):
        desk.contacts.reopen(first.id)
    assert desk.operators.get("Anna").load == 0


def test_reopening_is_no_new_assignment_the_daily_cap_does_not_apply(desk):
    desk.operators.update("Anna", daily_cap=1)
    first = register(desk, "lead-1")
    desk.contacts.close(first.id)
    assert desk.contacts.reopen(first.id).operator.name == "Anna"  # today 1 of cap 1
