"""Whether an operator can take a contact now: the one place this rule lives.

The distributor, manual assignment, the queue, reopening and every view that
shows room or a reason ask these functions; nothing else compares a load with
a limit. The facts: the weight on the source, ``active``, presence now (away or
off shift, from ``domain.schedule``), skills against the contact's tags, whether
the operator already let this contact's reply deadline pass, today's count against
the daily cap, and the load against ``max_load``. A new rule joins ``exclusion``
as one more keyword fact with its own ``Exclusion`` value, so every caller learns
it at once.
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
    AWAY = "away"
    OFF_SHIFT = "off_shift"
    NO_SKILL = "no_skill"
    TIMED_OUT = "timed_out"
    DAILY_CAP = "daily_cap"
    AT_LIMIT = "at_limit"


NO_TAGS: frozenset[str] = frozenset()


def has_room(load: int, max_load: int) -> bool:
    """Whether one more active contact keeps the operator within its limit."""
    return load < max_load


def within_limit(load: int, max_load: int) -> bool:
    """The invariant: an operator never has more active contacts than ``max_load``."""
    return load <= max_load


def headroom(load: int, max_load: int) -> int:
    """How many more active contacts the operator may take (0 when it has no room)."""
    return max_load - load if has_room(load, max_load) else 0


def room_today(load: int, max_load: int, today: int = 0, daily_cap: int | None = None) -> int:
    """How many more contacts the operator may be given now: its headroom, and no more
    than what is left of today's cap."""
    room = headroom(load, max_load)
    return room if daily_cap is None else max(0, min(room, daily_cap - today))


def load_fraction(load: int, max_load: int) -> float:
    """How full the operator is, 0..1; an operator without room is full (also max_load 0)."""
    if not has_room(load, max_load):
        return 1.0
    return load / max_load


def under_daily_cap(today: int, daily_cap: int | None) -> bool:
    """Whether one more assignment today keeps the operator within its daily cap."""
    return daily_cap is None or today < daily_cap


def has_skills(skills: frozenset[str], tags: frozenset[str]) -> bool:
    """A tagged contact goes only to an operator having every one of its tags."""
    return tags <= skills


def exclusion(
    *,
    active: bool,
    load: int,
    max_load: int,
    weight: int | None = None,
    presence: Exclusion | None = None,
    today: int = 0,
    daily_cap: int | None = None,
    skills: frozenset[str] = NO_TAGS,
    tags: frozenset[str] = NO_TAGS,
    timed_out: bool = False,
) -> Exclusion | None:
    """Why the operator cannot take a contact now, or None when it can.

    ``weight``: the operator's weight on the contact's source when the distributor
    decides; None for a choice by hand (a dispatcher's, or an imported file's
    owner column), which weights do not govern. ``presence``: ``AWAY`` or
    ``OFF_SHIFT`` when time says so now (``domain.schedule``), else None.
    ``today``: contacts assigned to the operator today; ``tags``: the contact's;
    ``timed_out``: the operator let this contact's reply deadline pass.

    The first reason in this order is the one reported: what the dispatcher set
    (weight, active), then who is there, then what the contact needs, then counts.
    """
    if weight is not None and weight <= 0:
        return Exclusion.WEIGHT_0
    if not active:
        return Exclusion.INACTIVE
    if presence is not None:
        return presence
    if tags and not has_skills(skills, tags):
        return Exclusion.NO_SKILL
    if timed_out:
        return Exclusion.TIMED_OUT
    if not under_daily_cap(today, daily_cap):
        return Exclusion.DAILY_CAP
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
