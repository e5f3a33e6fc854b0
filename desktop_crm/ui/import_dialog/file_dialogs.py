"""The file choosers of importing: the seams tests patch (``monkeypatch.setattr(file_dialogs,
"choose_rejects_path", ...)``), so callers look them up through this module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_crm.ui.import_dialog.common import FILE_FILTER


def choose_rejects_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save rejected rows; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Save rejected rows"),
        str(suggested),
        QCoreApplication.translate("ImportDialog", "CSV files (*.csv);;All files (*)"),
    )
    return Path(path) if path else None


def choose_import_files(parent: QWidget | None) -> list[Path]:
    """Files to import (File > Import…); [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("ImportDialog", "Import contacts"),
        "",
        QCoreApplication.translate(
            "ImportDialog", "Contact tables ({patterns});;All files (*)"
        ).format(patterns=FILE_FILTER),
    )
    return [Path(path) for path in paths]
