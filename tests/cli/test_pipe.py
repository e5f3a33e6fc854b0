"""``desktop-crm contact add --jsonl``: one request per line on stdin, one answer per
line on stdout as soon as it is committed (issue 13)."""

from __future__ import annotations

import json
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

import pytest

from desktop_crm.db.location import DatabaseLocation
from tests.cli.helpers import CONTACT_KEYS, write_lock
from tests.cli.test_subprocess import REPO, env  # noqa: F401  # env: the clean child environment

ANSWER_TIMEOUT = 60  # seconds: only so that a broken pipe cannot hang the suite


def _target(location: DatabaseLocation) -> str:
    return str(location.file) if location.file is not None else location.url


def _pipe_command(location: DatabaseLocation) -> list[str]:
    return [sys.executable, "main.py", "--db", _target(location), "contact", "add", "--jsonl"]


def _run_pipe(
    location: DatabaseLocation, child_env: dict[str, str], requests: bytes
) -> tuple[subprocess.CompletedProcess[bytes], list[dict[str, Any]]]:
    """The pipe fed ``requests`` at once: the finished process and its answers in order
    (nothing on stderr)."""
    result = subprocess.run(
        _pipe_command(location),
        input=requests,
        cwd=REPO,
        env=child_env,
        capture_output=True,
        timeout=ANSWER_TIMEOUT,
    )
    assert result.stderr == b""
    return result, [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


@contextmanager
def _open_pipe(
    location: DatabaseLocation, child_env: dict[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    """A pipe kept open; killed at the end whatever happened."""
    process = subprocess.Popen(
        _pipe_command(location),
        cwd=REPO,
        env=child_env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        yield process
    finally:
        process.kill()
        process.wait()


@pytest.fixture
def source_id(services) -> int:
    with services() as crm:
        crm.operators.create("Анна", max_load=100)
        source = crm.sources.create("Telegram", code="tg")
        crm.sources.set_weights("tg", {"Анна": 1})
    return source.id


def _contacts(services) -> list[tuple[str, str, str]]:
    """(external id, name, message) of every stored contact."""
    with services() as crm:
        return sorted(
            (lead.external_id, lead.name, contact.message)
            for lead in crm.leads.search("")
            for contact in lead.contacts
        )


def _line(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"


def test_each_line_is_answered_in_order_and_only_good_ones_are_stored(
    env,  # noqa: F811
    database_location,
    services,
    source_id,
):
    first = {"lead": "ivan@example.com", "source": "tg", "name": "Иван", "message": "Привет"}
    huge = {"lead": "big@example.com", "source": "tg", "message": "x" * 1_100_000}
    requests = b"".join(
        [
            _line({**first, "key": "m-1"}),  # 1
            b"{oops\n",  # 2 not JSON
            b"   \n",  # 3 blank: skipped, still counted
            _line({"lead": "x@example.com", "source": "nope"}),  # 4 unknown source
            _line({**first, "key": "m-1"}),  # 5 the same key again: the same contact
            _line({"lead": "x@example.com", "source": "tg", "colour": ["vip"]}),  # 6 unknown key
            _line({"lead": "x@example.com", "source": "tg", "name": 5}),  # 7 wrong type
            b"[1, 2]\n",  # 8 no object
            _line({"lead": "8 (900) 123-45-67", "source": source_id}),  # 9 source by id
            b'\xff{"lead": "y@example.com", "source": "tg"}\n',  # 10 not UTF-8
            _line(huge),  # 11 longer than 1 MB
            _line({"lead": "user-42", "source": "tg"}),  # 12
            _line({"source": "tg"}),  # 13 no lead
        ]
    )
    result, answers = _run_pipe(database_location, env, requests)
    assert [a["line"] for a in answers] == [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    by_line = {a["line"]: a for a in answers}
    assert by_line[1]["lead"]["external_id"] == "ivan@example.com"
    assert by_line[1]["operator"]["name"] == "Анна"
    assert by_line[5]["id"] == by_line[1]["id"]
    assert by_line[9]["lead"]["external_id"] == "+79001234567"
    assert by_line[9]["source"]["code"] == "tg"
    assert by_line[12]["lead"]["external_id"] == "user-42"
    errors = {n: a for n, a in by_line.items() if "error" in a}
    assert sorted(errors) == [2, 4, 6, 7, 8, 10, 11, 13]
    assert {a["code"] for a in errors.values()} == {2}
    assert "not JSON" in errors[2]["error"]
    assert "nope" in errors[4]["error"]
    assert "'colour'" in errors[6]["error"]
    assert errors[7]["error"] == '"name" must be a string, not a number'
    assert "object" in errors[8]["error"]
    assert "UTF-8" in errors[10]["error"]
    assert "longer than" in errors[11]["error"]
    assert errors[13]["error"] == '"lead" is required'
    # The same shape as `--json contact add`, plus "line".
    assert set(by_line[1]) == {"line", *CONTACT_KEYS}
    assert result.returncode == 2  # the first failed line's code
    assert _contacts(services) == [
        ("+79001234567", "", ""),
        ("ivan@example.com", "Иван", "Привет"),
        ("user-42", "", ""),
    ]


def test_text_no_database_can_store_is_refused_alike_on_both_backends(
    env,  # noqa: F811
    database_location,
    services,
    source_id,
):
    """JSON can spell what no form, argument or file brings: NUL (PostgreSQL cannot store
    it in text), a lone surrogate (no UTF-8 for it), a number too long to read."""
    requests = b"".join(
        [
            b'{"lead": "a@example.com", "source": "tg", "name": "nul\\u0000name"}\n',  # 1
            b'{"lead": "b@example.com", "source": "tg", "message": "hi\\u0000"}\n',  # 2
            b'{"lead": "\\ud800", "source": "tg"}\n',  # 3
            b'{"lead": "c@example.com", "source": "tg", "message": "\\udfff"}\n',  # 4
            b'{"lead": "d@example.com", "source": "tg", "key": "k\\u0000"}\n',  # 5
            b'{"lead": "e@example.com", "source": ' + b"9" * 5000 + b"}\n",  # 6
            _line({"lead": "f@example.com", "source": "tg"}),  # 7 and the pipe goes on
        ]
    )
    _, answers = _run_pipe(database_location, env, requests)
    by_line = {a["line"]: a for a in answers}
    assert sorted(by_line) == [1, 2, 3, 4, 5, 6, 7]
    for line in range(1, 7):
        assert by_line[line]["code"] == 2, by_line[line]
    for line in range(1, 6):
        assert "cannot be stored" in by_line[line]["error"], by_line[line]
    assert "number" in by_line[6]["error"]
    assert by_line[7]["lead"]["external_id"] == "f@example.com"
    assert _contacts(services) == [("f@example.com", "", "")]


def _reader(stream) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def test_each_answer_comes_as_soon_as_its_request_is_committed(
    env,  # noqa: F811
    database_location,
    services,
    source_id,
):
    with _open_pipe(database_location, env) as process:
        answers = _reader(process.stdout)
        for number, lead in enumerate(["first@example.com", "second@example.com"], start=1):
            process.stdin.write(_line({"lead": lead, "source": "tg"}))
            process.stdin.flush()  # the pipe stays open: the answer must not wait for EOF
            answer = json.loads(answers.get(timeout=ANSWER_TIMEOUT))
            assert answer["line"] == number
            assert answer["lead"]["external_id"] == lead
            # committed before it was answered: another connection sees it
            assert (lead, "", "") in _contacts(services)
        process.stdin.close()
        assert process.wait(timeout=ANSWER_TIMEOUT) == 0  # every request registered
        assert answers.get(timeout=ANSWER_TIMEOUT) is None
        assert process.stderr.read() == b""


def test_ctrl_c_ends_the_pipe_without_a_traceback(env, database_location, source_id):  # noqa: F811
    with _open_pipe(database_location, env) as process:
        answers = _reader(process.stdout)
        process.stdin.write(_line({"lead": "a@example.com", "source": "tg"}))
        process.stdin.flush()
        assert json.loads(answers.get(timeout=ANSWER_TIMEOUT))["line"] == 1
        process.send_signal(signal.SIGINT)  # waiting for the next line
        assert process.wait(timeout=ANSWER_TIMEOUT) == 130
        assert b"Traceback" not in process.stderr.read()


def test_the_reader_going_away_ends_the_pipe_with_code_4_without_a_traceback(
    env,  # noqa: F811
    database_location,
    source_id,
):
    """`contact add --jsonl < requests | head -1`: answers were lost, and the bot must
    learn it (exit 4: stopped part-way, what was committed stays), in one line."""
    with _open_pipe(database_location, env) as process:
        process.stdout.close()  # the bot stopped reading
        try:
            for number in range(20):
                process.stdin.write(_line({"lead": f"u{number}@example.com", "source": "tg"}))
                process.stdin.flush()
            process.stdin.close()
        except BrokenPipeError:  # it may have ended already
            pass
        assert process.wait(timeout=ANSWER_TIMEOUT) == 4
        stderr = process.stderr.read().decode("utf-8")
        assert "Traceback" not in stderr and "Exception" not in stderr
        assert stderr.count("\n") == 1 and "part-way" in stderr, stderr


@pytest.mark.sqlite_only
def test_head_keeps_the_first_answer_and_the_pipe_exits_4(env, db_path, source_id):  # noqa: F811
    """The README's example, through a shell: the first answer arrives, the exit status
    of the pipe says that the others were lost."""
    requests = b"".join(_line({"lead": f"h{i}@example.com", "source": "tg"}) for i in range(500))
    command = " ".join(_pipe_command(DatabaseLocation(db_path)))
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} | head -1"],
        input=requests,
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=ANSWER_TIMEOUT,
    )
    assert json.loads(result.stdout)["line"] == 1
    assert result.returncode == 4
    assert b"Traceback" not in result.stderr


class ScriptedInput:
    """stdin's bytes for an in-process run: lines, and actions run between them."""

    def __init__(self, *steps: bytes | object) -> None:
        self.steps = list(steps)

    def readline(self, size: int = -1) -> bytes:
        while self.steps:
            step = self.steps.pop(0)
            if callable(step):
                step()
                continue
            assert isinstance(step, bytes)
            return step
        return b""


def test_a_busy_database_answers_code_3_and_the_pipe_goes_on(
    run, db_path, source_id, fast_busy, monkeypatch, services
):
    lock = write_lock(db_path)
    stdin = ScriptedInput(
        lock.__enter__,
        _line({"lead": "busy@example.com", "source": "tg"}),
        lambda: lock.__exit__(None, None, None),  # read after line 1 was answered
        _line({"lead": "later@example.com", "source": "tg"}),
    )
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=stdin))
    result = run("contact", "add", "--jsonl")
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert answers[0]["line"] == 1 and answers[0]["code"] == 3
    assert "busy" in answers[0]["error"]
    assert answers[1]["line"] == 2 and answers[1]["lead"]["external_id"] == "later@example.com"
    assert result.code == 3
    assert _contacts(services) == [("later@example.com", "", "")]


def test_jsonl_takes_no_request_options(run, source_id):
    result = run("contact", "add", "--jsonl", "--lead", "a@example.com")
    assert result.code == 2
    assert "--jsonl" in result.err and "--lead" in result.err


def test_without_jsonl_lead_and_source_are_required(run, source_id):
    result = run("contact", "add", "--lead", "a@example.com")
    assert result.code == 2
    assert "required: --source" in result.err


def test_a_missing_database_is_not_created(run_raw, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=ScriptedInput()))
    target = tmp_path / "none.sqlite3"
    result = run_raw("--db", target, "contact", "add", "--jsonl")
    assert result.code == 2
    assert "does not exist" in result.err
    assert not target.exists()


def test_eof_at_once_is_success(run, source_id, monkeypatch):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=ScriptedInput(b"\n")))
    result = run("contact", "add", "--jsonl")
    assert (result.code, result.out, result.err) == (0, "", "")


