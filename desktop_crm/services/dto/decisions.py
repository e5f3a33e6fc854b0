"""Distribution decisions about a contact, with their evidence (the trace)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_crm.services.dto.refs import OperatorRef


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
