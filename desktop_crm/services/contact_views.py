"""Reading contacts as ``ContactInfo`` with their lead, source and operator in one query."""

from __future__ import annotations

from collections.abc import Iterable

import peewee as pw

from desktop_crm.db.models import Contact, Lead, Operator, Source
from desktop_crm.services.common import aware_utc, lead_ref, operator_ref, source_ref
from desktop_crm.services.dto import ContactInfo


def contact_query() -> pw.ModelSelect:
    return (
        Contact.select(Contact, Lead, Source, Operator)
        .join(Lead, on=(Contact.lead == Lead.id))
        .switch(Contact)
        .join(Source, on=(Contact.source == Source.id))
        .switch(Contact)
        .join(Operator, pw.JOIN.LEFT_OUTER, on=(Contact.operator == Operator.id))
    )


def to_info(contact: Contact) -> ContactInfo:
    operator = contact.operator if contact.operator_id is not None else None
    return ContactInfo(
        id=contact.id,
        created_at=aware_utc(contact.created_at),
        is_active=contact.is_active,
        message=contact.message,
        lead=lead_ref(contact.lead),
        source=source_ref(contact.source),
        operator=operator_ref(operator) if operator is not None else None,
        reason=contact.unassigned_reason,
    )


def contact_info(contact_id: int) -> ContactInfo | None:
    contact = contact_query().where(Contact.id == contact_id).first()
    return None if contact is None else to_info(contact)


def contacts_of_leads(lead_ids: Iterable[int]) -> dict[int, list[ContactInfo]]:
    """Every contact of the given leads, oldest first, grouped by lead id."""
    ids = list(lead_ids)
    grouped: dict[int, list[ContactInfo]] = {lead_id: [] for lead_id in ids}
    for start in range(0, len(ids), 500):  # stay below SQLite's variable limit
        chunk = ids[start : start + 500]
        query = contact_query().where(Contact.lead.in_(chunk)).order_by(Contact.id)
        for contact in query:
            grouped[contact.lead_id].append(to_info(contact))
    return grouped
