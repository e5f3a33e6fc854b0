import random
from collections import Counter

import pytest

from desktop_crm.domain.distribution import (
    Candidate,
    Exclusion,
    LeastLoaded,
    SmoothRoundRobin,
    Unassigned,
    WeightedLottery,
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
    winners = {
        distribute(candidates, WeightedLottery(rng.randint)).operator_id for _ in range(2_000)
    }
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
    decision = distribute(candidates, WeightedLottery(random.Random(1).randint))
    assert decision.operator_id is None
    assert decision.reason == reason
    assert decision.draws == ()


def test_recheck_refusal_redraws_among_the_rest():
    candidates = [candidate(1, 100), candidate(2, 1)]
    # The re-check says operator 1 is full after all (another writer filled it).
    decision = distribute(candidates, WeightedLottery(random.Random(5).randint), lambda op: op != 1)
    assert decision.operator_id == 2
    assert [d.accepted for d in decision.draws][-1] is True
    assert decision.excluded.get(1) in (None, Exclusion.AT_LIMIT)


def test_recheck_refusing_everyone_leaves_the_contact_unassigned():
    candidates = [candidate(1), candidate(2)]
    decision = distribute(candidates, WeightedLottery(random.Random(5).randint), lambda op: False)
    assert decision.operator_id is None
    assert decision.reason == Unassigned.ALL_AT_LIMIT
    assert len(decision.draws) == 2
    assert decision.excluded == {1: Exclusion.AT_LIMIT, 2: Exclusion.AT_LIMIT}


@pytest.mark.parametrize("weights", [(1, 3, 6), (5, 1, 1), (2, 2, 3), (7,)])
def test_round_robin_shares_are_exact_over_every_full_cycle(weights):
    pool = [candidate(i + 1, w, max_load=10**6) for i, w in enumerate(weights)]
    strategy = SmoothRoundRobin({})
    cycle = sum(weights)
    picks = []
    for _ in range(cycle * 5):
        picks.append(distribute(pool, strategy).operator_id)
        counts = Counter(picks)
        # never more than one contact off its share, at any point
        for i, w in enumerate(weights):
            assert abs(counts[i + 1] - len(picks) * w / cycle) < 1 + 1e-9
    for start in range(0, len(picks), cycle):
        assert Counter(picks[start : start + cycle]) == {i + 1: w for i, w in enumerate(weights)}


def test_round_robin_continues_from_stored_state():
    """Another process that loads the stored state continues the same sequence."""
    pool = [candidate(1, 1), candidate(2, 2), candidate(3, 4)]
    one_process = SmoothRoundRobin({})
    sequence = [distribute(pool, one_process).operator_id for _ in range(10)]
    first = SmoothRoundRobin({})
    head = [distribute(pool, first).operator_id for _ in range(4)]
    second = SmoothRoundRobin(dict(first.current))  # as stored in the database
    tail = [distribute(pool, second).operator_id for _ in range(6)]
    assert head + tail == sequence


def test_least_loaded_prefers_the_lowest_ratio_then_the_weight():
    pool = [
        candidate(1, weight=1, load=5, max_load=10),
        candidate(2, weight=1, load=2, max_load=10),
        candidate(3, weight=5, load=1, max_load=5),
    ]
    assert distribute(pool, LeastLoaded()).operator_id == 3  # 0.2 = 0.2: the larger weight
    pool[2] = candidate(3, weight=5, load=2, max_load=5)
    assert distribute(pool, LeastLoaded()).operator_id == 2  # 0.2 < 0.4


def test_an_eligible_preferred_operator_wins_and_an_ineligible_one_does_not():
    pool = [candidate(1, 100), candidate(2, 1)]
    decision = distribute(pool, WeightedLottery(random.Random(1).randint), preferred=2)
    assert decision.operator_id == 2 and "repeat lead" in decision.draws[0].note
    pool[1] = candidate(2, 1, active=False)
    assert distribute(pool, WeightedLottery(random.Random(1).randint), preferred=2).operator_id == 1


def test_inlined_rules_match_the_candidate_exclusion():
    rng = random.Random(11)
    for _ in range(500):
        pool = [
            candidate(
                i, rng.randint(0, 2), rng.random() < 0.8, rng.randint(0, 3), rng.randint(0, 3)
            )
            for i in range(1, 6)
        ]
        decision = distribute(pool, WeightedLottery(rng.randint))
        assert decision.excluded == {c.operator_id: c.exclusion for c in pool if c.exclusion}


def test_a_round_robin_newcomer_starts_from_a_current_weight_of_zero():
    # Operator 1 carries +1 from earlier contacts; operator 2 joins the pool now.
    newcomer, veteran = Candidate(2, 1, True, 0, 5), Candidate(1, 1, True, 0, 5)
    draw = SmoothRoundRobin({1: 1}).pick([newcomer, veteran])
    assert (draw.operator_id, draw.note) == (1, "current weight 2 of 2")


def test_a_repeat_lead_decision_keeps_its_trace():
    pool = [candidate(1, 1), candidate(2, 1), candidate(3, 1, active=False)]
    decision = distribute(pool, LeastLoaded(), preferred=2)
    assert decision.operator_id == 2
    assert decision.draws[0].operator_id == 2 and decision.draws[0].accepted
    assert decision.excluded == {3: Exclusion.INACTIVE}
    assert decision.strategy == "least_loaded"
    assert decision.reason is None


def test_a_decision_with_nobody_fitting_keeps_its_trace():
    pool = [candidate(1, 0), candidate(2, 1, active=False)]
    decision = distribute(pool, SmoothRoundRobin({}))
    assert decision.operator_id is None
    assert decision.reason is Unassigned.NONE_ELIGIBLE
    assert decision.excluded == {1: Exclusion.WEIGHT_0, 2: Exclusion.INACTIVE}
    assert decision.strategy == "round_robin"
    assert decision.draws == ()
