"""The import dialog's page while the import runs: a progress bar, rows done, the rate,
the time left and the counts so far."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop_crm.domain.text import on_screen
from desktop_crm.services.importer import ImportProgress
from desktop_crm.ui.import_dialog.common import count_text


def seconds_text(seconds: float) -> str:
    from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

    if seconds < 60:
        return ImportDialog.tr("about %n second(s) left", "", max(1, round(seconds)))  # type: ignore[arg-type]
    return ImportDialog.tr("about %n minute(s) left", "", round(seconds / 60))  # type: ignore[arg-type]


class ProgressPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress_title = QLabel()
        font = self.progress_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.progress_title.setFont(font)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # busy until the first batch says how far
        self.progress_bar.setTextVisible(True)
        self.progress_rows = QLabel()
        self.progress_counts = QLabel()
        self.progress_counts.setStyleSheet("color: palette(mid);")
        self.progress_hint = QLabel(
            QCoreApplication.translate(
                "ImportDialog",
                "Rows are committed in batches: Cancel keeps every row committed so far, "
                "and importing the file again continues where it stopped. "
                "You can keep working in the window meanwhile.",
            )
        )
        self.progress_hint.setWordWrap(True)
        self.progress_hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.progress_title)
        layout.addSpacing(8)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_rows)
        layout.addWidget(self.progress_counts)
        layout.addSpacing(16)
        layout.addWidget(self.progress_hint)
        layout.addStretch(2)

    def begin(self, file_name: str) -> None:
        """The import of ``file_name`` starts: busy until the first batch says how far."""
        self.progress_title.setText(
            QCoreApplication.translate("ImportDialog", "Importing {file}…").format(
                file=on_screen(file_name)
            )
        )
        self.progress_bar.setRange(0, 0)
        self.progress_rows.setText(QCoreApplication.translate("ImportDialog", "Starting…"))
        self.progress_counts.clear()

    def show_progress(self, progress: ImportProgress) -> None:
        from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

        if progress.fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(round(progress.fraction * 1000))
        parts = [
            ImportDialog.tr("%n row(s) done", "", progress.rows),  # type: ignore[arg-type]
            QCoreApplication.translate("ImportDialog", "{rate} rows/s").format(
                rate=count_text(round(progress.rows_per_second))
            ),
        ]
        if progress.seconds_left is not None:
            parts.append(seconds_text(progress.seconds_left))
        self.progress_rows.setText("  ·  ".join(parts))
        self.progress_counts.setText(
            QCoreApplication.translate(
                "ImportDialog", "imported {imported}, skipped {skipped}, rejected {rejected}"
            ).format(
                imported=count_text(progress.imported),
                skipped=count_text(progress.skipped),
                rejected=count_text(progress.rejected),
            )
        )

    def show_stopping(self) -> None:
        self.progress_hint.setText(
            QCoreApplication.translate("ImportDialog", "Stopping after the batch being written…")
        )
