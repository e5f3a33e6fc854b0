"""Which database: --db (before or after the command), DATABASE_URL, the default; files refused."""

from __future__ import annotations

import json

import pytest

from desktop_crm.db.guard import APPLICATION_ID
from desktop_crm.db.location import default_database_path
from tests.cli.helpers import assert_user_error, count, make_foreign_sqlite


def names(result):
    assert result.code == 0, result
    return [o["name"] for o in json.loads(result.out)]


def test_db_and_json_after_the_command(run_raw, tmp_path):
    db = tmp_path / "after.sqlite3"
    assert run_raw("operator", "add", "alice", "--db", db).code == 0
    assert names(run_raw("operator", "list", "--db", db, "--json")) == ["alice"]
    assert names(run_raw("--json", "operator", "list", "--db", db)) == ["alice"]
    assert names(run_raw("--db", db, "operator", "list", "--json")) == ["alice"]
    assert names(run_raw("operator", "--db", db, "--json", "list")) == ["alice"]
    assert count(db, "operator") == 1


def test_db_after_the_command_with_command_options(run_raw, tmp_path):
    db = tmp_path / "x.sqlite3"
    run_raw("source", "add", "S", "--code", "s", "--db", db)
    result = run_raw("contact", "add", "--lead", "u", "--db", db, "--source", "s", "--json")
    assert result.code == 0, result
    assert json.loads(result.out)["source"]["code"] == "s"


def test_database_url_relative_to_the_working_directory(run_raw, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    monkeypatch.setenv("DATABASE_URL", "sqlite:///data/crm.sqlite3")
    assert run_raw("operator", "add", "alice").code == 0
    assert count(tmp_path / "data" / "crm.sqlite3", "operator") == 1
    assert names(run_raw("--json", "operator", "list")) == ["alice"]


def test_database_url_absolute(run_raw, tmp_path, monkeypatch):
    db = tmp_path / "abs.sqlite3"
    assert str(db).startswith("/")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")  # sqlite:////abs/path
    assert run_raw("operator", "add", "alice").code == 0
    assert count(db, "operator") == 1


def test_db_option_wins_over_database_url(run_raw, tmp_path, monkeypatch):
    env_db, option_db = tmp_path / "env.sqlite3", tmp_path / "option.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{env_db}")
    assert run_raw("--db", option_db, "operator", "add", "alice").code == 0
    assert count(option_db, "operator") == 1
    assert not env_db.exists()


def test_db_option_accepts_a_url(run_raw, tmp_path):
    db = tmp_path / "u.sqlite3"
    assert run_raw("--db", f"sqlite:///{db}", "operator", "add", "alice").code == 0
    assert count(db, "operator") == 1


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("mysql://user@host/crm", "Unsupported database URL"),
        ("sqlite:///", "names no file"),
        # an unbalanced IPv6 bracket: urllib raises ValueError
        ("postgresql://u:S3cret@[::1:5432/db", "not valid"),
        ("postgresql://u@h]/db", "not valid"),
        ("sqlite://[::1/crm.sqlite3", "not valid"),
    ],
)
def test_bad_database_url(run_raw, monkeypatch, url, fragment):
    monkeypatch.setenv("DATABASE_URL", url)
    message = assert_user_error(run_raw("operator", "list"))
    assert fragment in message
    assert "S3cret" not in message


def test_missing_folder(run_raw, tmp_path):
    db = tmp_path / "no" / "such" / "crm.sqlite3"
    assert "does not exist" in assert_user_error(run_raw("--db", db, "operator", "add", "x"))
    assert not (tmp_path / "no").exists()


def test_a_folder_is_not_a_database(run_raw, tmp_path):
    assert "folder" in assert_user_error(run_raw("--db", tmp_path, "operator", "list"))


def test_an_empty_file_becomes_a_new_database(run_raw, tmp_path):
    db = tmp_path / "empty.sqlite3"
    db.touch()
    assert run_raw("--db", db, "operator", "add", "alice").code == 0
    assert count(db, "operator") == 1


def _text_file(path):
    path.write_text("id;name\n1;Иван\n", encoding="utf-8")


def _cut_off_database(path):
    """One of ours (in WAL mode), cut off half-way as by a failed copy."""
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    crm = open_crm(DatabaseLocation(path))
    for n in range(60):
        crm.operators.create(f"operator {n} " + "x" * 180)
    crm.close()
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _broken_schema_page(path):
    _cut_off_database(path)
    with path.open("r+b") as handle:
        handle.seek(100)  # the b-tree header of sqlite_master on page 1
        handle.write(b"\x42" * 8)


REFUSED_FILES = {
    "text file": (_text_file, "not a database"),
    "foreign sqlite": (lambda p: make_foreign_sqlite(p), "another program"),
    "other application id": (
        lambda p: make_foreign_sqlite(p, application_id=0x1234),
        "another program",
    ),
    "newer schema": (
        lambda p: make_foreign_sqlite(p, application_id=APPLICATION_ID, user_version=999),
        "newer version",
    ),
    "cut-off database": (_cut_off_database, "damaged"),
    "broken schema page": (_broken_schema_page, "damaged"),
}


@pytest.mark.parametrize("kind", REFUSED_FILES)
@pytest.mark.parametrize(
    "argv",
    [
        ("operator", "list"),
        ("operator", "add", "x"),
        ("contact", "add", "--lead", "u", "--source", "1"),
    ],
    ids=lambda v: " ".join(v[:2]),
)
def test_refused_files_stay_byte_identical(run_raw, tmp_path, kind, argv):
    make, fragment = REFUSED_FILES[kind]
    db = tmp_path / "other.db"
    make(db)
    original = db.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())

    message = assert_user_error(run_raw("--db", db, *argv))
    assert fragment in message
    assert str(db) in message
    assert db.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before  # no -wal, -shm, -journal


def test_an_existing_database_is_reopened_not_recreated(run_raw, db_path):
    assert run_raw("--db", db_path, "operator", "add", "alice").code == 0
    assert run_raw("--db", db_path, "operator", "add", "bob").code == 0
    assert names(run_raw("--db", db_path, "--json", "operator", "list")) == ["alice", "bob"]


def test_the_default_database_in_the_user_data_directory(run_raw, isolated_user_dirs):
    default = default_database_path()
    assert str(default).startswith(str(isolated_user_dirs))  # never the real user's file
    result = run_raw("operator", "add", "alice")
    assert result.code == 0, result
    assert count(default, "operator") == 1
