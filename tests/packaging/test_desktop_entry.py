"""resources/linux/lead-dispatcher.desktop: a valid entry that starts the app with its icon,
and `make install-desktop` (only when asked) points it at the bundle."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from desktop_crm.ui.app_icon import DESKTOP_FILE_NAME, ICON_NAME, ICONS_DIR
from tests.packaging.conftest import DESKTOP_ENTRY, ROOT

REQUIRED = ("Type", "Name", "Name[ru]", "Comment", "Comment[ru]", "Exec", "Icon", "Categories")


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_the_entry_has_every_key_the_menu_needs():
    entry = read_entry(DESKTOP_ENTRY)
    for key in REQUIRED:
        assert entry.get(key, "").strip(), key
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert "Office" in entry["Categories"].split(";")
    assert any("а" <= ch <= "я" for ch in entry["Comment[ru]"].lower())


def test_the_entry_starts_the_programs_own_command_with_its_icon():
    entry = read_entry(DESKTOP_ENTRY)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert entry["Exec"] in scripts  # `desktop-crm` with no command opens the window
    assert entry["Icon"] == ICON_NAME
    assert (ICONS_DIR / f"{ICON_NAME}.svg").is_file()
    assert DESKTOP_ENTRY.stem == DESKTOP_FILE_NAME  # what the window tells Wayland


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (package desktop-file-utils)",
)
def test_desktop_file_validate_accepts_it():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_install_desktop_points_the_entry_at_the_bundle_and_uninstall_removes_it(tmp_path):
    bundle = tmp_path / "bundle dir"
    bundle.mkdir()
    (bundle / "desktop-crm").write_text("#!/bin/sh\n")
    (bundle / "desktop-crm").chmod(0o755)
    folders = [
        f"BUNDLE={bundle}",
        f"APPLICATIONS_DIR={tmp_path / 'applications'}",
        f"ICON_THEME_DIR={tmp_path / 'hicolor'}",
    ]
    make = ["make", "--no-print-directory", "-C", str(ROOT)]
    subprocess.run([*make, "install-desktop", *folders], check=True, capture_output=True)

    installed = read_entry(tmp_path / "applications" / "lead-dispatcher.desktop")
    assert installed["Exec"] == f'"{bundle}/desktop-crm"'
    assert installed["Name[ru]"] == read_entry(DESKTOP_ENTRY)["Name[ru]"]
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg").is_file()
    assert (tmp_path / "hicolor" / "256x256" / "apps" / f"{ICON_NAME}.png").is_file()

    subprocess.run([*make, "uninstall-desktop", *folders], check=True, capture_output=True)
    left = [p for p in tmp_path.rglob("lead-dispatcher*") if p.is_file()]
    assert left == []  # (update-desktop-database's own cache may stay)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_install_desktop_refuses_without_a_bundle(tmp_path):
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "install-desktop",
            f"BUNDLE={tmp_path / 'none'}",
            f"APPLICATIONS_DIR={tmp_path / 'applications'}",
            f"ICON_THEME_DIR={tmp_path / 'hicolor'}",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "make dist" in result.stderr
    assert not (tmp_path / "applications").exists()
