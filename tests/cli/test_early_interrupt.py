"""Ctrl+C at any moment of a command, from its very first milliseconds (hostile test of
imports, defect 7): the usual one line and exit 130, never a Python traceback of a module
half imported."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import open_crm
from tests.cli.test_subprocess import REPO, env, script_command  # noqa: F401  # env: a fixture

INTERRUPTED = "desktop-crm: interrupted"
# After the program's entry module is loaded: its own imports (a few hundred milliseconds on
# a loaded machine), reading the arguments, opening the database, the command.
DELAYS = (0.0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5)


def _default_sigint() -> None:
    """As a terminal's Ctrl+C finds the child: a pytest started in the background passes
    an ignored SIGINT on, and the program keeps an inherited "ignore"."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def database(db_path):
    crm = open_crm(DatabaseLocation(db_path))
    crm.operators.create("Анна", max_load=10)
    crm.close()
    return db_path


def _interrupted_in_main(delay: float, command: list[str], env) -> tuple[int, list[str]]:  # noqa: F811
    """Run ``command`` under ``-X importtime`` and send SIGINT ``delay`` seconds after the
    first import that ``main()`` makes (the entry module itself is done by then). Returns
    the exit code and the stderr lines that are not import times."""
    child = subprocess.Popen(
        [sys.executable, "-X", "importtime", *command],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )
    assert child.stderr is not None
    lines: list[str] = []
    in_main = threading.Event()

    def read() -> None:
        entry_loaded = False
        for line in child.stderr:  # type: ignore[union-attr]
            lines.append(line)
            if entry_loaded and line.startswith("import time:"):
                in_main.set()  # the first import after desktop_crm.app: main() runs
            entry_loaded = entry_loaded or line.rstrip().endswith("| desktop_crm.app")

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert in_main.wait(60), "".join(lines)
        if delay:
            time.sleep(delay)
        child.send_signal(signal.SIGINT)
        code = child.wait(60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    reader.join(10)
    return code, [line.rstrip("\n") for line in lines if not line.startswith("import time:")]


@pytest.mark.slow
def test_ctrl_c_while_the_program_loads_says_interrupted_and_exits_130(env, database):  # noqa: F811
    (script,) = [*script_command()][-1:]
    command = [script, "--db", str(database), "operator", "list"]
    if not script.endswith("desktop-crm"):  # no console script: the module
        command = ["-m", "desktop_crm.app", "--db", str(database), "operator", "list"]
    outcomes = []
    for delay in DELAYS:
        code, said = _interrupted_in_main(delay, command, env)
        outcomes.append((delay, code))
        assert not any("Traceback" in line for line in said), (delay, said)
        if code == 0:  # done before the signal came
            continue
        if (code, said) == (-signal.SIGINT, []):  # the command done, the interpreter closing:
            continue  # it ends by the signal, silently (no traceback, nothing half-written)
        assert (code, said) == (130, [INTERRUPTED]), (delay, code, said)
    assert sum(code == 130 for _, code in outcomes) >= len(DELAYS) // 2, outcomes


@pytest.mark.slow
def test_ctrl_c_at_once_never_shows_a_traceback_of_the_program(env, database):  # noqa: F811
    """Signalled right after the start, a few times: Python's own start may take it
    (killed by the signal, or its site module's fatal error: no line of the program has
    run, and no program can catch it there); once the program runs, the usual line."""
    command = [*script_command(), "--db", str(database), "operator", "list"]
    for _ in range(4):
        child = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_default_sigint,
        )
        child.send_signal(signal.SIGINT)
        _out, err = child.communicate(timeout=60)
        if child.returncode == 130:
            assert err == INTERRUPTED + "\n"
        elif child.returncode == -signal.SIGINT:
            assert err == ""
        else:
            assert child.returncode == 1 and "init_import_site" in err, err
        assert "/desktop_crm/" not in err, err  # never inside the program's modules
