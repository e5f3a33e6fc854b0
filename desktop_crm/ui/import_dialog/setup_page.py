"""The import dialog's first page: how the file is read (encoding, delimiter, sheet,
header line), which column holds what, the source of the rows, and the preview.

A change that needs the file read again is asked for with ``reopen_requested``; the
dialog reopens the file in a worker and calls ``fill()`` with the result."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.text import on_screen
from desktop_crm.importing import NO_HEADER, Field, TableFile, TableKind
from desktop_crm.ui.import_dialog.common import (
    DELIMITERS,
    ENCODINGS,
    NOT_IMPORTED,
    REOPEN_DELAY_MS,
    html,
    same_codec,
)
from desktop_crm.ui.import_dialog.source_map import SourceMapBox
from desktop_crm.ui.import_dialog.state import ImportState
from desktop_crm.ui.models.imports import PreviewModel, column_title, field_label
from desktop_crm.ui.widgets import InlineMessage, make_table

# A column list (the field mapping's choices) holds at most this many of the file's columns,
# the first ones, and the column the mapping chose further right: a header of 100,000 cells
# would fill each list for seconds. `import --map FIELD=COLUMN` reaches any column.
LISTED_COLUMNS = 1_000


class SetupPage(QWidget):
    """The file's layout and preview; Start is the dialog's."""

    reopen_requested = Signal(dict)  # TableFile.reopen() keyword arguments
    source_changed = Signal()

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._updating = False  # filling the controls: their signals mean nothing

        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.encoding_combo = QComboBox()
        self.encoding_combo.setMinimumContentsLength(14)
        # "windows-1251 (detected)" is filled in after the dialog is shown: grow to it
        self.encoding_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.delimiter_combo = QComboBox()
        for value, label in DELIMITERS:
            self.delimiter_combo.addItem(QCoreApplication.translate("ImportDialog", label), value)
        self.header_spin = QSpinBox(minimum=NO_HEADER, maximum=100_000)
        self.header_spin.setSpecialValueText(
            QCoreApplication.translate("ImportDialog", "no header")
        )
        self.header_spin.setToolTip(
            QCoreApplication.translate(
                "ImportDialog",
                "The line that holds the column names; 0 = the file has no header line.",
            )
        )
        self.sheet_combo = QComboBox()
        self.encoding_label = QLabel(QCoreApplication.translate("ImportDialog", "Encoding:"))
        self.delimiter_label = QLabel(QCoreApplication.translate("ImportDialog", "Delimiter:"))
        self.sheet_label = QLabel(QCoreApplication.translate("ImportDialog", "Sheet:"))
        self.sheet_label.hide()  # shown for workbooks with several sheets
        self.sheet_combo.hide()

        layout_box = QGroupBox(QCoreApplication.translate("ImportDialog", "How the file is read"))
        read_row = QHBoxLayout(layout_box)
        for caption, widget in (
            (self.encoding_label, self.encoding_combo),
            (self.delimiter_label, self.delimiter_combo),
            (self.sheet_label, self.sheet_combo),
            (QLabel(QCoreApplication.translate("ImportDialog", "Header line:")), self.header_spin),
        ):
            caption.setContentsMargins(12, 0, 0, 0)  # hidden pairs leave no gap behind
            read_row.addWidget(caption)
            read_row.addWidget(widget)
        read_row.addStretch(1)

        mapping_box = QGroupBox(
            QCoreApplication.translate("ImportDialog", "Which column holds what")
        )
        grid = QGridLayout(mapping_box)
        self.mapping_combos: dict[Field, QComboBox] = {}
        for position, target in enumerate(Field):
            combo = QComboBox()
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            heading = QLabel(field_label(target) + (" *" if target is Field.EXTERNAL_ID else ""))
            grid.addWidget(heading, 0, position)
            grid.addWidget(combo, 1, position)
            grid.setColumnStretch(position, 1)
            self.mapping_combos[target] = combo
            combo.currentIndexChanged.connect(self._mapping_chosen)
        self.mapping_combos[Field.EXTERNAL_ID].setToolTip(
            QCoreApplication.translate(
                "ImportDialog", "The lead's phone, e-mail or messenger id: required."
            )
        )
        self.source_combo = QComboBox()
        self.source_combo.setMinimumContentsLength(18)
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        grid.addWidget(
            QLabel(QCoreApplication.translate("ImportDialog", "Source of the rows:")), 2, 0
        )
        grid.addWidget(self.source_combo, 2, 1, 1, 2)
        self.keep_operator_check = QCheckBox(
            QCoreApplication.translate(
                "ImportDialog", "Give each row to the operator in its Owner column"
            )
        )
        self.keep_operator_check.setToolTip(
            QCoreApplication.translate(
                "ImportDialog",
                "When an operator of that name exists, is active and below the limit, the "
                "row's contact goes to them, as if assigned by hand; otherwise the "
                "distributor decides as usual.",
            )
        )
        self.keep_operator_check.hide()  # shown when the file has an owner column
        grid.addWidget(self.keep_operator_check, 2, 3, 1, 3)

        self.problem_message = InlineMessage()
        self.notice_message = InlineMessage()
        self.id_warning = InlineMessage()
        self.sheets_note = InlineMessage()  # a workbook's sheets that are not read
        self.sheets_note.setTextFormat(Qt.TextFormat.PlainText)
        self.settings_message = InlineMessage()
        self.source_map_box = SourceMapBox()
        self.source_map_box.hide()  # shown with the forecast

        self.preview_model = PreviewModel(self)
        self.preview_view = make_table(sortable=False)
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().setVisible(True)
        self.preview_view.horizontalHeader().setStretchLastSection(False)
        self.preview_view.horizontalHeader().setDefaultSectionSize(170)
        # A header wider than its column shows its start ("Мобильный телефон… → external
        # id"), not a middle cut off at both ends.
        self.preview_view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.preview_status = QLabel()
        self.preview_status.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_label)
        layout.addWidget(layout_box)
        layout.addWidget(mapping_box)
        layout.addWidget(self.settings_message)
        layout.addWidget(self.problem_message)
        layout.addWidget(self.id_warning)
        layout.addWidget(self.sheets_note)
        layout.addWidget(self.notice_message)
        layout.addWidget(self.source_map_box)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.preview_status)

        self._reopen_timer = QTimer(self, singleShot=True, interval=REOPEN_DELAY_MS)
        self._reopen_timer.timeout.connect(self._header_line_chosen)
        self.encoding_combo.currentIndexChanged.connect(self._encoding_chosen)
        self.delimiter_combo.currentIndexChanged.connect(self._delimiter_chosen)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.header_spin.valueChanged.connect(self._header_spin_changed)
        self.source_combo.currentIndexChanged.connect(self._source_chosen)

    # -- showing the file ----------------------------------------------------------------------
    def fill(self) -> None:
        """Show the state's table: its layout in the controls, and the preview's summary."""
        table = self.state.table
        if table is None:
            return
        self._updating = True
        try:
            size = QLocale().formattedDataSize(table.size)
            self.file_label.setText(
                QCoreApplication.translate(
                    "ImportDialog", "<b>{name}</b> &nbsp;·&nbsp; {size} &nbsp;·&nbsp; {folder}"
                ).format(
                    name=html(on_screen(table.name)),
                    size=size,
                    folder=html(on_screen(str(table.path.parent))),
                )
            )
            text = table.kind is TableKind.TEXT
            for widget in (
                self.encoding_label,
                self.encoding_combo,
                self.delimiter_label,
                self.delimiter_combo,
            ):
                widget.setVisible(text)
            many_sheets = len(table.sheet_names) > 1
            self.sheet_label.setVisible(many_sheets)
            self.sheet_combo.setVisible(many_sheets)
            if text:
                self._fill_encodings(table)
                index = self.delimiter_combo.findData(table.delimiter)
                if index < 0:
                    self.delimiter_combo.addItem(repr(table.delimiter), table.delimiter)
                    index = self.delimiter_combo.count() - 1
                self.delimiter_combo.setCurrentIndex(index)
            if many_sheets:
                self.sheet_combo.clear()
                for name in table.sheet_names:  # shown escaped; the sheet's own name read
                    self.sheet_combo.addItem(on_screen(name), name)
                self.sheet_combo.setCurrentIndex(self.sheet_combo.findData(table.sheet))
            self.header_spin.setValue(table.header_line)
            self._fill_mapping(table)
            self._fill_sources(table)
            self.keep_operator_check.setVisible(Field.OWNER in table.mapping.groups)
        finally:
            self._updating = False
        self._warn_about_the_id(table)
        self._note_other_sheets(table)
        self.show_preview_summary()

    def refill_sources(self) -> None:
        """The state's sources changed (added elsewhere): refill the source combo."""
        if self.state.table is None:
            return
        self._updating = True
        try:
            self._fill_sources(self.state.table)
        finally:
            self._updating = False

    def size_columns(self) -> None:
        """Size the preview's columns to their text."""
        view = self.preview_view
        view.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            view.setColumnWidth(column, min(max(view.columnWidth(column), 90), 320))

    def show_preview_summary(self) -> None:
        from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

        model = self.preview_model
        text = ImportDialog.tr("The first %n row(s) of the file.", "", model.data_rows)  # type: ignore[arg-type]
        if model.file_columns > model.columnCount():
            text += " " + ImportDialog.tr(
                "It shows the first {shown} of %Ln column(s).",  # type: ignore[arg-type]
                "",
                model.file_columns,  # type: ignore[arg-type]
            ).format(shown=QLocale().toString(model.columnCount()))
        if model.rejected_rows:
            text += " " + ImportDialog.tr(
                "%n of them would be rejected (in red; hover for the reason).",  # type: ignore[arg-type]
                "",
                model.rejected_rows,  # type: ignore[arg-type]
            )
        self.preview_status.setText(text)

    def show_reading(self) -> None:
        self.preview_status.setText(QCoreApplication.translate("ImportDialog", "Reading the file…"))

    def set_enabled(self, enabled: bool) -> None:
        """Enable the controls (never while an interrupted import resumes, but for the
        sheet: another sheet of the workbook is another import)."""
        resuming = self.state.resuming()
        self.sheet_combo.setEnabled(enabled)
        for widget in (
            self.encoding_combo,
            self.delimiter_combo,
            self.header_spin,
            self.source_combo,
            self.keep_operator_check,
            *self.mapping_combos.values(),
        ):
            widget.setEnabled(enabled and not resuming)
        self.source_map_box.set_enabled(enabled and not resuming)

    def chosen_source(self) -> int | None:
        value = self.source_combo.currentData()
        return int(value) if value is not None else None

    def keep_operator(self) -> bool:
        table = self.state.table
        return (
            self.keep_operator_check.isChecked()
            and table is not None
            and Field.OWNER in table.mapping.groups
        )

    # -- filling the controls ------------------------------------------------------------------
    def _warn_about_the_id(self, table: TableFile) -> None:
        """A file whose only id is the exporting system's row number ("ID", "№")."""
        if not table.mapping.row_id_only or self.state.resuming():
            self.id_warning.clear_message()
            return
        headers = table.headers if table.header_line != NO_HEADER else ()
        column = column_title(headers, table.mapping.get(Field.EXTERNAL_ID) or 0)
        self.id_warning.show_error(
            QCoreApplication.translate(
                "ImportDialog",
                "The lead's id comes from the column «{column}», which looks like the "
                "exporting system's row number, not a phone or e-mail: every row will become "
                "a lead of its own. Choose the column with the phone or e-mail as the "
                "external id if the file has one.",
            ).format(column=column)
        )

    def _note_other_sheets(self, table: TableFile) -> None:
        """Only the chosen sheet is imported: say which ones are not."""
        if not table.other_sheets:
            self.sheets_note.clear_message()
            return
        self.sheets_note.show_info(
            QCoreApplication.translate(
                "ImportDialog",
                "Only the sheet «{sheet}» is imported; the workbook's other sheets ({others}) "
                "are not. Choose each in «Sheet» and import it on its own.",
            ).format(
                sheet=on_screen(table.sheet or ""),
                others=", ".join(f"«{on_screen(name)}»" for name in table.other_sheets),
            ),
            0,
        )

    def _fill_encodings(self, table: TableFile) -> None:
        combo = self.encoding_combo
        combo.clear()
        detected = self.state.detected_encoding
        if detected:
            combo.addItem(
                QCoreApplication.translate("ImportDialog", "{encoding} (detected)").format(
                    encoding=detected
                ),
                None,
            )
        for name in ENCODINGS:
            if not same_codec(name, detected):
                combo.addItem(name, name)
        current = table.encoding.name if table.encoding else None
        if table.options.encoding is None or same_codec(current, detected):
            combo.setCurrentIndex(0)
            return
        for index in range(combo.count()):
            if same_codec(combo.itemData(index), current):
                combo.setCurrentIndex(index)
                return
        combo.addItem(str(current), current)
        combo.setCurrentIndex(combo.count() - 1)

    def _fill_mapping(self, table: TableFile) -> None:
        headers = table.headers if table.header_line != NO_HEADER else ()
        for target, combo in self.mapping_combos.items():
            combo.clear()
            combo.addItem(
                QCoreApplication.translate("ImportDialog", "(not imported)"), NOT_IMPORTED
            )
            group = table.mapping.group(target)
            if len(group) > 1:  # several columns: one entry for all of them
                titles = [column_title(headers, column) for column in group]
                joiner = (
                    " + "
                    if target is Field.NAME
                    else QCoreApplication.translate("ImportDialog", ", else ")
                )
                combo.addItem(joiner.join(titles), list(group))
                combo.setItemData(
                    combo.count() - 1,
                    QCoreApplication.translate(
                        "ImportDialog", "The first non-empty of these columns"
                    )
                    if target is Field.EXTERNAL_ID
                    else QCoreApplication.translate(
                        "ImportDialog", "These columns joined with spaces"
                    ),
                    Qt.ItemDataRole.ToolTipRole,
                )
            for column in range(min(table.column_count, LISTED_COLUMNS)):
                combo.addItem(column_title(headers, column), column)
            chosen = table.mapping.get(target)
            if len(group) == 1 and chosen is not None and chosen >= LISTED_COLUMNS:
                combo.addItem(column_title(headers, chosen), chosen)  # found far to the right
            if len(group) > 1:
                combo.setCurrentIndex(1)
            else:
                combo.setCurrentIndex(0 if chosen is None else max(combo.findData(chosen), 0))

    def _fill_sources(self, table: TableFile) -> None:
        combo = self.source_combo
        previous = combo.currentData()
        combo.clear()
        if Field.SOURCE in table.mapping.columns:
            combo.addItem(
                QCoreApplication.translate("ImportDialog", "From the file's Source column"), None
            )
            combo.setToolTip(
                QCoreApplication.translate(
                    "ImportDialog", "Rows with an empty source cell get the source chosen here."
                )
            )
        else:
            combo.addItem(QCoreApplication.translate("ImportDialog", "Choose the source…"), None)
            combo.setToolTip(
                QCoreApplication.translate(
                    "ImportDialog",
                    "The file has no Source column: every row gets the source chosen here.",
                )
            )
        for source in self.state.sources:
            label = f"{source.name} ({source.code})" if source.code else source.name
            combo.addItem(label, source.id)
        index = combo.findData(previous) if previous is not None else 0
        combo.setCurrentIndex(max(index, 0))

    # -- the user's corrections ----------------------------------------------------------------
    def _reopen(self, **changes: Any) -> None:
        self.reopen_requested.emit(changes)

    def _encoding_chosen(self, _index: int) -> None:
        if not self._updating and self.state.table is not None:
            self._reopen(encoding=self.encoding_combo.currentData(), mapping=None)

    def _delimiter_chosen(self, _index: int) -> None:
        if not self._updating and self.state.table is not None:
            self._reopen(delimiter=self.delimiter_combo.currentData(), mapping=None)

    def _sheet_chosen(self, _index: int) -> None:
        if not self._updating and self.state.table is not None:
            self._reopen(sheet=self.sheet_combo.currentData(), header_line=None, mapping=None)

    def _header_spin_changed(self, _value: int) -> None:
        if not self._updating:
            self._reopen_timer.start()

    def apply_pending(self) -> bool:
        """Apply a header line typed but not yet read (Enter in the box): True if there
        was one, so that Enter applies the field instead of starting the import."""
        if not self._reopen_timer.isActive():
            return False
        self._reopen_timer.stop()
        self._header_line_chosen()
        return True

    def _header_line_chosen(self) -> None:
        table = self.state.table
        if table is not None and self.header_spin.value() != table.header_line:
            self._reopen(header_line=self.header_spin.value(), mapping=None)

    def _mapping_chosen(self, _index: int) -> None:
        if self._updating or self.state.table is None:
            return
        mapping: dict[str, list[int]] = {}
        for target, combo in self.mapping_combos.items():
            value = combo.currentData()
            if value is None or value == NOT_IMPORTED:
                continue
            mapping[target.value] = [int(c) for c in value] if isinstance(value, list) else [value]
        self._reopen(mapping=mapping)

    def _source_chosen(self, _index: int) -> None:
        if not self._updating:
            self.source_changed.emit()
