"""`desktop-crm export` and `desktop-crm lead erase`, through the CLI."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.helpers import count
from tests.sqlite_builds import BUILDS, apply_build

PHONE = "+79005550001"
PHONE_SPELLINGS = ("+79005550001", "89005550001", "+7 (900) 555-00-01", "9005550001")
NAME = "Зинаида Подлиннова"
MESSAGE = "Перезвоните мне насчёт кредита"


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


# -- export ------------------------------------------------------------------------------
def test_export_leads_contacts_and_stats(run, run_json, seeded, tmp_path):
    run_json(
        "contact",
        "add",
        "--lead",
        '=HYPERLINK("http://x")',
        "--source",
        "site",
        "--name",
        "Ёлка",
        "--message=-2+3",
    )
    out = tmp_path / "leads.csv"
    assert run_json("export", "leads", out) == {"file": str(out), "rows": 2}
    header, *rows = read_csv(out)
    assert header == ["Lead id", "External id", "Name", "First seen", "Contacts", "Last contact"]
    assert [r[1] for r in rows] == ['\'=HYPERLINK("http://x")', "+79001234567"]
    assert rows[0][2] == "Ёлка" and rows[0][4] == "1"

    out = tmp_path / "contacts.csv"
    assert run_json("export", "contacts", out, "--source", "site")["rows"] == 1
    header, row = read_csv(out)
    assert header[-1] == "Message" and row[-1] == "'-2+3" and row[5] == "Сайт"

    out = tmp_path / "stats.csv"
    assert run_json("export", "stats", out)["rows"] == 4  # 3 operators + unassigned
    header, *rows = read_csv(out)
    assert "Telegram bot: contacts" in header
    assert rows[-1][0] == "Unassigned" and rows[-1][-2] == "1"
    assert sum(int(r[-2]) for r in rows) == 2


def test_export_filters(run_json, seeded, tmp_path):
    run_json("contact", "add", "--lead", "89001112233", "--source", "tg", "--name", "Пётр")
    out = tmp_path / "x.csv"
    assert run_json("export", "leads", out, "--search", "пётр")["rows"] == 1
    assert run_json("export", "contacts", out, "--operator", "alice")["rows"] == 2
    assert run_json("export", "contacts", out, "--state", "closed")["rows"] == 0
    assert run_json("export", "contacts", out, "--until", "2000-01-01")["rows"] == 0
    assert run_json("export", "stats", out, "--since", "2000-01-01")["rows"] == 4


def test_export_user_errors_exit_2_and_write_nothing(run_error, seeded, tmp_path, db_path):
    out = tmp_path / "x.csv"
    assert "does not apply" in run_error("export", "leads", out, "--since", "2024-01-01")
    assert "does not apply" in run_error("export", "stats", out, "--search", "a")
    assert "not a date" in run_error("export", "stats", out, "--since", "yesterday")
    assert "folder" in run_error("export", "leads", tmp_path)
    assert "Cannot write" in run_error("export", "leads", tmp_path / "no" / "x.csv")
    assert "No source 'nope'" in run_error("export", "contacts", out, "--source", "nope")
    assert "No operator 'nope'" in run_error("export", "contacts", out, "--operator", "nope")
    huge = "%_" * 30_000  # SQLite refuses a LIKE pattern this long: a user error, not a bug
    assert "longer than 1000" in run_error("export", "leads", out, "--search", huge)
    assert "longer than 1000" in run_error("leads", "--search", huge)
    assert not out.exists()
    before = db_path.read_bytes()
    assert "is the database" in run_error("export", "leads", db_path)
    assert db_path.read_bytes() == before


def test_export_streams_a_large_table(run_json, seeded, tmp_path, db_path):
    connection = sqlite3.connect(db_path)
    with connection:
        connection.executemany(
            "INSERT INTO lead (external_id, name, name_folded, created_at) VALUES (?, ?, ?, ?)",
            [(f"user-{i}", f"Имя {i}", f"имя {i}", "2024-01-01 00:00:00") for i in range(30_000)],
        )
    connection.close()
    out = tmp_path / "leads.csv"
    assert run_json("export", "leads", out)["rows"] == 30_001
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert sum(1 for _ in csv.reader(file, delimiter=";")) == 30_002


# -- erase -------------------------------------------------------------------------------
def _all_bytes(db_path: Path) -> bytes:
    data = db_path.read_bytes()
    wal = Path(f"{db_path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


# Every form in which the test stores the person: the id, raw spellings in rejects,
# the phone inside a stranger's message, the name (and its folded form), the
# messages, an idempotency key.
STORED = [
    PHONE,
    "+7 (900) 555-00-01",
    "8-900-555-00-01",
    NAME,
    NAME.casefold(),
    MESSAGE,
    "ключ-79005550001",
]


def _needles() -> list[bytes]:
    return [t.encode("utf-8") for t in [*STORED, *PHONE_SPELLINGS]]


@pytest.fixture(params=BUILDS)
def sqlite_build(request, monkeypatch):
    apply_build(request.param, monkeypatch)
    return request.param


def test_erasing_a_person_leaves_no_trace_in_the_file(
    run, run_json, sqlite_build, seeded, tmp_path, db_path
):
    # The person writes twice (one with an idempotency key holding the phone) ...
    run_json(
        "contact",
        "add",
        "--lead",
        PHONE,
        "--source",
        "tg",
        "--name",
        NAME,
        "--message",
        MESSAGE,
        "--key",
        "ключ-79005550001",
    )
    run_json(
        "contact",
        "add",
        "--lead",
        "8 900 555 00 01",
        "--source",
        "site",
        "--name",
        NAME,
        "--message",
        MESSAGE + " 2",
    )
    # ... and appears in an import: one row imported, three rejected in other spellings.
    table = tmp_path / "in.csv"
    table.write_text(
        "phone,name,message,source\n"
        f"89005550001,{NAME},{MESSAGE} из файла,tg\n"
        f"+7 (900) 555-00-01,{NAME},{MESSAGE},nosuchsource\n"
        f"9005550001,{NAME},{MESSAGE},nosuchsource\n"
        f"89001112233,Другой,позвоните по 8-900-555-00-01,nosuchsource\n"
        "89009998877,Посторонний,не трогать,nosuchsource\n",
        encoding="utf-8",
    )
    imported = run_json("import", table)
    assert imported["imported"] == 1 and len(imported["rejected"]) == 4
    run_json("contact", "close", run_json("leads", "--search", PHONE)[0]["contacts"][0]["id"])
    stats_before = run_json("stats")
    leads_before = len(run_json("leads"))
    rows_before = count(db_path, "import_row")
    haystack = _all_bytes(db_path)
    for text in STORED:
        assert text.encode("utf-8") in haystack, text  # the test would prove nothing

    result = run_json("lead", "erase", "8 (900) 555-00-01")
    assert result["external_id"].startswith("erased:")
    assert (result["contacts"], result["rejects"], result["already_erased"]) == (3, 3, False)
    assert result["file_clean"] is True

    haystack = _all_bytes(db_path)
    for needle in _needles():
        assert needle not in haystack, needle
    assert b"9005550001" not in haystack and b"555-00-01" not in haystack
    # counts and statistics stay; the stranger's reject is untouched
    assert run_json("stats") == stats_before
    assert len(run_json("leads")) == leads_before
    erased = run_json("leads", "--search", result["external_id"])
    assert [(c["message"], c["is_active"]) for c in erased[0]["contacts"]] == [
        ("", False),
        ("", True),
        ("", True),
    ]
    assert erased[0]["name"] == ""
    assert count(db_path, "import_row") < rows_before
    connection = sqlite3.connect(db_path)
    cells = [json.loads(c) for (c,) in connection.execute("SELECT cells FROM import_reject")]
    connection.close()
    assert ["89009998877", "Посторонний", "не трогать", "nosuchsource"] in cells


def test_erasing_is_idempotent_and_unknown_leads_are_exit_2(run, run_json, run_error, seeded):
    result = run_json("lead", "erase", "+79001234567")
    again = run_json("lead", "erase", result["external_id"])
    assert again["already_erased"] is True and again["external_id"] == result["external_id"]
    assert "No lead" in run_error("lead", "erase", "+79001234567")
    assert "No lead" in run_error("lead", "erase", "erased:0000")
    assert "No lead" in run_error("lead", "erase", "")
    assert len(run_error("lead", "erase", "9" * 100_000)) < 300
    by_number = run_json("lead", "erase", f"id:{result['lead_id']}")
    assert by_number["already_erased"] is True
    # nobody can register under an erased lead's id
    assert "erased" in run_error(
        "contact", "add", "--lead", result["external_id"], "--source", "tg"
    )
    assert "erased" in run_error("contact", "add", "--lead", "ERASED:abc", "--source", "tg")


def test_an_interrupted_erasure_is_finished_by_the_next_erase(
    run, run_json, run_error, seeded, db_path, monkeypatch
):
    from desktop_crm.services import erasure

    run_json(
        "contact", "add", "--lead", PHONE, "--source", "tg", "--name", NAME, "--message", MESSAGE
    )
    monkeypatch.setattr(erasure, "scrub_file", lambda storage: False)  # busy, or killed
    result = run("--json", "lead", "erase", PHONE)
    assert result.code == 0 and "to finish, run `desktop-crm lead erase erased:" in result.err
    assert json.loads(result.out)["file_clean"] is False
    monkeypatch.undo()
    assert "No lead" in run_error("lead", "erase", PHONE)  # cleans up on the way
    assert MESSAGE.encode() not in _all_bytes(db_path)
    assert NAME.encode() not in _all_bytes(db_path)


def test_erase_then_export_shows_no_personal_data(run_json, seeded, tmp_path):
    run_json("lead", "erase", "+79001234567")
    out = tmp_path / "c.csv"
    run_json("export", "contacts", out)
    assert "79001234567" not in out.read_text(encoding="utf-8-sig")


# -- erase: the import records and the journal -------------------------------------------
FILE_SPELLINGS = ("9005551234", "555-12-34", "8-900-555-12-34", "+79005551234", "Иванов")


def _import_named_after_the_person(run_json, tmp_path: Path) -> Path:
    folder = tmp_path / "Иванов +79005551234"
    folder.mkdir()
    table = folder / "заявка Иванов 8-900-555-12-34.csv"
    table.write_text(
        "phone,name,source\n+79005551234,Иванов Пётр,tg\n89001112233,Другой,tg\n",
        encoding="utf-8",
    )
    assert run_json("import", table)["imported"] == 2
    return table


def test_erasing_clears_the_person_from_import_file_names_and_the_journal(
    run, run_json, seeded, services, tmp_path
):
    """The import record kept the file's name and path and the journal's "import
    started" entry the name: both held the phone and the name. The rest of the name
    stays; what named the person reads [erased]."""
    _import_named_after_the_person(run_json, tmp_path)

    run_json("lead", "erase", "8 (900) 555-12-34")

    journal = run_json("log", "--object", "import")
    assert [e["object"]["label"] for e in journal] == ["заявка [erased] [erased].csv"]
    shown = run("log").out
    with services() as crm:
        records = crm.imports.list()
    texts = [shown, json.dumps(journal, ensure_ascii=False)]
    texts += [f"{r.file_name}\n{r.file_path}\n{r.headers}" for r in records]
    for text in texts:
        for needle in FILE_SPELLINGS:
            assert needle not in text, (needle, text)
    (record,) = records
    assert record.file_name == "заявка [erased] [erased].csv"
    assert record.file_path == str(tmp_path / "[erased] [erased]" / record.file_name)
    assert record.headers == ("phone", "name", "source")


@pytest.mark.sqlite_only
def test_no_spelling_of_the_file_name_stays_in_the_bytes(
    run_json, sqlite_build, seeded, tmp_path, db_path
):
    _import_named_after_the_person(run_json, tmp_path)
    haystack = _all_bytes(db_path)
    for needle in FILE_SPELLINGS:
        assert needle.encode() in haystack, needle  # the test would prove nothing

    assert run_json("lead", "erase", "+79005551234")["file_clean"] is True

    haystack = _all_bytes(db_path)
    for needle in FILE_SPELLINGS:
        assert needle.encode() not in haystack, needle
