"""The import dialog's last page: what the import did (or why it stopped), the counts,
and the rejected rows with their reasons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop_crm.domain.text import on_screen
from desktop_crm.services.importer import ImportSummary, RejectedRow
from desktop_crm.ui.import_dialog.common import count_text
from desktop_crm.ui.models.base import local_time
from desktop_crm.ui.models.imports import RejectsModel
from desktop_crm.ui.widgets import InlineMessage, make_table


class SummaryPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_title = QLabel()
        self.summary_title.setWordWrap(True)
        font = self.summary_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.summary_title.setFont(font)
        self.summary_text = QLabel()
        self.summary_text.setWordWrap(True)
        self.summary_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.count_labels: dict[str, QLabel] = {}
        counts = QGridLayout()
        for row, (key, title) in enumerate(
            (
                ("rows", QCoreApplication.translate("ImportDialog", "Rows read:")),
                ("imported", QCoreApplication.translate("ImportDialog", "Imported:")),
                (
                    "skipped",
                    QCoreApplication.translate(
                        "ImportDialog", "Skipped (imported before or repeated):"
                    ),
                ),
                ("rejected", QCoreApplication.translate("ImportDialog", "Rejected:")),
            )
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            counts.addWidget(QLabel(title), row, 0)
            counts.addWidget(value, row, 1)
            self.count_labels[key] = value
        counts.setColumnStretch(1, 1)

        self.rejects_title = QLabel(QCoreApplication.translate("ImportDialog", "Rejected rows"))
        bold = QFont(self.rejects_title.font())
        bold.setBold(True)
        self.rejects_title.setFont(bold)
        self.rejects_model = RejectsModel(self)
        self.rejects_view = make_table(sortable=False)
        self.rejects_view.setModel(self.rejects_model)
        self.rejects_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.rejects_view.horizontalHeader().resizeSection(0, 70)
        self.rejects_view.horizontalHeader().resizeSection(1, 420)
        self.summary_message = InlineMessage()

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_text)
        layout.addSpacing(8)
        layout.addLayout(counts)
        layout.addSpacing(8)
        layout.addWidget(self.rejects_title)
        layout.addWidget(self.rejects_view, 1)
        layout.addWidget(self.summary_message)
        self._stretch = QWidget()
        layout.addWidget(self._stretch, 1)

    def show_summary(self, summary: ImportSummary) -> None:
        """The import ended (finished, cancelled, or found the file imported before)."""
        record = summary.record
        name = on_screen(record.file_name)
        fresh = summary.already_imported is None
        if not fresh:
            assert summary.already_imported is not None
            when = local_time(
                summary.already_imported.finished_at or summary.already_imported.started_at
            )
            self.summary_title.setText(
                QCoreApplication.translate("ImportDialog", "{file} was imported before").format(
                    file=name
                )
            )
            self.summary_text.setText(
                QCoreApplication.translate(
                    "ImportDialog", "It was already imported on {date}; nothing was imported again."
                ).format(date=when)
            )
        elif summary.cancelled:
            from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

            self.summary_title.setText(
                QCoreApplication.translate("ImportDialog", "Import of {file} cancelled").format(
                    file=name
                )
            )
            self.summary_text.setText(
                ImportDialog.tr(
                    "%n row(s) were committed and stay. Import the file again to continue "  # type: ignore[arg-type]
                    "where it stopped.",
                    "",
                    record.rows,  # type: ignore[arg-type]
                )
            )
        else:
            self.summary_title.setText(
                QCoreApplication.translate("ImportDialog", "Imported {file}").format(file=name)
            )
            self.summary_text.setText(
                QCoreApplication.translate(
                    "ImportDialog",
                    "Resumed the interrupted import and finished it. The counts below are "
                    "this run's; the whole import: {rows} rows, {imported} imported, "
                    "{skipped} skipped, {rejected} rejected.",
                ).format(
                    rows=count_text(record.rows),
                    imported=count_text(record.imported),
                    skipped=count_text(record.skipped),
                    rejected=count_text(record.rejected),
                )
                if summary.resumed
                else ""
            )
        self.summary_text.setVisible(bool(self.summary_text.text()))
        # This run's counts (a resumed import's earlier runs are not counted again).
        self.count_labels["rows"].setText(count_text(summary.rows))
        self.count_labels["imported"].setText(
            QCoreApplication.translate(
                "ImportDialog", "{imported} (assigned {assigned}, unassigned {unassigned})"
            ).format(
                imported=count_text(summary.imported),
                assigned=count_text(summary.assigned),
                unassigned=count_text(summary.unassigned),
            )
        )
        self.count_labels["skipped"].setText(count_text(summary.skipped))
        rejected = summary.rejected if fresh else ()
        # The summary holds the first rejected rows; the total is counted.
        self.count_labels["rejected"].setText(count_text(summary.rejected_total))
        self.show_rejects(rejected)

    def show_stopped(self, error: str, done: int) -> None:
        """The import failed after ``done`` rows were committed."""
        from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

        self.summary_title.setText(QCoreApplication.translate("ImportDialog", "The import stopped"))
        self.summary_text.setText(
            error
            + "\n\n"
            + ImportDialog.tr(
                "%n row(s) were committed before that and stay; importing the file again "  # type: ignore[arg-type]
                "continues after them.",
                "",
                done,  # type: ignore[arg-type]
            )
        )
        for label in self.count_labels.values():
            label.setText("—")  # unknown here; the Imports screen has what was committed
        self.show_rejects(())

    def show_rejects(self, rows: Sequence[RejectedRow]) -> None:
        self.rejects_model.set_rows(list(rows))
        shown = bool(rows)
        self.rejects_title.setVisible(shown)
        self.rejects_view.setVisible(shown)
        self._stretch.setVisible(not shown)
        if shown:
            self.rejects_view.resizeColumnToContents(0)

    def show_saved(self, count: int, target: Path) -> None:
        from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

        self.summary_message.show_info(
            ImportDialog.tr(
                "Saved %n row(s) to {path}. Fix them and drop the file onto the window again.",  # type: ignore[arg-type]
                "",
                count,  # type: ignore[arg-type]
            ).format(path=target),
            msecs=0,
        )

    def show_save_failed(self, target: Path, error: str) -> None:
        self.summary_message.show_error(
            QCoreApplication.translate("ImportDialog", "Cannot save {path}: {error}").format(
                path=target, error=error
            )
        )
