"""Message boxes and the crash dialog behind small functions, the seam tests patch
(as qutebrowser's msgbox)."""

from __future__ import annotations

import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.logs import log_path, redact


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


_open_notices: dict[str, QMessageBox] = {}


def notify_error(parent: QWidget | None, title: str, text: str) -> None:
    """A warning that does not block (a background task failed while the user does
    something else); the same text already on screen is not shown twice."""
    if text in _open_notices:
        _open_notices[text].raise_()
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.finished.connect(lambda _result: _open_notices.pop(text, None))
    _open_notices[text] = box
    box.show()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_save(parent: QWidget | None, title: str, text: str) -> str:
    """Unsaved work: "save", "discard" or "cancel" (the window stays as it is)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def crash_details(error: BaseException) -> str:
    """The traceback for a bug report, with phone numbers and e-mails taken out."""
    return redact("".join(traceback.format_exception(error)).rstrip())


class CrashDialog(QDialog):
    """A bug, said plainly: non-modal (the window keeps working), with "Copy details"
    for the bug report. Nothing personal in the details (they are redacted)."""

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.setWindowTitle(QApplication.translate("Application", "Unexpected error"))
        self.details = crash_details(error)
        text = QLabel(
            QApplication.translate(
                "Application",
                "Something went wrong: {error}\n\nYour saved data is safe. Details are in the "
                "log file:\n{log}",
            ).format(error=redact(str(error)), log=log_path())
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(QApplication.translate("Application", "Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


def show_crash(parent: QWidget | None, error: BaseException) -> CrashDialog:
    """Show the crash dialog for ``error`` and return at once (it is not modal)."""
    dialog = CrashDialog(error, parent)
    dialog.show()
    dialog.raise_()
    return dialog
