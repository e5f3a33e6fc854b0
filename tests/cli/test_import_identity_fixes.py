"""Defects a hostile tester found in imports and lead ids: encodings a file cannot be
read in, one phone as two leads, control characters in ids, blank-looking names,
a resumed import's summary."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from desktop_crm.cli import importing as cli_importing
from tests.cli.helpers import snapshot
from tests.services.import_files import e164, many_rows, pin_batch_rows, stored, write_csv


@pytest.fixture
def site(run_json):
    run_json("operator", "add", "alice", "--max-load", "100000")
    run_json("source", "add", "Сайт", "--code", "site")
    run_json("source", "weights", "site", "alice=1")


def leads(db_path: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT external_id, name FROM lead ORDER BY id").fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "encoding", ["rot13", "base64", "zlib", "idna", "punycode", "utf-32", "utf_7"]
)
def test_an_encoding_that_is_no_file_encoding_is_a_user_error(
    run, site, tmp_path, db_path, encoding
):
    path = tmp_path / "a.csv"
    path.write_text("phone,name,source\n+79001112233,Пётр,site\n", encoding="utf-8")
    before = snapshot(db_path)
    result = run("import", path, "--encoding", encoding)
    assert result.code == 2, result
    assert result.err.startswith("desktop-crm: Unsupported encoding")
    assert len(result.err.splitlines()) == 1
    assert snapshot(db_path) == before  # no "failed" import record either


def test_an_encoding_the_file_does_not_decode_in_is_named(run, site, tmp_path, db_path):
    path = tmp_path / "a.csv"
    path.write_text("phone,name,source\n+79001112233,Пётр,site\n", encoding="utf-8")
    result = run("import", path, "--encoding", "utf_32_be")
    assert result.code == 2
    assert "does not decode" in result.err and "empty" not in result.err


def test_bare_digits_in_a_phone_column_are_the_phone(run_json, site, tmp_path, db_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "Телефон,Имя,Источник,Сообщение\n9007654321,Пётр,site,a\n900 765 43 21,Пётр,site,b\n",
        encoding="utf-8",
    )
    data = run_json("import", path)
    assert data["imported"] == 2
    assert [e for e, _ in leads(db_path)] == ["+79007654321"]


def test_bare_digits_in_an_id_column_stay_a_plain_id(run_json, site, tmp_path, db_path):
    path = tmp_path / "a.csv"
    path.write_text("user_id,name,source\n9007654321,Пётр,site\n", encoding="utf-8")
    run_json("import", path)
    assert [e for e, _ in leads(db_path)] == ["9007654321"]


def test_erasing_a_phone_erases_its_bare_digit_spelling_too(run_json, site, db_path):
    run_json("contact", "add", "--lead", "9007654321", "--source", "site", "--name", "A")
    run_json("contact", "add", "--lead", "900 765 43 21", "--source", "site", "--name", "B")
    assert sorted(e for e, _ in leads(db_path)) == ["+79007654321", "9007654321"]
    result = run_json("lead", "erase", "+7 900 765-43-21")
    assert result["contacts"] == 2
    assert all(e.startswith("erased:") for e, _ in leads(db_path))


@pytest.mark.parametrize("lead", ["\x1b[2Jx", "a\x07b", "x\x85y", "x\ny"])
def test_a_lead_id_with_control_characters_is_refused(run, site, db_path, lead):
    before = snapshot(db_path)
    result = run("contact", "add", "--lead", lead, "--source", "site")
    assert result.code == 2, result
    assert "control characters" in result.err
    assert snapshot(db_path) == before


def test_an_imported_row_with_a_control_character_in_its_id_is_rejected(
    run_json, site, tmp_path, db_path
):
    path = tmp_path / "a.csv"
    path.write_bytes(b"user_id,name,source\n\x1b[2Jx,A,site\nok1,B,site\n")
    data = run_json("import", path)
    assert (data["imported"], data["rejected_total"]) == (1, 1)
    assert data["rejected"][0]["line"] == 2
    assert [e for e, _ in leads(db_path)] == ["ok1"]


@pytest.mark.parametrize("blank", ["\u2800", "\u3164", "\u115f", "\u1160", "\uffa0"])
def test_blank_looking_operator_names_are_empty(run, db_path, blank):
    result = run("operator", "add", blank)
    assert result.code == 2
    assert "must not be empty" in result.err


def test_imported_names_lose_a_leading_bom_and_invisible_characters(
    run_json, site, tmp_path, db_path
):
    path = tmp_path / "a.csv"
    path.write_text(
        "phone,name,source\n+79001112233,\ufeffПётр\u200b Петров,site\n", encoding="utf-8"
    )
    run_json("import", path)
    assert leads(db_path) == [("+79001112233", "Пётр Петров")]


def test_a_resumed_import_reports_this_runs_work_and_the_totals(
    run, site, tmp_path, db_path, monkeypatch
):
    pin_batch_rows(7, monkeypatch.setattr)
    rows = many_rows(20)
    path = write_csv(tmp_path / "leads.csv", rows)
    calls: list[None] = []

    def interrupt(_progress):
        calls.append(None)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(cli_importing, "_show_progress", interrupt)
    first = run("--json", "import", path)
    assert first.code == 4
    assert json.loads(first.out)["imported"] == 14
    monkeypatch.setattr(cli_importing, "_show_progress", lambda _p: None)
    second = json.loads(run("--json", "import", path).out)
    assert (second["rows"], second["imported"], second["skipped"]) == (6, 6, 0)
    assert second["rows"] == second["imported"] + second["skipped"] + second["rejected_total"]
    assert second["total"] == {
        "rows": 20,
        "imported": 20,
        "assigned": 20,
        "unassigned": 0,
        "skipped": 0,
        "rejected": 0,
    }
    # a script adding the summaries up counts every row once
    assert first_plus_second(first.out, second) == 20
    assert Counter(s.external_id for s in stored(db_path)) == Counter(map(e164, range(20)))


def first_plus_second(first_out: str, second: dict) -> int:
    return json.loads(first_out)["imported"] + second["imported"]
