"""PostgreSQL defects a hostile tester found: a database in another encoding, a server
lost or restarted under an import and the pipe, erased keys left in index pages, and
text a SQLite file holds that PostgreSQL cannot store."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3

import pytest

from tests.cli.helpers import assert_user_error

_names = itertools.count(1)


def _database(pg_server, encoding: str) -> str:
    name = f"enc_{os.getpid()}_{next(_names)}"
    pg_server.execute(
        f"CREATE DATABASE {name} ENCODING '{encoding}' TEMPLATE template0 "
        "LC_COLLATE 'C' LC_CTYPE 'C'"
    )
    return name


def _tables(pg_server, name: str) -> list[tuple[object, ...]]:
    return pg_server.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database=name
    )


@pytest.mark.parametrize("encoding", ["LATIN1", "SQL_ASCII"])
def test_a_database_not_in_utf8_is_refused_before_anything_is_created(run_raw, pg_server, encoding):
    name = _database(pg_server, encoding)
    url = pg_server.url(name)
    for argv in (("operator", "add", "Анна"), ("operator", "add", "Anna"), ("operator", "list")):
        line = assert_user_error(run_raw("--db", url, *argv))
        assert encoding in line and "UTF8" in line and "TEMPLATE template0" in line, line
    assert _tables(pg_server, name) == []


@pytest.mark.parametrize("encoding", ["LATIN1", "SQL_ASCII"])
def test_copy_db_refuses_a_target_not_in_utf8(run_raw, pg_server, tmp_path, encoding):
    source = tmp_path / "desk.sqlite3"
    assert run_raw("--db", source, "operator", "add", "Анна").code == 0
    name = _database(pg_server, encoding)
    line = assert_user_error(run_raw("copy-db", "--from", source, "--to", pg_server.url(name)))
    assert "UTF8" in line, line
    assert _tables(pg_server, name) == []


def _name(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


def _drop_connections(pg_server, url: str) -> None:
    """As a server restart does to every client: their connections end."""
    pg_server.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{_name(url)}' AND pid <> pg_backend_pid()"
    )


def _server_down(pg_server, url: str) -> None:
    """The database's connections end and no new one is let in (a server that stays down)."""
    pg_server.execute(f"ALTER DATABASE {_name(url)} ALLOW_CONNECTIONS false")
    _drop_connections(pg_server, url)


def _server_up(pg_server, url: str) -> None:
    pg_server.execute(f"ALTER DATABASE {_name(url)} ALLOW_CONNECTIONS true")


@pytest.fixture
def team(run_raw, pg_url):
    for argv in (
        ("operator", "add", "Анна", "--max-load", "100000"),
        ("source", "add", "Сайт", "--code", "site"),
        ("source", "weights", "site", "Анна=1"),
    ):
        assert run_raw("--db", pg_url, *argv).code == 0
    return pg_url


def test_an_import_that_loses_the_server_after_a_batch_stops_part_way_exit_4(
    run_raw, team, pg_server, tmp_path, monkeypatch
):
    from desktop_crm.services.importer import FIRST_BATCH_ROWS
    from desktop_crm.services.intake import Intake
    from tests.services.import_files import many_rows, write_csv

    path = write_csv(tmp_path / "f.csv", many_rows(FIRST_BATCH_ROWS * 3))
    real, calls = Intake.register, []

    def register(self, **kwargs):
        calls.append(None)
        if len(calls) == FIRST_BATCH_ROWS + 10:  # in the second batch
            _server_down(pg_server, team)
        return real(self, **kwargs)

    monkeypatch.setattr(Intake, "register", register)
    try:
        result = run_raw("--db", team, "--json", "import", path)
    finally:
        _server_up(pg_server, team)
    assert result.code == 4, result
    assert "Traceback" not in result.err and "Cannot open" not in result.err, result.err
    assert f"rows committed: {FIRST_BATCH_ROWS}; they stay" in result.err, result.err
    summary = json.loads(result.out)
    assert (summary["rows"], summary["imported"]) == (FIRST_BATCH_ROWS, FIRST_BATCH_ROWS)
    # Run again: the rest, nothing twice.
    monkeypatch.setattr(Intake, "register", real)
    again = run_raw("--db", team, "--json", "import", path)
    assert again.code == 0, again
    assert json.loads(again.out)["imported"] == FIRST_BATCH_ROWS * 2
    listed = json.loads(run_raw("--db", team, "--json", "operator", "list").out)
    assert listed[0]["load"] == FIRST_BATCH_ROWS * 3


