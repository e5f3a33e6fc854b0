"""Defects a hostile tester found in the commands that write or open files (issue 13):
a backup or copy written over the database's own side files, automatic pruning that
deleted the copies kept before restores and the user's own files, a new database on a
full disk, a reading command in a read-only folder, an empty file's mode, empty paths."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from desktop_crm.db.backup import backups_folder
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import open_crm
from tests.cli.helpers import assert_user_error, count
from tests.cli.test_dbfile import REPO, _child_env, _run_as_nobody, _unprivileged
from tests.db.damage import settle

SIDE_SUFFIXES = ("-wal", "-shm", "-journal", "-jobs", "-damaged")


def small(path: Path) -> Path:
    crm = open_crm(DatabaseLocation(path))
    try:
        crm.operators.create("alice", max_load=100)
        crm.sources.create("tg", code="tg")
        crm.sources.set_weights("tg", {"alice": 1})
    finally:
        crm.close()
    settle(path)
    return path


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return small(tmp_path / "db.sqlite3")


def side_file(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


def add_contact(run_raw, database: Path, lead: str = "+79001234567") -> None:
    result = run_raw("--db", database, "contact", "add", "--lead", lead, "--source", "tg")
    assert result.code == 0, result


# -- 1: the database's own side files are never a backup's or a copy's target -----------------
@pytest.mark.parametrize("suffix", SIDE_SUFFIXES)
def test_backup_refuses_the_databases_side_files(run_raw, database, suffix):
    target = side_file(database, suffix)
    message = assert_user_error(run_raw("--db", database, "backup", target))
    assert str(target) in message and "belongs to a database" in message
    assert not target.exists()
    add_contact(run_raw, database)  # a healthy database still takes writes
    assert count(database, "contact") == 1


def test_backup_refuses_the_side_files_of_a_database_seen_through_a_link(
    run_raw, database, tmp_path
):
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "link.sqlite3-wal"
    link.symlink_to(side_file(database, "-wal"))  # dangling now: the WAL comes and goes
    assert_user_error(run_raw("--db", database, "backup", link))
    assert not side_file(database, "-wal").exists()


@pytest.mark.parametrize("suffix", SIDE_SUFFIXES)
def test_copy_db_refuses_the_side_files_of_its_source(run_raw, database, suffix):
    target = side_file(database, suffix)
    message = assert_user_error(run_raw("copy-db", "--from", database, "--to", target))
    assert "belongs to a database" in message
    assert not target.exists()
    add_contact(run_raw, database)


def test_copy_db_and_backup_refuse_another_databases_side_files_and_backups(
    run_raw, database, tmp_path
):
    other = small(tmp_path / "other.sqlite3")
    for target in (side_file(other, "-wal"), backups_folder(other) / "copy.sqlite3"):
        backups_folder(other).mkdir(exist_ok=True)
        assert_user_error(run_raw("copy-db", "--from", database, "--to", target))
        assert_user_error(run_raw("--db", database, "backup", target))
        assert not target.exists()


def test_a_side_file_is_never_opened_as_a_database(run_raw, database, tmp_path):
    jobs = side_file(database, "-jobs")
    jobs.write_bytes(b"")  # the jobs' lock file: empty, so SQLite would take it for new
    for argv in (
        ("--db", jobs, "operator", "add", "x"),
        ("--db", jobs, "operator", "list"),
        ("--db", database, "restore", jobs),
        ("copy-db", "--from", jobs, "--to", tmp_path / "copy.sqlite3"),
    ):
        assert_user_error(run_raw(*argv))
        assert jobs.read_bytes() == b""
    assert not (tmp_path / "copy.sqlite3").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3", "db.sqlite3-jobs"]


# -- 2: pruning removes only the program's own copies of one kind -------------------------------
def test_every_restore_keeps_the_file_it_replaced(run_raw, database, tmp_path):
    add_contact(run_raw, database, "+79990000001")  # only in the current file
    backup = tmp_path / "wrong.sqlite3"
    assert run_raw("--db", tmp_path / "empty.sqlite3", "operator", "add", "x").code == 0
    shutil.copy(tmp_path / "empty.sqlite3", backup)
    kept = []
    for _ in range(5):
        result = run_raw("--db", database, "--json", "restore", backup)
        assert result.code == 0, result
        kept.append(Path(json.loads(result.out)["previous"]))
    assert all(p.exists() for p in kept)
    assert count(kept[0], "contact") == 1  # the data from before the first restore


def test_the_users_files_in_the_backups_folder_are_never_pruned(run_raw, database, tmp_path):
    folder = backups_folder(database)
    folder.mkdir()
    mine = folder / "mine.sqlite3"
    shutil.copy(database, mine)  # put there by hand
    dated = folder / "2020-01-01T00-00-00_000000-my-copy.sqlite3"  # a stamp, not our label
    shutil.copy(database, dated)
    backup = tmp_path / "b.sqlite3"
    assert run_raw("--db", database, "backup", backup).code == 0
    for _ in range(4):
        assert run_raw("--db", database, "restore", backup).code == 0
    assert mine.exists() and dated.exists()


def test_backup_into_the_backups_folder_is_refused(run_raw, database):
    folder = backups_folder(database)
    folder.mkdir()
    for target in (folder / "mine.sqlite3", folder):
        message = assert_user_error(run_raw("--db", database, "backup", target))
        assert "belongs to a database" in message
    assert list(folder.iterdir()) == []


# -- 6: a new database on a full disk -------------------------------------------------------------
@pytest.fixture
def tiny_disk(small_tmpfs) -> Path:
    """A 400 KB tmpfs: a new database's file and its WAL do not both fit."""
    return small_tmpfs("400k")


