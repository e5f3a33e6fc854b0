"""Operators' hours, absences, daily caps and skills through ``Crm`` (both backends), with
a clock the tests move, and the time zone setting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, available_timezones

import pytest

from desktop_crm.domain.audit import Action
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import InvalidValue, NotFound
from desktop_crm.services.audit import AuditFilter
from desktop_crm.services.settings import (
    ONE_WORD_ZONES,
    check_zone,
    detect_system_zone,
    is_area_location,
)
from tests.services.day_util import FakeClock, crm_at

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN).astimezone(dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(berlin(2026, 12, 1, 8))  # a Tuesday, 08:00 in Berlin


@pytest.fixture
def day(database_location, clock):
    with crm_at(database_location, clock) as crm:
        crm.settings.set_timezone("Europe/Berlin")
        yield crm


def test_hours_are_stored_canonical_and_presence_follows_the_clock(day, clock):
    day.operators.create("Анна")
    info = day.operators.set_hours("Анна", ["sat 10:00-14:00", "mon-fri 9:00-18:00"])
    assert info.hours == "mon-fri 09:00-18:00; sat 10:00-14:00"
    assert (info.presence, info.presence_until) == (Exclusion.OFF_SHIFT, berlin(2026, 12, 1, 9))
    assert info.exclusion is Exclusion.OFF_SHIFT
    clock.set(berlin(2026, 12, 1, 9))
    now = day.operators.get("Анна")
    assert (now.presence, now.presence_until) == (None, berlin(2026, 12, 1, 18))
    assert now.exclusion is None
    cleared = day.operators.set_hours("Анна", [])
    assert (cleared.hours, cleared.presence, cleared.presence_until) == ("", None, None)


def test_available_until_the_next_absence_booked_for_later_today(day, clock):
    """11:00: Анна's shift ends at 18:00 but she is away 13:00-14:00; Борис (always there)
    is away from 13:00 to 3 December. Both change at 13:00, and say so."""
    clock.set(berlin(2026, 12, 1, 11))
    day.operators.create("Анна")
    day.operators.create("Борис")
    day.operators.set_hours("Анна", ["mon-fri 09:00-18:00"])
    day.operators.set_away("Анна", dt.datetime(2026, 12, 1, 13), dt.datetime(2026, 12, 1, 14))
    day.operators.set_away("Борис", dt.datetime(2026, 12, 1, 13), dt.date(2026, 12, 3))
    for name in ("Анна", "Борис"):
        info = day.operators.get(name)
        assert (info.presence, info.presence_until) == (None, berlin(2026, 12, 1, 13)), name
    listed = {o.name: o.presence_until for o in day.operators.list()}
    assert listed == {"Анна": berlin(2026, 12, 1, 13), "Борис": berlin(2026, 12, 1, 13)}
    clock.set(berlin(2026, 12, 1, 13))
    away = day.operators.get("Анна")
    assert (away.presence, away.presence_until) == (Exclusion.AWAY, berlin(2026, 12, 1, 14))


def test_bad_hours_name_the_field_and_change_nothing(day):
    day.operators.create("Анна")
    for specs, words in [
        (["mun 09:00-18:00"], "'mun'"),
        (["mon 25:00-26:00"], "not a time of day"),
        (["mon 09:00-09:00"], "starts when it ends"),
        (["mon 09:00-18:00", "mon 17:00-19:00"], "overlap"),
        (["whenever"], "DAYS HH:MM-HH:MM"),
    ]:
        with pytest.raises(InvalidValue) as caught:
            day.operators.set_hours("Анна", specs)
        assert caught.value.field == "hours"
        assert words in str(caught.value)
    assert day.operators.get("Анна").hours == ""


def test_away_until_a_time_and_back(day, clock):
    day.operators.create("Анна")
    info = day.operators.set_away("Анна", until=dt.datetime(2026, 12, 3, 12, 0))  # Berlin wall
    assert (info.presence, info.presence_until) == (Exclusion.AWAY, berlin(2026, 12, 3, 12))
    assert [(a.starts_at, a.ends_at) for a in info.absences] == [
        (clock.now, berlin(2026, 12, 3, 12))
    ]
    clock.set(berlin(2026, 12, 3, 12))
    assert day.operators.get("Анна").presence is None
    assert day.operators.get("Анна").absences == ()


def test_back_ends_the_absence_in_force_and_keeps_the_one_ahead(day, clock):
    day.operators.create("Анна")
    day.operators.set_away("Анна")  # until back
    day.operators.set_away("Анна", dt.date(2026, 12, 10), dt.date(2026, 12, 12))
    away = day.operators.get("Анна")
    assert (away.presence, away.presence_until) == (Exclusion.AWAY, None)
    clock.advance(hours=1)
    back = day.operators.set_back("Анна")
    assert back.presence is None
    assert [(a.starts_at, a.ends_at) for a in back.absences] == [
        (berlin(2026, 12, 10), berlin(2026, 12, 12))
    ]
    clock.set(berlin(2026, 12, 11, 15))
    assert day.operators.get("Анна").presence is Exclusion.AWAY


def test_an_absence_ahead_is_cancelled_and_one_in_force_ended_now(day, clock):
    day.operators.create("Анна")
    day.operators.create("Борис")
    day.operators.set_away("Анна")  # until back
    ahead = day.operators.set_away("Анна", dt.date(2026, 12, 10), dt.date(2026, 12, 12))
    in_force, planned = ahead.absences
    info = day.operators.cancel_absence("Анна", planned.id)
    assert [a.id for a in info.absences] == [in_force.id]
    assert info.presence is Exclusion.AWAY  # the one in force is untouched
    clock.set(berlin(2026, 12, 11, 15))
    assert day.operators.get("Анна").presence is Exclusion.AWAY  # until back: still
    info = day.operators.cancel_absence("Анна", in_force.id)
    assert (info.presence, info.absences) == (None, ())
    ended, removed = [  # newest first
        e for e in day.audit.entries(AuditFilter()) if e.action == Action.OPERATOR_ABSENCE_CANCELLED
    ]
    assert {ended.label, removed.label} == {"Анна"}
    assert [(c.field, c.new) for c in removed.changes] == [("from", None), ("until", None)]
    # The one in force is history that ended now: only its end changed.
    assert [(c.field, c.old, c.new) for c in ended.changes] == [
        ("until", None, clock.now.isoformat(timespec="seconds"))
    ]


def test_only_an_operators_own_absence_not_over_can_be_cancelled(day, clock):
    day.operators.create("Анна")
    day.operators.create("Борис")
    (absence,) = day.operators.set_away("Анна", until=dt.datetime(2026, 12, 3, 12)).absences
    with pytest.raises(NotFound):
        day.operators.cancel_absence("Борис", absence.id)  # not his
    with pytest.raises(NotFound):
        day.operators.cancel_absence("Анна", absence.id + 100)
    clock.set(berlin(2026, 12, 3, 12))
    with pytest.raises(NotFound):
        day.operators.cancel_absence("Анна", absence.id)  # over: history stays as it was


def test_an_absence_must_end_after_it_starts_and_in_the_future(day):
    day.operators.create("Анна")
    with pytest.raises(InvalidValue) as caught:
        day.operators.set_away("Анна", dt.date(2026, 12, 5), dt.date(2026, 12, 4))
    assert caught.value.field == "until"
    with pytest.raises(InvalidValue) as caught:
        day.operators.set_away("Анна", dt.date(2026, 11, 1), dt.date(2026, 11, 4))
    assert caught.value.field == "until"
    assert day.operators.get("Анна").absences == ()


def test_an_absence_ends_by_the_year_9000_on_the_configured_zones_calendar(day):
    """Far east of UTC (+14): the last minute of 9000 there is allowed, a time given with
    another offset that is already 9001 there is not, and nothing is stored."""
    day.settings.set_timezone("Pacific/Kiritimati")
    day.operators.create("Анна")
    far_west = dt.timezone(-dt.timedelta(hours=12))
    for until in (
        dt.date(9001, 1, 2),  # its midnight: 9001-01-02 00:00
        dt.datetime(9001, 1, 1, 0, 1),
        dt.datetime(9000, 12, 31, 23, 0, tzinfo=far_west),  # 9001-01-02 01:00 there
    ):
        with pytest.raises(InvalidValue, match="past the year 9000") as caught:
            day.operators.set_away("Анна", until=until)
        assert caught.value.field == "until"
    assert day.operators.get("Анна").absences == ()
    info = day.operators.set_away("Анна", until=dt.datetime(9001, 1, 1))  # through 9000-12-31
    (absence,) = info.absences
    assert absence.ends_at == dt.datetime(9000, 12, 31, 10, tzinfo=dt.UTC)


def test_daily_cap_and_skills_are_set_and_cleared(day):
    day.operators.create("Анна")
    info = day.operators.update("Анна", daily_cap=5, skills="RU, kz")
    assert (info.daily_cap, info.skills, info.today) == (5, ("kz", "ru"), 0)
    assert day.operators.update("Анна", max_load=4).daily_cap == 5  # kept
    cleared = day.operators.update("Анна", daily_cap=None, skills="")
    assert (cleared.daily_cap, cleared.skills) == (None, ())
    assert day.operators.update("Анна", daily_cap=0).exclusion is Exclusion.DAILY_CAP


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"daily_cap": -1}, "daily_cap"),
        ({"daily_cap": True}, "daily_cap"),
        ({"skills": "k\x1bz"}, "skills"),
        ({"skills": "x" * 33}, "skills"),
        ({"skills": [f"t{i}" for i in range(21)]}, "skills"),
    ],
)
def test_bad_caps_and_skills_are_refused(day, changes, field):
    day.operators.create("Анна")
    with pytest.raises(InvalidValue) as caught:
        day.operators.update("Анна", **changes)
    assert caught.value.field == field
    info = day.operators.get("Анна")
    assert (info.daily_cap, info.skills) == (None, ())


def test_every_change_of_the_day_is_audited(day, clock):
    day.operators.create("Анна")
    day.operators.set_hours("Анна", ["mon-fri 09:00-18:00"])
    day.operators.set_away("Анна")
    day.operators.set_back("Анна")
    day.operators.update("Анна", daily_cap=3, skills="kz")
    day.settings.set_timezone("Asia/Almaty")
    actions = [e.action for e in day.audit.entries(AuditFilter(), limit=50)]
    for action in (
        Action.OPERATOR_HOURS,
        Action.OPERATOR_AWAY,
        Action.OPERATOR_BACK,
        Action.OPERATOR_DAILY_CAP,
        Action.OPERATOR_SKILLS,
        Action.TIMEZONE,
    ):
        assert action in actions


def test_the_time_zone_setting(day):
    assert day.settings.timezone() == "Europe/Berlin"
    assert day.settings.set_timezone(" asia/almaty ") == "Asia/Almaty"
    assert day.settings.timezone() == "Asia/Almaty"
    for bad in ("Mars/Olympus", "", "../etc/passwd", "Europe/"):
        with pytest.raises(InvalidValue) as caught:
            day.settings.set_timezone(bad)
        assert caught.value.field == "timezone"
    assert day.settings.timezone() == "Asia/Almaty"


def test_every_one_word_zone_here_has_an_area_location_name_to_suggest():
    """Each one-word zone this machine has is refused with the Area/Location name to type
    instead (the same zone: tz's link target where tzdata.zi lists one); only the
    machine's own ones and Factory have none."""
    one_word = {name for name in available_timezones() if "/" not in name}
    assert one_word - set(ONE_WORD_ZONES) <= {"UTC", "localtime", "posixrules", "Factory"}
    for name, suggested in ONE_WORD_ZONES.items():
        assert is_area_location(suggested) and check_zone(suggested) == suggested, name
    links = {}
    for folder in TZPATH:
        index = Path(folder) / "tzdata.zi"
        if index.is_file():
            for line in index.read_text(encoding="utf-8").splitlines():
                if line.startswith("L ") and "/" not in line.split()[2]:
                    links[line.split()[2]] = line.split()[1]
            break
    same = {"Etc/UTC": "UTC", "Africa/Abidjan": "Atlantic/Reykjavik"}  # tz's, as suggested
    for name, target in links.items() - {("UTC", "Etc/UTC")}:  # UTC is taken as it is
        assert ONE_WORD_ZONES[name] == same.get(target, target), name


def test_the_system_zone_is_found_or_utc(tmp_path):
    assert detect_system_zone({"TZ": ":Europe/Berlin"}, tmp_path) == "Europe/Berlin"
    assert detect_system_zone({"TZ": "Nowhere/Else"}, tmp_path) == "UTC"
    (tmp_path / "timezone").write_text("Asia/Almaty\n", encoding="utf-8")
    assert detect_system_zone({}, tmp_path) == "Asia/Almaty"
    (tmp_path / "timezone").unlink()
    (tmp_path / "localtime").symlink_to("/usr/share/zoneinfo/America/New_York")
    assert detect_system_zone({}, tmp_path) == "America/New_York"


def test_the_first_decision_that_needs_a_zone_stores_the_systems(
    database_location, clock, monkeypatch
):
    """Processes under different system zones (a bot's cron under UTC, a window in New
    York) must read one shift alike: the first one to need a zone stores its own."""
    from desktop_crm.services import settings
    from desktop_crm.services.contacts import ContactRequest

    monkeypatch.setattr(settings, "system_zone", lambda: "America/New_York")
    with crm_at(database_location, clock) as first:
        first.operators.create("Анна")
        first.sources.create("Сайт", code="site")
        first.sources.set_weights("site", {"Анна": 1})
        first.operators.set_hours("Анна", ["mon-sun 09:00-18:00"])
        first.contacts.register(ContactRequest("+79001234567", "site"))
    monkeypatch.setattr(settings, "system_zone", lambda: "UTC")
    with crm_at(database_location, clock) as second:
        assert second.settings.timezone() == "America/New_York"
        clock.set(dt.datetime(2026, 12, 1, 15, tzinfo=ZoneInfo("America/New_York")))
        registered = second.contacts.register(ContactRequest("+79001234568", "site"))
        assert registered.contact.operator is not None  # 15:00 in New York, 20:00 UTC


def test_a_new_time_zone_brings_capacity_at_once(day, clock):
    from desktop_crm.services.contacts import ContactRequest

    day.operators.create("Анна")
    day.sources.create("Сайт", code="site")
    day.sources.set_weights("site", {"Анна": 1})
    day.operators.set_hours("Анна", ["mon-sun 09:00-18:00"])
    clock.set(berlin(2026, 12, 1, 20))  # 20:00 in Berlin, 14:00 in New York
    waiting = day.contacts.register(ContactRequest("+79001234567", "site")).contact
    assert waiting.operator is None and waiting.reason == "all_off_shift"
    day.settings.set_timezone("America/New_York")
    assert day.contacts.get(waiting.id).operator is not None