def test_tags_come_through_the_pipe_as_through_contact_add(
    env,  # noqa: F811
    database_location,
    services,
    source_id,
):
    with services() as crm:
        crm.operators.update("Анна", skills="kz")
    requests = b"".join(
        [
            _line({"lead": "a@example.com", "source": "tg", "tags": ["KZ"]}),  # 1 Анна has it
            _line({"lead": "b@example.com", "source": "tg", "tags": ["kz", 5]}),  # 2 not strings
            _line({"lead": "c@example.com", "source": "tg", "tags": "kz"}),  # 3 not a list
            _line({"lead": "d@example.com", "source": "tg", "tags": ["a,b\x07"]}),  # 4 bad tag
            _line({"lead": "e@example.com", "source": "tg", "tags": ["ru"]}),  # 5 nobody has it
        ]
    )
    _, answers = _run_pipe(database_location, env, requests)
    by_line = {a["line"]: a for a in answers}
    assert by_line[1]["tags"] == ["kz"]
    assert by_line[1]["operator"]["name"] == "Анна"
    assert by_line[2] == {"line": 2, "error": '"tags" must be a list of strings', "code": 2}
    assert by_line[3]["code"] == 2 and "a list of strings" in by_line[3]["error"]
    assert by_line[4]["code"] == 2
    assert by_line[5]["tags"] == ["ru"] and by_line[5]["operator"] is None
    assert by_line[5]["reason"] == "no_skill"


