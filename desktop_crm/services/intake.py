"""Distributing contacts: the one core behind the intake form, the CLI, the importer
and the queue.

An ``Intake`` lives inside one write transaction and decides: every decision goes
through ``domain.distribute`` and is traced. Storing the rows is the
``IntakeWriter``'s (``services/intake_writer.py``). The single-contact path is the
same code with a batch of one.

Why a winner never needs re-checking: ``Storage.write()`` holds the database's
write lock (SQLite ``BEGIN IMMEDIATE``: one writer for the whole file) for the
whole transaction, so nobody else can change sources, weights or loads while it
runs. What the intake reads once (a source's candidates, operators' loads) stays
exact until commit because every assignment it makes updates its own counts
(``_count_assignment``) before the next decision. The candidates handed to the
distributor are therefore the truth, and their eligibility is the final word.

A backend without a global write lock (PostgreSQL) gets the same guarantee per
operator: before an operator's load is counted, its row is locked until commit
(``Storage.lock_operators``, a no-op on SQLite) by ``_lock`` here, the one place that
does it for every path that adds load (registering, importing, the queue, assigning
by hand, moving, reopening). A transaction that decides for several sources locks
all their operators at once first (``lock_sources``), in id order, so that two
writers never wait for each other in a circle.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast
from zoneinfo import ZoneInfo

import peewee as pw

from desktop_crm.db.models import (
    Contact,
    Lead,
    Operator,
    SourceOperatorConfig,
    tuples,
)
from desktop_crm.db.statements import run, statements
from desktop_crm.db.storage import Storage
from desktop_crm.domain.distribution import (
    OWNER_COLUMN_NOTE,
    Candidate,
    Decision,
    Draw,
    LeastLoaded,
    RandInt,
    SmoothRoundRobin,
    Strategy,
    WeightedLottery,
    distribute,
    unassigned_reason,
)
from desktop_crm.domain.eligibility import NO_TAGS, Exclusion, exclusion
from desktop_crm.domain.external_id import EmptyExternalId, normalise_external_id
from desktop_crm.domain.text import has_control
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.clock import Clock, naive_utc_now, system_clock
from desktop_crm.services.common import contact_time, find_source
from desktop_crm.services.config_cache import ConfigSnapshot
from desktop_crm.services.config_cache import current as current_config
from desktop_crm.services.day import absences_of, presence_now, today_counts_kept
from desktop_crm.services.intake_writer import IntakeWriter
from desktop_crm.services.loads import Carried, loads_of
from desktop_crm.services.settings import settled_zone
from desktop_crm.services.trace import (
    DecisionKind,
    context_json,
    context_key,
    day_facts,
    draw_columns,
    loads_text,
    note_only,
    with_timed_out,
)


class _Facts(NamedTuple):
    """What the dispatcher's day says of an operator in this transaction."""

    presence: Exclusion | None
    daily_cap: int | None
    skills: frozenset[str]


_NO_FACTS = _Facts(None, None, NO_TAGS)
# A source's strategy, repeat_to_last and candidate rows (operator, weight, active,
# max_load, rr_current, hours, daily_cap, skills), as ``config_cache`` keeps them.
_Kept = tuple[str, bool, list[tuple[Any, ...]]]


class Registered(NamedTuple):
    contact_id: int
    lead_id: int
    decision: Decision


class _Queued(NamedTuple):
    """A decision that found nobody, with its trace's columns (``_trace``)."""

    decision: Decision
    r: int | None
    total: int | None
    extra: str | None


@dataclass
class _SourcePlan:
    """A source's candidates as they stand (an assignment replaces the winner's entry)."""

    pool: list[Candidate]
    strategy: Strategy
    repeat_to_last: bool
    round_robin: SmoothRoundRobin | None = None
    rr_saved: dict[int, int] = field(default_factory=dict)
    context_id: int | None = None  # the decision_context of this transaction's decisions
    context_key: tuple[object, ...] | None = None  # what it stores (``trace.context_key``)
    # The context the previous registration on this connection wrote for this source
    # (``loads.Carried``): its key and id, reused when the key is the same.
    kept_context: tuple[tuple[object, ...], int] | None = None
    # Decisions that found nobody, by (tags, timed_out), while the pool stays as it is:
    # with nobody eligible nothing is drawn, so the same pool gives the same decision
    # (a full source during an import: most of its contacts). ``_count_assignment``
    # forgets them when any candidate changes.
    nobody: dict[tuple[frozenset[str], frozenset[int]], _Queued] = field(default_factory=dict)


