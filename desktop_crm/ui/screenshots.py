"""``make screenshots``: every screen with demo data, rendered to PNG for the README.

Runs offscreen on a temporary database; the language defaults to Russian,
the first users' language (``--language en`` for English).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from desktop_crm.importing import open_table
from desktop_crm.services import DatabaseLocation, open_crm
from desktop_crm.services.demo import load_demo_data
from desktop_crm.ui.application import AppController, install_translations
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.preferences import Preferences

SIZE = (1360, 820)
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(20):
        window.ctx.runner.wait_idle()
        app.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    print(path)
    return path


def render(folder: Path, language: str) -> list[Path]:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    install_translations(app, language)
    folder.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        prefs = Preferences(QSettings(str(Path(tmp) / "prefs.ini"), QSettings.Format.IniFormat))
        empty = open_crm(DatabaseLocation(Path(tmp) / "empty.sqlite3"))
        controller = AppController(prefs)
        window = controller.show(empty)
        window.resize(*SIZE)
        _settle(app, window)
        shots.append(_save(window, folder / "welcome.png"))
        window.close()
        empty.close()

        crm = open_crm(DatabaseLocation(Path(tmp) / "demo.sqlite3"))
        load_demo_data(crm)
        for sample in ("contacts_utf8.csv", "contacts_cp1251_excel.csv"):  # for Imports
            crm.imports.run(open_table(SAMPLES / sample), source="site")
        window = controller.show(crm)
        window.resize(*SIZE)
        for name, page in window.pages.items():
            window.show_page(name)
            _settle(app, window)
            table = getattr(page, "table", None)
            if table is not None and table.model() is not None and table.model().rowCount():
                table.selectRow(0)
                _settle(app, window)
            shots.append(_save(window, folder / f"{name}.png"))
        window.close()
        crm.close()
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m desktop_crm.ui.screenshots")
    parser.add_argument("folder", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--language", default="ru")
    args = parser.parse_args()
    render(args.folder, args.language)


if __name__ == "__main__":
    main()
