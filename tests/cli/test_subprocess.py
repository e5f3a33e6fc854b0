"""The real thing in a child process: main.py, the desktop-crm script, locale, no Qt."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import open_crm

REPO = Path(__file__).resolve().parents[2]
DROPPED = {
    "LANG",
    "LANGUAGE",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONCOERCECLOCALE",
    "DATABASE_URL",
    "TZ",
}


@pytest.fixture
def env(tmp_path):
    """A C locale, no PYTHONIOENCODING, and user directories inside tmp_path."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in DROPPED and not k.startswith(("LC_", "XDG_"))
    }
    clean.update(LANG="C", LC_ALL="C", TZ="UTC", HOME=str(tmp_path / "home"))
    for name in ("DATA", "STATE", "CONFIG", "CACHE"):
        clean[f"XDG_{name}_HOME"] = str(tmp_path / "xdg" / name.lower())
    return clean


def script_command():
    """The installed console script, else the module."""
    script = shutil.which("desktop-crm", path=str(Path(sys.executable).parent)) or shutil.which(
        "desktop-crm"
    )
    return [script] if script else [sys.executable, "-m", "desktop_crm.app"]


def launch(command, env, *argv):
    return subprocess.run(
        [*command, *map(str, argv)], cwd=REPO, env=env, capture_output=True, timeout=60
    )


def main_py(env, *argv):
    return launch([sys.executable, "main.py"], env, *argv)


def test_main_py_prints_utf8_json_in_the_c_locale(env, db_path):
    added = main_py(env, "--db", db_path, "--json", "operator", "add", "Иван")
    assert added.returncode == 0, added.stderr
    assert "Иван".encode() in added.stdout
    assert b"\\u" not in added.stdout
    assert json.loads(added.stdout.decode("utf-8"))["name"] == "Иван"

    main_py(env, "--db", db_path, "source", "add", "Сайт", "--code", "site")
    main_py(env, "--db", db_path, "source", "weights", "site", "Иван=1")
    contact = main_py(
        env,
        "--db",
        db_path,
        "--json",
        "contact",
        "add",
        "--lead",
        "8 900 123-45-67",
        "--source",
        "Сайт",
        "--name",
        "Пётр",
        "--message",
        "Хочу узнать детали",
    )
    assert contact.returncode == 0, contact.stderr
    data = json.loads(contact.stdout.decode("utf-8"))
    assert data["message"] == "Хочу узнать детали"
    assert data["operator"]["name"] == "Иван"
    assert data["lead"] == {"id": 1, "external_id": "+79001234567", "name": "Пётр"}


def test_json_is_utf8_even_when_python_would_write_ascii(env, db_path):
    crm = open_crm(DatabaseLocation(db_path))
    try:
        crm.operators.create("Иван")
    finally:
        crm.close()
    ascii_env = {**env, "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    probe = launch([sys.executable, "-c", "import sys; print(sys.stdout.encoding)"], ascii_env)
    assert probe.stdout.strip().lower() in {b"ascii", b"ansi_x3.4-1968"}  # the setup is real

    listed = main_py(ascii_env, "--db", db_path, "--json", "operator", "list")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout.decode("utf-8"))[0]["name"] == "Иван"


def test_the_script_reports_a_user_error_in_one_line(env, db_path):
    launch(script_command(), env, "--db", db_path, "operator", "add", "alice")
    result = launch(script_command(), env, "--db", db_path, "--json", "source", "show", "nope")
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"Traceback" not in result.stderr
    lines = result.stderr.decode("utf-8").splitlines()
    assert lines == ["desktop-crm: No source 'nope'."]


def test_the_script_works_with_options_after_the_command(env, db_path):
    result = launch(script_command(), env, "settings", "--json", "--db", db_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["phone_region"] == "RU"


def test_help_without_a_command(env):
    result = main_py(env, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(b"usage: desktop-crm")
    assert result.stderr == b""


def test_the_cli_imports_no_qt(env, db_path):
    code = textwrap.dedent(
        f"""
        import sys
        from desktop_crm.app import main
        db = {str(db_path)!r}
        for argv in (["operator", "add", "Иван"], ["source", "add", "S", "--code", "s"],
                     ["source", "weights", "s", "Иван=1"],
                     ["contact", "add", "--lead", "u", "--source", "s"],
                     ["leads"], ["stats"], ["source", "show", "nope"]):
            rc = main(["--db", db, "--json", *argv])
            assert rc == (2 if argv[-1] == "nope" else 0), (argv, rc)
        qt = [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
        assert not qt, qt
        print("no qt")
        """
    )
    result = launch([sys.executable, "-c", code], env)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.rstrip().endswith(b"no qt")


def test_no_command_without_a_display_says_so(env, db_path):
    headless = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    headless.pop("QT_QPA_PLATFORM", None)
    result = main_py(headless, "--db", str(db_path))
    assert result.returncode == 2
    assert b"no display" in result.stderr and b"Traceback" not in result.stderr
