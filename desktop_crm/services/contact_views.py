"""Reading contacts as ``ContactInfo`` with their lead, source and operator in one query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import peewee as pw

from desktop_crm.db.models import Contact, Lead, Operator, Source, tuples
from desktop_crm.db.statements import run, statements
from desktop_crm.services.common import aware_utc, naive_utc
from desktop_crm.services.dto.contacts import ContactInfo
from desktop_crm.services.dto.refs import LeadRef, OperatorRef, SourceRef
from desktop_crm.services.settings import phone_region

if TYPE_CHECKING:  # lists and counts only: registering a contact loads neither (issue 13)
    from desktop_crm.services.dto.filters import ContactCount, ContactFilter

_COLUMNS = (
    Contact.id,
    Contact.created_at,
    Contact.is_active,
    Contact.message,
    Contact.unassigned_reason,
    Lead.id,
    Lead.external_id,
    Lead.name,
    Source.id,
    Source.name,
    Source.code,
    Operator.id,
    Operator.name,
    Contact.overdue,
    Contact.answered_at,
    Contact.tags,
)


def contact_query() -> pw.ModelSelect[Contact]:
    """Contacts with their lead, source and operator, as tuples (see ``to_info``)."""
    return (
        Contact.select(*_COLUMNS)
        .join(Lead, on=(Contact.lead == Lead.id))
        .switch(Contact)
        .join(Source, on=(Contact.source == Source.id))
        .switch(Contact)
        .join(Operator, pw.JOIN.LEFT_OUTER, on=(Contact.operator == Operator.id))
        .tuples()
    )


def to_info(row: tuple[Any, ...]) -> ContactInfo:
    """A ``contact_query`` row; plain tuples, because lists of thousands of model
    objects cost more than the query."""
    (
        contact_id,
        created_at,
        is_active,
        message,
        reason,
        lead_id,
        external_id,
        lead_name,
        source_id,
        source_name,
        source_code,
        operator_id,
        operator_name,
        overdue,
        answered_at,
        tags,
    ) = row
    return ContactInfo(
        id=contact_id,
        created_at=aware_utc(created_at),
        is_active=bool(is_active),
        message=message,
        lead=LeadRef(lead_id, external_id, lead_name),
        source=SourceRef(source_id, source_name, source_code),
        operator=None if operator_id is None else OperatorRef(operator_id, operator_name),
        reason=reason,
        overdue=bool(overdue),
        answered_at=None if answered_at is None else aware_utc(answered_at),
        tags=tuple(tags.split(",")) if tags else (),
    )


def contact_info(contact_id: int) -> ContactInfo | None:
    """One contact (``contact_query``'s row, by a compiled statement: every registration
    answers with it)."""
    row = run(statements().contact_info, (contact_id,)).fetchone()
    if row is None:
        return None
    values = list(row)  # the driver's values: times as the fields read them (SQLite: text)
    values[1] = Contact.created_at.python_value(values[1])  # type: ignore[no-untyped-call]
    values[14] = Contact.answered_at.python_value(values[14])  # type: ignore[no-untyped-call]
    return to_info(tuple(values))


def contact_infos(contact_ids: Iterable[int]) -> list[ContactInfo]:
    """The given contacts as ``ContactInfo``, in the given order, one query per 500."""
    ids = list(contact_ids)
    found: dict[int, ContactInfo] = {}
    for start in range(0, len(ids), 500):
        query = contact_query().where(Contact.id.in_(ids[start : start + 500]))
        found.update((info.id, info) for info in map(to_info, tuples(query)))
    return [found[i] for i in ids if i in found]


def contacts_of_leads(lead_ids: Iterable[int]) -> dict[int, list[ContactInfo]]:
    """Every contact of the given leads, oldest first, grouped by lead id."""
    ids = list(lead_ids)
    grouped: dict[int, list[ContactInfo]] = {lead_id: [] for lead_id in ids}
    for start in range(0, len(ids), 500):  # stay below SQLite's variable limit
        chunk = ids[start : start + 500]
        query = contact_query().where(Contact.lead.in_(chunk)).order_by(Contact.id)
        for row in tuples(query):
            info = to_info(row)
            grouped[info.lead.id].append(info)
    return grouped


def contact_condition(flt: ContactFilter, joined: bool = False) -> pw.ColumnBase:
    """The contacts ``flt`` matches; ``joined``: the query joins the contact's ``Lead``
    (``contact_query``), so a search text checks the lead on each row (see
    ``contact_text_condition``)."""
    from desktop_crm.services.dto.filters import ContactState
    from desktop_crm.services.search import contact_text_condition, period_condition

    condition: pw.ColumnBase = pw.SQL("1 = 1")
    if flt.state is ContactState.ACTIVE:
        condition &= Contact.is_active == True  # noqa: E712
    elif flt.state is ContactState.CLOSED:
        condition &= Contact.is_active == False  # noqa: E712
    elif flt.state is ContactState.UNASSIGNED:
        condition &= (Contact.is_active == True) & Contact.operator.is_null()  # noqa: E712
    elif flt.state is ContactState.OVERDUE:  # bare columns: the partial index's terms
        condition &= Contact.is_active & Contact.overdue
    if flt.source_id is not None:
        condition &= Contact.source == flt.source_id
    if flt.operator_id is not None:
        condition &= Contact.operator == flt.operator_id
    if flt.lead_id is not None:
        condition &= Contact.lead == flt.lead_id
    if flt.text.strip():
        text = contact_text_condition(flt.text, phone_region(), joined)
        if text is not None:
            condition &= text
    if flt.since is not None or flt.until is not None:
        condition &= period_condition(flt.since, flt.until)
    return condition


ContactKey = tuple[dt.datetime, int]


def contact_key(contact: ContactInfo) -> ContactKey:
    """Where a contact stands in the queue: (created_at, id), both ascending."""
    return (naive_utc(contact.created_at), contact.id)


def contact_page_query(
    flt: ContactFilter,
    newest_first: bool = True,
    after: ContactKey | None = None,
    through: ContactKey | None = None,
    limit: int = 200,
) -> pw.ModelSelect[Contact]:
    """The query of ``contact_page``. Each filter has an index that starts with its
    column and goes on with ``created_at`` (and the id SQLite keeps in every index),
    so the page walks that index in order and stops after ``limit`` rows
    (``tests/services/test_contact_search.py`` reads the plans)."""
    order_key = pw.Tuple(Contact.created_at, Contact.id)
    query = contact_query().where(contact_condition(flt, joined=True))
    if after is not None:
        query = query.where(
            order_key < pw.Tuple(*after) if newest_first else order_key > pw.Tuple(*after)
        )
    if through is not None:
        query = query.where(
            order_key >= pw.Tuple(*through) if newest_first else order_key <= pw.Tuple(*through)
        )
    if newest_first:
        query = query.order_by(Contact.created_at.desc(), Contact.id.desc())
    else:
        query = query.order_by(Contact.created_at, Contact.id)
    return query.limit(limit)


def contact_page(
    flt: ContactFilter,
    newest_first: bool = True,
    after: ContactKey | None = None,
    through: ContactKey | None = None,
    limit: int = 200,
) -> list[ContactInfo]:
    """One keyset page: the rows after ``after`` (exclusive) in queue order, up to
    ``through`` (inclusive) when given, at most ``limit``. No OFFSET: page 1000
    costs what page 1 costs."""
    return [
        to_info(c) for c in tuples(contact_page_query(flt, newest_first, after, through, limit))
    ]


def contact_count_query(flt: ContactFilter, cap: int) -> pw.ModelSelect[Contact]:
    """``SELECT COUNT(*)`` over at most ``cap + 1`` matching contacts (no joins: every
    contact has its lead and source)."""
    matching = Contact.select(pw.SQL("1")).where(contact_condition(flt)).limit(cap + 1)
    return Contact.select(pw.fn.COUNT(pw.SQL("*"))).from_(matching.alias("matching"))


def contact_count(flt: ContactFilter, cap: int) -> ContactCount:
    """How many contacts match ``flt``, counting at most ``cap`` (then ``more``)."""
    from desktop_crm.services.dto.filters import ContactCount

    count = int(contact_count_query(flt, cap).scalar() or 0)
    return ContactCount(min(count, cap), more=count > cap)
