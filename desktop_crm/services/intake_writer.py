"""Writing what an ``Intake`` decided: new leads, contacts and their decisions, in batches.

``services/intake.py`` decides and traces; this module only stores. New rows get
their ids here, when they are added (a contact's decision refers to it before
anything is written), and ``flush`` writes each table with one executemany
instead of a statement per row. It is the one place that knows the rows' column
order and how ids are drawn: ``Storage.reserve_ids``, a block at a time (SQLite:
max(id) + 1 onwards under the write lock; PostgreSQL: the table's sequence).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import peewee as pw

from desktop_crm.db import models
from desktop_crm.db.models import Contact, DecisionContext, Lead, SourceOperatorConfig
from desktop_crm.db.storage import Storage

_ANY_TIME = dt.datetime(2000, 1, 1)
# Ids reserved at once: 1 for the first row of a table in a transaction, then twice as
# many each time up to this: one query per block, not per row, and a single contact
# leaves no gap in a sequence (PostgreSQL never hands out a reserved id again).
_ID_BLOCK = 256


def activity_now(now: dt.datetime | str) -> pw.Node:
    """What a contact's last activity becomes when something happens to it ``now`` (naive
    UTC, as stored): the later of the stored one and now. Activity never moves back in
    time: a clock set back (a team's machine with a skewed clock) would otherwise date it
    earlier and the auto-close (``close_after``) would come early. Every update of
    ``activity_at`` goes through here (a new contact's is simply now)."""
    stored = Contact.activity_at
    return pw.Case(None, [(stored.is_null() | (stored < now), now)], stored)


@lru_cache(maxsize=8)
def _statements(database: object) -> tuple[str, str, str, str]:
    """INSERTs built by peewee for the open backend (its placeholders), run with
    executemany; the values here only fix the column order."""
    contact, _ = Contact.insert(
        id=0,
        lead=0,
        source=0,
        operator=None,
        created_at=_ANY_TIME,
        is_active=True,
        message="",
        unassigned_reason=None,
        idempotency_key=None,
        idempotency_payload=None,
        tags="",
        assigned_at=None,
        answered_at=None,
        activity_at=_ANY_TIME,
        overdue=False,
    ).sql()
    lead, _ = Lead.insert(id=0, external_id="", name="", name_folded="", created_at=_ANY_TIME).sql()
    context, _ = DecisionContext.insert(
        id=0, created_at=_ANY_TIME, strategy="", candidates=""
    ).sql()
    decision, _ = models.Decision.insert(
        contact=0,
        created_at=_ANY_TIME,
        kind="",
        operator=None,
        reason=None,
        context=0,
        loads="",
        r=None,
        total=None,
        extra=None,
    ).sql()
    return contact, lead, context, decision


class IntakeWriter:
    """Rows of one write transaction, held until ``flush`` (which must run before it
    commits or before anything registered is read back)."""

    def __init__(self, storage: Storage, now_text: str) -> None:
        self._storage = storage
        self._now_text = now_text  # "now" as stored, converted once
        (
            self._insert_contact,
            self._insert_lead,
            self._insert_context,
            self._insert_decision,
        ) = _statements(storage.database)
        self._leads: list[list[object]] = []
        self._lead_rows: dict[str, list[object]] = {}  # external id -> its pending row
        self._contacts: list[tuple[object, ...]] = []
        self._contexts: list[tuple[object, ...]] = []
        self._decisions: list[tuple[object, ...]] = []
        # (operator, contact, why it waits when the operator is None)
        self._reassigned: list[tuple[int | None, int, str | None]] = []
        self._free_ids: dict[type[models.BaseModel], list[int]] = {}  # reserved, unused
        self._next_block: dict[type[models.BaseModel], int] = {}

    def new_lead(self, external_id: str, name: str, first_seen: str) -> int:
        lead_id = self._new_id(Lead)
        row: list[object] = [lead_id, external_id, name, name.casefold(), first_seen]
        self._leads.append(row)
        self._lead_rows[external_id] = row
        return lead_id

    def _new_id(self, model: type[models.BaseModel]) -> int:
        free = self._free_ids.get(model)
        if not free:
            block = self._next_block.get(model, 1)
            self._next_block[model] = min(block * 2, _ID_BLOCK)
            free = self._free_ids[model] = self._storage.reserve_ids(model, block)[::-1]
        return free.pop()

    def name_lead(self, lead_id: int, external_id: str, name: str) -> None:
        """Give a lead without a name its first one (a pending row, or the stored lead)."""
        pending = self._lead_rows.get(external_id)
        if pending is not None:
            pending[2], pending[3] = name, name.casefold()
        else:
            Lead.update(name=name, name_folded=name.casefold()).where(Lead.id == lead_id).execute()

    def new_contact(
        self,
        lead_id: int,
        source_id: int,
        operator_id: int | None,
        created_at: str,
        message: str,
        reason: str | None,
        idempotency_key: str | None,
        idempotency_payload: str | None,
        tags: str = "",
    ) -> int:
        """``tags``: canonical (sorted, comma-joined). Its activity is now, whatever
        ``created_at`` a file gave it; assigned now when ``operator_id`` is set."""
        contact_id = self._new_id(Contact)
        self._contacts.append(
            (
                contact_id,
                lead_id,
                source_id,
                operator_id,
                created_at,
                True,
                message,
                reason,
                idempotency_key,
                idempotency_payload,
                tags,
                None if operator_id is None else self._now_text,
                None,
                self._now_text,
                False,
            )
        )
        return contact_id

    def reassign(self, operator_id: int | None, contact_id: int, reason: str | None = None) -> None:
        """A stored contact's new operator (the queue, a choice by hand, a missed reply
        deadline); ``reason``: why it waits, when it goes back to the queue (operator
        None). A new operator is a new assignment: assigned and active now, its reply
        deadline counted afresh (not overdue)."""
        self._reassigned.append((operator_id, contact_id, reason))

    def context(self, strategy: str, candidates: str) -> int:
        """A decision context (the candidates as they stood now), written with the
        decisions that refer to it (its id drawn now, as a contact's)."""
        context_id = self._new_id(DecisionContext)
        self._contexts.append((context_id, self._now_text, strategy, candidates))
        return context_id

    def decision(
        self,
        contact_id: int,
        kind: str,
        operator_id: int | None,
        reason: str | None,
        context_id: int,
        loads: str,
        r: int | None,
        total: int | None,
        extra: str | None,
    ) -> None:
        self._decisions.append(
            (
                contact_id,
                self._now_text,
                kind,
                operator_id,
                reason,
                context_id,
                loads,
                r,
                total,
                extra,
            )
        )

    @staticmethod
    def round_robin(source_id: int, operator_id: int, current: int) -> None:
        """Store a source's round-robin state for one operator."""
        SourceOperatorConfig.update(rr_current=current).where(
            (SourceOperatorConfig.source == source_id)
            & (SourceOperatorConfig.operator == operator_id)
        ).execute()

    def flush(self) -> None:
        """Write the new leads, then contacts, assignments, decision contexts and
        decisions."""
        if self._leads:
            self._storage.insert_many(self._insert_lead, self._leads)
            self._leads, self._lead_rows = [], {}
        if self._contacts:
            self._storage.insert_many(self._insert_contact, self._contacts)
            self._contacts = []
        for operator_id, contact_id, reason in self._reassigned:
            assigned_at = None if operator_id is None else self._now_text
            Contact.update(
                operator=operator_id,
                unassigned_reason=reason,
                assigned_at=assigned_at,
                activity_at=activity_now(self._now_text),
                overdue=False,
            ).where(Contact.id == contact_id).execute()
        self._reassigned = []
        if self._contexts:
            self._storage.insert_many(self._insert_context, self._contexts)
            self._contexts = []
        if self._decisions:
            self._storage.insert_many(self._insert_decision, self._decisions)
            self._decisions = []
