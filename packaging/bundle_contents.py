"""What the bundle carries besides the code PyInstaller finds by following imports.

Read by packaging/lead-dispatcher.spec and checked by tests/packaging/ (every folder of
resources/ is either bundled or named here as left out, so a new one cannot be forgotten).
Paths are relative to the project's root; in the bundle each lands at the same relative
path, which is where the code looks (``desktop_crm/resources.py``: ``sys._MEIPASS``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

# (source glob, folder in the bundle)
DATAS: tuple[tuple[str, str], ...] = (
    ("resources/translations/*.qm", "resources/translations"),
    ("resources/icons/*", "resources/icons"),  # the app's icon and the screens' (theme.py)
    ("resources/samples/*", "resources/samples"),
    ("resources/linux/*", "resources/linux"),
    # peewee's migration runner loads these by file name, not by import.
    ("desktop_crm/db/migrations/[0-9]*.py", "desktop_crm/db/migrations"),
)

# The executable's name: the CLI's own (`desktop-crm contact add ...`), and the window
# when no command is given.
EXECUTABLE = "desktop-crm"

# Imported by the migrations only (the runner loads those from files).
HIDDEN_IMPORTS: tuple[str, ...] = ("playhouse.migrate", "playhouse.migrations")

# Qt modules the app never imports, and Python packages of the development venv: never in
# the bundle even when a hook or an optional import would pull them in.
EXCLUDES: tuple[str, ...] = (
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtBluetooth",
    "PySide6.QtDesigner",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtXml",
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "PyInstaller",
)

# Qt plugins a desktop window does not use (framebuffer/VNC/EGL platforms, the GTK 3 theme,
# which would load the system's GTK against the bundle's copies of its libraries, and the
# PDF image and Qt Quick virtual keyboard plugins) by file name, and whole plugin folders.
# Kept: platforms offscreen, minimal, xcb and wayland; image formats; the portal theme.
DROPPED_QT_PLUGINS: frozenset[str] = frozenset(
    {
        "libqeglfs.so",
        "libqlinuxfb.so",
        "libqminimalegl.so",
        "libqvkkhrdisplay.so",
        "libqvnc.so",
        "libqgtk3.so",
        "libqpdf.so",
        "libqtvirtualkeyboardplugin.so",
    }
)
DROPPED_QT_PLUGIN_FOLDERS: frozenset[str] = frozenset({"egldeviceintegrations", "generic"})
QT_PLUGINS = "PySide6/Qt/plugins/"
QT_TRANSLATIONS = "PySide6/Qt/translations/"

# Resource folders deliberately not bundled (none today).
NOT_BUNDLED: tuple[str, ...] = ()

# One entry of PyInstaller's tables: (name in the bundle, source path, type code).
Entry = tuple[str, str, str]


def dropped_plugin(name: str) -> bool:
    if not name.startswith(QT_PLUGINS):
        return False
    folder, _, file_name = name[len(QT_PLUGINS) :].partition("/")
    return folder in DROPPED_QT_PLUGIN_FOLDERS or file_name in DROPPED_QT_PLUGINS


def prune_binaries(
    binaries: list[Entry], needed_by: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """(kept, dropped): without the dropped plugins, and without the shared libraries that
    only they needed. Roots are Python's extension modules, the kept plugins and libpython;
    ``needed_by(path)`` lists the file names of every library a binary needs, transitively
    (PyInstaller's ``bindepend.get_imports``, which runs ldd)."""
    kept_first = [
        entry for entry in binaries if entry[2] != "SYMLINK" and not dropped_plugin(entry[0])
    ]
    roots = [
        entry
        for entry in kept_first
        if entry[2] == "EXTENSION"
        or entry[0].startswith(QT_PLUGINS)
        or entry[0].rpartition("/")[2].startswith("libpython")
    ]
    needed = {name for entry in roots for name in needed_by(entry[1])}
    root_names = {entry[0] for entry in roots}
    kept = [
        entry
        for entry in kept_first
        if entry[0] in root_names or entry[0].rpartition("/")[2] in needed
    ]
    kept_names = {entry[0] for entry in kept}
    kept += [  # PyInstaller's links to libraries in sub-folders, where those stay
        entry for entry in binaries if entry[2] == "SYMLINK" and link_target(entry) in kept_names
    ]
    kept_names = {entry[0] for entry in kept}
    return kept, [entry for entry in binaries if entry[0] not in kept_names]


def without_dangling_links(entries: list[Entry], present: set[str]) -> list[Entry]:
    """``entries`` without the SYMLINK entries whose target is not among ``present``."""
    return [entry for entry in entries if entry[2] != "SYMLINK" or link_target(entry) in present]


def link_target(entry: Entry) -> str:
    """The bundle path a SYMLINK entry (name, target relative to the link's folder) points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(entry[0]), entry[1]))


def keep_data(entry: Entry, languages: Iterable[str]) -> bool:
    """Qt's own translations only for the languages the app has (resources/translations)."""
    name = entry[0]
    if not name.startswith(QT_TRANSLATIONS):
        return True
    stem = name[len(QT_TRANSLATIONS) :].removesuffix(".qm")
    return any(stem.endswith(f"_{code}") for code in languages)


def app_languages(translations: Iterable[str]) -> set[str]:
    """'ru' and 'en' from desktop_crm_ru.qm, desktop_crm_en.qm."""
    return {
        name.removesuffix(".qm").rpartition("_")[2] for name in translations if name.endswith(".qm")
    }
