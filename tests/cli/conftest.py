"""Fixtures for the CLI tests: run ``desktop_crm.app.main`` in-process and read its output."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_crm.app import main
from desktop_crm.cli import commands
from desktop_crm.db import storage
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.contacts import ContactRequest
from tests.cli.helpers import Result, assert_user_error
from tests.conftest import BACKENDS

FAST_BUSY_TIMEOUT = 0.2


@pytest.fixture(autouse=True)
def _close_log_handlers():
    """main() adds a file handler for each test's own log directory; drop it afterwards."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()


def _invoke(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)


@pytest.fixture
def run_raw(capsys):
    """run_raw(*argv) -> Result(code, out, err); argv exactly as given."""

    def _run(*argv) -> Result:
        capsys.readouterr()
        code = _invoke([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Every CLI test that opens the database runs on SQLite and on PostgreSQL (one
    that is about the SQLite file: ``sqlite_only``, tests/conftest.py)."""
    return request.param


@pytest.fixture
def run(run_raw, database_location):
    """run(*argv) with ``--db <the test's database>`` in front."""

    target = database_location.file or database_location.url

    def _run(*argv) -> Result:
        return run_raw("--db", target, *argv)

    return _run


@pytest.fixture
def run_json(run):
    """run_json(*argv): ``--json`` in front; asserts success and returns the parsed output."""

    def _run(*argv):
        result = run("--json", *argv)
        assert result.code == 0, result
        assert result.err == ""
        return json.loads(result.out)

    return _run


@pytest.fixture
def run_error(run):
    """run_error(*argv, code=2) -> the one-line message; asserts a clean user error."""

    def _run(*argv, code: int = 2) -> str:
        return assert_user_error(run(*argv), code)

    return _run


@pytest.fixture
def services(database_location):
    """services() -> a context manager over a ``Crm`` on the test's database, for set-up
    that the test does not check: one connection instead of a CLI process per step."""

    @contextmanager
    def _open() -> Iterator[Crm]:
        crm = open_crm(database_location)
        try:
            yield crm
        finally:
            crm.close()

    return _open


@pytest.fixture
def seeded(services):
    """alice (limit 2), bob (limit 1), Иван (inactive); sources tg (code tg) and
    Сайт (code site); tg weights alice=1 bob=0; one contact on tg (to alice)."""
    with services() as crm:
        ids = {
            "alice": crm.operators.create("alice", max_load=2).id,
            "bob": crm.operators.create("bob", max_load=1).id,
            "ivan": crm.operators.create("Иван", active=False).id,
            "tg": crm.sources.create("Telegram bot", code="tg").id,
            "site": crm.sources.create("Сайт", code="site").id,
        }
        crm.sources.set_weights("tg", {"alice": 1, "bob": 0})
        contact = crm.contacts.register(ContactRequest("+79001234567", "tg")).contact
    assert contact.operator is not None and contact.operator.name == "alice"
    ids["contact"] = contact.id
    return ids


@pytest.fixture
def fast_busy(monkeypatch):
    """Make the CLI give up on a locked database after 0.2 s instead of 5 s (and a job's
    batch after 0.4 s instead of 60 s)."""
    monkeypatch.setattr(storage, "DEFAULT_BUSY_TIMEOUT", FAST_BUSY_TIMEOUT)
    monkeypatch.setattr(storage, "DEFAULT_JOB_WAIT", 2 * FAST_BUSY_TIMEOUT)
    # open_crm's defaults were bound at import time: patch it where execute() looks it up.
    monkeypatch.setattr(
        commands,
        "open_crm",
        functools.partial(open_crm, busy_timeout=FAST_BUSY_TIMEOUT, job_wait=2 * FAST_BUSY_TIMEOUT),
    )
    return FAST_BUSY_TIMEOUT


@pytest.fixture
def small_tmpfs() -> Iterator[Callable[[str], Path]]:
    """small_tmpfs("2m") -> a folder on a tmpfs of that size (a disk that fills up for
    real: SQLITE_FULL, ENOSPC), unmounted afterwards. Skips without root or mount."""
    mounted: list[Path] = []

    def _mount(size: str) -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("needs root to mount a small tmpfs")
        folder = Path(tempfile.mkdtemp(prefix="tiny-"))
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            folder.rmdir()
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr!r}")
        mounted.append(folder)
        return folder

    yield _mount
    for folder in mounted:
        subprocess.run(["umount", str(folder)], check=False)
        with contextlib.suppress(OSError):
            folder.rmdir()
