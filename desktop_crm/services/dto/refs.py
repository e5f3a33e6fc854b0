"""References to another object in a result: its id and what names it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OperatorRef:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    id: int
    name: str
    code: str | None


@dataclass(frozen=True, slots=True)
class LeadRef:
    id: int
    external_id: str
    name: str
