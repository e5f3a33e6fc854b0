"""Which contacts a list or a count asks for, and how many matched."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


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
