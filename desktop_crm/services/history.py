"""Reading the decision trace back: "why did this contact get this operator?"."""

from __future__ import annotations

from desktop_crm.db.models import Decision, DecisionContext, Operator, tuples
from desktop_crm.domain.distribution import Candidate
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.services.common import aware_utc
from desktop_crm.services.dto.decisions import CandidateInfo, DecisionInfo, DrawInfo
from desktop_crm.services.dto.refs import OperatorRef
from desktop_crm.services.trace import DecisionKind, read_context, read_details, read_loads


def decision_history(contact_id: int) -> list[DecisionInfo]:
    """Inside a read transaction: the contact's decisions, oldest first."""
    rows = list(
        Decision.select(Decision, DecisionContext)
        .join(DecisionContext)
        .where(Decision.contact == contact_id)
        .order_by(Decision.id)
    )
    contexts = [read_context(row.context.candidates) for row in rows]
    ids = {entry.operator_id for context in contexts for entry in context}
    ids |= {row.operator_id for row in rows if row.operator_id is not None}
    query = Operator.select(Operator.id, Operator.name).where(Operator.id.in_(ids))
    names: dict[int, str] = dict(tuples(query))

    def ref(operator_id: int) -> OperatorRef:
        return OperatorRef(operator_id, names.get(operator_id, f"#{operator_id}"))

    history = []
    for row, context in zip(rows, contexts, strict=True):
        details = read_details(row.extra)
        raw_draws = details.draws or (
            [[row.operator_id, True, row.r, row.total, ""]] if row.operator_id is not None else []
        )
        refused = {d[0] for d in raw_draws if not d[1]}
        loads = read_loads(row.loads)
        # The dispatcher's day (issue 12): stored only when it mattered (trace.day_facts)
        today = details.today or [0] * len(context)
        candidates = []
        for entry, load, count in zip(context, loads, today, strict=False):
            exclusion = (
                None  # the dispatcher's choice is not subject to weights
                if row.kind == DecisionKind.MANUAL
                else Candidate(
                    entry.operator_id,
                    entry.weight,
                    entry.active,
                    load,
                    entry.max_load,
                    entry.presence,
                    count,
                    entry.daily_cap,
                    entry.skills,
                ).exclusion_for(details.tags, entry.operator_id in details.timed_out)
            )
            if exclusion is None and entry.operator_id in refused:
                exclusion = Exclusion.AT_LIMIT  # the re-check found it full
            candidates.append(
                CandidateInfo(
                    ref(entry.operator_id),
                    entry.weight,
                    entry.active,
                    load,
                    entry.max_load,
                    exclusion,
                )
            )
        history.append(
            DecisionInfo(
                id=row.id,
                created_at=aware_utc(row.created_at),
                kind=row.kind,
                operator=ref(row.operator_id) if row.operator_id is not None else None,
                reason=row.reason,
                strategy=row.context.strategy,
                candidates=tuple(candidates),
                draws=tuple(DrawInfo(ref(d[0]), bool(d[1]), d[2], d[3], d[4]) for d in raw_draws),
                note=details.note,
            )
        )
    return history
