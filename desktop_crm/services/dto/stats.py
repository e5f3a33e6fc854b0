"""Statistics: contacts per operator and source, and the configured against the delivered shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_crm.domain import eligibility
from desktop_crm.services.dto.refs import OperatorRef, SourceRef


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
