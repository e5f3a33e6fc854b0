"""An operator as it stands now. Whether it has room, why it cannot take a contact
and how full it is are answered by ``domain.eligibility`` (properties of the result), so
the window shows the rule's answer and never re-derives it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_crm.domain import eligibility
from desktop_crm.domain.eligibility import Exclusion


@dataclass(frozen=True, slots=True)
class AbsenceInfo:
    """An operator away from ``starts_at`` until ``ends_at`` (None: until back); aware UTC."""

    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class OperatorInfo:
    """An operator as it stands now. ``hours``: canonical (``domain.schedule``), '' for
    always; ``daily_cap``: None for none; ``skills``: its tags, sorted; ``today``:
    contacts assigned to it today (the configured zone's day); ``presence``: ``AWAY``,
    ``OFF_SHIFT`` or None (there now) and ``presence_until`` when that changes (None:
    not by itself); ``absences``: the one in force and those ahead, by start."""

    id: int
    name: str
    active: bool
    max_load: int
    load: int
    hours: str = ""
    daily_cap: int | None = None
    skills: tuple[str, ...] = ()
    today: int = 0
    presence: Exclusion | None = None
    presence_until: dt.datetime | None = None
    absences: tuple[AbsenceInfo, ...] = ()

    @property
    def headroom(self) -> int:
        return eligibility.headroom(self.load, self.max_load)

    @property
    def has_room(self) -> bool:
        return eligibility.has_room(self.load, self.max_load)

    @property
    def load_fraction(self) -> float:
        return eligibility.load_fraction(self.load, self.max_load)

    @property
    def exclusion(self) -> Exclusion | None:
        """Why it cannot be given an untagged contact by hand now (weights do not
        apply), or None."""
        return self.exclusion_for()

    def exclusion_for(self, tags: frozenset[str] = frozenset()) -> Exclusion | None:
        """Why it cannot be given a contact with these tags by hand now, or None."""
        return eligibility.exclusion(
            active=self.active,
            load=self.load,
            max_load=self.max_load,
            presence=self.presence,
            today=self.today,
            daily_cap=self.daily_cap,
            skills=frozenset(self.skills),
            tags=tags,
        )

    @property
    def under_daily_cap(self) -> bool:
        return eligibility.under_daily_cap(self.today, self.daily_cap)
