"""The database file: damage, check, backup, restore, special and read-only files, and
no database file created by a command that fails."""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

import peewee as pw
import pytest
from playhouse.migrations import Runner

from desktop_crm.db.backup import KEEP_AUTOMATIC, backups_folder
from desktop_crm.db.guard import APPLICATION_ID
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.storage import MIGRATIONS_DIR, SCHEMA_VERSION, known_migrations
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from tests.cli.helpers import assert_user_error, count, make_foreign_sqlite
from tests.db.damage import corrupt_page, settle

REPO = Path(__file__).resolve().parents[2]


def build(path: Path, contacts: int = 300) -> None:
    """Two operators, a source, ``contacts`` contacts with messages: a table of many pages."""
    crm = open_crm(DatabaseLocation(path), random.Random(8).randint)
    try:
        crm.operators.create("alice", max_load=10_000)
        crm.operators.create("bob", max_load=10_000)
        crm.sources.create("Site", code="site")
        crm.sources.set_weights("site", {"alice": 1, "bob": 1})
        for n in range(contacts):
            crm.contacts.register(
                ContactRequest(f"+7900{n:07d}", "site", name=f"Lead {n}", message="m" * 200)
            )
    finally:
        crm.close()
    settle(path)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite3"
    build(path)
    return path


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- damage ------------------------------------------------------------------------------------
def test_a_damaged_table_page_is_a_clear_user_error_not_a_crash(run_raw, database):
    corrupt_page(database, "contact", leaf=True)
    for argv in (("stats",), ("leads",), ("--json", "stats")):
        message = assert_user_error(run_raw("--db", database, *argv))
        assert str(database) in message
        assert "damaged" in message
        assert "desktop-crm check" in message and "restore" in message


def test_a_write_into_a_damaged_table_is_refused_and_the_file_stays_as_it_was(run_raw, database):
    corrupt_page(database, "contact")  # the root: every insert meets it
    before, names = database.read_bytes(), files_in(database.parent)
    message = assert_user_error(
        run_raw("--db", database, "contact", "add", "--lead", "+79990000000", "--source", "site")
    )
    assert "damaged" in message
    assert database.read_bytes() == before
    # no -wal, -shm left beside it; the damage is remembered (writes refused until check)
    assert files_in(database.parent) == sorted([*names, f"{database.name}-damaged"])


def test_a_damaged_index_is_reported(run_raw, database):
    corrupt_page(database, "lead_external_id")  # a returning lead is found through it
    message = assert_user_error(
        run_raw("--db", database, "contact", "add", "--lead", "+79000000001", "--source", "site")
    )
    assert "damaged" in message


def test_check_says_ok_for_a_sound_file(run_raw, database):
    result = run_raw("--db", database, "check")
    assert result.code == 0, result
    assert result.out == f"{database}: ok\n"
    result = run_raw("--db", database, "--json", "check", "--quick")
    assert json.loads(result.out) == {
        "path": str(database),
        "ok": True,
        "problems": [],
        "quick": True,
    }
    assert files_in(database.parent) == [database.name]


@pytest.mark.parametrize("quick", [False, True])
@pytest.mark.parametrize(("name", "leaf"), [("contact", True), ("lead_external_id", False)])
def test_check_lists_the_first_problems_and_exits_2(run_raw, database, name, leaf, quick):
    corrupt_page(database, name, leaf=leaf)
    before = database.read_bytes()
    result = run_raw("--db", database, "check", *(["--quick"] if quick else []))
    assert result.code == 2, result
    problems = result.out.splitlines()
    assert 1 <= len(problems) <= 20
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert result.err.startswith(f"desktop-crm: {database} is damaged")
    assert database.read_bytes() == before
    report = json.loads(run_raw("--db", database, "--json", "check").out)
    assert report["ok"] is False and report["problems"]


