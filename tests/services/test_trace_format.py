"""The decision trace's stored format, written and read back by the one module that
knows it (services/trace.py): every field the intake writes is what the history and the
timers read, and rows of older versions (four-value context entries, no details, details
that are not JSON) still read."""

from __future__ import annotations

from desktop_crm.domain.distribution import Candidate, Decision, Draw
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.services.trace import (
    ContextEntry,
    TraceDetails,
    context_json,
    day_facts,
    draw_columns,
    loads_text,
    note_only,
    read_context,
    read_details,
    read_loads,
    with_timed_out,
)

PLAIN = Candidate(1, 3, True, 2, 10)
DAY = Candidate(2, 1, True, 5, 5, Exclusion.OFF_SHIFT, 4, 4, frozenset({"vip", "ru"}))
DECISION = Decision(
    operator_id=1,
    candidates=(PLAIN, DAY),
    draws=(Draw(2, False, 4, 4), Draw(1, True, 2, 3)),
    reason=None,
    excluded={2: Exclusion.DAILY_CAP},
)


def test_a_context_reads_back_with_and_without_the_dispatchers_day():
    assert read_context(context_json([PLAIN, DAY])) == [
        ContextEntry(1, 3, True, 10, None, None, frozenset()),
        ContextEntry(2, 1, True, 5, Exclusion.OFF_SHIFT, 4, frozenset({"vip", "ru"})),
    ]
    assert read_context("[[7,2,false,3]]") == [
        ContextEntry(7, 2, False, 3, None, None, frozenset())
    ]


def test_the_loads_and_every_detail_read_back():
    assert read_loads(loads_text(DECISION)) == [2, 5]
    r, total, extra = draw_columns(DECISION, "a note", day_facts(DECISION, frozenset({"vip"})))
    assert (r, total) == (2, 3)
    details = read_details(with_timed_out(extra or "", [9, 3]))
    assert details == TraceDetails(
        draws=[[2, False, 4, 4, ""], [1, True, 2, 3, ""]],
        note="a note",
        tags=frozenset({"vip"}),
        today=[0, 4],
        timed_out=frozenset({3, 9}),
    )
    assert read_details(note_only("closed")) == TraceDetails(draws=[], note="closed")


def test_a_plain_decision_stores_no_details_and_reads_as_none():
    single = DECISION._replace(draws=(Draw(1, True, 2, 3),), excluded={})
    assert draw_columns(single) == (2, 3, None)
    assert read_details(None) == TraceDetails(draws=[])
    assert read_loads("") == []


def test_details_that_are_not_ours_read_as_none():
    for stored in ("not json", "[1, 2]", "null", ""):
        assert read_details(stored) == TraceDetails(draws=[]), stored
