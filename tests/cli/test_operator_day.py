"""`operator hours | away | back`, `operator set --daily-cap --skills`, `settings --timezone`,
`contact add --tag` and what `operator list/show` and `contact show` tell of them."""

from __future__ import annotations

import datetime as dt

import pytest


def _weekday_after(days: int) -> str:
    """The (UTC) weekday ``days`` from now, as a SPEC's day."""
    day = (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).weekday()
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day]


@pytest.fixture
def day(run_json):
    run_json("settings", "--timezone", "UTC")
    run_json("operator", "add", "alice")
    run_json("operator", "add", "bob")
    run_json("source", "add", "Bot", "--code", "bot")
    run_json("source", "weights", "bot", "alice=1", "bob=1")


def test_settings_show_and_set_the_time_zone(run, run_json, run_error):
    assert run_json("settings", "--timezone", "europe/berlin")["timezone"] == "Europe/Berlin"
    assert run_json("settings")["timezone"] == "Europe/Berlin"
    assert "timezone: Europe/Berlin" in run("settings").out
    message = run_error("settings", "--timezone", "Mars/Olympus")
    assert "Unknown time zone 'Mars/Olympus'" in message
    entries = run_json("log", "--object", "setting")
    assert entries[0]["action"] == "timezone_changed"


def test_hours_set_show_and_clear(day, run, run_json, run_error):
    later = _weekday_after(2)
    info = run_json("operator", "hours", "alice", f"{later} 9:00-18:00", "sun 22:00-06:00")
    assert info["hours"] in (
        f"{later} 09:00-18:00; sun 22:00-06:00",
        f"sun 22:00-06:00; {later} 09:00-18:00",
    )
    assert info["hours"].count(";") == 1
    if later != "sun":
        assert info["status"] in ("off_shift", "available")
    text = run("operator", "show", "alice").out
    assert "09:00-18:00" in text
    assert run_json("operator", "hours", "alice")["hours"] == ""
    assert run_json("operator", "show", "alice")["status"] == "available"
    message = run_error("operator", "hours", "alice", "mon 25:00-26:00")
    assert "'25:00' in 'mon 25:00-26:00' is not a time of day" in message
    assert "overlap" in run_error("operator", "hours", "alice", "mon 9:00-12:00", "mon 11:00-13:00")


def test_a_shift_ending_when_it_starts_is_refused_as_the_readme_says(day, run_json, run_error):
    """README, "Hours": an end before the start is the next day; an end equal to the
    start is neither 0 nor 24 hours but refused, with the whole day's spelling."""
    run_json("operator", "hours", "alice", "mon 22:00-06:00")
    for spec in ("mon 09:00-09:00", "tue 00:00-00:00"):
        assert run_error("operator", "hours", "alice", spec) == (
            f"desktop-crm: The shift '{spec}' starts when it ends (a whole day is 00:00-24:00)."
        )
    assert run_json("operator", "show", "alice")["hours"] == "mon 22:00-06:00"
    assert run_json("operator", "hours", "alice", "mon 00:00-24:00")["hours"] == "mon 00:00-24:00"


def test_off_shift_operator_is_left_out_and_the_contact_says_why(day, run_json):
    run_json("operator", "hours", "alice", f"{_weekday_after(2)} 09:00-10:00")
    assert run_json("operator", "show", "alice")["status"] == "off_shift"
    contact = run_json("contact", "add", "--lead", "u1", "--source", "bot")
    assert contact["operator"]["name"] == "bob"
    shown = run_json("contact", "show", str(contact["id"]))
    excluded = {c["operator"]["name"]: c["excluded"] for c in shown["history"][-1]["candidates"]}
    assert excluded == {"alice": "off_shift", "bob": None}


def test_away_and_back(day, run, run_json, run_error):
    info = run_json("operator", "away", "alice")
    assert (info["status"], info["status_until"]) == ("away", None)
    assert len(info["absences"]) == 1 and info["absences"][0]["until"] is None
    assert "away until back" in run("operator", "list").out
    run_json("operator", "away", "bob", "--until", "2999-01-01T10:00")
    waiting = run_json("contact", "add", "--lead", "u1", "--source", "bot")
    assert (waiting["operator"], waiting["reason"]) == (None, "all_away")
    assert "all operators are away" in run("queue", "list").out
    back = run_json("operator", "back", "alice")
    assert back["status"] == "available"
    assert run_json("contact", "show", str(waiting["id"]))["operator"]["name"] == "alice"
    ahead = run_json("operator", "away", "alice", "--from", "2999-01-01", "--until", "2999-01-02")
    assert ahead["status"] == "available"
    assert [a["until"][:10] for a in ahead["absences"]] == ["2999-01-03"]
    message = run_error(
        "operator", "away", "alice", "--from", "2999-01-05", "--until", "2999-01-01"
    )
    assert "must end after it starts" in message
    assert "not a date" in run_error("operator", "away", "alice", "--until", "someday")


