"""Leads: one with its contacts, a row of the leads list and the list's orders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from desktop_crm.services.dto.contacts import ContactInfo


@dataclass(frozen=True, slots=True)
class LeadInfo:
    id: int
    external_id: str
    name: str
    created_at: dt.datetime  # aware, UTC
    contact_count: int
    contacts: tuple[ContactInfo, ...] = ()


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
