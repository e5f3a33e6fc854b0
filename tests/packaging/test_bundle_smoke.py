"""The bundle `make dist` built (dist/desktop-crm), started as a user would: the CLI on a
temporary database and the window offscreen. Skipped when no bundle has been built (CI does
not build one: too slow); after `make dist`, `make test` runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_crm.db import storage
from desktop_crm.ui.smoke import QUIT_AFTER_PAINT_ENV
from tests.packaging.conftest import BUNDLE

EXECUTABLE = BUNDLE / "desktop-crm"
INTERNAL = BUNDLE / "_internal"
QT = INTERNAL / "PySide6" / "Qt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.access(EXECUTABLE, os.X_OK),
        reason=f"no bundle in {BUNDLE}: `make dist` builds one",
    ),
]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The bundled executable with nothing of this Python leaking in: no venv on PATH,
    no PYTHONPATH or PYTHONHOME."""
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))
    }
    base["PATH"] = "/usr/bin:/bin"
    result = subprocess.run(
        [str(EXECUTABLE), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**base, **(env or {})},
        timeout=120,
        cwd="/",
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_the_bundled_cli_registers_a_contact(tmp_path: Path):
    db = str(tmp_path / "crm.sqlite3")
    for command in (
        ("operator", "add", "Анна Смирнова-Колесникова", "--max-load", "5"),
        ("source", "add", "Telegram-бот «Консультации»", "--code", "tg"),
        ("source", "weights", "tg", "Анна Смирнова-Колесникова=3"),
    ):
        result = run("--db", db, *command)
        assert result.returncode == 0, result.stderr

    added = run(
        "--db", db, "--json", "contact", "add", "--lead", "+7 (900) 123-45-67",
        "--source", "tg", "--name", "Иван", "--message", "Хочу узнать детали",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    contact = json.loads(added.stdout)
    assert contact["operator"]["name"] == "Анна Смирнова-Колесникова"
    assert contact["lead"]["external_id"] == "+79001234567"

    leads = run("--db", db, "leads")
    assert leads.returncode == 0, leads.stderr
    assert "Хочу узнать детали" in leads.stdout


def test_the_bundled_cli_reports_a_users_mistake_in_one_line(tmp_path: Path):
    result = run("--db", str(tmp_path / "crm.sqlite3"), "contact", "add", "--lead", "x",
                 "--source", "nowhere")  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("language", ["ru_RU.UTF-8", "en_US.UTF-8"])
def test_the_bundled_window_starts_offscreen_and_paints(tmp_path: Path, language: str):
    db = str(tmp_path / "crm.sqlite3")
    assert run("--db", db, "operator", "add", "Анна").returncode == 0
    result = run(
        "--db",
        db,
        env={"QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_PAINT_ENV: "1", "LANGUAGE": "",
             "LC_ALL": language, "LANG": language},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_the_bundle_carries_every_resource_and_the_qt_plugins():
    for migration in storage.known_migrations():
        assert (INTERNAL / "desktop_crm" / "db" / "migrations" / f"{migration}.py").is_file()
    for language in ("ru", "en"):
        assert (INTERNAL / "resources" / "translations" / f"desktop_crm_{language}.qm").is_file()
    assert (QT / "translations" / "qtbase_ru.qm").is_file()  # Qt's own dialogs in Russian
    assert (INTERNAL / "resources" / "icons" / "lead-dispatcher.svg").is_file()
    assert (INTERNAL / "resources" / "icons" / "lead-dispatcher-256.png").is_file()
    assert (INTERNAL / "resources" / "samples" / "contacts_utf8.csv").is_file()
    for plugin in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert (QT / "plugins" / plugin).is_file(), plugin


def test_the_bundle_leaves_out_the_qt_it_does_not_use():
    names = {path.name for path in INTERNAL.rglob("*")}
    for unwanted in (
        "libQt6WebEngineCore.so.6",
        "libQt6Quick.so.6",
        "libQt6Qml.so.6",
        "libQt63DCore.so.6",
        "libQt6Network.so.6",
        "libqvnc.so",
        "libqgtk3.so",
    ):
        assert unwanted not in names


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (package xvfb)"
)
def test_the_bundled_window_starts_on_x11(tmp_path: Path):
    """The xcb platform plugin and what it loads, on a virtual X server (needs the system's
    xcb libraries the README lists)."""
    result = subprocess.run(
        ["xvfb-run", "--auto-servernum", "--server-args=-screen 0 1280x800x24",
         str(EXECUTABLE), "--db", str(tmp_path / "crm.sqlite3")],
        capture_output=True,
        text=True,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("QT_")},
             QUIT_AFTER_PAINT_ENV: "1"},
        timeout=120,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr.lower(), result.stderr
    assert result.returncode == 0, result.stderr


def test_the_bundled_cli_loads_no_qt_library(tmp_path: Path):
    """Bots call the CLI once per message: no Qt at start-up (the lazy run-time hook in
    packaging/hooks/). glibc's loader lists every library it initialises."""
    result = run("--db", str(tmp_path / "crm.sqlite3"), "operator", "list",
                 env={"LD_DEBUG": "libs"})  # fmt: skip
    assert result.returncode == 0
    initialised = [line for line in result.stderr.splitlines() if "calling init:" in line]
    if not initialised:
        pytest.skip("the system's dynamic loader does not report LD_DEBUG=libs")
    assert any("libpython" in line for line in initialised)
    assert not [line for line in initialised if "Qt" in line]


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_the_bundled_window_reads_its_translations_and_icon_from_the_bundle(tmp_path: Path):
    trace = tmp_path / "files.txt"
    result = subprocess.run(
        ["strace", "-f", "-e", "trace=openat", "-o", str(trace), str(EXECUTABLE),
         "--db", str(tmp_path / "crm.sqlite3")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_PAINT_ENV: "1",
             "LANGUAGE": "", "LC_ALL": "ru_RU.UTF-8", "LANG": "ru_RU.UTF-8"},
        timeout=120,
    )  # fmt: skip
    if "PTRACE" in result.stderr or "Operation not permitted" in result.stderr:
        pytest.skip("strace may not trace here")
    assert result.returncode == 0, result.stderr
    opened = {
        line.split('"')[1]
        for line in trace.read_text().splitlines()
        if '"' in line and "ENOENT" not in line
    }
    internal = str(INTERNAL.resolve())
    for wanted in (
        "resources/translations/desktop_crm_ru.qm",
        "PySide6/Qt/translations/qtbase_ru.qm",  # Qt's own buttons and dialogs
        "resources/icons/lead-dispatcher-256.png",
    ):
        assert f"{internal}/{wanted}" in opened, wanted
