"""A source with its weights. Why the distributor leaves an operator out is answered by
``domain.eligibility`` (a property of the result), never re-derived by a view."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.domain import eligibility
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.services.dto.refs import OperatorRef


@dataclass(frozen=True, slots=True)
class WeightInfo:
    operator: OperatorRef
    weight: int
    active: bool
    load: int
    max_load: int
    presence: Exclusion | None = None  # away or off shift now
    today: int = 0  # contacts given today
    daily_cap: int | None = None

    @property
    def exclusion(self) -> Exclusion | None:
        """Why the distributor leaves this operator out on the source now (for an
        untagged contact), or None."""
        return eligibility.exclusion(
            weight=self.weight,
            active=self.active,
            load=self.load,
            max_load=self.max_load,
            presence=self.presence,
            today=self.today,
            daily_cap=self.daily_cap,
        )


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: int
    name: str
    code: str | None
    weights: tuple[WeightInfo, ...] = ()
    strategy: str = "weighted_random"
    repeat_to_last: bool = False
    reply_within: int | None = None  # seconds to the first reply; None: no deadline
    close_after: int | None = None  # seconds without activity before auto-close; None: never
