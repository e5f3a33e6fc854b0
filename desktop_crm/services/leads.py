"""Leads: each with all its contacts from every source; search by id or name."""

from __future__ import annotations

import peewee as pw

from desktop_crm.db.models import Contact, Lead
from desktop_crm.db.storage import Storage
from desktop_crm.domain.external_id import EmptyExternalId, normalise_external_id
from desktop_crm.services.common import aware_utc
from desktop_crm.services.contact_views import contacts_of_leads
from desktop_crm.services.dto import LeadInfo
from desktop_crm.services.settings import phone_region


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` taken literally (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_condition(text: str, region: str) -> pw.Expression | None:
    """Leads whose id matches ``text`` (normalised, so any phone format finds it),
    whose id contains it, or whose name contains it (case-insensitively)."""
    text = text.strip()
    if not text:
        return None
    try:
        normalised = normalise_external_id(text, region)
    except EmptyExternalId:
        return None
    return (
        (Lead.external_id == normalised)
        | contains(Lead.external_id, text)
        | contains(Lead.name_folded, text.casefold())
    )


def contains(column: pw.Field, text: str) -> pw.Node:
    """``column LIKE '%text%'`` (portable SQL; peewee would turn LIKE into GLOB on SQLite)."""
    return pw.NodeList((column, pw.SQL("LIKE ? ESCAPE '\\'", [like_pattern(text)])))


class LeadService:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def find(self, external_id: str) -> LeadInfo | None:
        """The lead with this id in any spelling, with its contact count (no contacts listed)."""
        with self._storage.read():
            try:
                normalised = normalise_external_id(external_id, phone_region())
            except EmptyExternalId:
                return None
            lead = Lead.get_or_none(Lead.external_id == normalised)
            if lead is None:
                return None
            count = Contact.select().where(Contact.lead == lead.id).count()
            return LeadInfo(lead.id, lead.external_id, lead.name, aware_utc(lead.created_at), count)

    def search(self, text: str = "", limit: int | None = None) -> list[LeadInfo]:
        """Leads (newest first) with all their contacts, oldest contact first."""
        with self._storage.read():
            query = Lead.select().order_by(Lead.id.desc())
            condition = search_condition(text, phone_region())
            if condition is not None:
                query = query.where(condition)
            if limit is not None:
                query = query.limit(limit)
            leads = list(query)
            contacts = contacts_of_leads(lead.id for lead in leads)
        return [
            LeadInfo(
                lead.id,
                lead.external_id,
                lead.name,
                aware_utc(lead.created_at),
                len(contacts[lead.id]),
                tuple(contacts[lead.id]),
            )
            for lead in leads
        ]