def test_back_with_an_absence_id_takes_that_absence_back(day, run, run_json, run_error):
    run_json("operator", "away", "alice")
    ahead = run_json("operator", "away", "alice", "--from", "2999-01-01", "--until", "2999-01-02")
    in_force, planned = (a["id"] for a in ahead["absences"])
    info = run_json("operator", "back", "alice", "--absence", str(planned))
    assert [a["id"] for a in info["absences"]] == [in_force] and info["status"] == "away"
    assert "no absence #" in run_error("operator", "back", "bob", "--absence", str(in_force))
    for odd in ("+" + str(in_force), f" {in_force}", f"{in_force}_0", "٣"):  # plain digits only
        refused = run("operator", "back", "alice", "--absence", odd)
        assert refused.code == 2 and "plain digits" in refused.err
    assert [a["id"] for a in run_json("operator", "show", "alice")["absences"]] == [in_force]
    info = run_json("operator", "back", "alice", "--absence", str(in_force))
    assert (info["status"], info["absences"]) == ("available", [])


def test_daily_cap_and_skills(day, run, run_json, run_error):
    info = run_json("operator", "set", "alice", "--daily-cap", "1", "--skills", "RU,kz")
    assert (info["daily_cap"], info["skills"], info["today"]) == (1, ["kz", "ru"], 0)
    run_json("operator", "set", "bob", "--daily-cap", "0")
    first = run_json("contact", "add", "--lead", "u1", "--source", "bot", "--tag", "kz")
    assert first["operator"]["name"] == "alice" and first["tags"] == ["kz"]
    shown = run_json("operator", "show", "alice")
    assert (shown["today"], shown["status"]) == (1, "daily_cap")
    assert "1/1" in run("operator", "list").out
    waiting = run_json("contact", "add", "--lead", "u2", "--source", "bot")
    assert waiting["reason"] == "all_daily_cap"
    cleared = run_json("operator", "set", "alice", "--daily-cap", "none", "--skills", "")
    assert (cleared["daily_cap"], cleared["skills"]) == (None, [])
    assert "argument --daily-cap: '-1' is neither a whole number 0 or more" in run_error(
        "operator", "set", "alice", "--daily-cap", "-1"
    )
    assert "control or invisible" in run_error("operator", "set", "alice", "--skills", "a\x1bb")


def test_tags_on_contacts_no_skill_and_show(day, run, run_json, run_error):
    run_json("operator", "set", "alice", "--skills", "kz")
    contact = run_json(
        "contact", "add", "--lead", "u1", "--source", "bot", "--tag", "KZ", "--tag", "ru"
    )
    assert (contact["operator"], contact["reason"], contact["tags"]) == (
        None,
        "no_skill",
        ["kz", "ru"],
    )
    shown = run_json("contact", "show", str(contact["id"]))
    excluded = {c["operator"]["name"]: c["excluded"] for c in shown["history"][-1]["candidates"]}
    assert excluded == {"alice": "no_skill", "bob": "no_skill"}
    text = run("contact", "show", str(contact["id"])).out
    assert "kz,ru" in text
    assert "excluded: no_skill" in text
    assert "no operator has every tag" in text
    key = ("--key", "k1")
    run_json("contact", "add", "--lead", "u2", "--source", "bot", "--tag", "kz", *key)
    message = run_error("contact", "add", "--lead", "u2", "--source", "bot", "--tag", "ru", *key)
    assert "tags" in message


def test_assign_by_hand_is_refused_when_the_rule_says_no(day, run_json, run_error):
    run_json("settings", "--auto-redistribute", "off")
    contact = run_json("contact", "add", "--lead", "u1", "--source", "bot", "--tag", "kz")
    run_json("operator", "away", "alice")
    message = run_error("contact", "assign", str(contact["id"]), "alice")
    assert "alice is away" in message
    run_json("operator", "back", "alice")
    assert "lacks a skill" in run_error("contact", "assign", str(contact["id"]), "alice")


def test_an_import_column_of_tags(day, run_json, tmp_path):
    run_json("operator", "set", "alice", "--skills", "kz,ru")
    run_json("operator", "set", "bob", "--skills", "ru")
    path = tmp_path / "leads.csv"
    path.write_text(
        "Телефон;Имя;Теги\n"
        "+79001230001;Анна;KZ\n"
        "+79001230002;Борис;ru, kz\n"
        "+79001230003;Вера;\n"
        "+79001230004;Глеб;en\n"
        "+79001230005;Дина;a\x1bb\n",
        encoding="utf-8",
    )
    summary = run_json("import", str(path), "--source", "bot")
    assert (summary["imported"], summary["unassigned"]) == (4, 1)
    assert len(summary["rejected"]) == 1
    assert summary["rejected"][0]["line"] == 6
    assert summary["rejected"][0]["reason"].startswith('Bad tags "a')
    assert 'in the column "Теги"' in summary["rejected"][0]["reason"]
    handled = {
        lead["name"]: (c["operator"] and c["operator"]["name"], c.get("tags", []))
        for lead in run_json("leads")
        for c in lead["contacts"]
    }
    assert handled["Анна"] == ("alice", ["kz"])
    assert handled["Борис"] == ("alice", ["kz", "ru"])
    assert handled["Вера"][1] == []
    queue = run_json("queue", "list")
    assert [(c["lead"]["name"], c["reason"], c["tags"]) for c in queue] == [
        ("Глеб", "no_skill", ["en"])
    ]


def test_a_crm_exports_deal_tags_are_not_the_contacts_tags(day, run_json, tmp_path):
    path = tmp_path / "deals.csv"
    path.write_text("Телефон;Теги сделки\n+79001230001;сайт\n", encoding="utf-8")
    summary = run_json("import", str(path), "--source", "bot")
    assert summary["columns"]["tags"] == []
    assert summary["assigned"] == 1
