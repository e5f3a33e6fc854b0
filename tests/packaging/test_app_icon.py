"""The application icon: one place (QApplication.setWindowIcon at start-up), used by the
window and every dialog; and the smoke start the bundle's tests rely on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_crm.ui.app_icon import ICON_NAME, ICONS_DIR, app_icon, install_app_icon
from desktop_crm.ui.smoke import QUIT_AFTER_PAINT_ENV
from tests.packaging.conftest import ROOT

SIZES = (16, 24, 32, 48, 64, 128, 256)


@pytest.mark.parametrize("size", SIZES)
def test_each_png_size_is_a_square_image_of_that_size(size):
    image = QImage(str(ICONS_DIR / f"{ICON_NAME}-{size}.png"))
    assert not image.isNull()
    assert image.size() == QSize(size, size)
    assert image.hasAlphaChannel()


def test_the_icon_offers_every_size_without_the_svg_plugin(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= set(SIZES)
    for size in SIZES:
        assert icon.pixmap(size, size).size() == QSize(size, size)


@pytest.fixture
def app_icon_installed(qapp):
    before, name = qapp.windowIcon(), qapp.desktopFileName()
    install_app_icon(qapp)
    yield qapp
    qapp.setWindowIcon(before)
    qapp.setDesktopFileName(name)


def test_dialogs_without_an_icon_of_their_own_show_the_apps(app_icon_installed, qtbot):
    key = app_icon_installed.windowIcon().cacheKey()
    dialog = QDialog()
    box = QMessageBox()
    qtbot.addWidget(dialog)
    qtbot.addWidget(box)
    assert dialog.windowIcon().cacheKey() == key
    assert box.windowIcon().cacheKey() == key
    assert app_icon_installed.desktopFileName() == "lead-dispatcher"


START_AND_REPORT = """
import json, sys
from PySide6.QtWidgets import QApplication
from desktop_crm.app import main
code = main(["--db", sys.argv[1]])
app = QApplication.instance()
sizes = sorted(s.width() for s in app.windowIcon().availableSizes())
print(json.dumps({"code": code, "sizes": sizes, "desktop": app.desktopFileName()}))
"""


@pytest.mark.slow
def test_the_window_starts_with_the_icon_and_quits_after_its_first_paint(tmp_path):
    """The real start-up path, in its own process (it installs translations, a crash
    handler and an event loop); DESKTOP_CRM_QUIT_AFTER_PAINT ends it."""
    result = subprocess.run(
        [sys.executable, "-c", START_AND_REPORT, str(tmp_path / "crm.sqlite3")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**_environment(), QUIT_AFTER_PAINT_ENV: "1", "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert set(report["sizes"]) >= set(SIZES)
    assert report["desktop"] == "lead-dispatcher"


def _environment() -> dict[str, str]:
    import os

    return dict(os.environ)
