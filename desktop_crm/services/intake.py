"""Registering contacts: the one core behind the intake form, the CLI and the importer.

An ``Intake`` lives inside one write transaction. While the write lock is
held nobody else can change sources, weights or loads, so what it reads once
(a source's candidates, operators' loads, known leads) stays exact until
commit; every decision still goes through ``domain.distribute`` with the
winner re-checked against the transaction's own count. The single-contact
path is the same code with a batch of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from desktop_crm.db.models import Contact, Lead, Operator, SourceOperatorConfig, utcnow
from desktop_crm.db.storage import Storage
from desktop_crm.domain.distribution import Candidate, Decision, RandInt, distribute
from desktop_crm.domain.external_id import EmptyExternalId, normalise_external_id
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.common import find_source, naive_utc
from desktop_crm.services.loads import loads_of


@lru_cache(maxsize=8)
def _statements(database: object) -> tuple[str, str]:
    """INSERTs built by peewee for the open backend (its placeholders), run with executemany."""
    contact, _ = Contact.insert(
        id=0,
        lead=0,
        source=0,
        operator=None,
        created_at=dt.datetime(2000, 1, 1),
        is_active=True,
        message="",
        unassigned_reason=None,
        idempotency_key=None,
    ).sql()
    lead, _ = Lead.insert(
        id=0, external_id="", name="", name_folded="", created_at=dt.datetime(2000, 1, 1)
    ).sql()
    return contact, lead


class Registered(NamedTuple):
    contact_id: int
    lead_id: int
    decision: Decision


def normalise(external_id: str, region: str) -> str:
    try:
        return normalise_external_id(external_id, region)
    except EmptyExternalId as error:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The lead's external id must not be empty."),
            field="external_id",
        ) from error


class Intake:
    """Create inside ``storage.write()``; use for that transaction only, and ``flush()``
    before it commits or before reading back what was registered.

    New leads and contacts get their ids here (the write lock makes the next id
    certain) and are written together by ``flush``: one executemany per table
    instead of a statement per row.
    """

    def __init__(self, storage: Storage, randint: RandInt, region: str) -> None:
        self._storage = storage
        self._randint = randint
        self.region = region
        self._sources: dict[int | str, int] = {}
        self._loads: dict[int, int] = {}
        self._max_loads: dict[int, int] = {}
        # Each source's candidates as they stand; a winner's entry is replaced in place.
        self._pools: dict[int, list[Candidate]] = {}
        self._pool_slots: dict[int, list[tuple[list[Candidate], int]]] = {}
        self.now = utcnow()  # every contact of the transaction is registered "now"
        self._leads: dict[str, tuple[int, bool]] = {}  # external id -> (id, has a name)
        self._absent: set[str] = set()  # looked up in this transaction and not found
        self._insert_contact, self._insert_lead = _statements(storage.database)
        self._new_leads: list[list[object]] = []
        self._new_lead_rows: dict[str, list[object]] = {}
        self._new_contacts: list[tuple[object, ...]] = []
        self._next_lead_id: int | None = None
        self._next_contact_id: int | None = None

    # -- lookups, cached for the transaction ------------------------------------------
    def source_id(self, reference: int | str) -> int:
        """SOURCE: an id, a code, then a name (``NotFound`` otherwise)."""
        if reference not in self._sources:
            self._sources[reference] = find_source(reference).id
        return self._sources[reference]

    def prefetch_leads(self, external_ids: Iterable[str]) -> None:
        """Look up many normalised ids at once (the importer calls this per batch)."""
        missing = [
            e for e in dict.fromkeys(external_ids) if e not in self._leads and e not in self._absent
        ]
        self._absent.update(missing)
        rows = self._storage.select_in(Lead, ("external_id", "id", "name"), "external_id", missing)
        for external_id, lead_id, name in rows:
            self._leads[str(external_id)] = (int(lead_id), bool(name))  # type: ignore[call-overload]
            self._absent.discard(str(external_id))

    def _candidates(self, source_id: int) -> list[Candidate]:
        pool = self._pools.get(source_id)
        if pool is not None:
            return pool
        rows = (
            SourceOperatorConfig.select(
                SourceOperatorConfig.operator,
                SourceOperatorConfig.weight,
                Operator.active,
                Operator.max_load,
            )
            .join(Operator)
            .where(SourceOperatorConfig.source == source_id)
            .order_by(SourceOperatorConfig.id)
            .tuples()
        )
        configs = [(op, weight, bool(active), limit) for op, weight, active, limit in rows]
        unknown = [op for op, *_ in configs if op not in self._loads]
        if unknown:
            counted = loads_of(unknown)
            self._loads.update({op: counted.get(op, 0) for op in unknown})
        pool = [
            Candidate(op, weight, active, self._loads[op], limit)
            for op, weight, active, limit in configs
        ]
        for index, (op, *_rest, limit) in enumerate(configs):
            self._max_loads[op] = limit
            self._pool_slots.setdefault(op, []).append((pool, index))
        self._pools[source_id] = pool
        return pool

    def _count_assignment(self, operator_id: int) -> None:
        load = self._loads[operator_id] = self._loads[operator_id] + 1
        for pool, index in self._pool_slots[operator_id]:
            pool[index] = pool[index]._replace(load=load)

    # -- registering ---------------------------------------------------------------------
    def decide(self, source_id: int) -> Decision:
        """The shared distributor, over this transaction's exact loads."""
        return distribute(self._candidates(source_id), self._randint, self._still_has_room)

    def _still_has_room(self, operator_id: int) -> bool:
        """The re-check of a winner: its load as this transaction counts it."""
        return self._loads[operator_id] < self._max_loads[operator_id]

    def lead_id(self, external_id: str, name: str, now: dt.datetime) -> int:
        """Find or create; the first non-empty name fills the lead's name."""
        name = name.strip()
        known = self._leads.get(external_id)
        if known is None and external_id not in self._absent:
            self.prefetch_leads([external_id])
            known = self._leads.get(external_id)
        if known is None:
            if self._next_lead_id is None:
                self._next_lead_id = self._storage.next_id(Lead)
            lead_id, self._next_lead_id = self._next_lead_id, self._next_lead_id + 1
            row: list[object] = [lead_id, external_id, name, name.casefold(), now]
            self._new_leads.append(row)
            self._new_lead_rows[external_id] = row
            self._leads[external_id] = (lead_id, bool(name))
            self._absent.discard(external_id)
            return lead_id
        lead_id, has_name = known
        if name and not has_name:
            pending = self._new_lead_rows.get(external_id)
            if pending is not None:
                pending[2], pending[3] = name, name.casefold()
            else:
                Lead.update(name=name, name_folded=name.casefold()).where(
                    Lead.id == lead_id
                ).execute()
            self._leads[external_id] = (lead_id, True)
        return lead_id

    def register(
        self,
        *,
        external_id: str,
        source_id: int,
        name: str = "",
        message: str = "",
        created_at: dt.datetime | None = None,
        idempotency_key: str | None = None,
    ) -> Registered:
        """Store one contact. ``external_id`` is already normalised; ``created_at``
        aware or naive local (default now)."""
        now = self.now
        lead_id = self.lead_id(external_id, name, now)
        decision = self.decide(source_id)
        if self._next_contact_id is None:
            self._next_contact_id = self._storage.next_id(Contact)
        contact_id, self._next_contact_id = self._next_contact_id, self._next_contact_id + 1
        self._new_contacts.append(
            (
                contact_id,
                lead_id,
                source_id,
                decision.operator_id,
                naive_utc(created_at) if created_at is not None else now,
                True,
                message,
                decision.reason,
                idempotency_key,
            )
        )
        if decision.operator_id is not None:
            self._count_assignment(decision.operator_id)
        return Registered(contact_id, lead_id, decision)

    def flush(self) -> None:
        """Write the new leads, then the contacts that refer to them."""
        if self._new_leads:
            self._storage.insert_many(self._insert_lead, self._new_leads)
            self._new_leads, self._new_lead_rows = [], {}
        if self._new_contacts:
            self._storage.insert_many(self._insert_contact, self._new_contacts)
            self._new_contacts = []
