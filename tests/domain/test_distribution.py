import random
from collections import Counter

import pytest

from desktop_crm.domain.distribution import (
    Candidate,
    Exclusion,
    Unassigned,
    distribute,
    weighted_pick,
)
from tests.stats_util import chi2_sf, chi_square


def candidate(op_id, weight=1, active=True, load=0, max_load=10):
    return Candidate(op_id, weight, active, load, max_load)


def test_chi_square_helper_matches_known_values():
    # Reference values of the chi-square survival function (tables).
    assert chi2_sf(5.991, 2) == pytest.approx(0.05, abs=1e-4)
    assert chi2_sf(3.841, 1) == pytest.approx(0.05, abs=1e-4)
    assert chi2_sf(11.345, 3) == pytest.approx(0.01, abs=1e-4)
    assert chi2_sf(0.0, 4) == 1.0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_lottery_follows_weights_1_3_6(seed):
    pool = [candidate(1, 1), candidate(2, 3), candidate(3, 6)]
    rng = random.Random(seed)
    wins = Counter(weighted_pick(pool, rng.randint)[0].operator_id for _ in range(20_000))
    statistic, p_value = chi_square([wins[1], wins[2], wins[3]], [1, 3, 6])
    assert p_value > 0.001, (wins, statistic)


def test_lottery_detects_a_wrong_distribution():
    """The test above can fail: uniform picks are rejected against 1:3:6."""
    rng = random.Random(7)
    uniform = Counter(rng.randint(1, 3) for _ in range(20_000))
    _, p_value = chi_square([uniform[1], uniform[2], uniform[3]], [1, 3, 6])
    assert p_value < 1e-6


def test_walk_is_the_first_running_sum_reaching_r():
    pool = [candidate(1, 2), candidate(2, 3)]
    picks = {r: weighted_pick(pool, lambda a, b, r=r: r)[0].operator_id for r in range(1, 6)}
    assert picks == {1: 1, 2: 1, 3: 2, 4: 2, 5: 2}
    assert weighted_pick(pool, lambda a, b: b)[1:] == (5, 5)


def test_weight_zero_and_inactive_and_full_never_win():
    candidates = [
        candidate(1, weight=0),
        candidate(2, active=False),
        candidate(3, load=5, max_load=5),
        candidate(4, weight=1),
    ]
    rng = random.Random(3)
    winners = {distribute(candidates, rng.randint).operator_id for _ in range(2_000)}
    assert winners == {4}


@pytest.mark.parametrize(
    ("candidates", "reason"),
    [
        ([], Unassigned.NO_OPERATORS),
        ([candidate(1, 0), candidate(2, 0)], Unassigned.ALL_WEIGHT_0),
        ([candidate(1, active=False)], Unassigned.ALL_INACTIVE),
        ([candidate(1, load=2, max_load=2), candidate(2, max_load=0)], Unassigned.ALL_AT_LIMIT),
        ([candidate(1, 0), candidate(2, active=False)], Unassigned.NONE_ELIGIBLE),
    ],
)
def test_reason_when_nobody_fits(candidates, reason):
    decision = distribute(candidates, random.Random(1).randint)
    assert decision.operator_id is None
    assert decision.reason == reason
    assert decision.draws == ()


def test_recheck_refusal_redraws_among_the_rest():
    candidates = [candidate(1, 100), candidate(2, 1)]
    # The re-check says operator 1 is full after all (another writer filled it).
    decision = distribute(candidates, random.Random(5).randint, lambda op: op != 1)
    assert decision.operator_id == 2
    assert [d.accepted for d in decision.draws][-1] is True
    assert decision.excluded.get(1) in (None, Exclusion.AT_LIMIT)


def test_recheck_refusing_everyone_leaves_the_contact_unassigned():
    candidates = [candidate(1), candidate(2)]
    decision = distribute(candidates, random.Random(5).randint, lambda op: False)
    assert decision.operator_id is None
    assert decision.reason == Unassigned.ALL_AT_LIMIT
    assert len(decision.draws) == 2
    assert decision.excluded == {1: Exclusion.AT_LIMIT, 2: Exclusion.AT_LIMIT}
