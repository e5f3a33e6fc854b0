"""What packaging/lead-dispatcher.spec puts in the bundle besides the imported code
(packaging/bundle_contents.py), checked without building it."""

from __future__ import annotations

import bundle_contents as contents
import pytest

from desktop_crm.db import storage
from tests.packaging.conftest import PACKAGING, ROOT


def test_the_spec_is_valid_python():
    compile((PACKAGING / "lead-dispatcher.spec").read_text("utf-8"), "lead-dispatcher.spec", "exec")


def test_every_resource_folder_is_bundled_or_left_out_on_purpose():
    covered = {
        pattern.split("/")[1] for pattern, _ in contents.DATAS if pattern.startswith("resources/")
    }
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert folders - covered - set(contents.NOT_BUNDLED) == set()


@pytest.mark.parametrize(("pattern", "target"), contents.DATAS)
def test_each_bundled_pattern_lands_where_the_code_looks(pattern, target):
    matches = [p for p in ROOT.glob(pattern) if p.is_file()]
    assert matches, pattern
    assert {str(p.parent.relative_to(ROOT)) for p in matches} == {target}


def test_every_migration_is_bundled_as_a_file():
    pattern = next(p for p, target in contents.DATAS if target == "desktop_crm/db/migrations")
    bundled = sorted(p.stem for p in ROOT.glob(pattern))
    assert bundled == storage.known_migrations()


def test_the_window_and_the_cli_are_one_executable_named_as_the_command():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert contents.EXECUTABLE in scripts


def test_no_module_of_the_app_is_excluded():
    used = set()
    for path in (ROOT / "desktop_crm").rglob("*.py"):
        for line in path.read_text("utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] in ("from", "import"):
                used.add(words[1].rstrip(","))
    assert {"PySide6.QtCharts", "PySide6.QtWidgets"} <= used
    assert used & set(contents.EXCLUDES) == set()


def test_pruning_drops_unused_plugins_and_the_libraries_only_they_need():
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/src/libqvnc.so", "BINARY"),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "/src/evdev.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("libxcb-util.so.1", "/lib/libxcb-util.so.1", "BINARY"),
        ("libdbus-1.so.3", "/lib/libdbus-1.so.3", "BINARY"),
        ("libpython3.11.so.1.0", "/lib/libpython3.11.so.1.0", "BINARY"),
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    needs = {
        "/src/QtWidgets.abi3.so": {"libQt6Widgets.so.6", "libdbus-1.so.3"},
        "/src/libqxcb.so": {"libxcb-util.so.1", "libdbus-1.so.3"},
        "/src/libqvnc.so": {"libQt6Network.so.6", "libdbus-1.so.3"},
        "/src/evdev.so": set(),
        "/lib/libpython3.11.so.1.0": set(),
    }

    kept, dropped = contents.prune_binaries(binaries, lambda path: needs[path])

    assert [entry[0] for entry in kept] == [
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libxcb-util.so.1",
        "libdbus-1.so.3",
        "libpython3.11.so.1.0",
        "libQt6Widgets.so.6",  # a link to a library that stays
    ]
    assert {entry[0] for entry in dropped} == {
        "libQt6Network.so.6",  # a link that would dangle
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
        "PySide6/Qt/lib/libQt6Network.so.6",
    }


def test_the_platforms_the_window_needs_are_never_dropped():
    for name in ("libqoffscreen.so", "libqxcb.so", "libqwayland.so", "libqminimal.so"):
        assert not contents.dropped_plugin(f"PySide6/Qt/plugins/platforms/{name}")
    assert not contents.dropped_plugin("PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert not contents.dropped_plugin("PySide6/Qt/plugins/iconengines/libqsvgicon.so")


def test_qt_translations_are_kept_for_the_apps_languages_only():
    languages = contents.app_languages(
        p.name for p in (ROOT / "resources" / "translations").iterdir()
    )
    assert languages == {"en", "ru"}

    def kept(name: str) -> bool:
        return contents.keep_data((name, "/src", "DATA"), languages)

    assert kept("PySide6/Qt/translations/qtbase_ru.qm")
    assert kept("PySide6/Qt/translations/qtbase_en.qm")
    assert not kept("PySide6/Qt/translations/qtbase_de.qm")
    assert not kept("PySide6/Qt/translations/qtbase_pt_BR.qm")
    assert kept("resources/translations/desktop_crm_ru.qm")


def test_links_to_left_out_libraries_are_left_out_too():
    entries = [
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libicu.so", "libicu.so.73", "SYMLINK"),
        ("resources/icons/lead-dispatcher.svg", "/src/lead-dispatcher.svg", "DATA"),
    ]
    present = {"PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libicu.so.73"}
    assert contents.without_dangling_links(entries, present) == entries[1:]


def test_every_icon_the_window_draws_is_bundled():
    """The screens' icons (page-*.svg, drawn by ui/theme.py) as well as the app's own."""
    bundled = {
        path
        for pattern, target in contents.DATAS
        if target == "resources/icons"
        for path in ROOT.glob(pattern)
    }
    assert set((ROOT / "resources" / "icons").iterdir()) - bundled == set()