class _Lines:
    """A bot's stdin: ``before[n]`` runs just before line n (1-based) is read."""

    def __init__(self, lines: list[dict], before: dict) -> None:
        self._lines = [json.dumps(line).encode() + b"\n" for line in lines]
        self._before = before
        self._read = 0

    def readline(self, _limit: int = -1) -> bytes:
        if self._read >= len(self._lines):
            return b""
        self._read += 1
        action = self._before.get(self._read)
        if action is not None:
            action()
        return self._lines[self._read - 1]


def _request(n: int) -> dict:
    return {"lead": f"r{n}@example.org", "source": "site", "key": f"k{n}"}


def _serve(url: str, stream: _Lines) -> tuple[int, list[dict]]:
    import io

    from desktop_crm.cli.pipe import serve
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    crm = open_crm(DatabaseLocation.postgresql(url))
    answers = io.StringIO()
    try:
        status = serve(crm, stream, answers)
    finally:
        crm.close()
    return status, [json.loads(line) for line in answers.getvalue().splitlines()]


def test_the_pipe_rides_over_a_restart_between_two_lines(team, pg_server):
    stream = _Lines(
        [_request(n) for n in range(4)], {2: lambda: _drop_connections(pg_server, team)}
    )
    status, answers = _serve(team, stream)
    assert status == 0, answers
    assert all("id" in answer for answer in answers), answers


def test_the_pipe_answers_a_server_that_stays_down_with_code_3(team, pg_server):
    stream = _Lines(
        [_request(n) for n in range(4)],
        {2: lambda: _server_down(pg_server, team), 4: lambda: _server_up(pg_server, team)},
    )
    try:
        status, answers = _serve(team, stream)
    finally:
        _server_up(pg_server, team)
    assert status == 3, answers
    assert [a.get("code") for a in answers] == [None, 3, 3, None], answers
    for answer in answers[1:3]:
        assert "Cannot open" not in answer["error"] and "lost" in answer["error"], answer
    resent = _Lines([_request(n) for n in range(4)], {})  # the bot sends them all again
    status, answers = _serve(team, resent)
    assert status == 0 and len({a["id"] for a in answers}) == 4, answers


def test_the_pipe_rides_over_a_server_restart_between_two_lines(team, pg_server):
    stream = _Lines([_request(n) for n in range(4)], {2: pg_server.restart})
    status, answers = _serve(team, stream)
    assert status == 0, answers
    assert len({answer["id"] for answer in answers}) == 4, answers


def test_the_pipe_answers_code_3_while_the_server_is_stopped_and_serves_once_it_is_back(
    team, pg_server
):
    stream = _Lines([_request(n) for n in range(5)], {2: pg_server.stop, 4: pg_server.start})
    try:
        status, answers = _serve(team, stream)
    finally:
        if pg_server.execute_or_none("SELECT 1") is None:  # a failure left it stopped
            pg_server.start()
    assert status == 3, answers
    assert [(a["line"], a.get("code")) for a in answers] == [
        (1, None), (2, 3), (3, 3), (4, None), (5, None)
    ], answers  # fmt: skip
    for answer in answers[1:3]:
        assert "Cannot open" not in answer["error"] and "lost" in answer["error"], answer
        assert "Traceback" not in answer["error"] and "internal" not in answer["error"], answer
    resent = _Lines([_request(n) for n in range(5)], {})  # the bot sends them all again
    status, again = _serve(team, resent)
    assert status == 0, again
    assert [a["id"] for a in again if a["line"] in (1, 4, 5)] == [
        answers[0]["id"], answers[3]["id"], answers[4]["id"]
    ]  # fmt: skip
    assert len({a["id"] for a in again}) == 5
    assert pg_server.execute("SELECT count(*) FROM contact", _name(team)) == [(5,)]


