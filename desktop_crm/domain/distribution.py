"""Choosing the operator for one contact: eligibility and the weighted lottery.

This is the original service's algorithm, kept pure so that every caller
(intake form, CLI, importer, queue) shares one implementation. Loads come
in as numbers; the one thing that needs the database, re-checking the
winner's load inside the write transaction, is a callable the caller passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import NamedTuple

RandInt = Callable[[int, int], int]
"""``randint(a, b)``: a uniform integer in [a, b], e.g. ``random.Random(seed).randint``."""


class Exclusion(StrEnum):
    """Why a configured operator could not take the contact."""

    WEIGHT_0 = "weight_0"
    INACTIVE = "inactive"
    AT_LIMIT = "at_limit"


class Unassigned(StrEnum):
    """Why a contact was stored without an operator."""

    NO_OPERATORS = "no_operators"
    ALL_WEIGHT_0 = "all_weight_0"
    ALL_INACTIVE = "all_inactive"
    ALL_AT_LIMIT = "all_at_limit"
    NONE_ELIGIBLE = "none_eligible"


class Candidate(NamedTuple):
    """One operator configured on the source, as it stands now.

    A named tuple: the importer builds millions of these, and tuples are cheap.
    """

    operator_id: int
    weight: int
    active: bool
    load: int
    max_load: int

    @property
    def exclusion(self) -> Exclusion | None:
        if self.weight <= 0:
            return Exclusion.WEIGHT_0
        if not self.active:
            return Exclusion.INACTIVE
        if self.load >= self.max_load:
            return Exclusion.AT_LIMIT
        return None


class Draw(NamedTuple):
    """One lottery draw: ``r`` in [1, total]; ``accepted`` False if the re-check refused it."""

    r: int
    total: int
    operator_id: int
    accepted: bool


class Decision(NamedTuple):
    """The outcome of distributing one contact, with everything needed to explain it.

    ``excluded``: why each configured operator that could not take it was left out.
    """

    operator_id: int | None
    candidates: tuple[Candidate, ...]
    draws: tuple[Draw, ...]
    reason: Unassigned | None
    excluded: dict[int, Exclusion]


def eligible(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates with weight > 0, active and below their limit, in the given order."""
    return [c for c in candidates if c.exclusion is None]


def weighted_pick(pool: Sequence[Candidate], randint: RandInt) -> tuple[Candidate, int, int]:
    """The integer lottery: r in [1, total]; the first running sum >= r wins.

    Returns the winner, r and the total. ``pool`` must be non-empty with positive weights.
    """
    total = sum([c.weight for c in pool])
    r = randint(1, total)
    running = 0
    for candidate in pool:
        running += candidate.weight
        if running >= r:
            return candidate, r, total
    raise AssertionError("unreachable: r never exceeds the total weight")


def unassigned_reason(excluded: Sequence[Exclusion]) -> Unassigned:
    """Summarise why nobody could take the contact."""
    if not excluded:
        return Unassigned.NO_OPERATORS
    kinds = set(excluded)
    if len(kinds) > 1:
        return Unassigned.NONE_ELIGIBLE
    return {
        Exclusion.WEIGHT_0: Unassigned.ALL_WEIGHT_0,
        Exclusion.INACTIVE: Unassigned.ALL_INACTIVE,
        Exclusion.AT_LIMIT: Unassigned.ALL_AT_LIMIT,
    }[kinds.pop()]


def distribute(
    candidates: Sequence[Candidate],
    randint: RandInt,
    still_has_room: Callable[[int], bool] = lambda _operator_id: True,
) -> Decision:
    """Pick an operator for one contact, or none with the reason.

    ``still_has_room(operator_id)`` re-checks the winner's load where the
    truth lives (inside the caller's write transaction); a refused winner is
    marked at its limit and the lottery runs again over the rest.
    """
    excluded: dict[int, Exclusion] = {}
    pool: list[Candidate] = []
    # The rules of ``Candidate.exclusion``, inlined: this loop runs for every contact.
    for candidate in candidates:
        if candidate.weight <= 0:
            excluded[candidate.operator_id] = Exclusion.WEIGHT_0
        elif not candidate.active:
            excluded[candidate.operator_id] = Exclusion.INACTIVE
        elif candidate.load >= candidate.max_load:
            excluded[candidate.operator_id] = Exclusion.AT_LIMIT
        else:
            pool.append(candidate)
    draws: list[Draw] = []
    while pool:
        winner, r, total = weighted_pick(pool, randint)
        accepted = still_has_room(winner.operator_id)
        draws.append(Draw(r, total, winner.operator_id, accepted))
        if accepted:
            return Decision(winner.operator_id, tuple(candidates), tuple(draws), None, excluded)
        excluded[winner.operator_id] = Exclusion.AT_LIMIT
        pool = [c for c in pool if c.operator_id != winner.operator_id]
    reason = unassigned_reason(list(excluded.values()))
    return Decision(None, tuple(candidates), tuple(draws), reason, excluded)


def describe_exclusions(excluded: dict[int, Exclusion]) -> Counter[Exclusion]:
    """How many operators were excluded for each reason."""
    return Counter(excluded.values())
