"""The decision trace as stored: what the intake writes and what the history and the
timers read back, in one place, so that a field added on one side reaches the other.

A decision row holds its kind, the operator and reason, a context (the candidates'
settings, shared by the decisions that saw the same ones: ``context_json``), the
candidates' loads (``loads_text``), the last draw (``r``, ``total``) and, only when there
is more to say, ``extra``: every draw, a note, the contact's tags and the candidates'
counts today (``day_facts``), the operators who missed its reply deadline
(``with_timed_out``). Rows written before the dispatcher's day (context entries of four
values, no tags or counts) read as they did; an ``extra`` that is not JSON reads as none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from desktop_crm.domain.distribution import Candidate, Decision
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.domain.tags import NO_TAGS, tags_of


class DecisionKind:
    AUTO = "auto"
    REDISTRIBUTION = "redistribution"
    MANUAL = "manual"
    TIMEOUT = "timeout"  # a missed reply deadline (services/timers.py)
    AUTO_CLOSE = "auto_close"  # closed after no activity (services/timers.py)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# -- writing ------------------------------------------------------------------------------------


def context_json(candidates: Iterable[Candidate]) -> str:
    """The candidates' settings; an operator the dispatcher's day concerns (away or off
    shift now, a daily cap, skills) carries them too: ``[id, weight, active, max_load,
    presence, daily_cap, skills]``; the others stay as small as before."""
    return _json(
        [
            [c.operator_id, c.weight, c.active, c.max_load]
            if c.presence is None and c.daily_cap is None and not c.skills
            else [
                c.operator_id,
                c.weight,
                c.active,
                c.max_load,
                c.presence,
                c.daily_cap,
                ",".join(sorted(c.skills)),
            ]
            for c in candidates
        ]
    )


def context_key(strategy: str, pool: Iterable[Candidate]) -> tuple[object, ...]:
    """What a decision context stores (its strategy, ``context_json``), comparable."""
    return (
        strategy,
        *[
            (c.operator_id, c.weight, c.active, c.max_load, c.presence, c.daily_cap, c.skills)
            for c in pool
        ],
    )


def loads_text(decision: Decision) -> str:
    """The candidates' loads as a decision's trace stores them."""
    return ",".join([str(c.load) for c in decision.candidates])


_BY_THE_CONTACT = (Exclusion.NO_SKILL, Exclusion.DAILY_CAP)


def day_facts(decision: Decision, tags: frozenset[str]) -> dict[str, object] | None:
    """What the trace needs beyond the context and the loads to explain this decision
    exactly: the contact's tags and the candidates' counts today, only when one of
    them was excluded for lacking a skill or for its daily cap (else None)."""
    if not any(why in _BY_THE_CONTACT for why in decision.excluded.values()):
        return None
    return {
        "tags": ",".join(sorted(tags)),
        "today": [c.today for c in decision.candidates],
    }


def draw_columns(
    decision: Decision, note: str = "", facts: dict[str, object] | None = None
) -> tuple[int | None, int | None, str | None]:
    """(r, total, extra): the last draw in columns; every draw only when there was more;
    ``facts`` (``day_facts``) when there are any."""
    draws = decision.draws
    last = draws[-1] if draws else None
    extra = None
    if len(draws) > 1 or note or (last is not None and last.note) or facts:
        content: dict[str, object] = {
            "draws": [[d.operator_id, d.accepted, d.r, d.total, d.note] for d in draws],
            "note": note,
        }
        if facts:
            content.update(facts)
        extra = _json(content)
    return (last.r if last else None), (last.total if last else None), extra


def with_timed_out(extra: str, timed_out: Iterable[int]) -> str:
    """A timeout's ``extra`` with the operators who missed the contact's reply deadline."""
    return _json(json.loads(extra) | {"timed_out": sorted(timed_out)})


def note_only(note: str) -> str:
    """The ``extra`` of a decision that drew nobody (an automatic close)."""
    return _json({"draws": [], "note": note})


# -- reading ------------------------------------------------------------------------------------


class ContextEntry(NamedTuple):
    """One candidate of a stored context."""

    operator_id: int
    weight: int
    active: bool
    max_load: int
    presence: Exclusion | None
    daily_cap: int | None
    skills: frozenset[str]


def read_context(text: str) -> list[ContextEntry]:
    """``context_json`` read back."""
    entries = []
    for entry in json.loads(text):
        operator_id, weight, active, max_load = entry[:4]
        presence, daily_cap, skills = entry[4:7] if len(entry) >= 7 else (None, None, "")
        entries.append(
            ContextEntry(
                operator_id,
                weight,
                active,
                max_load,
                Exclusion(presence) if presence else None,
                daily_cap,
                tags_of(skills),
            )
        )
    return entries


def read_loads(text: str) -> list[int]:
    """``loads_text`` read back."""
    return [int(x) for x in text.split(",")] if text else []


class TraceDetails(NamedTuple):
    """A decision's ``extra`` read back; empty when it stored none."""

    draws: list[list[Any]]  # [operator_id, accepted, r, total, note] each
    note: str = ""
    tags: frozenset[str] = NO_TAGS
    today: list[int] | None = None  # the candidates' counts today, when they mattered
    timed_out: frozenset[int] = frozenset()


def read_details(extra: str | None) -> TraceDetails:
    """``draw_columns``' ``extra`` (with ``day_facts`` and ``with_timed_out``) read back."""
    try:
        content = json.loads(extra) if extra else {}
    except ValueError:  # not ours: as if it held nothing
        content = {}
    if not isinstance(content, dict):
        content = {}
    return TraceDetails(
        draws=list(content.get("draws") or []),
        note=str(content.get("note", "")),
        tags=tags_of(content.get("tags", "")),
        today=content.get("today") or None,
        timed_out=frozenset(int(i) for i in content.get("timed_out", ())),
    )
