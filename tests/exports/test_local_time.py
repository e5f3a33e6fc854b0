"""Export times: the fast local-time conversion agrees with the plain one, clock
changes included."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from desktop_crm.services import exports


@pytest.fixture
def berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    exports._OFFSETS.clear()
    yield
    monkeypatch.undo()
    time.tzset()
    exports._OFFSETS.clear()


@pytest.mark.parametrize("day", [dt.datetime(2026, 3, 28, 20), dt.datetime(2026, 10, 24, 20)])
def test_fast_local_time_matches_astimezone_across_clock_changes(berlin, day):
    for minutes in range(0, 36 * 60, 7):
        value = day + dt.timedelta(minutes=minutes, seconds=minutes % 60, microseconds=123)
        expected = value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        assert exports.local_time(value) == expected, value
        assert exports.local_time(value.isoformat(" ")) == expected  # raw text from SQLite
    assert exports.local_time(None) == ""
