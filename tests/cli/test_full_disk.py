"""A full disk is not a refused request: a bot told code 2 ("refused, nothing written")
drops the message, while one told 3 sends it again. So a write that failed for want of
space answers 3, in the pipe per line and as `contact add`'s exit code, and the same
request goes through once there is room (the pipe keeps serving meanwhile)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import open_crm
from tests.cli.test_database_files_hostile import small
from tests.cli.test_dbfile import REPO, _child_env


@pytest.fixture
def database(small_tmpfs) -> Path:
    return small(small_tmpfs("2m") / "crm.sqlite3")  # alice on the source tg


@contextmanager
def disk_full(folder: Path) -> Iterator[None]:
    """Fill the file system of ``folder`` to the last byte; free it on the way out."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(descriptor, b"\0" * 4096)
    except OSError:  # ENOSPC: full
        pass
    finally:
        os.close(descriptor)
    try:
        yield
    finally:
        filler.unlink()


def _contact_ids(path: Path) -> list[str]:
    crm = open_crm(DatabaseLocation(path))
    try:
        return sorted(lead.external_id for lead in crm.leads.search("", limit=100))
    finally:
        crm.close()


def _command(path: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "desktop_crm.app", "--db", str(path), *argv]


def test_the_pipe_answers_3_while_the_disk_is_full_and_registers_once_there_is_room(
    database, tmp_path
):
    bot = subprocess.Popen(
        _command(database, "contact", "add", "--jsonl"),
        cwd=REPO,
        env=_child_env(tmp_path),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def send(lead: str) -> dict[str, object]:
        request = {"lead": lead, "source": "tg", "key": lead, "message": "м" * 3000}
        assert bot.stdin is not None and bot.stdout is not None
        bot.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        bot.stdin.flush()
        return json.loads(bot.stdout.readline())

    try:
        assert "error" not in send("first@example.com")
        with disk_full(database.parent):
            answers = [send(f"late-{i}@example.com") for i in range(3)]
        for answer in answers:
            assert answer["code"] == 3, answer
            assert "the disk is full" in str(answer["error"])
        again = [send(f"late-{i}@example.com") for i in range(3)]  # the bot sends them again
        assert all("error" not in answer for answer in again), again
    finally:
        assert bot.stdin is not None
        bot.stdin.close()
        code = bot.wait(timeout=60)
    assert code == 3  # the code of the first line that failed
    assert _contact_ids(database) == [
        "first@example.com",
        "late-0@example.com",
        "late-1@example.com",
        "late-2@example.com",
    ]


@pytest.mark.parametrize("argv", [("contact", "add", "--jsonl"), ("contact", "add")])
def test_a_bot_started_on_a_full_disk_is_told_to_try_again(database, tmp_path, argv):
    request = ["--lead", "bot@example.com", "--source", "tg"] if "--jsonl" not in argv else []
    with disk_full(database.parent):
        result = subprocess.run(
            _command(database, *argv, *request),
            cwd=REPO,
            env=_child_env(tmp_path),
            input='{"lead": "bot@example.com", "source": "tg"}\n',
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 3, result
    assert "cannot be written" in result.stderr
    assert "Traceback" not in result.stderr
    assert _contact_ids(database) == []
