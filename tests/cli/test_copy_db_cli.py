"""``desktop-crm copy-db``: the summary, both directions, and one clear line (exit 2) for
each refusal, never with the password."""

from __future__ import annotations

import json

from desktop_crm.logs import log_path
from tests.cli.helpers import assert_user_error, count

SECRET = "s3cr3t-pw"


def _with_password(url: str) -> str:
    return url.replace("postgresql://postgres@", f"postgresql://postgres:{SECRET}@")


def test_copy_to_postgresql_and_home_again_says_what_it_copied(
    run, run_raw, db_path, pg_url, tmp_path
):
    assert run("operator", "add", "Анна", "--max-load", "2").code == 0
    assert run("source", "add", "Telegram", "--code", "tg").code == 0
    assert run("source", "weights", "tg", "Анна=1").code == 0
    assert run("contact", "add", "--lead", "+79001234567", "--source", "tg").code == 0
    url = _with_password(pg_url)

    there = run_raw("copy-db", "--from", f"sqlite:///{db_path}", "--to", url)

    assert there.code == 0, there
    assert "1 operators, 1 sources, 1 weights, 1 leads, 1 contacts" in there.out
    assert there.out.rstrip().endswith("; counts verified.")
    assert "journal entries" in there.out and "audit_entry" not in there.out
    assert SECRET not in there.out + there.err
    listed = run_raw("--db", url, "--json", "operator", "list")
    assert [(o["name"], o["load"]) for o in json.loads(listed.out)] == [("Анна", 1)]
    home = tmp_path / "home.sqlite3"
    back = run_raw("--json", "copy-db", "--from", url, "--to", home)
    assert back.code == 0, back
    assert json.loads(back.out)["rows"]["contact"] == 1
    assert count(home, "contact") == 1 and count(home, "decision") == count(db_path, "decision")


def test_refusals_are_one_line_exit_2(run, run_raw, db_path, pg_server, pg_url, tmp_path):
    assert run("operator", "add", "Анна").code == 0
    line = assert_user_error(run_raw("copy-db", "--from", db_path, "--to", db_path))
    assert "the same database" in line
    assert run_raw("copy-db", "--from", db_path, "--to", pg_url).code == 0
    line = assert_user_error(run_raw("copy-db", "--from", db_path, "--to", _with_password(pg_url)))
    assert "already holds data" in line and SECRET not in line
    missing = assert_user_error(
        run_raw("copy-db", "--from", tmp_path / "nope.sqlite3", "--to", pg_url)
    )
    assert "does not exist" in missing
    down = f"postgresql://anna:{SECRET}@/crm?host={pg_server.socket_dir}/gone"
    line = assert_user_error(run_raw("copy-db", "--from", db_path, "--to", down), code=3)
    assert "Cannot reach postgresql://anna@/crm" in line and SECRET not in line
    assert SECRET not in log_path().read_text(encoding="utf-8")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    assert_user_error(run_raw("copy-db", "--from", damaged, "--to", tmp_path / "new.sqlite3"))
    assert not (tmp_path / "new.sqlite3").exists()
