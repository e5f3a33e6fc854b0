"""Run in a subprocess by test_edge_times_ui.py (a segfault must not kill the test run):
``python -m tests.ui.edge_time_window DB LANGUAGE PNG_DIR``. Opens the whole window on DB
in the process's zone (``TZ``), shows every page with its first row selected, and prints
one JSON object: what the Contacts, Leads and Journal tables and the decision view show,
and any exception that reached ``sys.excepthook``."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop_crm.services import DatabaseLocation, open_crm
from desktop_crm.ui.application import AppController, install_translations
from desktop_crm.ui.preferences import Preferences


def main(db: str, language: str, shots: str) -> int:
    app = QApplication(sys.argv[:1])
    install_translations(app, language)
    errors: list[str] = []
    sys.excepthook = lambda kind, value, tb: errors.append(repr(value))
    prefs_dir = tempfile.mkdtemp()
    prefs = Preferences(QSettings(str(Path(prefs_dir) / "p.ini"), QSettings.Format.IniFormat))
    crm = open_crm(DatabaseLocation(Path(db)))
    window = AppController(prefs).show(crm)
    window.resize(1280, 800)
    ctx = window.ctx

    def settle() -> None:
        for _ in range(3):  # a finished load may start the next one
            ctx.bridge.flush_now()
            ctx.runner.wait_idle()
            app.processEvents()

    settle()
    shown: dict[str, object] = {"pages": []}
    for name, page in window.pages.items():
        window.show_page(name)
        settle()
        table = getattr(page, "table", None)
        model = table.model() if table is not None else None
        if model is not None and model.rowCount():
            table.selectRow(0)
            settle()
            shown[name] = [
                model.index(0, column).data(Qt.ItemDataRole.DisplayRole)
                for column in range(model.columnCount())
            ]
        if name == "contacts":
            shown["created"] = page.detail.created.text()
            shown["why"] = page.detail.why.toPlainText()
        if shots:
            window.grab().save(str(Path(shots) / f"{name}.png"))
        shown["pages"].append(name)  # type: ignore[union-attr]
    shown["errors"] = errors
    print(json.dumps(shown, ensure_ascii=False, default=str))
    window.close()
    crm.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
