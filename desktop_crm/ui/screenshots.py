"""``make screenshots``: every screen with demo data, rendered to PNG for the README.

Runs offscreen on a temporary database, at a laptop's 1280×800, in Russian and
in English (``docs/screenshots/ru/``, ``docs/screenshots/en/``). The demo data
has a full table and long Cyrillic names, so that a cut text shows.
``--size 1366x768`` or ``--language en`` render one variant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from desktop_crm import resources
from desktop_crm.importing import open_table
from desktop_crm.services import DatabaseLocation, open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.crm import Crm
from desktop_crm.services.demo import load_demo_data
from desktop_crm.ui.application import AppController, install_translations
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.preferences import Preferences

SIZE = (1280, 800)
LANGUAGES = ("ru", "en")
SAMPLES = resources.SAMPLES_DIR
LONG_LEADS = (
    ("Александра Владимировна Преображенская-Васильева", "+7 (912) 345-67-89", "tg"),
    ("Константин Вячеславович Долгоруковский", "konstantin.dolgorukovsky@example.ru", "site"),
    ("Елизавета Святославовна Рождественская", "tg:98765432", "wa"),
)


def _settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(20):
        window.ctx.runner.wait_idle()
        app.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    widget.grab().save(str(path))
    print(path)
    return path


def _add_long_names(crm: Crm) -> None:
    """Newest contacts with long names and messages: the first rows of every list."""
    for name, external_id, source in LONG_LEADS:
        crm.contacts.register(
            ContactRequest(
                external_id=external_id,
                source=source,
                name=name,
                message="Добрый день! Хотела бы уточнить условия доставки "
                "крупногабаритного заказа в Нижний Новгород до конца недели.",
                created_at=dt.datetime.now(dt.UTC),
            )
        )


DISPATCHERS = ("Екатерина Владимировна Преображенская-Васильева", "Константин Долгоруковский")


def _add_journal(crm: Crm) -> None:
    """Changes by a second dispatcher: the Journal's newest rows."""
    crm.set_dispatcher(DISPATCHERS[1])
    operators = {o.name: o.id for o in crm.operators.list()}
    long_name = next(name for name in operators if len(name) > 40)
    crm.operators.update(long_name, max_load=15)
    crm.sources.set_weights("tg", {operators[long_name]: 4, operators["Анна Смирнова"]: 2})
    crm.sources.update("wa", strategy="round_robin")
    crm.settings.set_phone_region("KZ")
    crm.settings.set_phone_region("RU")


def _add_day(crm: Crm) -> None:
    """The dispatcher's day on the Board and the Operators screen: a shift, an absence,
    a daily cap, skills; and a queue on a source nobody can serve now."""
    now = dt.datetime.now().astimezone()
    crm.operators.set_hours("Борис Кузнецов", [f"mon-sun {(now.hour + 2) % 24:02d}:00-23:30"])
    crm.operators.set_away("Дарья Соколова", until=(now + dt.timedelta(days=3)).date())
    long_name = next(o.name for o in crm.operators.list() if len(o.name) > 40)
    crm.operators.update(long_name, daily_cap=40, skills="ru, kz, vip")
    crm.operators.update("Анна Смирнова", skills="ru")
    for i in range(4):
        crm.contacts.register(
            ContactRequest(f"+7 913 000-11-2{i}", "ig", name="Софья Долгорукова-Оболенская")
        )


def _day_dialog(window: MainWindow, folder: Path, app: QApplication) -> Path:
    """The hours dialog of the operator with the longest name, on the Operators screen."""
    window.show_page("operators")
    page: Any = window.pages["operators"]
    _settle(app, window)
    model = page.table.model()
    row = max(range(model.rowCount()), key=lambda r: len(str(model.index(r, 0).data())))
    page.table.selectRow(row)
    dialog = page.edit_day()
    _settle(app, window)
    path = _save(dialog, folder / "operator-hours.png")
    dialog.reject()
    return path


def _settings_dialog(window: MainWindow, folder: Path, app: QApplication) -> Path:
    """File › Settings (the language, the phone region, the time zone, notifications)."""
    dialog = window.open_settings()
    _settle(app, window)
    path = _save(dialog, folder / "settings.png")
    dialog.reject()
    return path


def render(folder: Path, language: str, size: tuple[int, int] = SIZE) -> list[Path]:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    for old in app.findChildren(QTranslator):  # the language rendered before
        app.removeTranslator(old)
        old.deleteLater()
    install_translations(app, language)
    folder.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        prefs = Preferences(QSettings(str(Path(tmp) / "prefs.ini"), QSettings.Format.IniFormat))
        empty = open_crm(DatabaseLocation(Path(tmp) / "empty.sqlite3"))
        controller = AppController(prefs)
        window = controller.show(empty)
        window.resize(*size)
        _settle(app, window)
        shots.append(_save(window, folder / "welcome.png"))
        window.close()
        empty.close()

        crm = open_crm(DatabaseLocation(Path(tmp) / "demo.sqlite3"))
        crm.set_dispatcher(DISPATCHERS[0])  # the Journal: long names
        load_demo_data(crm)
        for sample in ("contacts_utf8.csv", "contacts_cp1251_excel.csv"):  # for Imports
            crm.imports.run(open_table(SAMPLES / sample), source="site")
        _add_long_names(crm)
        _add_journal(crm)
        _add_day(crm)
        window = controller.show(crm)
        window.resize(*size)
        for name, page in window.pages.items():
            window.show_page(name)
            _settle(app, window)
            table = getattr(page, "table", None)
            if table is not None and table.model() is not None and table.model().rowCount():
                table.selectRow(0)
                _settle(app, window)
            shots.append(_save(window, folder / f"{name}.png"))
        shots.append(_day_dialog(window, folder, app))
        shots.append(_settings_dialog(window, folder, app))
        window.close()
        crm.close()
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m desktop_crm.ui.screenshots")
    parser.add_argument("folder", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=LANGUAGES, help="only this language")
    parser.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT (1280x800)")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    for language in [args.language] if args.language else LANGUAGES:
        render(args.folder / language, language, (width, height))


if __name__ == "__main__":
    main()
