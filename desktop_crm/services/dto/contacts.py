"""A contact as the services return it, and the results of calls that change contacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_crm.errors import CrmError
from desktop_crm.services.dto.refs import LeadRef, OperatorRef, SourceRef


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
class BulkResult:
    """Several contacts changed in one transaction; refusals carry their messages."""

    changed: tuple[ContactInfo, ...]
    refused: tuple[tuple[int, CrmError], ...] = ()