def test_a_new_database_on_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, tiny_disk):
    path = tiny_disk / "full.sqlite3"
    for _ in range(2):  # the second try meets what the first left behind, if anything
        result = subprocess.run(
            [sys.executable, "-m", "desktop_crm.app", "--db", str(path), "source", "add", "tg"],
            cwd=REPO,
            env=_child_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 3, result  # try again once there is room (test_full_disk)
        assert result.stderr.splitlines() == [
            f"desktop-crm: {path} cannot be written: the disk is full. Free some space "
            "and run the command again."
        ]
        assert list(tiny_disk.iterdir()) == []


# -- 11: a missing database in a folder nobody may write ----------------------------------------
@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder 'nobody' can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="ro-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def test_a_reading_command_on_a_missing_file_in_a_read_only_folder_answers_empty(shared_folder):
    if not _unprivileged():
        pytest.skip("needs root to run as nobody")
    data = shared_folder / "ro"
    data.mkdir()
    data.chmod(0o555)
    (shared_folder / "xdg").mkdir()
    (shared_folder / "xdg").chmod(0o777)
    path = data / "new.sqlite3"
    listed = _run_as_nobody(shared_folder, "--db", str(path), "--json", "operator", "list")
    assert (listed.returncode, json.loads(listed.stdout or "null")) == (0, []), listed
    stats = _run_as_nobody(shared_folder, "--db", str(path), "stats")
    assert stats.returncode == 0, stats
    written = _run_as_nobody(shared_folder, "--db", str(path), "source", "add", "s")
    assert written.returncode == 2, written
    assert written.stderr.startswith(f"desktop-crm: {path} is read-only"), written.stderr
    assert list(data.iterdir()) == []


def test_a_reading_command_on_a_missing_file_creates_nothing_anywhere(run_raw, tmp_path):
    path = tmp_path / "new.sqlite3"
    before = set(Path(tempfile.gettempdir()).iterdir())
    assert run_raw("--db", path, "--json", "source", "list").out == "[]\n"
    assert list(tmp_path.iterdir()) == []
    # What this command could leave in the temporary folder: a file named after the
    # database, or SQLite's own temporary files; other processes' files come and go.
    new = set(Path(tempfile.gettempdir()).iterdir()) - before
    assert {p for p in new if path.name in p.name or p.name.startswith("etilqs")} == set()


def test_a_missing_folder_is_still_said_for_a_reading_command(run_raw, tmp_path):
    path = tmp_path / "nowhere" / "new.sqlite3"
    message = assert_user_error(run_raw("--db", path, "operator", "list"))
    assert message == f"desktop-crm: The folder {path.parent} does not exist."


# -- 14: an existing empty file becomes a private database -----------------------------------
def test_an_existing_empty_file_becomes_a_database_readable_by_its_owner_only(run_raw, tmp_path):
    path = tmp_path / "touched.sqlite3"
    path.touch()
    path.chmod(0o644)
    assert run_raw("--db", path, "source", "add", "s").code == 0
    add = run_raw("--db", path, "contact", "add", "--lead", "+79001234567", "--source", "s")
    assert add.code == 0, add
    for file in [path, *path.parent.glob(path.name + "-*")]:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT count(*) FROM contact").fetchone() == (1,)


# -- 16: an empty path names no file ----------------------------------------------------------
@pytest.mark.parametrize("blank", ["", "   "])
@pytest.mark.parametrize(
    "argv",
    [
        ("backup", "{}"),
        ("restore", "{}"),
        ("export", "leads", "{}"),
        ("import", "{}"),
        ("import", "in.csv", "--rejects", "{}"),
        ("copy-db", "--from", "{}", "--to", "copy.sqlite3"),
        ("copy-db", "--from", "{db}", "--to", "{}"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else repr(v),
)
def test_an_empty_path_is_a_usage_error(run_raw, database, tmp_path, monkeypatch, argv, blank):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text("phone\n+79001234567\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    given = [a.replace("{}", blank).replace("{db}", str(database)) for a in argv]
    command = given if given[0] == "copy-db" else ["--db", str(database), *given]
    message = assert_user_error(run_raw(*command))
    assert "empty" in message and "names no file" in message, message
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert count(database, "contact") == 0


def test_a_new_database_is_never_created_under_a_side_files_name(run_raw, database):
    for suffix in (*SIDE_SUFFIXES, ".backups"):
        target = side_file(database, suffix)
        message = assert_user_error(run_raw("--db", target, "source", "add", "x"))
        assert message == f"desktop-crm: {target} is not a database file."
        assert not target.exists()


def test_backup_refuses_the_backups_folders_own_name(run_raw, database):
    target = backups_folder(database)  # not there yet: a file of that name would block it
    message = assert_user_error(run_raw("--db", database, "backup", target))
    assert "belongs to a database" in message
    assert not target.exists()
