"""Choosing the operator for one contact: eligibility (``domain.eligibility``), then
a strategy.

The original service's lottery is the default strategy; smooth weighted
round-robin and least-loaded are the others. Kept pure so that every caller
(intake form, CLI, importer, queue) shares one implementation. Loads come in
as numbers. Under SQLite's one write lock those numbers are exact and nothing
re-checks the winner (see ``services/intake.py``); a backend without a global
write lock can pass ``still_has_room`` to re-check it where the truth lives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple, Protocol

from desktop_crm.domain.eligibility import NO_TAGS, Exclusion, exclusion

RandInt = Callable[[int, int], int]
"""``randint(a, b)``: a uniform integer in [a, b], e.g. ``random.Random(seed).randint``."""


class Unassigned(StrEnum):
    """Why a contact was stored without an operator."""

    NO_OPERATORS = "no_operators"
    ALL_WEIGHT_0 = "all_weight_0"
    ALL_INACTIVE = "all_inactive"
    ALL_AT_LIMIT = "all_at_limit"
    ALL_AWAY = "all_away"
    ALL_OFF_SHIFT = "all_off_shift"
    ALL_DAILY_CAP = "all_daily_cap"
    NO_SKILL = "no_skill"
    ALL_TIMED_OUT = "all_timed_out"
    NONE_ELIGIBLE = "none_eligible"


class Candidate(NamedTuple):
    """One operator configured on the source, as it stands now.

    A named tuple: the importer builds millions of these, and tuples are cheap.
    ``presence``: ``AWAY``/``OFF_SHIFT`` now, else None; ``today``: contacts assigned
    to it today; ``daily_cap``: None for none; ``skills``: its tags.
    """

    operator_id: int
    weight: int
    active: bool
    load: int
    max_load: int
    presence: Exclusion | None = None
    today: int = 0
    daily_cap: int | None = None
    skills: frozenset[str] = NO_TAGS

    @property
    def exclusion(self) -> Exclusion | None:
        """Why it cannot take an untagged contact now (``domain.eligibility``), or None."""
        return self.exclusion_for()

    def exclusion_for(
        self, tags: frozenset[str] = NO_TAGS, timed_out: bool = False
    ) -> Exclusion | None:
        """Why it cannot take a contact with these tags now (``timed_out``: it let this
        contact's reply deadline pass), or None."""
        return exclusion(
            weight=self.weight,
            active=self.active,
            load=self.load,
            max_load=self.max_load,
            presence=self.presence,
            today=self.today,
            daily_cap=self.daily_cap,
            skills=self.skills,
            tags=tags,
            timed_out=timed_out,
        )


class Draw(NamedTuple):
    """One pick: the operator, whether the re-check accepted it, and what the strategy
    used (the lottery's ``r`` in [1, ``total``]; a note for other strategies)."""

    operator_id: int
    accepted: bool
    r: int | None = None
    total: int | None = None
    note: str = ""


class Decision(NamedTuple):
    """The outcome of distributing one contact, with everything needed to explain it.

    ``excluded``: why each configured operator that could not take it was left out.
    """

    operator_id: int | None
    candidates: tuple[Candidate, ...]
    draws: tuple[Draw, ...]
    reason: Unassigned | None
    excluded: dict[int, Exclusion]
    strategy: str = "weighted_random"


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


class Strategy(Protocol):
    """How one operator is chosen among the eligible ones."""

    name: str

    def pick(self, pool: Sequence[Candidate]) -> Draw:
        """Choose from a non-empty pool (``accepted`` is filled in by ``distribute``)."""
        ...

    def accept(self, winner: Candidate, pool: Sequence[Candidate]) -> None:
        """The pick stood: update any state the strategy keeps."""
        ...


class WeightedLottery:
    """The original service's algorithm: shares follow the weights on average."""

    name = "weighted_random"

    def __init__(self, randint: RandInt) -> None:
        self._randint = randint

    def pick(self, pool: Sequence[Candidate]) -> Draw:
        winner, r, total = weighted_pick(pool, self._randint)
        return Draw(winner.operator_id, False, r, total)

    def accept(self, winner: Candidate, pool: Sequence[Candidate]) -> None:
        pass


class SmoothRoundRobin:
    """Smooth weighted round-robin (as nginx): deterministic; over every full cycle of
    the weights the shares are exact, and no operator is ever more than one contact
    off its share. ``current`` (operator -> current weight) is the state the caller
    keeps between contacts; ``accept`` updates it."""

    name = "round_robin"

    def __init__(self, current: dict[int, int]) -> None:
        self.current = current

    def pick(self, pool: Sequence[Candidate]) -> Draw:
        total = sum([c.weight for c in pool])
        best, best_value = pool[0], None
        for candidate in pool:  # the first of equals wins: configuration order breaks ties
            value = self.current.get(candidate.operator_id, 0) + candidate.weight
            if best_value is None or value > best_value:
                best, best_value = candidate, value
        return Draw(best.operator_id, False, None, total, f"current weight {best_value} of {total}")

    def accept(self, winner: Candidate, pool: Sequence[Candidate]) -> None:
        total = 0
        for candidate in pool:
            total += candidate.weight
            self.current[candidate.operator_id] = (
                self.current.get(candidate.operator_id, 0) + candidate.weight
            )
        self.current[winner.operator_id] -= total


class LeastLoaded:
    """The lowest load / max_load first; a larger weight, then configuration order, breaks ties."""

    name = "least_loaded"

    def pick(self, pool: Sequence[Candidate]) -> Draw:
        position = {c.operator_id: i for i, c in enumerate(pool)}
        best = min(
            pool,
            key=lambda c: (Fraction(c.load, c.max_load), -c.weight, position[c.operator_id]),
        )
        return Draw(best.operator_id, False, None, None, f"load {best.load} of {best.max_load}")

    def accept(self, winner: Candidate, pool: Sequence[Candidate]) -> None:
        pass


STRATEGY_NAMES = (WeightedLottery.name, SmoothRoundRobin.name, LeastLoaded.name)


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
        Exclusion.AWAY: Unassigned.ALL_AWAY,
        Exclusion.OFF_SHIFT: Unassigned.ALL_OFF_SHIFT,
        Exclusion.DAILY_CAP: Unassigned.ALL_DAILY_CAP,
        Exclusion.NO_SKILL: Unassigned.NO_SKILL,
        Exclusion.TIMED_OUT: Unassigned.ALL_TIMED_OUT,
    }[kinds.pop()]


