"""Plain results the services return (no peewee objects leave the service layer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
class OperatorInfo:
    id: int
    name: str
    active: bool
    max_load: int
    load: int

    @property
    def headroom(self) -> int:
        return max(self.max_load - self.load, 0)


@dataclass(frozen=True, slots=True)
class WeightInfo:
    operator: OperatorRef
    weight: int
    active: bool
    load: int
    max_load: int


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: int
    name: str
    code: str | None
    weights: tuple[WeightInfo, ...] = ()


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


@dataclass(frozen=True, slots=True)
class RegisterResult:
    contact: ContactInfo
    created: bool  # False when an idempotency key returned an existing contact


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


@dataclass(frozen=True, slots=True)
class Statistics:
    since: dt.datetime | None
    until: dt.datetime | None
    operators: tuple[OperatorStats, ...]
    unassigned: tuple[SourceCount, ...]
    sources: tuple[SourceRef, ...] = field(default=())
