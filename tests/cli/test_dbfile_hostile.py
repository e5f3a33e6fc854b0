"""Defects a hostile tester found in the database-file work of issue 8: a damaged file
written to, a full disk, check's output, exports over the lock file, read-only files,
file modes, an empty --db, a doubled message, redacted backup names, a missing backup."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
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
from desktop_crm.logs import redact
from desktop_crm.services import maintenance
from tests.cli.helpers import assert_user_error, count
from tests.cli.test_dbfile import REPO, _child_env, _run_as_nobody, _unprivileged, build
from tests.db.damage import page_of

APP = (sys.executable, "-m", "desktop_crm.app")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite3"
    build(path)
    return path


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder 'nobody' can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="ro-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


# -- 3: check lists one problem per line, a capped JSON list ----------------------------------
def _corrupt_many(path: Path) -> None:
    """Damage that SQLite reports as many problems (several leaf pages of a table)."""
    page, size = page_of(path, "contact", leaf=True)
    with path.open("r+b") as handle:
        for n in range(8):
            handle.seek((page - 1 + n) * size + 8)
            handle.write(b"\xff" * 64)


def test_check_prints_one_problem_per_line_and_a_capped_json_list(run_raw, database):
    _corrupt_many(database)
    result = run_raw("--db", database, "check")
    assert result.code == 2, result
    lines = result.out.splitlines()
    assert 1 <= len(lines) <= 20
    assert all("\\n" not in line for line in lines), lines
    report = json.loads(run_raw("--db", database, "--json", "check").out)
    assert isinstance(report["problems"], list)
    assert 1 <= len(report["problems"]) <= 20
    assert all("\n" not in p and len(p) < 500 for p in report["problems"]), report["problems"]


# -- 4: exports never overwrite the database's companion files ---------------------------------
@pytest.mark.parametrize("suffix", ["-jobs", "-journal", "-wal", "-shm"])
def test_an_export_or_rejects_file_never_replaces_a_companion_file(run_raw, database, suffix):
    companion = database.with_name(database.name + suffix)
    companion.write_bytes(b"")
    message = assert_user_error(run_raw("--db", database, "export", "leads", companion))
    assert str(companion) in message

    def untouched() -> bool:  # SQLite itself may remove an empty -wal, never fill it with CSV
        return not companion.exists() or companion.read_bytes() == b""

    assert untouched()
    source = database.with_name("in.csv")
    source.write_text("phone,name\nbad,x\n", encoding="utf-8")
    result = run_raw("--db", database, "import", source, "--source", "site", "--rejects", companion)
    assert result.code == 2, result
    assert untouched()


def test_an_export_never_goes_into_the_backups_folder(run_raw, database):
    folder = backups_folder(database)
    folder.mkdir()
    target = folder / "leads.csv"
    assert_user_error(run_raw("--db", database, "export", "leads", target))
    assert not target.exists()


# -- 6: personal data is readable by its owner only ---------------------------------------------
def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backups_and_new_databases_are_private(run_raw, database, tmp_path):
    old = os.umask(0o022)
    try:
        copy = tmp_path / "copy.sqlite3"
        assert run_raw("--db", database, "backup", copy).code == 0
        assert _mode(copy) == 0o600
        assert run_raw("--db", database, "restore", copy).code == 0
        folder = backups_folder(database)
        assert _mode(folder) == 0o700
        assert [_mode(p) for p in folder.iterdir()] == [0o600]
        fresh = tmp_path / "fresh.sqlite3"
        assert run_raw("--db", fresh, "operator", "add", "x").code == 0
        assert _mode(fresh) == 0o600
        assert run_raw("--db", tmp_path / "fresh2.sqlite3", "operator", "list").code == 0
    finally:
        os.umask(old)


# -- 7: an empty or in-memory --db -----------------------------------------------------------
@pytest.mark.parametrize("value", ["", "   ", ":memory:", "sqlite:///:memory:"])
def test_an_empty_or_memory_db_is_refused(run_raw, tmp_path, monkeypatch, value):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    message = assert_user_error(run_raw("--db", value, "operator", "add", "x"))
    assert "--db" in message or "memory" in message
    assert list(tmp_path.iterdir()) == []


# -- 9: backup names survive the log's redaction ------------------------------------------------
def test_automatic_backup_names_are_not_redacted(run_raw, database, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    assert run_raw("--db", database, "backup", copy).code == 0
    report = json.loads(run_raw("--db", database, "--json", "restore", copy).out)
    previous = report["previous"]
    assert re.search(r"/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d", previous), previous
    assert redact(f"backed up to {previous}") == f"backed up to {previous}"
    assert redact("call +7 900 123-45-67") != "call +7 900 123-45-67"  # redaction stays


# -- 10: a missing backup ----------------------------------------------------------------------
def test_restore_of_a_missing_file_says_it_does_not_exist(run_raw, database, tmp_path):
    message = assert_user_error(run_raw("--db", database, "restore", tmp_path / "nope.db"))
    assert "does not exist" in message and "nope.db" in message


# -- 1: a damaged file is not written to ---------------------------------------------------------
def _lead(path: Path, external_id: str) -> tuple[object, ...] | None:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT external_id, name FROM lead WHERE external_id = ?", (external_id,)
        ).fetchone()


def _damage_a_contact_leaf(path: Path) -> None:
    page, size = page_of(path, "contact", leaf=True)
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(b"\xff" * 64)


def test_erasing_in_a_damaged_file_writes_nothing(run_raw, database):
    _damage_a_contact_leaf(database)  # the last lead's contacts are on a sound page
    lead = _lead(database, "+79000000299")
    assert lead is not None
    result = run_raw("--db", database, "--json", "lead", "erase", "+79000000299")
    if result.code == 2:
        assert "damaged" in result.err
        assert _lead(database, "+79000000299") == lead  # exit 2: nothing was written
    else:  # the data change committed, the clean-up met the damage: said so, not exit 2
        assert result.code != 1 and "erased" in result.err, result
        assert _lead(database, "+79000000299") is None


def test_damage_once_found_refuses_writes_until_check_passes(run_raw, database, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    assert run_raw("--db", database, "backup", backup).code == 0
    _damage_a_contact_leaf(database)
    assert run_raw("--db", database, "check").code == 2
    before = count(database, "lead")
    message = assert_user_error(
        run_raw("--db", database, "contact", "add", "--lead", "+79990000000", "--source", "site")
    )
    assert "damaged" in message
    assert count(database, "lead") == before
    assert run_raw("--db", database, "stats").code in (0, 2)  # reading is still allowed
    assert run_raw("--db", database, "restore", backup).code == 0
    result = run_raw(
        "--db", database, "contact", "add", "--lead", "+79990000000", "--source", "site"
    )
    assert result.code == 0, result


# -- 2: a full disk or a write error ------------------------------------------------------------
def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_during_an_import_is_a_clear_message(tmp_path):
    path = tmp_path / "f.sqlite3"
    build(path, contacts=20)
    source = tmp_path / "big.csv"
    with source.open("w", encoding="utf-8") as handle:
        handle.write("phone,name,message\n")
        for n in range(20_000):
            handle.write(f"+7901{n:07d},Name {n},{'x' * 200}\n")
    limit = path.stat().st_size + 8192
    result = subprocess.run(
        [*APP, "--db", str(path), "import", str(source), "--source", "site"],
        cwd=REPO,
        env=_child_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: _limit_file_size(limit),
    )
    # 3: nothing committed, try again once there is room; 4: stopped after some batches
    assert result.returncode in (3, 4), result
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert "full" in result.stderr or "cannot be written" in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr


# -- 5 and 8: read-only files -----------------------------------------------------------------
def _populated(folder: Path, name: str = "r.sqlite3") -> Path:
    path = folder / name
    build(path, contacts=5)
    path.chmod(0o644)  # readable by 'nobody'
    xdg = folder.parent / "xdg" if folder.name == "data" else folder / "xdg"
    xdg.mkdir(exist_ok=True)
    xdg.chmod(0o777)
    return path


def test_backup_needs_only_read_access(shared_folder):
    if not _unprivileged():
        pytest.skip("needs root to run as nobody")
    data = shared_folder / "data"
    data.mkdir()
    path = _populated(data)
    path.with_name(path.name + "-shm").write_bytes(b"")  # left by a crash: not readable use
    data.chmod(0o555)
    copy = shared_folder / "xdg" / "copy.sqlite3"
    result = _run_as_nobody(shared_folder, "--db", str(path), "backup", str(copy))
    assert result.returncode == 0, result
    assert count(copy, "contact") == 5
    assert sorted(p.name for p in data.iterdir()) == [path.name, f"{path.name}-shm"]
    data.chmod(0o755)
    path.chmod(0o600)  # truly unreadable: said so
    result = _run_as_nobody(shared_folder, "--db", str(path), "backup", str(copy) + "2")
    assert result.returncode == 2 and "Cannot read" in result.stderr, result


def test_restore_into_a_read_only_file_leaves_nothing_behind(shared_folder):
    if not _unprivileged():
        pytest.skip("needs root to run as nobody")
    data = shared_folder / "data"
    data.mkdir()
    data.chmod(0o777)
    path = _populated(data)
    copy = data / "copy.sqlite3"
    build(copy, contacts=3)
    copy.chmod(0o644)
    path.chmod(0o444)
    before = sorted(p.name for p in data.iterdir())
    result = _run_as_nobody(shared_folder, "--db", str(path), "restore", str(copy))
    assert result.returncode == 2, result
    assert "read-only" in result.stderr
    assert sorted(p.name for p in data.iterdir()) == before
    assert count(path, "contact") == 5


def test_restore_in_a_read_only_folder_does_not_call_a_sound_file_damaged(shared_folder):
    if not _unprivileged():
        pytest.skip("needs root to run as nobody")
    data = shared_folder / "data"
    data.mkdir()
    path = _populated(data)
    copy = shared_folder / "xdg" / "copy.sqlite3"
    build(copy, contacts=3)
    copy.chmod(0o644)
    data.chmod(0o555)
    result = _run_as_nobody(shared_folder, "--db", str(path), "restore", str(copy))
    assert result.returncode == 2, result
    assert "damaged" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_the_read_only_message_is_printed_once(shared_folder):
    if not _unprivileged():
        pytest.skip("needs root to run as nobody")
    path = _populated(shared_folder)
    path.chmod(0o444)
    env_home = shared_folder / "nolog"  # the log folder cannot be created
    env_home.mkdir(mode=0o555)
    env_home.chmod(0o555)
    env = _child_env(env_home)
    result = subprocess.run(
        [
            *_unprivileged(),
            *APP,
            "--db",
            str(path),
            "contact",
            "add",
            "--lead",
            "u",
            "--source",
            "site",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_backups_of_earlier_versions_sort_with_the_new_names(tmp_path):
    path = tmp_path / "crm.sqlite3"
    folder = backups_folder(path)
    folder.mkdir()
    names = [
        "20261130-235959-000001-before-upgrade-schema5.sqlite3",  # an earlier version's name
        "2026-12-01T00-00-01_000000-before-restore-schema6.sqlite3",
        "2026-11-30T10-00-00_000000-before-upgrade-schema4.sqlite3",
    ]
    for name in names:
        (folder / name).write_bytes(b"")
    listed = [p.name for p in maintenance.automatic_backups(DatabaseLocation(path))]
    assert listed == [names[1], names[0], names[2]]


# -- the data folder is a file --------------------------------------------------------------
@pytest.mark.parametrize("argv", [("source", "list"), ("source", "add", "Сайт")])
def test_a_data_folder_that_is_a_file_is_a_clear_error(run_raw, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    message = assert_user_error(run_raw(*argv))
    assert str(blocker) in message
    assert blocker.read_text() == "not a folder"


@pytest.mark.parametrize(
    "argv", [("queue", "distribute"), ("source", "add", "Сайт"), ("operator", "list")]
)
def test_a_command_on_a_new_file_leaves_nothing_hidden_beside_it(run_raw, tmp_path, argv):
    """The new database is built under a hidden name and linked into place: neither that
    name nor any of its companions (the jobs' lock file among them) stays behind."""
    folder = tmp_path / "lf"
    folder.mkdir()
    assert run_raw("--db", folder / "b.sqlite3", *argv).code == 0
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
