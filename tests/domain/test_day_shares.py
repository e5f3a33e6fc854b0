"""Exclusions of the dispatcher's day (off shift, away, no skill, daily cap) take operators
out of the lottery and change nothing else: the remaining operators share the contacts
by their weights, exactly over every r and statistically with a fixed seed."""

from __future__ import annotations

import random
from collections import Counter

from desktop_crm.domain.distribution import Candidate, Unassigned, WeightedLottery, distribute
from desktop_crm.domain.eligibility import Exclusion

KZ = frozenset({"kz"})
RU_KZ = frozenset({"ru", "kz"})

POOL = [
    Candidate(1, 5, True, 0, 10**9, skills=RU_KZ),
    Candidate(2, 3, True, 0, 10**9, presence=Exclusion.OFF_SHIFT, skills=RU_KZ),
    Candidate(3, 2, True, 0, 10**9, skills=KZ),
    Candidate(4, 7, True, 0, 10**9),  # no skills: out for a tagged contact
    Candidate(5, 4, True, 0, 10**9, presence=Exclusion.AWAY, skills=KZ),
    Candidate(6, 1, True, 0, 10**9, today=3, daily_cap=3, skills=KZ),
]
REMAINING = {1: 5, 3: 2}  # who can take a contact tagged kz now, by weight


class EveryR:
    """``randint`` that returns every value of its range in turn: one full cycle gives
    each r in [1, total] exactly once."""

    def __init__(self) -> None:
        self.next = 0

    def __call__(self, low: int, high: int) -> int:
        value = low + self.next % (high - low + 1)
        self.next += 1
        return value


def test_every_r_gives_the_remaining_operators_exactly_their_weights():
    randint = EveryR()
    total = sum(REMAINING.values())
    won = Counter(
        distribute(POOL, WeightedLottery(randint), tags=KZ).operator_id for _ in range(total)
    )
    assert won == REMAINING
    decision = distribute(POOL, WeightedLottery(randint), tags=KZ)
    assert decision.excluded == {
        2: Exclusion.OFF_SHIFT,
        4: Exclusion.NO_SKILL,
        5: Exclusion.AWAY,
        6: Exclusion.DAILY_CAP,
    }
    assert decision.draws[-1].total == total  # the excluded weights are not drawn over


def test_shares_follow_the_weights_chi_square_with_a_fixed_seed():
    randint = random.Random(20261201).randint
    n = 30_000
    won = Counter(distribute(POOL, WeightedLottery(randint), tags=KZ).operator_id for _ in range(n))
    assert set(won) == set(REMAINING)
    total = sum(REMAINING.values())
    chi2 = sum((won[op] - n * w / total) ** 2 / (n * w / total) for op, w in REMAINING.items())
    assert chi2 < 10.83  # one degree of freedom, p = 0.001


def test_untagged_contacts_share_among_all_present_operators():
    randint = EveryR()
    present = {1: 5, 3: 2, 4: 7}
    won = Counter(
        distribute(POOL, WeightedLottery(randint)).operator_id for _ in range(sum(present.values()))
    )
    assert won == present


def test_nobody_for_a_tag_is_no_skill_and_a_mix_is_none_eligible():
    present = [c for c in POOL if c.operator_id in (1, 3, 4)]
    english = frozenset({"en"})
    assert distribute(present, WeightedLottery(EveryR()), tags=english).reason == (
        Unassigned.NO_SKILL
    )
    # presence is told first: with those away or off shift it is a mix
    assert distribute(POOL, WeightedLottery(EveryR()), tags=english).reason == (
        Unassigned.NONE_ELIGIBLE
    )
    mix = [c for c in POOL if c.operator_id in (2, 5)]
    assert distribute(mix, WeightedLottery(EveryR())).reason == Unassigned.NONE_ELIGIBLE
    off = [c for c in POOL if c.operator_id == 2]
    assert distribute(off, WeightedLottery(EveryR())).reason == Unassigned.ALL_OFF_SHIFT
