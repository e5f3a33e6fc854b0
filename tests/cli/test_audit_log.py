"""`--as NAME` and `desktop-crm log` (issue 11: who did what)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from desktop_crm.db.models import AuditEntry
from desktop_crm.services.audit import MAX_DISPATCHER_LENGTH
from tests.cli.helpers import has_offset, snapshot
from tests.services.import_files import row, write_csv


@pytest.fixture
def os_login(monkeypatch: pytest.MonkeyPatch) -> str:
    """The OS user, as getpass reads it (the environment first)."""
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LOGNAME", "ivan")
    return "ivan"


def test_changes_are_logged_as_the_os_user_by_default(run_json, os_login: str) -> None:
    run_json("operator", "add", "Ольга", "--max-load", "3")
    log = run_json("log")
    assert [(e["dispatcher"], e["action"]) for e in log] == [(os_login, "operator_created")]
    entry = log[0]
    assert entry["object"] == {"kind": "operator", "id": 1, "label": "Ольга"}
    assert has_offset(entry["time"])  # local time with its offset, as every command


def test_as_names_the_dispatcher_before_or_after_the_command(run_json, os_login: str) -> None:
    run_json("--as", "  Анна ", "operator", "add", "A")
    run_json("operator", "set", "A", "--max-load", "4", "--as", "Борис")
    run_json("source", "add", "S")
    log = run_json("log")
    assert [(e["dispatcher"], e["action"]) for e in log] == [
        (os_login, "source_created"),
        ("Борис", "operator_limit_changed"),
        ("Анна", "operator_created"),
    ]
    assert log[1]["changes"] == [{"field": "max_load", "old": 10, "new": 4}]


@pytest.mark.parametrize("name", ["", "   ", "a\tb", "x" * (MAX_DISPATCHER_LENGTH + 1)])
def test_a_bad_name_is_refused_and_nothing_is_written(run, run_error, db_path, name) -> None:
    run("operator", "add", "A")
    before = snapshot(db_path)
    message = run_error("--as", name, "operator", "add", "B")
    assert "dispatcher name" in message
    assert snapshot(db_path) == before


def test_a_bad_name_creates_no_database(run_error, db_path) -> None:
    run_error("--as", "", "operator", "add", "B")
    assert not db_path.exists()


def test_log_filters(run, run_json, services) -> None:
    run_json("--as", "Анна", "operator", "add", "Op")
    run_json("--as", "Анна", "source", "add", "Src")
    run_json("--as", "Борис", "operator", "set", "Op", "--inactive")
    run_json("--as", "Борис", "settings", "--phone-region", "KZ")
    # Times as if the changes were made on three days (stored in UTC).
    days = {
        1: "2026-03-01 09:00",
        2: "2026-03-02 09:00",
        3: "2026-03-03 09:00",
        4: "2026-03-03 10:00",
    }
    with services() as crm, crm.storage.write():
        for entry_id, when in days.items():
            AuditEntry.update(created_at=dt.datetime.fromisoformat(when)).where(
                AuditEntry.id == entry_id
            ).execute()

    def ids(*argv: str) -> list[int]:
        return [e["id"] for e in run_json("log", *argv)]

    assert ids() == [4, 3, 2, 1]  # newest first
    assert ids("--dispatcher", "Борис") == [4, 3]
    assert ids("--dispatcher", " Анна ") == [2, 1]
    assert ids("--dispatcher", "Никто") == []
    assert ids("--object", "operator") == [3, 1]
    assert ids("--object", "setting") == [4]
    assert ids("--since", "2026-03-02") == [4, 3, 2]
    assert ids("--until", "2026-03-02") == [2, 1]  # a date includes that whole day
    assert ids("--since", "2026-03-02", "--until", "2026-03-02") == [2]
    assert ids("--since", "2026-03-03T09:30") == [4]
    assert ids("--limit", "2") == [4, 3]
    assert ids("--limit", "0") == []

    text = run("log", "--dispatcher", "Борис")
    assert text.code == 0
    lines = text.out.splitlines()
    assert lines[0].split() == ["time", "dispatcher", "action", "object", "change"]
    assert "2026-03-03 10:00" in lines[2] and "phone region changed" in lines[2]
    assert "value: RU → KZ" in lines[2]
    assert "operator deactivated" in lines[3] and "operator Op" in lines[3]
    assert "active: yes → no" in lines[3]


def test_log_errors(run, run_error) -> None:
    run("operator", "add", "A")
    assert "not a date" in run_error("log", "--since", "yesterday")
    assert "not a date" in run_error("log", "--until", "2026-13-01")
    assert "negative" in run_error("log", "--limit", "-1")
    assert run("log", "--object", "lead").code == 2  # not a kind the log knows
    assert "dispatcher name" in run_error("log", "--dispatcher", " ")


def test_log_on_a_missing_database_answers_empty(run, db_path) -> None:
    result = run("log")
    assert result.code == 0
    assert result.out.strip() == "No changes logged."
    assert not db_path.exists()


def test_the_log_command_imports_no_qt(db_path) -> None:
    code = (
        "import sys; from desktop_crm.app import main; "
        f"main(['--db', {str(db_path)!r}, 'log']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_import_is_one_entry_and_its_rows_none(run_json, tmp_path) -> None:
    run_json("operator", "add", "alice", "--max-load", "100")
    run_json("source", "add", "Сайт", "--code", "site")
    run_json("source", "weights", "site", "alice=1")
    before = len(run_json("log"))
    path = write_csv(tmp_path / "leads.csv", [row(n) for n in range(5)])
    assert run_json("--as", "Вера", "import", path)["imported"] == 5
    run_json("contact", "add", "--lead", "+79990000001", "--source", "site")  # not logged
    log = run_json("log")
    assert len(log) == before + 1
    assert (log[0]["dispatcher"], log[0]["action"]) == ("Вера", "import_started")
    assert log[0]["object"]["kind"] == "import" and log[0]["object"]["label"] == "leads.csv"
