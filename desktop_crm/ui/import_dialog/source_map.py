"""What the import will do: the importer's forecast for the whole file (rows imported,
skipped and rejected, and why), and the file's source values that name no source, each
with a choice: reject its rows, create a source of that name, or give them to an
existing source.

The counts come from ``ImportService.forecast`` (the import's own code, run over the
whole file in a worker); this box only shows them and collects the choices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.text import name_key
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.services.importer import ImportForecast
from desktop_crm.services.lookalikes import mixes_latin_and_cyrillic
from desktop_crm.ui.import_dialog.common import count_text, html
from desktop_crm.ui.models.imports import reason_text

REJECT = "reject"  # a value's combo: reject its rows (as without a choice)
CREATE = "create"  # a value's combo: create a source of that name
SHOWN_REASONS = 5  # the most frequent reasons listed; the rest are summed up
VISIBLE_VALUES = 4  # values shown before the list scrolls


_VALUE_WIDTH = 320  # pixels of a value's label before it is elided


def lookalike_note(value: str, lookalike: str) -> str:
    """Why a value that names no source is probably a typo of the source it looks like."""
    if mixes_latin_and_cyrillic(value):
        text = QCoreApplication.translate(
            "ImportDialog", "looks like «{name}» (mixes Latin and Cyrillic letters)"
        )
    else:
        text = QCoreApplication.translate(
            "ImportDialog", "looks like «{name}» (letters of another alphabet that look the same)"
        )
    return text.format(name=lookalike)


class SourceMapBox(QGroupBox):
    """The forecast and the unknown sources' choices; ``changed`` when a choice changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ImportDialog", "What the import will do"), parent
        )
        self.forecast_label = QLabel()
        self.forecast_label.setWordWrap(True)
        self.forecast_label.setTextFormat(Qt.TextFormat.RichText)
        self.unknown_label = QLabel()
        self.unknown_label.setWordWrap(True)
        # shown when the forecast found ids that look like phone numbers but are none
        self.plain_ids_check = QCheckBox()
        self.plain_ids_check.hide()
        self.plain_ids_check.toggled.connect(lambda _on: self.changed.emit())
        self.combos: dict[str, QComboBox] = {}  # the file's value -> its choice
        self._values = QWidget()
        self._form = QFormLayout(self._values)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._scroll = QScrollArea()
        self._scroll.setWidget(self._values)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.forecast_label)
        layout.addWidget(self.plain_ids_check)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self._scroll)
        self._choices: dict[str, object] = {}  # name key -> the data chosen, kept across refills
        self._show_values(False)

    # -- what the dialog shows -----------------------------------------------------------------
    def show_counting(self, fraction: float | None = None, sheet: str | None = None) -> None:
        """``sheet``: the workbook's sheet counted (shown escaped), None for a text file."""
        if sheet is None:
            text = QCoreApplication.translate(
                "ImportDialog", "Counting what the whole file will give…"
            )
        else:
            text = QCoreApplication.translate(
                "ImportDialog", "Counting what the sheet «{sheet}» will give…"
            ).format(sheet=sheet)
        if fraction is not None:
            text += f" {QLocale().toString(round(fraction * 100))}%"
        self.forecast_label.setText(html(text))

    def show_nothing(self) -> None:
        """No forecast (the file cannot be imported as it is, or an import resumes)."""
        self.forecast_label.clear()
        self.hide()

    def show_forecast(
        self, forecast: ImportForecast, sources: list[SourceInfo], sheet: str | None = None
    ) -> None:
        """``sheet``: the workbook's sheet counted (shown escaped), None for a text file."""
        from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

        self.show()
        if sheet is None:
            text = ImportDialog.tr("The whole file: %n row(s).", "", forecast.rows)  # type: ignore[arg-type]
        else:
            text = ImportDialog.tr("The sheet «{sheet}»: %n row(s).", "", forecast.rows).format(  # type: ignore[arg-type]
                sheet=sheet
            )
        text += " " + QCoreApplication.translate(
            "ImportDialog",
            "{imported} will be imported, {skipped} skipped (imported before or repeated "
            "in the file), {rejected} rejected.",
        ).format(
            imported=count_text(forecast.imported),
            skipped=count_text(forecast.skipped),
            rejected=count_text(forecast.rejected),
        )
        lines = [html(text)]
        for reason in forecast.reasons[:SHOWN_REASONS]:
            why = reason_text(
                reason.template, reason.params, reason.template.format(**reason.params)
            )
            if reason.varied:  # one example of several (unknown sources, values...)
                why = QCoreApplication.translate("ImportDialog", "{reason} and the like").format(
                    reason=why.rstrip(". ")
                )
            lines.append(f"&nbsp;&nbsp;{count_text(reason.rows)} — {html(why)}")
        others = sum(reason.rows for reason in forecast.reasons[SHOWN_REASONS:])
        if others:
            lines.append(
                "&nbsp;&nbsp;"
                + html(
                    QCoreApplication.translate("ImportDialog", "{count} for other reasons").format(
                        count=count_text(others)
                    )
                )
            )
        self.forecast_label.setText("<br>".join(lines))
        self._show_plain_ids(forecast.phone_like_ids)
        self._fill_values(forecast, sources)

    def _show_plain_ids(self, rows: int) -> None:
        from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

        self.plain_ids_check.setText(
            ImportDialog.tr(
                "Import ids that look like phone numbers but are not valid as plain ids "  # type: ignore[arg-type]
                "(%n row(s))",
                "",
                rows,  # type: ignore[arg-type]
            )
        )
        self.plain_ids_check.setHidden(rows == 0 and not self.plain_ids_check.isChecked())

    def _fill_values(self, forecast: ImportForecast, sources: list[SourceInfo]) -> None:
        from desktop_crm.ui.import_dialog.dialog import ImportDialog  # the texts' context

        unknown = forecast.unknown_sources
        preselected = self._preselect(forecast, sources)
        same = [u.value for u in unknown] == list(self.combos)
        if same:  # only the counts changed: keep the combos (and the focus) as they are
            for value, combo in self.combos.items():
                self._fill_combo(combo, value, sources)
        else:
            while self._form.rowCount():
                self._form.removeRow(0)
            self.combos = {}
            for item in unknown:
                combo = QComboBox()
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(24)
                self._fill_combo(combo, item.value, sources)
                combo.currentIndexChanged.connect(lambda _i, value=item.value: self._chosen(value))
                # One line each (a long value elided, whole in the tool tip): a wrapped
                # label in a form is given one line's height and cut off.
                label = QLabel()
                shown = label.fontMetrics().elidedText(
                    item.value, Qt.TextElideMode.ElideRight, _VALUE_WIDTH
                )
                text = ImportDialog.tr("«{value}» (%n row(s)):", "", item.rows).format(  # type: ignore[arg-type]
                    value=shown
                )
                if item.lookalike:
                    text += "\n" + lookalike_note(item.value, item.lookalike)
                label.setText(text)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setToolTip(item.value)
                label.setBuddy(combo)
                self._form.addRow(label, combo)
                self.combos[item.value] = combo
        if unknown:
            self.unknown_label.setText(
                QCoreApplication.translate(
                    "ImportDialog",
                    "These values of the Source column name no source. Choose what their rows get:",
                )
            )
        self._show_values(bool(unknown))
        if preselected:
            self.changed.emit()  # count again with the look-alikes given to their sources

    def _preselect(self, forecast: ImportForecast, sources: list[SourceInfo]) -> bool:
        """Give each look-alike value ("WhatsАpp") the source it looks like, unless the
        user chose already; True when a choice was made."""
        by_name = {source.name: source.id for source in sources}
        made = False
        for item in forecast.unknown_sources:
            key = name_key(item.value)
            if item.lookalike in by_name and key not in self._choices:
                self._choices[key] = by_name[item.lookalike]
                made = True
        return made

    def _fill_combo(self, combo: QComboBox, value: str, sources: list[SourceInfo]) -> None:
        chosen = self._choices.get(name_key(value), REJECT)
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(QCoreApplication.translate("ImportDialog", "Reject these rows"), REJECT)
            combo.addItem(
                QCoreApplication.translate("ImportDialog", "Create the source «{name}»").format(
                    name=value.strip()
                ),
                CREATE,
            )
            combo.insertSeparator(combo.count())
            for source in sources:
                label = f"{source.name} ({source.code})" if source.code else source.name
                combo.addItem(label, source.id)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)

    def _show_values(self, shown: bool) -> None:
        self.unknown_label.setVisible(shown)
        self._scroll.setVisible(shown)
        if shown:
            rows = min(len(self.combos), VISIBLE_VALUES)
            height = self._values.sizeHint().height()
            if len(self.combos) > VISIBLE_VALUES:
                height = height * rows // len(self.combos) + 6
            self._scroll.setMaximumHeight(height + 2)

    def _chosen(self, value: str) -> None:
        self._choices[name_key(value)] = self.combos[value].currentData()
        self.changed.emit()

    # -- what the import gets ------------------------------------------------------------------
    def choices(self) -> tuple[dict[str, int], list[str]]:
        """The values given to existing sources (value -> source id), and the values to
        create sources for."""
        mapped: dict[str, int] = {}
        create: list[str] = []
        for value, combo in self.combos.items():
            data = combo.currentData()
            if data == CREATE:
                create.append(value)
            elif isinstance(data, int):
                mapped[value] = data
        return mapped, create

    def plain_ids(self) -> bool:
        """Import ids that look like phone numbers but are none as plain ids."""
        return not self.plain_ids_check.isHidden() and self.plain_ids_check.isChecked()

    def set_enabled(self, enabled: bool) -> None:
        self.plain_ids_check.setEnabled(enabled)
        for combo in self.combos.values():
            combo.setEnabled(enabled)
