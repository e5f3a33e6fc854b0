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
from dataclasses import dataclass
from functools import lru_cache

from desktop_crm.db.models import Contact, Lead, Operator, SourceOperatorConfig, utcnow
from desktop_crm.db.storage import Storage
from desktop_crm.domain.distribution import Candidate, Decision, RandInt, distribute
from desktop_crm.domain.external_id import EmptyExternalId, normalise_external_id
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.common import find_source, naive_utc
from desktop_crm.services.loads import loads_of


@lru_cache(maxsize=8)
def _statements(database: object) -> tuple[str, str]:
    """INSERTs built by peewee for the open backend (its placeholders), reused per row."""
    contact, _ = Contact.insert(
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
        external_id="", name="", name_folded="", created_at=dt.datetime(2000, 1, 1)
    ).sql()
    return contact, lead


_LEAD_PREFETCH_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Registered:
    contact_id: int
    lead_id: int
    decision: Decision


@dataclass(slots=True)
class _Config:
    operator_id: int
    weight: int
    active: bool
    max_load: int


def normalise(external_id: str, region: str) -> str:
    try:
        return normalise_external_id(external_id, region)
    except EmptyExternalId as error:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The lead's external id must not be empty."),
            field="external_id",
        ) from error


class Intake:
    """Create inside ``storage.write()``; use for that transaction only."""

    def __init__(self, storage: Storage, randint: RandInt, region: str) -> None:
        self._storage = storage
        self._randint = randint
        self.region = region
        self._sources: dict[int | str, int] = {}
        self._configs: dict[int, list[_Config]] = {}
        self._loads: dict[int, int] = {}
        self._leads: dict[str, tuple[int, bool]] = {}  # external id -> (id, has a name)
        self._insert_contact, self._insert_lead = _statements(storage.database)

    # -- lookups, cached for the transaction ------------------------------------------
    def source_id(self, reference: int | str) -> int:
        """SOURCE: an id, a code, then a name (``NotFound`` otherwise)."""
        if reference not in self._sources:
            self._sources[reference] = find_source(reference).id
        return self._sources[reference]

    def prefetch_leads(self, external_ids: Iterable[str]) -> None:
        """Look up many normalised ids at once (the importer calls this per batch)."""
        missing = [e for e in dict.fromkeys(external_ids) if e not in self._leads]
        for start in range(0, len(missing), _LEAD_PREFETCH_CHUNK):
            chunk = missing[start : start + _LEAD_PREFETCH_CHUNK]
            query = Lead.select(Lead.external_id, Lead.id, Lead.name).where(
                Lead.external_id.in_(chunk)
            )
            for external_id, lead_id, name in query.tuples():
                self._leads[external_id] = (lead_id, bool(name))

    def _candidates(self, source_id: int) -> list[Candidate]:
        configs = self._configs.get(source_id)
        if configs is None:
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
            configs = [
                _Config(op, weight, bool(active), limit) for op, weight, active, limit in rows
            ]
            self._configs[source_id] = configs
            unknown = [c.operator_id for c in configs if c.operator_id not in self._loads]
            if unknown:
                counted = loads_of(unknown)
                self._loads.update({op: counted.get(op, 0) for op in unknown})
        loads = self._loads
        return [
            Candidate(c.operator_id, c.weight, c.active, loads[c.operator_id], c.max_load)
            for c in configs
        ]

    # -- registering ---------------------------------------------------------------------
    def decide(self, source_id: int) -> Decision:
        """The shared distributor, over this transaction's exact loads."""
        candidates = self._candidates(source_id)
        limits = {c.operator_id: c.max_load for c in candidates}

        def still_has_room(operator_id: int) -> bool:
            return self._loads[operator_id] < limits[operator_id]

        return distribute(candidates, self._randint, still_has_room)

    def lead_id(self, external_id: str, name: str, now: dt.datetime) -> int:
        """Find or create; the first non-empty name fills the lead's name."""
        name = name.strip()
        known = self._leads.get(external_id)
        if known is None:
            self.prefetch_leads([external_id])
            known = self._leads.get(external_id)
        if known is None:
            lead_id = self._storage.insert(
                self._insert_lead, (external_id, name, name.casefold(), now)
            )
            self._leads[external_id] = (lead_id, bool(name))
            return lead_id
        lead_id, has_name = known
        if name and not has_name:
            Lead.update(name=name, name_folded=name.casefold()).where(Lead.id == lead_id).execute()
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
        now = utcnow()
        lead_id = self.lead_id(external_id, name, now)
        decision = self.decide(source_id)
        contact_id = self._storage.insert(
            self._insert_contact,
            (
                lead_id,
                source_id,
                decision.operator_id,
                naive_utc(created_at) if created_at is not None else now,
                True,
                message,
                decision.reason,
                idempotency_key,
            ),
        )
        if decision.operator_id is not None:
            self._loads[decision.operator_id] += 1
        return Registered(contact_id, lead_id, decision)
