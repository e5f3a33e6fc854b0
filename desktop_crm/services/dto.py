"""Plain results the services return (no peewee objects leave the service layer).

Whether an operator has room, why it cannot take a contact and how full it is
are answered here by ``domain.eligibility`` (properties of the results), so the
window shows the rule's answer and never re-derives it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from desktop_crm.domain import eligibility
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import CrmError


@dataclass(frozen=True, slots=True)
class OperatorRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    id: int
    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class LeadRef:
    id: int
    external_id: str
    name: str


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


@dataclass(frozen=True, slots=True)
class WeightInfo:
    operator: OperatorRef
    weight: int
    active: bool
    load: int
    max_load: int
    presence: Exclusion | None = None  # away or off shift now
    today: int = 0  # contacts given today
    daily_cap: int | None = None

    @property
    def exclusion(self) -> Exclusion | None:
        """Why the distributor leaves this operator out on the source now (for an
        untagged contact), or None."""
        return eligibility.exclusion(
            weight=self.weight,
            active=self.active,
            load=self.load,
            max_load=self.max_load,
            presence=self.presence,
            today=self.today,
            daily_cap=self.daily_cap,
        )


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: int
    name: str
    code: str | None
    weights: tuple[WeightInfo, ...] = ()
    strategy: str = "weighted_random"
    repeat_to_last: bool = False
    reply_within: int | None = None  # seconds to the first reply; None: no deadline
    close_after: int | None = None  # seconds without activity before auto-close; None: never


@dataclass(frozen=True, slots=True)
class ContactInfo:
    id: int
    created_at: dt.datetime  # aware, UTC
    is_active: bool
    message: str
    lead: LeadRef
    source: SourceRef
    operator: OperatorRef | None
    reason: str | None = None  # an ``Unassigned`` value when operator is None
    overdue: bool = False  # its reply deadline passed and nobody else could take it
    answered_at: dt.datetime | None = None  # the first reply (aware, UTC), if reported
    tags: tuple[str, ...] = ()  # what it needs (``domain.tags``), sorted


@dataclass(frozen=True, slots=True)
class RegisterResult:
    contact: ContactInfo
    created: bool  # False when an idempotency key returned an existing contact


@dataclass(frozen=True, slots=True)
class AnsweredInfo:
    """``contact answered``: the contact as it is now, and whether this call recorded
    its first reply (False: it was answered before and keeps that time)."""

    contact: ContactInfo
    first: bool


@dataclass(frozen=True, slots=True)
class LeadInfo:
    id: int
    external_id: str
    name: str
    created_at: dt.datetime  # aware, UTC
    contact_count: int
    contacts: tuple[ContactInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceCount:
    source: SourceRef
    total: int
    active: int


@dataclass(frozen=True, slots=True)
class OperatorStats:
    operator: OperatorRef
    active: bool
    load: int
    max_load: int
    total: int
    per_source: tuple[SourceCount, ...] = ()

    @property
    def load_fraction(self) -> float:
        return eligibility.load_fraction(self.load, self.max_load)


@dataclass(frozen=True, slots=True)
class Statistics:
    since: dt.datetime | None
    until: dt.datetime | None
    operators: tuple[OperatorStats, ...]
    unassigned: tuple[SourceCount, ...]
    sources: tuple[SourceRef, ...] = field(default=())


class ContactState(StrEnum):
    ALL = "all"
    ACTIVE = "active"
    CLOSED = "closed"
    UNASSIGNED = "unassigned"  # active and without an operator: the queue to work
    OVERDUE = "overdue"  # active, its reply deadline missed, and nobody else could take it


@dataclass(frozen=True, slots=True)
class ContactFilter:
    state: ContactState = ContactState.ALL
    source_id: int | None = None
    operator_id: int | None = None
    lead_id: int | None = None
    text: str = ""  # a lead's id in any spelling, its name, a message (``services.search``)
    since: dt.datetime | None = None  # created at or after (aware, or naive local)
    until: dt.datetime | None = None  # created before


@dataclass(frozen=True, slots=True)
class ContactCount:
    """How many contacts match a filter: ``count`` exactly, or at least ``count``
    when ``more`` (counting stopped at a cap to stay fast)."""

    count: int
    more: bool = False


@dataclass(frozen=True, slots=True)
class LeadRow:
    id: int
    external_id: str
    name: str
    created_at: dt.datetime  # aware, UTC
    contact_count: int
    last_contact_at: dt.datetime | None


class LeadSort(StrEnum):
    NEWEST = "newest"
    NAME = "name"
    EXTERNAL_ID = "external_id"


@dataclass(frozen=True, slots=True)
class BulkResult:
    """Several contacts changed in one transaction; refusals carry their messages."""

    changed: tuple[ContactInfo, ...]
    refused: tuple[tuple[int, CrmError], ...] = ()


@dataclass(frozen=True, slots=True)
class OperatorShare:
    operator: OperatorRef
    weight: int
    configured: float  # share of the source's total weight, 0..1
    delivered: int  # contacts of the period on this source
    delivered_share: float  # share of the source's assigned contacts, 0..1
    active: bool = True  # an inactive operator has no configured share


@dataclass(frozen=True, slots=True)
class SourceShares:
    source: SourceRef
    operators: tuple[OperatorShare, ...]
    unassigned: int


@dataclass(frozen=True, slots=True)
class CandidateInfo:
    """An operator as the decision saw it; ``excluded`` says why it could not win."""

    operator: OperatorRef
    weight: int
    active: bool
    load: int
    max_load: int
    excluded: str | None  # an ``Exclusion`` value


@dataclass(frozen=True, slots=True)
class DrawInfo:
    operator: OperatorRef
    accepted: bool
    r: int | None
    total: int | None
    note: str


@dataclass(frozen=True, slots=True)
class DecisionInfo:
    """One decision about a contact: when, which kind, who (or why nobody), and the evidence."""

    id: int
    created_at: dt.datetime  # aware, UTC
    kind: str  # auto, redistribution, manual
    operator: OperatorRef | None
    reason: str | None
    strategy: str
    candidates: tuple[CandidateInfo, ...]
    draws: tuple[DrawInfo, ...]
    note: str
