"""Replaces PyInstaller's run-time hook for PySide6 (packaging/hooks/rthooks.dat; hooks in
the spec's hookspath come first): the same environment, without importing PySide6.QtCore
when the bundle starts, so that the command line (`desktop-crm contact add ...`) loads no
Qt library. The hook it replaces imports QtCore only to register an embedded qt.conf, which
the PySide6 wheel registers itself, pointing at the bundle's PySide6/Qt, when the window
imports QtCore."""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6", "Qt")  # type: ignore[attr-defined]
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
os.environ["QML2_IMPORT_PATH"] = os.path.join(_qt, "qml")
del _qt
