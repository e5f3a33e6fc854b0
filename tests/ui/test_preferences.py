"""Typed preferences: each key is a declared option; a bad stored value is the default."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

import desktop_crm.ui
from desktop_crm.ui import preferences as options
from desktop_crm.ui.pages.statistics import STATISTICS_PERIOD, Period
from desktop_crm.ui.preferences import Option, Preferences

UI_DIR = Path(desktop_crm.ui.__file__).parent


@pytest.fixture
def ini(tmp_path) -> Path:
    return tmp_path / "prefs.ini"


def reopened(ini: Path) -> Preferences:
    """A fresh Preferences over the same file, as after a restart."""
    return Preferences(QSettings(str(ini), QSettings.Format.IniFormat))


def store_raw(ini: Path, key: str, value: object) -> None:
    raw = QSettings(str(ini), QSettings.Format.IniFormat)
    raw.setValue(key, value)
    raw.sync()


SAMPLES = [
    (options.LANGUAGE, "ru"),
    (options.LAST_DATABASE, "/home/me/crm.sqlite3"),
    (options.SOURCES_CURRENT_TAB, 1),
    (options.STATISTICS_FIRST_DAY, dt.date(2026, 2, 1)),
    (options.STATISTICS_LAST_DAY, dt.date(2026, 2, 14)),
    (options.CONTACTS_HEADER, QByteArray(b"\x00\x01state")),
    (STATISTICS_PERIOD, Period.CUSTOM),
]


@pytest.mark.parametrize(("option", "value"), SAMPLES, ids=lambda v: getattr(v, "key", ""))
def test_a_value_comes_back_with_its_type_after_a_restart(qapp, ini, option, value):
    first = reopened(ini)
    assert first.get(option) == option.default  # nothing stored yet
    first.set(option, value)
    first.sync()
    again = reopened(ini).get(option)
    assert again == value and type(again) is type(value)


@pytest.mark.parametrize(
    ("option", "raw"),
    [
        (options.SOURCES_CURRENT_TAB, "second"),
        (options.SOURCES_CURRENT_TAB, QByteArray(b"1")),
        (options.STATISTICS_FIRST_DAY, "2026-13-45"),
        (options.STATISTICS_FIRST_DAY, 7),
        (options.CONTACTS_HEADER, "not a saved state"),
        (options.LANGUAGE, QByteArray(b"ru")),
        (STATISTICS_PERIOD, "nonsense"),
    ],
    ids=lambda v: getattr(v, "key", ""),
)
def test_a_corrupt_stored_value_falls_back_to_the_default(qapp, ini, option, raw):
    store_raw(ini, option.key, raw)
    assert reopened(ini).get(option) == option.default


def test_none_removes_an_optional_value(qapp, ini):
    prefs = reopened(ini)
    prefs.set(options.STATISTICS_FIRST_DAY, dt.date(2026, 1, 1))
    prefs.set(options.STATISTICS_FIRST_DAY, None)
    prefs.sync()
    assert reopened(ini).get(options.STATISTICS_FIRST_DAY) is None


def test_a_key_cannot_be_declared_twice():
    with pytest.raises(ValueError, match="declared twice"):
        options.TextOption(options.LANGUAGE.key, "")
    assert Option.registry[options.LANGUAGE.key] is options.LANGUAGE


def test_splitter_and_header_state_round_trip(qtbot, ini):
    parent = QWidget()
    qtbot.addWidget(parent)
    splitter = QSplitter(parent)
    splitter.addWidget(QWidget())
    splitter.addWidget(QWidget())
    splitter.resize(400, 100)
    splitter.setSizes([300, 100])
    header = QHeaderView(Qt.Orientation.Horizontal)
    prefs = reopened(ini)
    assert not prefs.restore_splitter(options.CONTACTS_SPLITTER, splitter)  # nothing saved
    assert not prefs.restore_header(options.CONTACTS_HEADER, header)
    prefs.save_splitter(options.CONTACTS_SPLITTER, splitter)
    prefs.sync()
    splitter.setSizes([100, 300])
    assert reopened(ini).restore_splitter(options.CONTACTS_SPLITTER, splitter)
    assert splitter.sizes()[0] > splitter.sizes()[1]


def test_no_ui_module_reads_or_writes_a_raw_key():
    """Only preferences.py talks to QSettings; everything else goes through options."""
    offenders = []
    for path in sorted(UI_DIR.rglob("*.py")):
        if path.name == "preferences.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"value", "setValue", "set_value"}:
                owner = ast.unparse(node.value)
                if "preferences" in owner or "settings" in owner.lower():
                    offenders.append(f"{path.relative_to(UI_DIR)}:{node.lineno} {owner}")
    assert not offenders