_UTC_ZONE = ZoneInfo("UTC")  # absences alone are instants: any zone reads them alike
ERASED_PREFIX = "erased:"  # the ids of erased leads (services/erasure.py); nobody else's


def normalise(external_id: str, region: str, *, plain: bool = False) -> str:
    """The id as stored (``plain``: never read as a phone); a bad one is ``InvalidValue``."""
    try:
        normalised = normalise_external_id(external_id, region, plain=plain)
    except EmptyExternalId as error:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The lead's external id must not be empty."),
            field="external_id",
        ) from error
    if has_control(normalised):  # an ESC in an id would reach every terminal showing it
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The lead's external id must not contain control characters "
                "(escape, line break and the like).",
            ),
            field="external_id",
        )
    if unicodedata.normalize("NFKC", normalised).casefold().startswith(ERASED_PREFIX):
        # as a person reads it: a full-width ｅｒａｓｅｄ: is the reserved prefix too
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors", "A lead's external id may not start with {prefix!r} (erased leads)."
            ),
            field="external_id",
            prefix=ERASED_PREFIX,
        )
    return normalised


class Intake:
    """Create inside ``storage.write()``; use for that transaction only, and ``flush()``
    before it commits or before reading back what was registered (the rows wait in
    its ``IntakeWriter`` until then)."""

    def __init__(
        self,
        storage: Storage,
        randint: RandInt,
        region: str,
        clock: Clock = system_clock,
        config: ConfigSnapshot | None = None,
        carried: Carried | None = None,
    ) -> None:
        """``config``: the configuration kept between transactions, as this one read it
        (``config_cache.current``); read on first use when not given. ``carried``: what
        this connection's previous registration counted, still exact
        (``loads.take_carried``); ``carry`` leaves this one's."""
        self._storage = storage
        self._config = config if carried is None else carried.config
        self._lottery = WeightedLottery(randint)
        self.region = region
        # Every contact of the transaction is registered "now" (naive UTC, as stored).
        self.instant = clock().astimezone(dt.UTC)
        self.now = naive_utc_now(lambda: self.instant)
        # As stored: converted once, not by the database adapter for every row.
        self._now_text = self.now.isoformat(" ")
        self._sources: dict[int | str, int] = {}
        self._loads: dict[int, int] = {}  # exact under the write lock: see the module's notes
        self._operators: dict[int, tuple[bool, int]] = {}  # by hand: id -> (active, max_load)
        # The dispatcher's day, read once per operator per transaction (``_read_facts``):
        self._facts: dict[int, _Facts] = {}
        self._today: dict[int, int] = {}  # operators with a daily cap: assigned today
        self._day: tuple[dt.datetime, dt.datetime] | None = None  # the day _today is of
        self._carried_today: dict[int, int] = {}
        self._carried_day: tuple[dt.datetime, dt.datetime] | None = None
        self._carried_contexts: dict[int, tuple[tuple[object, ...], int]] = {}
        if carried is not None:
            self._loads = dict(carried.loads)
            self._carried_today, self._carried_day = carried.today, carried.day
            self._carried_contexts = carried.contexts
        self._zone: ZoneInfo | None = None
        self._plans: dict[int, _SourcePlan] = {}
        self._pool_slots: dict[int, list[tuple[int, list[Candidate], int]]] = {}
        # Each source's loads as stored in a decision, until one of them changes: most
        # contacts of a full source meet the same loads (the queue during an import).
        self._loads_text: dict[int, str] = {}
        self._leads: dict[str, tuple[int, bool]] = {}  # external id -> (id, has a name)
        self._absent: set[str] = set()  # looked up in this transaction and not found
        self._last_operator: dict[int, int | None] = {}  # lead id -> its last operator
        self._locked: set[int] = set()  # operators locked in this transaction
        self._writer = IntakeWriter(storage, self._now_text)

    # -- locking: before any load is counted (see the module's notes) --------------------
    def lock_sources(self, source_ids: Iterable[int]) -> None:
        """Lock the operators of all these sources at once, in id order."""
        ids = list(source_ids)
        if ids:
            query = SourceOperatorConfig.select(SourceOperatorConfig.operator).where(
                SourceOperatorConfig.source.in_(ids)
            )
            self.lock_operators(int(op) for (op,) in tuples(query))

    def lock_operators(self, operator_ids: Iterable[int]) -> None:
        """Lock these operators until commit (those not locked yet in this transaction);
        count their loads and read their limits only after this."""
        new = set(operator_ids) - self._locked
        if new:
            self._storage.lock_operators(sorted(new))
            self._locked |= new

    # -- lookups, cached for the transaction ------------------------------------------
    @property
    def config(self) -> ConfigSnapshot:
        """The kept configuration, checked once per transaction (``config_cache``)."""
        if self._config is None:
            self._config = current_config(self._storage)
        return self._config

    def source_id(self, reference: int | str) -> int:
        """SOURCE: an id, a code, then a name (``NotFound`` otherwise)."""
        if reference not in self._sources:
            self._sources[reference] = self.config.get(
                ("source", reference), lambda: find_source(reference).id
            )
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

    def _plan(self, source_id: int) -> _SourcePlan:
        plan = self._plans.get(source_id)
        if plan is not None:
            return plan
        strategy_name, repeat, rows = self._source_config(source_id)
        unknown = [row[0] for row in rows if row[0] not in self._loads]
        if unknown:
            counted = loads_of(unknown)
            self._loads.update({op: counted.get(op, 0) for op in unknown})
        self._read_facts([(row[0], row[5], row[6], row[7]) for row in rows])
        facts, today = self._facts, self._today
        pool = []
        for op, weight, active, limit, *_rest in rows:
            presence, cap, skills = facts[op]
            pool.append(
                Candidate(
                    op,
                    weight,
                    bool(active),
                    self._loads[op],
                    limit,
                    presence,
                    today.get(op, 0),
                    cap,
                    skills,
                )
            )
        for index, (op, *_rest) in enumerate(rows):
            self._pool_slots.setdefault(op, []).append((source_id, pool, index))
        plan = _SourcePlan(pool, self._lottery, bool(repeat))
        plan.kept_context = self._carried_contexts.get(source_id)
        if strategy_name == SmoothRoundRobin.name:
            saved = {row[0]: row[4] for row in rows}
            plan.round_robin = SmoothRoundRobin(dict(saved))
            plan.strategy, plan.rr_saved = plan.round_robin, saved
        elif strategy_name == LeastLoaded.name:
            plan.strategy = LeastLoaded()
        self._plans[source_id] = plan
        return plan

    def _source_config(self, source_id: int) -> _Kept:
        """(strategy, repeat_to_last, candidate rows) of the source, its operators locked
        first (see the module's notes). Kept between transactions (``config_cache``):
        the kept operators are locked, then the revision is read again, so what was
        kept is what the locked rows say; any change, and it is read afresh. The
        round-robin state is always read afresh (it changes with every contact)."""
        key = ("source_config", source_id)
        kept = cast(_Kept | None, self.config.peek(key))
        if kept is not None:
            self.lock_operators(row[0] for row in kept[2])
            if not self._storage.one_writer_at_a_time:  # the locks may have waited a change out
                self._config = current_config(self._storage)
                kept = cast(_Kept | None, self._config.peek(key))
        if kept is None:
            sql = statements()
            strategy_row = run(sql.source_strategy, (source_id,)).fetchone()
            if strategy_row is None:
                raise pw.DoesNotExist(f"no source #{source_id}")
            self.lock_sources([source_id])  # before reading limits and counting loads
            rows = [tuple(row) for row in run(sql.source_candidates, (source_id,)).fetchall()]
            loaded: _Kept = (str(strategy_row[0]), bool(strategy_row[1]), rows)
            kept = self.config.get(key, lambda: loaded)
        strategy_name, repeat, rows = kept
        if strategy_name == SmoothRoundRobin.name and rows:
            current_rr = dict(run(statements().round_robin, (source_id,)).fetchall())
            rows = [(*row[:4], current_rr.get(row[0], row[4]), *row[5:]) for row in rows]
        return strategy_name, repeat, rows

    def _read_facts(self, rows: Iterable[tuple[int, str, int | None, str]]) -> None:
        """Presence now, daily caps, skills and today's counts of these operators (id,
        hours, daily_cap, skills): once per operator per transaction, a query for the
        absences and one for today's counts of the capped ones."""
        new = [row for row in rows if row[0] not in self._facts]
        if not new:
            return
        instant = self.instant
        away = self.config.get(("absences",), lambda: absences_of(None, instant))
        capped = [op for op, _hours, cap, _skills in new if cap is not None]
        needs_zone = capped or any(hours for _op, hours, _cap, _skills in new)
        if needs_zone and self._zone is None:
            self._zone = self.config.get(("zone",), settled_zone)
        if capped:
            assert self._zone is not None
            counted, self._day = today_counts_kept(
                capped, self.instant, self._zone, self._carried_today, self._carried_day
            )
            self._today.update(counted)
        for op, hours, cap, skills in new:
            absences = [absence for _id, absence in away.get(op, ())]
            presence = None
            if hours or absences:
                there = presence_now(hours, absences, self.instant, self._zone or _UTC_ZONE)
                presence = there.exclusion
            tagged = frozenset(skills.split(",")) if skills else NO_TAGS
            self._facts[op] = (
                _NO_FACTS
                if presence is None and cap is None and not tagged
                else _Facts(presence, cap, tagged)
            )

    def _previous_operator(self, lead_id: int) -> int | None:
        if lead_id not in self._last_operator:
            row = run(statements().last_operator, (lead_id,)).fetchone()
            self._last_operator[lead_id] = None if row is None else int(row[0])
        return self._last_operator[lead_id]

    # -- deciding ----------------------------------------------------------------------
    def decide(
        self,
        source_id: int,
        lead_id: int | None = None,
        tags: frozenset[str] = NO_TAGS,
        timed_out: frozenset[int] = frozenset(),
    ) -> Decision:
        """The shared distributor, over this transaction's exact loads. ``timed_out``:
        operators who let this contact's reply deadline pass."""
        plan = self._plan(source_id)
        queued = plan.nobody.get((tags, timed_out))
        if queued is not None:  # nobody eligible, and nothing changed since
            return queued.decision
        preferred = None
        if plan.repeat_to_last and lead_id is not None:
            preferred = self._previous_operator(lead_id)
        decision = distribute(
            plan.pool, plan.strategy, preferred=preferred, tags=tags, timed_out=timed_out
        )
        if decision.operator_id is None:  # nothing drawn: the pool alone decided
            facts = day_facts(decision, tags) if decision.excluded else None
            plan.nobody[(tags, timed_out)] = _Queued(decision, *draw_columns(decision, "", facts))
        return decision

    def nobody_reason(self, source_id: int, tags: frozenset[str] = NO_TAGS) -> str:
        """Why a contact with these tags on this source finds nobody now (when nobody
        is eligible)."""
        pool = self._plan(source_id).pool
        found = [c.exclusion_for(tags) for c in pool]
        return unassigned_reason([why for why in found if why is not None])

    def has_eligible(self, source_id: int, tags: frozenset[str] = NO_TAGS) -> bool:
        """Whether anyone could take a contact with these tags on this source right now
        (nobody for an untagged one: nobody for any)."""
        return any(c.exclusion_for(tags) is None for c in self._plan(source_id).pool)

    def _count_assignment(
        self, operator_id: int, delta: int = 1, *, today_only: bool = False
    ) -> None:
        """One more (or, ``delta`` -1, one less) active contact; one more counts today
        too (unassigning or closing gives nothing back); ``today_only``: a closed contact
        given to the operator (no load, but a decision today)."""
        if operator_id not in self._loads:
            return  # not a candidate of any source seen in this transaction
        if not today_only:
            self._loads[operator_id] += delta
        load = self._loads[operator_id]
        today = self._today.get(operator_id)
        if today is not None and delta > 0:
            today = self._today[operator_id] = today + 1
        for source_id, pool, index in self._pool_slots.get(operator_id, ()):
            self._plans[source_id].nobody.clear()
            c = pool[index]  # a direct build: _replace costs three times more, per contact
            pool[index] = Candidate(
                c.operator_id,
                c.weight,
                c.active,
                load,
                c.max_load,
                c.presence,
                c.today if today is None else today,
                c.daily_cap,
                c.skills,
            )
            self._loads_text.pop(source_id, None)

    def carry(self) -> Carried | None:
        """After this transaction's last write: what it counted, for this connection's
        next registration (``loads.keep_carried``); None where the storage cannot tell
        whether anything changed meanwhile."""
        mark = self._storage.write_mark()
        if mark is None:
            return None
        contexts = {
            source_id: (plan.context_key, plan.context_id)
            for source_id, plan in self._plans.items()
            if plan.context_key is not None and plan.context_id is not None
        }
        return Carried(mark, self.config, self._loads, self._today, self._day, contexts)

    def known_loads(self) -> dict[int, int]:
        """The loads this transaction counted, with its own assignments (exact until it
        commits: see the module's notes)."""
        return dict(self._loads)

    def assume_loads(self, loads: Mapping[int, int]) -> None:
        """Start from the loads this connection's previous transaction ended with
        (``known_loads``), when nobody else has committed since (``Storage.quiet_mark``):
        a long job's batches need not count them again."""
        self._loads.update(loads)

    def _context(self, plan: _SourcePlan, strategy: str) -> int:
        if plan.context_id is None:
            key = plan.context_key = context_key(strategy, plan.pool)
            kept = plan.kept_context
            if kept is not None and kept[0] == key:  # the same row says it all already
                plan.context_id = kept[1]
            else:
                plan.context_id = self._writer.context(strategy, context_json(plan.pool))
        return plan.context_id

    def _loads_of(self, source_id: int, decision: Decision) -> str:
        text = self._loads_text.get(source_id)
        if text is None:
            text = self._loads_text[source_id] = loads_text(decision)
        return text

    def _trace(
        self,
        contact_id: int,
        kind: str,
        source_id: int,
        decision: Decision,
        tags: frozenset[str] = NO_TAGS,
    ) -> None:
        """Store the decision: its context once per source, the loads and draw per
        contact, and what the day's rules read of this contact when they excluded anyone."""
        plan = self._plans[source_id]
        context_id = self._context(plan, decision.strategy)
        queued = plan.nobody.get((tags, frozenset()))
        if queued is not None and queued.decision is decision:
            _same, r, total, extra = queued
        else:
            facts = day_facts(decision, tags) if decision.excluded else None
            r, total, extra = draw_columns(decision, "", facts)
        self._writer.decision(
            contact_id,
            kind,
            decision.operator_id,
            decision.reason,
            context_id,
            self._loads_of(source_id, decision),
            r,
            total,
            extra,
        )

    # -- registering ---------------------------------------------------------------------
    def lead_id(self, external_id: str, name: str, first_seen: str | None = None) -> int:
        """Find or create; the first non-empty name fills the lead's name. A new lead is
        first seen when its contact was (``first_seen``, stored text; default now)."""
        name = name.strip()
        known = self._leads.get(external_id)
        if known is None and external_id not in self._absent:
            self.prefetch_leads([external_id])
            known = self._leads.get(external_id)
        if known is None:
            lead_id = self._writer.new_lead(external_id, name, first_seen or self._now_text)
            self._leads[external_id] = (lead_id, bool(name))
            self._absent.discard(external_id)
            self._last_operator[lead_id] = None
            return lead_id
        lead_id, has_name = known
        if name and not has_name:
            self._writer.name_lead(lead_id, external_id, name)
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
        owner: int | None = None,
        idempotency_payload: str | None = None,
        tags: frozenset[str] = NO_TAGS,
    ) -> Registered:
        """Store one contact. ``external_id`` is already normalised; ``created_at``
        aware or naive local (default now). ``owner``: an operator the contact is
        given to by hand, by the rules of manual assignment, when it can take it
        now (an imported file's owner column); otherwise the distributor decides.
        ``tags``: the contact's (``domain.tags``, already parsed)."""
        stamp = (
            contact_time(created_at).isoformat(" ") if created_at is not None else self._now_text
        )
        lead_id = self.lead_id(external_id, name, stamp)
        by_hand = self._hand_candidate(owner, source_id, tags) if owner is not None else None
        if by_hand is None:
            decision = self.decide(source_id, lead_id, tags)
        else:
            decision = _manual_decision(by_hand)
        contact_id = self._writer.new_contact(
            lead_id,
            source_id,
            decision.operator_id,
            stamp,
            message,
            decision.reason,
            idempotency_key,
            idempotency_payload,
            ",".join(sorted(tags)) if tags else "",
        )
        if by_hand is None:
            self._trace(contact_id, DecisionKind.AUTO, source_id, decision, tags)
        else:
            self._trace_manual(contact_id, by_hand, OWNER_COLUMN_NOTE)
        if decision.operator_id is not None:
            self._count_assignment(decision.operator_id)
            self._last_operator[lead_id] = decision.operator_id
        return Registered(contact_id, lead_id, decision)

    def _hand_candidate(
        self, operator_id: int, source_id: int, tags: frozenset[str] = NO_TAGS
    ) -> Candidate | None:
        """The operator as manual assignment sees it, if it can take a contact with
        these tags now."""
        candidate = self.hand_candidate(operator_id, source_id)
        if candidate is None or hand_exclusion(candidate, tags) is not None:
            return None
        return candidate

    def hand_candidate(self, operator_id: int, source_id: int) -> Candidate | None:
        """The operator as a choice by hand sees it now (its weight on the source only
        recorded: weights do not govern a choice by hand), None if it does not exist.
        ``hand_exclusion`` is the rule; ``_count_assignment`` keeps it exact."""
        self.lock_operators([operator_id])
        if operator_id not in self._operators:
            row = (
                Operator.select(
                    Operator.active,
                    Operator.max_load,
                    Operator.hours,
                    Operator.daily_cap,
                    Operator.skills,
                )
                .where(Operator.id == operator_id)
                .tuples()
                .first()
            )
            if row is None:
                return None
            self._operators[operator_id] = (bool(row[0]), int(row[1]))
            self._read_facts([(operator_id, row[2], row[3], row[4])])
        active, max_load = self._operators[operator_id]
        self._known_load(operator_id)
        presence, cap, skills = self._facts[operator_id]
        return Candidate(
            operator_id,
            self._weight(source_id, operator_id),
            active,
            self._loads[operator_id],
            max_load,
            presence,
            self._today.get(operator_id, 0),
            cap,
            skills,
        )

    @staticmethod
    def _weight(source_id: int, operator_id: int) -> int:
        return (
            SourceOperatorConfig.select(SourceOperatorConfig.weight)
            .where(
                (SourceOperatorConfig.source == source_id)
                & (SourceOperatorConfig.operator == operator_id)
            )
            .scalar()
        ) or 0

    def _trace_manual(self, contact_id: int, candidate: Candidate, note: str) -> None:
        """A decision by hand: its one candidate as it stood, and where it came from."""
        context_id = self._writer.context("manual", context_json([candidate]))
        _r, _total, extra = draw_columns(_manual_decision(candidate), note)
        self._writer.decision(
            contact_id,
            DecisionKind.MANUAL,
            candidate.operator_id,
            None,
            context_id,
            str(candidate.load),
            None,
            None,
            extra,
        )

    def redistribute(
        self, contact_id: int, lead_id: int, source_id: int, tags: frozenset[str] = NO_TAGS
    ) -> Decision:
        """Try again for a queued (active, unassigned) contact; traced when it finds someone."""
        decision = self.decide(source_id, lead_id, tags)
        if decision.operator_id is not None:
            self._writer.reassign(decision.operator_id, contact_id)
            self._trace(contact_id, DecisionKind.REDISTRIBUTION, source_id, decision, tags)
            self._count_assignment(decision.operator_id)
            self._last_operator[lead_id] = decision.operator_id
        return decision

    def timeout(
        self, contact: Contact, timed_out: frozenset[int], tags: frozenset[str] = NO_TAGS
    ) -> Decision:
        """A contact whose reply deadline its operator missed: distributed again among
        the others (``timed_out``: its operator and every one who missed it before,
        excluded). Moved when someone can take it; otherwise it stays with its operator
        (the caller marks it overdue). ``trace_timeout`` records the decision."""
        late = contact.operator_id
        decision = self.decide(contact.source_id, contact.lead_id, tags=tags, timed_out=timed_out)
        moved = decision.operator_id is not None
        if moved:
            self._writer.reassign(decision.operator_id, contact.id)
            if late is not None:
                self._count_assignment(late, -1)
            self._count_assignment(decision.operator_id)  # type: ignore[arg-type]
            self._last_operator[contact.lead_id] = decision.operator_id
        return decision

    def trace_timeout(
        self,
        contact: Contact,
        decision: Decision,
        timed_out: frozenset[int],
        tags: frozenset[str] = NO_TAGS,
    ) -> None:
        """The timeout decision: who missed the deadline, and who got the contact (or
        why nobody could, while it stays with its operator, overdue)."""
        late = contact.operator_id
        note = f"reply deadline missed by operator #{late}"
        if decision.operator_id is None:
            note += "; nobody else can take it: it stays, overdue"
        plan = self._plans[contact.source_id]
        context_id = self._context(plan, decision.strategy)
        r, total, extra = draw_columns(decision, note, day_facts(decision, tags))
        assert extra is not None  # a decision with a note always has its details
        self._writer.decision(
            contact.id,
            DecisionKind.TIMEOUT,
            decision.operator_id,
            decision.reason,
            context_id,
            # Not the kept text: ``timeout`` has already counted the move, so what it
            # would keep now are the loads before it, which the next contact no longer meets.
            loads_text(decision),
            r,
            total,
            with_timed_out(extra, timed_out),
        )

    def trace_auto_close(self, contact: Contact, note: str) -> None:
        """A contact closed by the timers (no operator on the decision: it assigns nobody)."""
        context_id = self._writer.context(DecisionKind.AUTO_CLOSE, context_json([]))
        extra = note_only(note)
        self._writer.decision(
            contact.id, DecisionKind.AUTO_CLOSE, None, None, context_id, "", None, None, extra
        )

    def assign_by_hand(self, contact: Contact, candidate: Candidate) -> None:
        """The dispatcher's choice (``hand_candidate``, as it stands: the caller checked
        the rule), traced like any decision."""
        operator_id = candidate.operator_id
        previous = contact.operator_id
        note = f"previous operator #{previous}" if previous is not None else "from the queue"
        self._trace_manual(contact.id, candidate, note)
        self._writer.reassign(operator_id, contact.id)
        if contact.is_active:
            self._count_assignment(operator_id)
            if previous is not None:
                self._known_load(previous)
                self._count_assignment(previous, -1)
        else:
            self._count_assignment(operator_id, today_only=True)

    def _known_load(self, operator_id: int) -> None:
        """Count the operator's load before this transaction changes it (nothing is
        flushed before commit, so the stored rows are still the ones before)."""
        if operator_id not in self._loads:
            self._loads[operator_id] = loads_of([operator_id]).get(operator_id, 0)

    def unassign_by_hand(self, contact: Contact, reason: str) -> None:
        """The dispatcher puts a contact back to the queue (an assignment by hand undone),
        traced as a manual decision without an operator; ``reason``: why it waits."""
        previous = contact.operator_id
        context_id = self._writer.context("manual", context_json([]))
        note = f"back to the queue from operator #{previous}"
        extra = note_only(note)
        self._writer.decision(
            contact.id, DecisionKind.MANUAL, None, reason, context_id, "", None, None, extra
        )
        self._writer.reassign(None, contact.id, reason)
        if contact.is_active and previous is not None:
            self._known_load(previous)
            self._count_assignment(previous, -1)

    def flush(self) -> None:
        """Write the new leads, then contacts, assignments, decisions and round-robin state."""
        self._writer.flush()
        for source_id, plan in self._plans.items():
            if plan.round_robin is None:
                continue
            for operator_id, current in plan.round_robin.current.items():
                if plan.rr_saved.get(operator_id) != current:
                    self._writer.round_robin(source_id, operator_id, current)
                    plan.rr_saved[operator_id] = current


def hand_exclusion(candidate: Candidate, tags: frozenset[str] = NO_TAGS) -> Exclusion | None:
    """Why a choice by hand (a dispatcher's, an imported owner column) cannot give this
    operator a contact with these tags now: the rule without weights."""
    return exclusion(
        active=candidate.active,
        load=candidate.load,
        max_load=candidate.max_load,
        presence=candidate.presence,
        today=candidate.today,
        daily_cap=candidate.daily_cap,
        skills=candidate.skills,
        tags=tags,
    )


def _manual_decision(candidate: Candidate) -> Decision:
    return Decision(
        candidate.operator_id,
        (candidate,),
        (Draw(candidate.operator_id, True),),
        None,
        {},
        "manual",
    )
