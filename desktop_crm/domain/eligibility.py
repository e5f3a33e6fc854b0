"""Whether an operator can take a contact now: the one place this rule lives.

The distributor, manual assignment, the queue, reopening and every view that
shows room or a reason ask these functions; nothing else compares a load with
a limit. Today the facts are the weight on the source, ``active`` and the load
against ``max_load``. Shifts, absences, daily caps and skills (the dispatcher's
day) join ``exclusion`` as more keyword facts with a new ``Exclusion`` value
each, so every caller learns them at once.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from enum import StrEnum
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)


class Exclusion(StrEnum):
    """Why an operator could not take the contact."""

    WEIGHT_0 = "weight_0"
    INACTIVE = "inactive"
    AT_LIMIT = "at_limit"


def has_room(load: int, max_load: int) -> bool:
    """Whether one more active contact keeps the operator within its limit."""
    return load < max_load


def within_limit(load: int, max_load: int) -> bool:
    """The invariant: an operator never has more active contacts than ``max_load``."""
    return load <= max_load


def headroom(load: int, max_load: int) -> int:
    """How many more active contacts the operator may take (0 when it has no room)."""
    return max_load - load if has_room(load, max_load) else 0


def load_fraction(load: int, max_load: int) -> float:
    """How full the operator is, 0..1; an operator without room is full (also max_load 0)."""
    if not has_room(load, max_load):
        return 1.0
    return load / max_load


def exclusion(
    *, active: bool, load: int, max_load: int, weight: int | None = None
) -> Exclusion | None:
    """Why the operator cannot take a contact now, or None when it can.

    ``weight``: the operator's weight on the contact's source when the distributor
    decides; None for a choice by hand (a dispatcher's, or an imported file's
    owner column), which weights do not govern.
    """
    if weight is not None and weight <= 0:
        return Exclusion.WEIGHT_0
    if not active:
        return Exclusion.INACTIVE
    if not has_room(load, max_load):
        return Exclusion.AT_LIMIT
    return None


def weight_shares(weights: Mapping[Key, tuple[int, bool]]) -> dict[Key, float]:
    """Each operator's share of a source's contacts by the weights (``weights``: key ->
    (weight, active)). An inactive operator gets none and does not count in the total;
    a full one does (its share comes back with room). All 0 when nobody has a share."""
    total = sum(weight for weight, active in weights.values() if active and weight > 0)
    return {
        key: (weight / total if total and active and weight > 0 else 0.0)
        for key, (weight, active) in weights.items()
    }