def _shell(
    line: str, child_env: dict[str, str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``line`` run by bash (for its redirections) in the repository, output captured."""
    return subprocess.run(
        ["bash", "-c", line],
        input=stdin, cwd=REPO, env=child_env, capture_output=True, timeout=ANSWER_TIMEOUT,
    )  # fmt: skip


def _count_contacts(db_path: object) -> int:
    with closing(sqlite3.connect(db_path)) as connection:
        return int(connection.execute("SELECT count(*) FROM contact").fetchone()[0])


@pytest.mark.sqlite_only
def test_with_no_stdout_at_all_the_pipe_refuses_before_reading(env, db_path, source_id):  # noqa: F811
    """`… --jsonl >&-`: no answer could reach the bot; nothing is registered, exit 2."""
    requests = _line({"lead": "closed@example.com", "source": "tg"})
    command = " ".join(_pipe_command(DatabaseLocation(db_path)))
    result = _shell(f"{command} >&-", env, requests)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert stderr.count("\n") == 1 and "output" in stderr and "Traceback" not in stderr
    assert _count_contacts(db_path) == 0


@pytest.mark.sqlite_only
def test_with_no_stdout_at_all_a_command_runs_as_into_dev_null(env, db_path, source_id):  # noqa: F811
    """`contact add … >&-` is `> /dev/null`: it registers, says nothing and exits 0."""
    command = " ".join(_pipe_command(DatabaseLocation(db_path))).replace(" --jsonl", "")
    result = _shell(f"{command} --lead closed@example.com --source tg >&-", env)
    assert (result.returncode, result.stderr) == (0, b"")
    assert _count_contacts(db_path) == 1


@pytest.mark.sqlite_only
def test_a_stdout_open_for_reading_only_is_as_closed(env, db_path, source_id):  # noqa: F811
    """`… 1</dev/null`: stdout is there but takes no writes. The pipe refuses before
    reading; a single command runs as into /dev/null (it used to write, then exit 1)."""
    command = " ".join(_pipe_command(DatabaseLocation(db_path)))
    requests = _line({"lead": "ro@example.com", "source": "tg"})
    piped = _shell(f"{command} 1</dev/null", env, requests)
    assert piped.returncode == 2 and b"Traceback" not in piped.stderr, piped.stderr
    single = command.replace(" --jsonl", " --lead ro@example.com --source tg")
    once = _shell(f"{single} 1</dev/null", env)
    assert (once.returncode, once.stderr) == (0, b"")
    assert _count_contacts(db_path) == 1


@pytest.mark.sqlite_only
def test_closed_streams_carry_nothing_to_the_other_one(env, db_path, source_id):  # noqa: F811
    """stderr closed: an error message does not land on stdout (a --json reader would
    read it); stdout closed: --version and --help do not land on stderr."""
    base = " ".join(_pipe_command(DatabaseLocation(db_path))).replace(" contact add --jsonl", "")
    shown = _shell(f"{base} --json contact show 99999 2>&-", env)
    assert (shown.returncode, shown.stdout) == (2, b"")
    usage = _shell(f"{base} operator nosuch 2>&-", env)
    assert (usage.returncode, usage.stdout) == (2, b"")
    for option in ("--version", "--help"):
        quiet = _shell(f"{base} {option} >&-", env)
        assert (quiet.returncode, quiet.stderr) == (0, b""), option
