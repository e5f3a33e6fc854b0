"""An open pipe keeps the distributor's configuration between requests
(``services/config_cache.py``) and still follows every change another process makes
meanwhile: weights, an operator deactivated or away, a source's code, the phone region."""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import peewee as pw
import pytest

from desktop_crm.db.storage import SCHEMA_VERSION, known_migrations
from desktop_crm.services import Crm
from tests.cli.test_pipe import ANSWER_TIMEOUT, _line, _open_pipe, _reader
from tests.cli.test_subprocess import REPO, env  # noqa: F401  # the clean child environment


@pytest.fixture
def pipe(env, database_location, services):  # noqa: F811
    """ask(request) -> the answer of one request to a pipe kept open for the whole test."""
    with services() as crm:
        crm.operators.create("Анна", max_load=100)
        crm.operators.create("Борис", max_load=100)
        crm.sources.create("Telegram", code="tg")
        crm.sources.set_weights("tg", {"Анна": 1, "Борис": 0})
    with _open_pipe(database_location, env) as process:
        answers = _reader(process.stdout)

        def ask(request: dict[str, object]) -> dict[str, object]:
            process.stdin.write(_line(request))
            process.stdin.flush()
            answer: dict[str, object] = json.loads(answers.get(timeout=ANSWER_TIMEOUT))
            return answer

        yield ask
        process.stdin.close()
        process.wait(timeout=ANSWER_TIMEOUT)
        assert process.stderr.read() == b""


def _operator(answer: dict[str, object]) -> str | None:
    assert "error" not in answer, answer
    operator = answer["operator"]
    return None if operator is None else str(operator["name"])  # type: ignore[index]


def _change(services, work: Callable[[Crm], object]) -> None:
    """Another connection (the test's own process, not the pipe's) changes the database."""
    with services() as crm:
        work(crm)


def test_the_pipe_follows_weights_changed_by_another_process(pipe, services):
    assert _operator(pipe({"lead": "a@example.com", "source": "tg"})) == "Анна"
    _change(services, lambda crm: crm.sources.set_weights("tg", {"Анна": 0, "Борис": 1}))
    assert _operator(pipe({"lead": "b@example.com", "source": "tg"})) == "Борис"


def test_the_pipe_follows_an_operator_deactivated_then_away(pipe, services):
    assert _operator(pipe({"lead": "a@example.com", "source": "tg"})) == "Анна"
    _change(services, lambda crm: crm.operators.update("Анна", active=False))
    answer = pipe({"lead": "b@example.com", "source": "tg"})
    assert _operator(answer) is None
    _change(services, lambda crm: crm.operators.update("Анна", active=True))
    assert _operator(pipe({"lead": "c@example.com", "source": "tg"})) == "Анна"
    _change(services, lambda crm: crm.operators.set_away("Анна"))
    assert _operator(pipe({"lead": "d@example.com", "source": "tg"})) is None
    _change(services, lambda crm: crm.operators.set_back("Анна"))
    assert _operator(pipe({"lead": "e@example.com", "source": "tg"})) == "Анна"


def test_the_pipe_follows_a_source_code_and_the_phone_region(pipe, services):
    first = pipe({"lead": "8 029 123 45 67", "source": "tg"})
    assert first["lead"]["external_id"] == "+70291234567"  # type: ignore[index]  # RU
    _change(services, lambda crm: crm.sources.update("tg", code="tg2"))
    refused = pipe({"lead": "a@example.com", "source": "tg"})
    assert refused["code"] != 0 and "tg" in str(refused["error"])
    _change(services, lambda crm: crm.settings.set_phone_region("BY"))
    answer = pipe({"lead": "8 029 123 45 67", "source": "tg2"})
    assert answer["lead"]["external_id"] == "+375291234567"  # type: ignore[index]


def _as_older_schema(path: Path) -> None:
    """Make ``path`` a backup as the version before the last migration wrote it."""
    last = known_migrations()[-1]
    module = importlib.import_module(f"desktop_crm.db.migrations.{last}")
    database = pw.SqliteDatabase(str(path))
    module.down(None, database)
    database.execute_sql("DELETE FROM schema_migration WHERE name = ?", (last,))
    database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    database.close()


@pytest.mark.sqlite_only
def test_an_open_pipe_goes_on_after_an_older_backup_is_restored(
    pipe, database_location, run_raw, tmp_path
):
    backup = tmp_path / "older.sqlite3"
    assert run_raw("--db", database_location.path, "backup", backup).code == 0
    _as_older_schema(backup)
    assert _operator(pipe({"lead": "+79990000001", "source": "tg"})) == "Анна"

    assert run_raw("--db", database_location.path, "restore", backup).code == 0

    # The restored data is the current schema at once: the open pipe needs no restart.
    assert _operator(pipe({"lead": "+79990000002", "source": "tg"})) == "Анна"
    with closing(sqlite3.connect(database_location.path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
