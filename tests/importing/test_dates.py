from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.importing import DateParser, RejectCode

from .conftest import MSK, read_all, rejected, valid

MSK_PARSER = DateParser(MSK)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        # ISO 8601, with and without offset, T or space, Z, fractions
        ("2024-03-05T14:30:00+03:00", datetime(2024, 3, 5, 11, 30)),
        ("2024-03-05T14:30:00+05:00", datetime(2024, 3, 5, 9, 30)),
        ("2024-03-05T14:30:00Z", datetime(2024, 3, 5, 14, 30)),
        ("2024-03-05T14:30:00.250Z", datetime(2024, 3, 5, 14, 30, 0, 250000)),
        ("2024-03-05T14:30", datetime(2024, 3, 5, 11, 30)),
        ("2024-03-05 14:30:15", datetime(2024, 3, 5, 11, 30, 15)),
        ("2024-03-05 14:30", datetime(2024, 3, 5, 11, 30)),
        ("2024-03-05 9:05", datetime(2024, 3, 5, 6, 5)),
        ("2024-03-05", datetime(2024, 3, 4, 21, 0)),
        # day first: dd.mm.yyyy, dd/mm/yyyy, as Russian Excel writes them
        ("05.03.2024", datetime(2024, 3, 4, 21, 0)),
        ("05.03.2024 14:30", datetime(2024, 3, 5, 11, 30)),
        ("05.03.2024 9:05", datetime(2024, 3, 5, 6, 5)),
        ("05.03.2024 14:30:59", datetime(2024, 3, 5, 11, 30, 59)),
        ("5.3.2024 9:05", datetime(2024, 3, 5, 6, 5)),
        ("05/03/2024", datetime(2024, 3, 4, 21, 0)),
        ("05/03/2024 14:30", datetime(2024, 3, 5, 11, 30)),
        ("05/03/2024 14:30:01", datetime(2024, 3, 5, 11, 30, 1)),
        ("  05.03.2024 14:30  ", datetime(2024, 3, 5, 11, 30)),
    ],
)
def test_formats_become_naive_utc(text, utc):
    result = MSK_PARSER.parse(text)
    assert result == utc
    assert result.tzinfo is None


@pytest.mark.parametrize(
    "text",
    [
        "32.01.2024",
        "05.13.2024",
        "2024-02-30",
        "05.03.24",
        "05.03.2024 25:00",
        "05.03.2024 9:5",
        "вчера",
        "2024-03-05x14:30",
        "05.03.2024 14:30 MSK",
        "45352",
    ],
)
def test_bad_dates_raise_value_error(text):
    with pytest.raises(ValueError):
        MSK_PARSER.parse(text)


def test_zone_with_daylight_saving_is_applied_per_date():
    berlin = DateParser(ZoneInfo("Europe/Berlin"))
    assert berlin.parse("15.01.2024 12:00") == datetime(2024, 1, 15, 11, 0)
    assert berlin.parse("15.07.2024 12:00") == datetime(2024, 7, 15, 10, 0)


def test_system_zone_is_the_default(monkeypatch):
    naive = datetime(2024, 3, 5, 14, 30)
    expected = naive.astimezone(UTC).replace(tzinfo=None)
    assert DateParser().parse("05.03.2024 14:30") == expected
    assert DateParser().parse("2024-03-05T14:30:00Z") == datetime(2024, 3, 5, 14, 30)


def test_memo_does_not_mix_zones():
    assert DateParser(timezone(timedelta(hours=5))).parse("05.03.2024 12:00").hour == 7
    assert MSK_PARSER.parse("05.03.2024 12:00").hour == 9


def test_bad_date_rejects_the_row_with_its_line(write):
    text = (
        "Телефон;Дата\r\n89001234567;05.03.2024 14:30\r\n89001234568;31.02.2024\r\n89001234569;\r\n"
    )
    _, rows = read_all(write("d.csv", text, "cp1251"))
    [bad] = rejected(rows)
    assert (bad.line, bad.code, bad.params["value"]) == (3, RejectCode.BAD_DATE, "31.02.2024")
    assert bad.reason == 'Cannot read the date "31.02.2024" in the column "Дата".'
    first, empty = valid(rows)
    assert first.created_at == datetime(2024, 3, 5, 11, 30)
    assert empty.created_at is None  # no date: the services use "now"


LOS_ANGELES = "America/Los_Angeles"


@pytest.mark.parametrize("system_zone", [False, True])
def test_a_wall_time_in_the_spring_gap_is_the_moment_the_clocks_jump(monkeypatch, system_zone):
    """2026-03-08 02:00-03:00 does not exist in Los Angeles: 02:30 is read as the shifts
    read it (``domain.times.wall_to_utc``), the instant of the jump (03:00 PDT, 10:00
    UTC), in the zone given and in the system's zone alike; the autumn fold's 01:30 is
    its first occurrence (PDT)."""
    from tests.services.import_files import local_time_zone

    with local_time_zone(monkeypatch, LOS_ANGELES):
        parser = DateParser(None if system_zone else ZoneInfo(LOS_ANGELES))
        assert parser.parse("2026-03-08 02:30") == datetime(2026, 3, 8, 10, 0)
        assert parser.parse("08.03.2026 02:59:59") == datetime(2026, 3, 8, 10, 0)
        assert parser.parse("2026-03-08 01:59") == datetime(2026, 3, 8, 9, 59)  # PST
        assert parser.parse("2026-03-08 03:00") == datetime(2026, 3, 8, 10, 0)  # PDT
        assert parser.parse("2026-11-01 01:30") == datetime(2026, 11, 1, 8, 30)  # first
        assert parser.parse("2026-07-01 12:00") == datetime(2026, 7, 1, 19, 0)
