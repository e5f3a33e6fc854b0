"""Leads: each with all its contacts from every source; search by id or name."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from desktop_crm.db.models import Contact, Lead, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain.external_id import (
    EmptyExternalId,
    IdReading,
    normalise_external_id,
    read_external_id,
)
from desktop_crm.services.common import aware_utc, naive_utc
from desktop_crm.services.contact_views import contacts_of_leads
from desktop_crm.services.dto.leads import LeadInfo, LeadRow, LeadSort
from desktop_crm.services.search import lead_condition
from desktop_crm.services.settings import phone_region


def search_condition(text: str, region: str) -> pw.ColumnBase | None:
    """Leads matching ``text`` (the rules live in ``services.search``)."""
    return lead_condition(text, region)


LeadKey = tuple[object, ...]

_SORT_COLUMNS: dict[LeadSort, tuple[pw.Field, ...]] = {
    LeadSort.NEWEST: (Lead.created_at, Lead.id),  # "First seen" (index: migration 0007)
    LeadSort.NAME: (Lead.name_folded, Lead.id),
    LeadSort.EXTERNAL_ID: (Lead.external_id,),
}


def lead_key(row: LeadRow, sort: LeadSort) -> LeadKey:
    """The keyset position of ``row`` in ``sort`` order."""
    if sort is LeadSort.NEWEST:
        return (naive_utc(row.created_at), row.id)
    if sort is LeadSort.NAME:
        return (row.name.casefold(), row.id)
    return (row.external_id,)


def _lead_rows(query: pw.ModelSelect[Lead]) -> list[LeadRow]:
    count = Contact.select(pw.fn.COUNT(Contact.id)).where(Contact.lead == Lead.id)
    last = Contact.select(pw.fn.MAX(Contact.created_at)).where(Contact.lead == Lead.id)
    rows = query.select(Lead.id, Lead.external_id, Lead.name, Lead.created_at, count, last)
    return [
        LeadRow(
            lead_id,
            external_id,
            name,
            aware_utc(created_at),
            contact_count,
            None if last_contact_at is None else aware_utc(_as_datetime(last_contact_at)),
        )
        for lead_id, external_id, name, created_at, contact_count, last_contact_at in tuples(rows)
    ]


def _as_datetime(value: object) -> dt.datetime:
    # An aggregate comes back as stored text on SQLite and as a datetime elsewhere.
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


class LeadService:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def read_id(self, external_id: str) -> IdReading | None:
        """How ``external_id`` would be stored, as what, and whether it looks like a
        phone number that is none for the database's phone region (``None``: empty)."""
        with self._storage.read():
            region = phone_region()
        try:
            return read_external_id(external_id, region)
        except EmptyExternalId:
            return None

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

    def page(
        self,
        text: str = "",
        sort: LeadSort = LeadSort.NEWEST,
        after: LeadKey | None = None,
        through: LeadKey | None = None,
        limit: int = 200,
        reverse: bool = False,
    ) -> list[LeadRow]:
        """A keyset page of leads matching ``text``, with contact counts (no OFFSET).
        ``reverse``: the other way round (oldest first, Z to A); the same index, walked
        backwards."""
        columns = _SORT_COLUMNS[sort]
        key = pw.Tuple(*columns) if len(columns) > 1 else columns[0]
        descending = (sort is LeadSort.NEWEST) != reverse

        def bound(value: LeadKey) -> object:
            return pw.Tuple(*value) if len(value) > 1 else value[0]

        with self._storage.read():
            query = Lead.select()
            condition = search_condition(text, phone_region())
            if condition is not None:
                query = query.where(condition)
            if after is not None:
                query = query.where(key < bound(after) if descending else key > bound(after))
            if through is not None:
                query = query.where(key >= bound(through) if descending else key <= bound(through))
            order = [c.desc() for c in columns] if descending else list(columns)
            return _lead_rows(query.order_by(*order).limit(limit))

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
