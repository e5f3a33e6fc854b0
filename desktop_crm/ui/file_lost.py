"""The database file deleted or replaced under the open window (``os.replace``, a copy
restored by hand, a sync tool): the screens would go on showing the old file's data while
others write into the new one. The data bridge notices at its next poll
(``Crm.check_file``); this banner above the screens says so until the file is back, with
a way to open it again or to open another database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.ui.bridge import DataBridge
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.theme import banner_colors


class FileLostBanner(QFrame):
    """Hidden while the file is in its place."""

    reopen_requested = Signal()  # the file now at the path: the window is built over it
    open_other_requested = Signal()  # File > Open database…

    def __init__(
        self, bridge: DataBridge, path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._path = path
        self.setObjectName("FileLostBanner")
        text, background = banner_colors("error", self.palette())
        self.setStyleSheet(
            f"#FileLostBanner {{ background: {background.name()}; border-radius: 4px; }}"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet(f"color: {text.name()};")
        self.reopen_button = QPushButton(self.tr("Open it again"))
        self.reopen_button.setToolTip(
            self.tr("Show what the file at this path holds now (unsaved edits are asked about)")
        )
        self.other_button = QPushButton(self.tr("Open another database…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reopen_button)
        layout.addWidget(self.other_button)
        self.reopen_button.clicked.connect(self.reopen_requested)
        self.other_button.clicked.connect(self.open_other_requested)
        bridge.file_lost.connect(self.show_lost)
        bridge.file_back.connect(self.hide)
        self.hide()
        if bridge.lost is not None:
            self.show_lost(bridge.lost)

    def show_lost(self, error: CrmError) -> None:
        # A file deleted and not put back: opening it again would make an empty one.
        self.reopen_button.setVisible(self._path is None or self._path.exists())
        if self._path is None:
            text = error_text(error)
        elif self._path.exists():
            text = self.tr(
                "The database file {path} was replaced while it was open: the screens show "
                "the old file's data, and changes made since are not shown. Open it again."
            ).format(path=self._path)
        else:
            text = self.tr(
                "The database file {path} was deleted while it was open: the screens show "
                "its data as it was, and nothing can be saved. Open another database."
            ).format(path=self._path)
        self.label.setText(text)
        self.setVisible(True)