def test_check_of_a_file_with_a_broken_header_is_damaged(run_raw, database):
    with database.open("r+b") as handle:
        handle.truncate(database.stat().st_size // 2)  # cut off: pages are missing
    before = database.read_bytes()
    result = run_raw("--db", database, "check")
    assert result.code == 2, result
    assert "cut off" in result.out
    assert database.read_bytes() == before
    assert files_in(database.parent) == [database.name, f"{database.name}-damaged"]


def test_check_refuses_foreign_and_missing_files(run_raw, tmp_path):
    foreign = tmp_path / "other.db"
    original = make_foreign_sqlite(foreign)
    assert "another program" in assert_user_error(run_raw("--db", foreign, "check"))
    assert foreign.read_bytes() == original
    missing = tmp_path / "missing.sqlite3"
    assert "no database" in assert_user_error(run_raw("--db", missing, "check"))
    assert not missing.exists()


# -- special files as --db -----------------------------------------------------------------
def test_dev_null_is_a_user_error(run_raw):
    message = assert_user_error(run_raw("--db", "/dev/null", "operator", "list"))
    assert "not a regular file" in message
    message = assert_user_error(run_raw("--db", "/dev/null", "operator", "add", "x"))
    assert "not a regular file" in message


def test_a_socket_is_refused(run_raw):
    folder = Path(tempfile.mkdtemp(prefix="sock"))  # short: socket paths are limited
    try:
        path = folder / "s"
        with closing(socket.socket(socket.AF_UNIX)) as server:
            server.bind(str(path))
            message = assert_user_error(run_raw("--db", path, "operator", "add", "x"))
        assert "not a regular file" in message
    finally:
        shutil.rmtree(folder)


def _child_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.pop("DATABASE_URL", None)
    for name in ("DATA", "STATE", "CONFIG", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / "xdg" / name.lower())
    return env


def test_a_fifo_is_refused_at_once_instead_of_hanging(tmp_path):
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    for argv in (("operator", "list"), ("contact", "add", "--lead", "u", "--source", "s")):
        # A child process, so a hang fails the test (timeout) instead of stopping the suite.
        result = subprocess.run(
            [sys.executable, "-m", "desktop_crm.app", "--db", str(fifo), *argv],
            cwd=REPO,
            env=_child_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 2, result
        assert "not a regular file" in result.stderr


# -- a failing command creates no database file --------------------------------------------
def test_a_read_command_on_a_missing_file_answers_as_empty_and_creates_nothing(run_raw, tmp_path):
    path = tmp_path / "new.sqlite3"
    for argv in (("operator", "list"), ("leads",), ("queue", "list")):
        result = run_raw("--db", path, "--json", *argv)
        assert (result.code, json.loads(result.out)) == (0, []), result
    for argv in (("stats",), ("settings",)):
        assert run_raw("--db", path, *argv).code == 0
    assert "No operator" in assert_user_error(run_raw("--db", path, "operator", "show", "1"))
    for argv in (("check",), ("backup", tmp_path / "copy.sqlite3"), ("backups",)):
        result = run_raw("--db", path, *argv)
        assert result.code in (0, 2), result
    assert files_in(tmp_path) == []


def test_a_refused_write_on_a_missing_file_creates_nothing(run_raw, tmp_path):
    path = tmp_path / "new.sqlite3"
    message = assert_user_error(
        run_raw("--db", path, "contact", "add", "--lead", "+79001234567", "--source", "nope")
    )
    assert "nope" in message
    assert assert_user_error(run_raw("--db", path, "operator", "add", "x", "--max-load", "-1"))
    assert files_in(tmp_path) == []  # no database, no hidden temporary file


def test_a_successful_write_creates_the_file(run_raw, tmp_path):
    path = tmp_path / "new.sqlite3"
    result = run_raw("--db", path, "--json", "operator", "add", "alice")
    assert result.code == 0, result
    assert json.loads(result.out)["name"] == "alice"
    assert files_in(tmp_path) == [path.name]
    assert count(path, "operator") == 1
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- read-only files -------------------------------------------------------------------------
def _unprivileged() -> list[str]:
    """Root ignores file permissions (CAP_DAC_OVERRIDE), so as root the command runs as
    'nobody' through setpriv: the permission bits then mean what they say."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop the right to ignore chmod")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def shared_folder():
    """A folder 'nobody' can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="ro-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def _run_as_nobody(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = _child_env(folder)
    return subprocess.run(
        [*_unprivileged(), sys.executable, "-m", "desktop_crm.app", *argv],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("read_only_folder", [False, True], ids=["file", "file and folder"])
def test_a_read_only_database_reads_and_refuses_writes(shared_folder, read_only_folder):
    data = shared_folder / "data"
    data.mkdir()
    path = data / "crm.sqlite3"
    build(path, contacts=5)
    (shared_folder / "xdg").mkdir(mode=0o777)
    (shared_folder / "xdg").chmod(0o777)  # the child's log folder
    path.chmod(0o444)
    data.chmod(0o555 if read_only_folder else 0o777)
    before = path.read_bytes()

    listed = _run_as_nobody(shared_folder, "--db", str(path), "--json", "operator", "list")
    assert listed.returncode == 0, listed
    assert [o["name"] for o in json.loads(listed.stdout)] == ["alice", "bob"]
    assert _run_as_nobody(shared_folder, "--db", str(path), "stats").returncode == 0
    checked = _run_as_nobody(shared_folder, "--db", str(path), "check")
    assert (checked.returncode, checked.stdout) == (0, f"{path}: ok\n"), checked
    copy = shared_folder / "xdg" / "copy.sqlite3"
    copied = _run_as_nobody(shared_folder, "--db", str(path), "backup", str(copy))
    assert copied.returncode == 0, copied
    assert count(copy, "contact") == 5

    for argv in (("operator", "add", "carol"), ("contact", "add", "--lead", "u", "--source", "1")):
        result = _run_as_nobody(shared_folder, "--db", str(path), *argv)
        assert result.returncode == 2, result
        assert "read-only" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert path.read_bytes() == before


def test_a_read_only_folder_cannot_get_a_new_database(shared_folder):
    data = shared_folder / "data"
    data.mkdir(mode=0o555)
    data.chmod(0o555)
    (shared_folder / "xdg").mkdir()
    (shared_folder / "xdg").chmod(0o777)
    result = _run_as_nobody(
        shared_folder, "--db", str(data / "new.sqlite3"), "operator", "add", "x"
    )
    assert result.returncode == 2, result
    assert "read-only" in result.stderr
    assert list(data.iterdir()) == []


# -- backups -----------------------------------------------------------------------------------
def test_backup_copies_a_consistent_database(run_raw, database, tmp_path):
    target = tmp_path / "copy.sqlite3"
    result = run_raw("--db", database, "backup", target)
    assert result.code == 0, result
    assert str(target) in result.out
    assert count(target, "contact") == 300
    assert run_raw("--db", target, "check").code == 0
    assert names_of(run_raw, target) == ["alice", "bob"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "crm.sqlite3"]


def names_of(run_raw, path: Path) -> list[str]:
    result = run_raw("--db", path, "--json", "operator", "list")
    assert result.code == 0, result
    return [o["name"] for o in json.loads(result.out)]


def test_backup_never_overwrites_and_refuses_the_database_itself(run_raw, database, tmp_path):
    existing = tmp_path / "existing.sqlite3"
    existing.write_bytes(b"keep me")
    assert "already exists" in assert_user_error(run_raw("--db", database, "backup", existing))
    assert existing.read_bytes() == b"keep me"
    assert assert_user_error(run_raw("--db", database, "backup", database))
    folder = tmp_path / "backups"
    folder.mkdir()
    result = run_raw("--db", database, "--json", "backup", folder)
    assert result.code == 0, result
    (made,) = folder.iterdir()
    assert json.loads(result.out)["backup"] == str(made)
    assert count(made, "contact") == 300


def test_a_damaged_database_is_not_backed_up(run_raw, database, tmp_path):
    corrupt_page(database, "contact", leaf=True)
    target = tmp_path / "copy.sqlite3"
    assert "damaged" in assert_user_error(run_raw("--db", database, "backup", target))
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.sqlite3"]


def _writer(path: str, stop: str) -> None:
    crm = open_crm(DatabaseLocation(Path(path)))
    n = 0
    while not os.path.exists(stop):
        crm.contacts.register(ContactRequest(f"+7911{n:07d}", "site", message="w" * 100))
        n += 1
    crm.close()


def test_backup_while_another_process_writes(run_raw, database, tmp_path):
    import multiprocessing

    stop = tmp_path / "stop"
    writer = multiprocessing.get_context("spawn").Process(
        target=_writer, args=(str(database), str(stop))
    )
    writer.start()
    try:
        copies = []
        while len(copies) < 4:
            if count(database, "contact") > 300 + 50 * len(copies):  # the writer is writing
                target = tmp_path / f"copy{len(copies)}.sqlite3"
                result = run_raw("--db", database, "backup", target)
                assert result.code == 0, result
                copies.append(target)
    finally:
        stop.touch()
        writer.join(timeout=60)
    assert writer.exitcode == 0
    sizes = []
    for copy in copies:
        with closing(sqlite3.connect(copy)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            leads, contacts = connection.execute(
                "SELECT (SELECT count(*) FROM lead), (SELECT count(*) FROM contact)"
            ).fetchone()
        assert leads == contacts  # one lead per contact here: a consistent snapshot
        sizes.append(contacts)
    assert sizes == sorted(sizes) and sizes[0] > 300


def _old_file(path: Path, target: str) -> None:
    database = pw.SqliteDatabase(str(path))
    Runner(database, directory=str(MIGRATIONS_DIR)).up(target)
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql(f"PRAGMA user_version = {known_migrations().index(target) + 1}")
    database.execute_sql("INSERT INTO operator (name, active, max_load) VALUES ('Анна', 1, 2)")
    database.close()


def test_an_automatic_backup_is_made_before_a_migration_and_the_last_few_kept(run_raw, tmp_path):
    path = tmp_path / "crm.sqlite3"
    old = known_migrations()[-2]
    for _ in range(KEEP_AUTOMATIC + 2):
        for leftover in tmp_path.glob("crm.sqlite3*"):
            if leftover.is_file():
                leftover.unlink()
        _old_file(path, old)
        assert names_of(run_raw, path) == ["Анна"]  # opened, so migrated
    backups = sorted(backups_folder(path).iterdir())
    assert len(backups) == KEEP_AUTOMATIC
    for backup in backups:
        assert backup.name.endswith(f"-before-upgrade-schema{SCHEMA_VERSION - 1}.sqlite3")
        with closing(sqlite3.connect(backup)) as connection:
            assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
            assert connection.execute("SELECT name FROM operator").fetchall() == [("Анна",)]
    listed = json.loads(run_raw("--db", path, "--json", "backups").out)
    assert listed == [str(p) for p in reversed(backups)]


def test_no_automatic_backup_without_a_migration_or_without_data(run_raw, database, tmp_path):
    fresh = tmp_path / "fresh.sqlite3"
    assert run_raw("--db", fresh, "operator", "add", "x").code == 0
    assert run_raw("--db", database, "operator", "list").code == 0
    assert not backups_folder(fresh).exists()
    assert not backups_folder(database).exists()


# -- restore -----------------------------------------------------------------------------------
def test_restore_brings_back_the_backup_and_keeps_the_current_file(run_raw, database, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    assert run_raw("--db", database, "backup", backup).code == 0
    assert run_raw("--db", database, "operator", "add", "carol").code == 0
    result = run_raw("--db", database, "--json", "restore", backup)
    assert result.code == 0, result
    report = json.loads(result.out)
    assert names_of(run_raw, database) == ["alice", "bob"]
    kept = Path(report["previous"])
    assert kept.parent == backups_folder(database)
    assert "-before-restore-schema" in kept.name  # a sound file: not labelled damaged
    assert names_of(run_raw, kept) == ["alice", "bob", "carol"]
    assert run_raw("--db", database, "check").code == 0


def test_restore_repairs_a_damaged_database(run_raw, database, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    assert run_raw("--db", database, "backup", backup).code == 0
    corrupt_page(database, "contact", leaf=True)
    assert run_raw("--db", database, "check").code == 2
    result = run_raw("--db", database, "--json", "restore", backup)
    assert result.code == 0, result
    assert "-before-restore-damaged-" in json.loads(result.out)["previous"]
    assert run_raw("--db", database, "check").code == 0
    assert count(database, "contact") == 300


def test_restore_refuses_damaged_and_foreign_backups(run_raw, database, tmp_path):
    damaged = tmp_path / "damaged.sqlite3"
    assert run_raw("--db", database, "backup", damaged).code == 0
    corrupt_page(damaged, "contact", leaf=True)
    foreign = tmp_path / "foreign.db"
    make_foreign_sqlite(foreign)
    before = database.read_bytes()
    message = assert_user_error(run_raw("--db", database, "restore", damaged))
    assert "damaged" in message and str(damaged) in message
    assert "another program" in assert_user_error(run_raw("--db", database, "restore", foreign))
    assert "does not exist" in assert_user_error(
        run_raw("--db", database, "restore", tmp_path / "missing.sqlite3")
    )
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert "not a Lead Dispatcher database" in assert_user_error(
        run_raw("--db", database, "restore", empty)
    )
    assert database.read_bytes() == before
    assert not backups_folder(database).exists()


def test_a_name_too_long_for_the_file_system_is_a_user_error(run_raw, database, tmp_path):
    long = tmp_path / ("a" * 300 + ".sqlite3")  # longer than NAME_MAX (255)
    for argv in (("operator", "add", "x"), ("operator", "list"), ("check",)):
        assert "File name too long" in assert_user_error(run_raw("--db", long, *argv))
    assert assert_user_error(run_raw("--db", database, "backup", long))
    assert assert_user_error(run_raw("--db", database, "restore", long))
    assert files_in(tmp_path) == [database.name]


@pytest.mark.parametrize("delay", [0.35, 0.45, 0.55, 0.7])
def test_a_backup_killed_half_way_leaves_no_half_copy(database, tmp_path, delay):
    import signal
    import time

    with closing(sqlite3.connect(database)) as connection:  # make the copy take a while
        connection.execute("CREATE TABLE filler (data BLOB)")
        connection.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
            "INSERT INTO filler SELECT randomblob(1000000) FROM n"
        )
        connection.commit()
    settle(database)
    target = tmp_path / "copy.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop_crm.app", "--db", str(database), "backup", str(target)],
        cwd=REPO,
        env=_child_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    if target.exists():  # it finished before the kill: then it is whole
        with closing(sqlite3.connect(target)) as connection:
            assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            assert connection.execute("SELECT count(*) FROM filler").fetchone()[0] == 60
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".copy.sqlite3.part-")]
    assert all(name.startswith(".") for name in leftovers)  # only a hidden temporary file