@pytest.mark.parametrize("stored", [False, True], ids=["before the server", "reply lost"])
def test_a_line_whose_commit_lost_the_server_is_code_3_and_stored_once_when_resent(
    team, pg_server, monkeypatch, stored
):
    """The connection ends during the COMMIT: before it reached the server (nothing
    stored) or after (stored, the reply lost). The line says it may or may not be
    stored; sent again with its key it is stored once, and the pipe goes on."""
    import io

    import peewee as pw

    from desktop_crm.cli.pipe import serve
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    crm = open_crm(DatabaseLocation.postgresql(team))
    database = crm.storage.database
    real_commit, commits = database.commit, []

    def commit():
        commits.append(None)
        if len(commits) != 2:  # the second request's
            return real_commit()
        if stored:
            real_commit()
            raise pw.OperationalError("server closed the connection unexpectedly")
        _drop_connections(pg_server, team)
        return real_commit()

    monkeypatch.setattr(database, "commit", commit)
    requests = [_request(0), _request(1), _request(1), _request(2)]
    answers = io.StringIO()
    try:
        status = serve(crm, _Lines(requests, {}), answers)
    finally:
        crm.close()
    lines = [json.loads(line) for line in answers.getvalue().splitlines()]
    assert status == 3, lines
    assert [a.get("code") for a in lines] == [None, 3, None, None], lines
    assert "may or may not have been written" in lines[1]["error"], lines[1]
    assert "same key" in lines[1]["error"], lines[1]
    assert len({lines[0]["id"], lines[2]["id"], lines[3]["id"]}) == 3
    keys = pg_server.execute("SELECT idempotency_key FROM contact ORDER BY id", _name(team))
    assert keys == [("k0",), ("k1",), ("k2",)]


def test_contact_add_that_loses_the_server_exits_3(run_raw, team, pg_server, monkeypatch):
    from desktop_crm.cli import commands

    real = commands.open_crm

    def opened_then_lost(*args, **kwargs):
        crm = real(*args, **kwargs)
        _server_down(pg_server, team)
        return crm

    monkeypatch.setattr(commands, "open_crm", opened_then_lost)
    try:
        result = run_raw("--db", team, "contact", "add", "--lead", "a@b.cc", "--source", "site")
    finally:
        _server_up(pg_server, team)
    line = assert_user_error(result, code=3)
    assert "Cannot open" not in line and "lost" in line, line


READ_COMMANDS = [("operator", "list"), ("leads",), ("stats",), ("queue", "list")]


def _lose_after_opening(monkeypatch, pg_server, url: str, stays_down: bool) -> None:
    """The command opens the database, then the server drops its connection (a restart
    between the opening and the command's read), and lets it in again or not."""
    from desktop_crm.cli import commands

    real = commands.open_crm

    def opened_then_lost(*args, **kwargs):
        crm = real(*args, **kwargs)
        (_server_down if stays_down else _drop_connections)(pg_server, url)
        return crm

    monkeypatch.setattr(commands, "open_crm", opened_then_lost)


@pytest.mark.parametrize("argv", READ_COMMANDS, ids=" ".join)
def test_a_read_command_rides_over_a_restart_after_opening(
    run_raw, team, pg_server, monkeypatch, argv
):
    added = run_raw("--db", team, "contact", "add", "--lead", "a@b.cc", "--source", "site")
    assert added.code == 0, added
    expected = run_raw("--db", team, "--json", *argv)
    assert expected.code == 0, expected
    _lose_after_opening(monkeypatch, pg_server, team, stays_down=False)
    result = run_raw("--db", team, "--json", *argv)
    assert (result.code, result.out, result.err) == (0, expected.out, ""), result


