"""The one distributor every path uses: candidates from the database, the pick from ``domain``."""

from __future__ import annotations

from desktop_crm.db.models import Operator, SourceOperatorConfig
from desktop_crm.domain.distribution import Candidate, Decision, RandInt, distribute
from desktop_crm.services.loads import load_of, loads_of


def load_candidates(source_id: int) -> list[Candidate]:
    """The source's configured operators in configuration order, with their loads now."""
    rows = list(
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
    loads = loads_of(row[0] for row in rows)
    return [
        Candidate(op_id, weight, bool(active), loads.get(op_id, 0), max_load)
        for op_id, weight, active, max_load in rows
    ]


def decide(source_id: int, randint: RandInt) -> Decision:
    """Choose an operator for a new contact on ``source_id``.

    Must run inside a write transaction: the winner's load is re-checked
    there, so no other writer can fill the slot between check and insert.
    """
    candidates = load_candidates(source_id)
    max_loads = {c.operator_id: c.max_load for c in candidates}

    def still_has_room(operator_id: int) -> bool:
        return load_of(operator_id) < max_loads[operator_id]

    return distribute(candidates, randint, still_has_room)
