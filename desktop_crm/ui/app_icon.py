"""The application icon, set once on the QApplication so that the window and every
dialog (which have no icon of their own) show it; and the name of the .desktop entry
(resources/linux/), by which Wayland compositors and docks find the same icon."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_crm import resources

# The same place in a checkout and in the bundle (packaging/lead-dispatcher.spec).
ICONS_DIR = resources.ICONS_DIR
ICON_NAME = "lead-dispatcher"
DESKTOP_FILE_NAME = "lead-dispatcher"  # resources/linux/lead-dispatcher.desktop


def app_icon() -> QIcon:
    """The icon's rendered sizes (they need no SVG plugin), and the SVG for other sizes."""
    icon = QIcon()
    for png in sorted(ICONS_DIR.glob(f"{ICON_NAME}-*.png")):
        icon.addFile(str(png))
    svg = ICONS_DIR / f"{ICON_NAME}.svg"
    if svg.exists():
        icon.addFile(str(svg))
    return icon


def install_app_icon(app: QApplication) -> None:
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_FILE_NAME)