@pytest.mark.parametrize("argv", READ_COMMANDS, ids=" ".join)
def test_a_read_command_on_a_server_that_stays_down_exits_3(
    run_raw, team, pg_server, monkeypatch, argv
):
    _lose_after_opening(monkeypatch, pg_server, team, stays_down=True)
    try:
        line = assert_user_error(run_raw("--db", team, *argv), code=3)
    finally:
        _server_up(pg_server, team)
    assert "Cannot open" not in line and "lost" in line, line


def _index_bytes(pg_server, url: str, indexes: tuple[str, ...]) -> bytes:
    pg_server.execute("CHECKPOINT", database=_name(url))  # the pages into the data files
    data = pg_server.socket_dir / "data"
    found = b""
    for index in indexes:
        ((relative,),) = pg_server.execute(
            f"SELECT pg_relation_filepath('{index}')", database=_name(url)
        )
        for path in sorted(data.glob(f"{relative}*")):
            found += path.read_bytes()
    return found


def test_an_erasure_leaves_no_key_nor_id_in_the_index_files(run_raw, team, pg_server):
    phone = "79995550011"
    for n in range(3):
        added = run_raw(
            "--db", team, "contact", "add", "--lead", f"+{phone}", "--source", "site",
            "--name", "Зинаида Секретова", "--key", f"wa-{phone}-{n}",
        )  # fmt: skip
        assert added.code == 0, added
    indexes = ("contact_idempotency_key", "lead_external_id", "lead_name_folded_id")
    assert f"wa-{phone}-1".encode() in _index_bytes(pg_server, team, indexes)
    assert run_raw("--db", team, "lead", "erase", f"+{phone}").code == 0
    left = _index_bytes(pg_server, team, indexes)
    assert phone.encode() not in left
    assert "секретова".encode() not in left.lower() and "Секретова".encode() not in left


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("'a' || char(0) || 'b'", "NUL character"),
        ("cast(x'41ff42' as text)", "not UTF-8"),
        ("x'4142'", "BLOB"),
    ],
)
def test_copy_db_refuses_text_postgresql_cannot_store_naming_the_cell_not_its_content(
    run_raw, pg_url, pg_server, tmp_path, value, says
):
    source = tmp_path / "desk.sqlite3"
    for argv in (
        ("operator", "add", "Анна"),
        ("source", "add", "Сайт", "--code", "site"),
        ("contact", "add", "--lead", "a@b.cc", "--source", "site", "--message", "hi"),
    ):
        assert run_raw("--db", source, *argv).code == 0
    with sqlite3.connect(source) as connection:
        connection.execute(f"UPDATE contact SET message = {value}")
    connection.close()
    line = assert_user_error(run_raw("copy-db", "--from", source, "--to", pg_url))
    assert says in line and "table contact, row 1, column message" in line, line
    assert "A\ufffdB" not in line and "a\\x00b" not in line and "AB" not in line, line
    assert pg_server.execute("SELECT count(*) FROM contact", database=_name(pg_url)) == [(0,)]


def test_a_sqlite_cell_that_is_not_utf8_reads_with_replacement_characters(run_raw, tmp_path):
    source = tmp_path / "desk.sqlite3"
    for argv in (
        ("source", "add", "Сайт", "--code", "site"),
        ("contact", "add", "--lead", "a@b.cc", "--source", "site", "--message", "hi"),
    ):
        assert run_raw("--db", source, *argv).code == 0
    with sqlite3.connect(source) as connection:
        connection.execute("UPDATE contact SET message = cast(x'41ff42' as text)")
    connection.close()
    shown = run_raw("--db", source, "--json", "contact", "show", "1")
    assert shown.code == 0, shown
    assert json.loads(shown.out)["message"] == "A\ufffdB"