REPEAT_LEAD_NOTE = "repeat lead: the operator who handled it last"
# The note of a manual decision made by an imported file's owner column (keep_operator).
OWNER_COLUMN_NOTE = "owner column of an imported file"


def distribute(
    candidates: Sequence[Candidate],
    strategy: Strategy,
    still_has_room: Callable[[int], bool] = lambda _operator_id: True,
    preferred: int | None = None,
    tags: frozenset[str] = NO_TAGS,
    timed_out: frozenset[int] = frozenset(),
) -> Decision:
    """Pick an operator for one contact, or none with the reason.

    ``preferred`` (a returning lead's last operator) wins when it is eligible.
    ``tags``: the contact's; ``timed_out``: operators who let its reply deadline pass.
    ``still_has_room(operator_id)`` re-checks the winner's load where the
    truth lives (inside the caller's write transaction); a refused winner is
    marked at its limit and the strategy picks again among the rest.
    """
    excluded: dict[int, Exclusion] = {}
    pool: list[Candidate] = []
    for candidate in candidates:
        why = candidate.exclusion_for(tags, candidate.operator_id in timed_out)
        if why is None:
            pool.append(candidate)
        else:
            excluded[candidate.operator_id] = why
    draws: list[Draw] = []
    if preferred is not None:
        chosen = next((c for c in pool if c.operator_id == preferred), None)
        if chosen is not None:
            accepted = still_has_room(preferred)
            draws.append(Draw(preferred, accepted, note=REPEAT_LEAD_NOTE))
            if accepted:
                return Decision(
                    preferred, tuple(candidates), tuple(draws), None, excluded, strategy.name
                )
            excluded[preferred] = Exclusion.AT_LIMIT
            pool.remove(chosen)
    while pool:
        draw = strategy.pick(pool)
        accepted = still_has_room(draw.operator_id)
        draws.append(draw._replace(accepted=accepted))
        if accepted:
            winner = next(c for c in pool if c.operator_id == draw.operator_id)
            strategy.accept(winner, pool)
            return Decision(
                draw.operator_id, tuple(candidates), tuple(draws), None, excluded, strategy.name
            )
        excluded[draw.operator_id] = Exclusion.AT_LIMIT
        pool = [c for c in pool if c.operator_id != draw.operator_id]
    reason = unassigned_reason(list(excluded.values()))
    return Decision(None, tuple(candidates), tuple(draws), reason, excluded, strategy.name)
