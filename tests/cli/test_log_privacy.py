"""The log file: no personal data from the command line, readable by its owner only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

import pytest

from desktop_crm.cli import commands
from desktop_crm.logs import log_path
from tests.cli.test_subprocess import REPO, env  # noqa: F401  # env: the clean child environment

PHONE = "+79005550001"
NAME = "Зинаида Подлиннова"
MESSAGE = "секретное сообщение"


def _crash(*_args):
    raise RuntimeError("a bug")


def test_an_internal_error_logs_the_command_and_option_names_only(run, monkeypatch):
    monkeypatch.setitem(commands.COMMANDS, ("contact", "add"), (_crash, dict))
    result = run(
        "contact",
        "add",
        "--lead",
        PHONE,
        "--source",
        "tg",
        f"--name={NAME}",
        "--message",
        MESSAGE,
        "--key",
        "k-79005550001",
    )
    assert result.code == 1 and "internal error" in result.err
    text = log_path().read_text(encoding="utf-8")
    assert "RuntimeError: a bug" in text
    assert "contact add" in text and "--lead" in text and "--name" in text
    for secret in (PHONE, "9005550001", NAME, MESSAGE, "k-7900"):
        assert secret not in text, secret


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_log_is_readable_by_its_owner_only(run, monkeypatch):
    folder = log_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    log_path().write_text("old\n", encoding="utf-8")
    log_path().chmod(0o644)  # written by an earlier version
    monkeypatch.setitem(commands.COMMANDS, ("operator", "list"), (_crash, dict))
    assert run("operator", "list").code == 1
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(log_path().stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_new_log_and_its_rotations_are_private(run, monkeypatch):
    from desktop_crm import logs

    monkeypatch.setattr(logs, "MAX_BYTES", 200)
    monkeypatch.setitem(commands.COMMANDS, ("operator", "list"), (_crash, dict))
    for _ in range(3):
        assert run("operator", "list").code == 1
    files = sorted(log_path().parent.iterdir())
    assert len(files) > 1  # rotated
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}


def test_phones_and_emails_in_an_exception_text_are_masked(run, monkeypatch):
    def crash(*_args):
        raise ValueError(
            "bad value '+7 (900) 555-00-01' for ivan.petrov@example.ru at 2026-12-01 11:05:00"
        )

    monkeypatch.setitem(commands.COMMANDS, ("operator", "list"), (crash, dict))
    assert run("operator", "list").code == 1
    text = log_path().read_text(encoding="utf-8")
    assert "ValueError: bad value '<redacted>' for <redacted> at 2026-12-01 11:05:00" in text
    assert "555-00-01" not in text and "ivan.petrov" not in text


def test_a_log_folder_that_cannot_be_made_leaves_one_line_and_no_traceback(env, tmp_path):  # noqa: F811
    """The log file opens with its first record; when its folder cannot be made, the
    bug is still one line on stderr: no traceback printed by Python's last resort."""
    state = tmp_path / "xdg" / "state"
    state.mkdir(parents=True)
    (state / "desktop-crm").write_text("a file where the log folder goes", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import sys
        from desktop_crm.app import main
        from desktop_crm.cli import commands

        def crash(*_args):
            raise RuntimeError("a bug")

        commands.COMMANDS[("operator", "list")] = (crash, "dict")
        sys.exit(main(["--db", {str(tmp_path / "crm.sqlite3")!r}, "operator", "list"]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, timeout=120
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err.count("\n") == 1 and "internal error" in err, err
    assert "details are in" not in err, err
    assert "Traceback" not in err and "a bug" not in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a full disk)")
def test_a_log_that_cannot_be_written_stays_quiet_and_a_bug_is_one_line(env, tmp_path):  # noqa: F811
    """The disk fills up (or the file cannot be written) after the log was opened: no
    "--- Logging error ---" per record on stderr, and a bug is still one line."""
    folder = tmp_path / "xdg" / "state" / "desktop-crm" / "log"
    folder.mkdir(parents=True)
    (folder / "desktop-crm.log").symlink_to("/dev/full")
    database = str(tmp_path / "crm.sqlite3")
    fine = subprocess.run(
        [sys.executable, "-m", "desktop_crm.app", "--db", database, "source", "add", "Сайт"],
        cwd=REPO, env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    assert (fine.returncode, fine.stderr.decode()) == (0, "")  # a new file: migrations log
    code = textwrap.dedent(
        f"""
        import sys
        from desktop_crm.app import main
        from desktop_crm.cli import commands

        def crash(*_args):
            raise RuntimeError("a bug")

        commands.COMMANDS[("operator", "list")] = (crash, "dict")
        sys.exit(main(["--db", {database!r}, "operator", "list"]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, timeout=120
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err.count("\n") == 1 and "internal error" in err, err
    assert "could not be written" in err and "details are in" not in err, err  # not a lie
