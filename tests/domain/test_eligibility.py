"""The one rule "can this operator take this contact now", at its boundaries.

Every caller (distributor, manual assignment, reopening, the services' results and
the window) asks ``domain.eligibility``; these tests pin the rule itself, so a change
of ``<`` to ``<=`` (or a reordered reason) fails here and in the callers' tests.
"""

from __future__ import annotations

import pytest

from desktop_crm.domain.distribution import Candidate, WeightedLottery, distribute
from desktop_crm.domain.eligibility import (
    Exclusion,
    exclusion,
    has_room,
    headroom,
    load_fraction,
    room_today,
    weight_shares,
    within_limit,
)


@pytest.mark.parametrize(
    ("load", "max_load", "room"),
    [(0, 1, True), (4, 5, True), (5, 5, False), (6, 5, False), (0, 0, False)],
)
def test_room_is_a_load_below_the_limit(load, max_load, room):
    assert has_room(load, max_load) is room
    assert exclusion(active=True, load=load, max_load=max_load) == (
        None if room else Exclusion.AT_LIMIT
    )
    assert (headroom(load, max_load) > 0) is room


@pytest.mark.parametrize(("load", "max_load", "ok"), [(4, 5, True), (5, 5, True), (6, 5, False)])
def test_the_invariant_allows_a_load_up_to_the_limit(load, max_load, ok):
    assert within_limit(load, max_load) is ok


@pytest.mark.parametrize(
    ("load", "max_load", "free"), [(0, 3, 3), (2, 3, 1), (3, 3, 0), (5, 3, 0), (0, 0, 0)]
)
def test_headroom_counts_the_free_places(load, max_load, free):
    assert headroom(load, max_load) == free


@pytest.mark.parametrize(
    ("load", "max_load", "today", "daily_cap", "room"),
    [
        (2, 5, 0, None, 3),  # no cap: the headroom
        (2, 5, 9, None, 3),
        (2, 5, 1, 3, 2),  # what is left of today's cap
        (2, 5, 2, 10, 3),  # the headroom when the cap leaves more
        (2, 5, 3, 3, 0),  # the cap used up
        (2, 5, 4, 3, 0),  # past the cap (lowered during the day): no room, not less
        (5, 5, 0, 3, 0),  # at the limit: the cap gives no room
    ],
)
def test_room_today_is_the_headroom_within_what_is_left_of_the_cap(
    load, max_load, today, daily_cap, room
):
    assert room_today(load, max_load, today, daily_cap) == room


def test_room_today_counts_nothing_given_today_by_default():
    assert room_today(2, 5, daily_cap=2) == 2


@pytest.mark.parametrize(
    ("load", "max_load", "fraction"),
    [(0, 4, 0.0), (1, 4, 0.25), (3, 4, 0.75), (4, 4, 1.0), (6, 4, 1.0), (0, 0, 1.0)],
)
def test_load_fraction_is_full_exactly_when_there_is_no_room(load, max_load, fraction):
    assert load_fraction(load, max_load) == fraction


def test_the_reasons_in_their_order():
    assert exclusion(weight=0, active=False, load=9, max_load=1) is Exclusion.WEIGHT_0
    assert exclusion(weight=-1, active=True, load=0, max_load=1) is Exclusion.WEIGHT_0
    assert exclusion(weight=1, active=False, load=9, max_load=1) is Exclusion.INACTIVE
    assert exclusion(weight=1, active=True, load=1, max_load=1) is Exclusion.AT_LIMIT
    assert exclusion(weight=1, active=True, load=0, max_load=1) is None


def test_a_choice_by_hand_ignores_the_weight_but_not_the_rest():
    assert exclusion(active=True, load=0, max_load=1) is None
    assert exclusion(active=False, load=0, max_load=1) is Exclusion.INACTIVE
    assert exclusion(active=True, load=1, max_load=1) is Exclusion.AT_LIMIT


def test_the_distributor_asks_the_same_rule():
    candidates = [
        Candidate(1, 0, True, 0, 5),
        Candidate(2, 3, False, 0, 5),
        Candidate(3, 3, True, 5, 5),
        Candidate(4, 3, True, 4, 5),
    ]
    decision = distribute(candidates, WeightedLottery(lambda a, b: a))
    assert decision.operator_id == 4
    assert decision.excluded == {
        1: Exclusion.WEIGHT_0,
        2: Exclusion.INACTIVE,
        3: Exclusion.AT_LIMIT,
    }
    for candidate in candidates:
        assert candidate.exclusion == exclusion(
            weight=candidate.weight,
            active=candidate.active,
            load=candidate.load,
            max_load=candidate.max_load,
        )


def test_weight_shares_leave_out_inactive_operators_and_zero_weights():
    shares = weight_shares({"a": (3, True), "b": (5, False), "c": (0, True), "d": (1, True)})
    assert shares == {"a": 0.75, "b": 0.0, "c": 0.0, "d": 0.25}
    assert weight_shares({"b": (5, False)}) == {"b": 0.0}
    assert weight_shares({}) == {}
