"""Item delegates: an operator's load drawn as "3 / 10" on a small bar, and the spin box
every count (a limit, a weight) is typed in, up to the services' ceiling.

The bar is painted here, not by the style: a style's progress bar draws its text in
one colour, which on a partly filled bar is white on white over the empty part. Here
the text over the filled part and the text over the empty part each get the colour
that reads on what is under them, in light and dark palettes. A full bar (a
``full`` delegate: an operator at the limit) has its own colour. A text wider than
its bar is said the short way (``SHORT_TEXT_ROLE``) rather than cut; the bar asks
for the width its text needs (``sizeHint``), at least ``min_width``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QHideEvent, QPainter, QPalette, QPen, QValidator
from PySide6.QtWidgets import (
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop_crm.services.common import MAX_COUNT
from desktop_crm.ui.formats import number_text
from desktop_crm.ui.models.base import RAW_ROLE, SHORT_TEXT_ROLE

Index = QModelIndex | QPersistentModelIndex

BAR_MARGIN = 4  # between the cell's edge and the bar
TEXT_PADDING = 4  # between the bar's edge and its text
FULL_COLOR = QColor("#b91c1c")  # red: at the limit; white text reads on it (6.5:1)
BLACK, WHITE = QColor("black"), QColor("white")


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; 4.5 reads as body text)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(background: QColor, preferred: QColor) -> QColor:
    """``preferred`` when it reads on ``background``, else black or white."""
    if contrast(preferred, background) >= 4.5:
        return preferred
    return max((BLACK, WHITE), key=lambda c: contrast(c, background))


@dataclass(frozen=True)
class BarColors:
    track: QColor  # the empty part
    fill: QColor  # the filled part
    text_on_track: QColor
    text_on_fill: QColor


def bar_colors(palette: QPalette, fraction: float, full: bool = True) -> BarColors:
    """The colours of a bar filled to ``fraction``; ``full``: a full bar is red."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    track = QColor(
        round(base.red() * 0.9 + text.red() * 0.1),
        round(base.green() * 0.9 + text.green() * 0.1),
        round(base.blue() * 0.9 + text.blue() * 0.1),
    )
    room = palette.color(QPalette.ColorRole.Highlight)
    fill = FULL_COLOR if full and fraction >= 1.0 else room
    return BarColors(
        track=track,
        fill=fill,
        text_on_track=readable_on(track, text),
        text_on_fill=readable_on(fill, palette.color(QPalette.ColorRole.HighlightedText)),
    )


class LoadBarDelegate(QStyledItemDelegate):
    """Paints the RAW_ROLE fraction (0..1) as a bar with the display text on it.
    ``full``: a full bar (fraction 1) is painted as "no room" (not for shares)."""

    def __init__(self, parent: object = None, full: bool = True, min_width: int = 0) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.full = full
        self.min_width = min_width
        self._colors: dict[tuple[int, bool], BarColors] = {}  # per palette, full or not

    def colors(self, palette: QPalette, fraction: float) -> BarColors:
        """The bar's colours, worked out once per palette (each paint of each row
        computed the contrasts again: a few milliseconds a paint of a full table)."""
        full = self.full and fraction >= 1.0
        key = (palette.cacheKey(), full)
        colors = self._colors.get(key)
        if colors is None:
            if len(self._colors) > 16:  # palettes gone (a theme switch): forget them
                self._colors.clear()
            colors = self._colors[key] = bar_colors(palette, 1.0 if full else 0.0, self.full)
        return colors

    @staticmethod
    def text_room(option: QStyleOptionViewItem) -> int:
        """The width the text has on the bar of a cell of ``option.rect``."""
        return option.rect.width() - 2 * (BAR_MARGIN + TEXT_PADDING)

    @staticmethod
    def width_for(metrics: QFontMetrics, text: str) -> int:
        """The cell width that shows ``text`` whole on its bar."""
        return metrics.horizontalAdvance(text) + 2 * (BAR_MARGIN + TEXT_PADDING)

    def bar_text(self, option: QStyleOptionViewItem, index: Index) -> str:
        """What the bar says: the whole text when it fits, else the short one, else
        the short one cut at the end (the whole text is in the cell's tooltip)."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = QFontMetrics(option.font)
        room = self.text_room(option)
        if metrics.horizontalAdvance(text) <= room:
            return text
        short = index.data(SHORT_TEXT_ROLE)
        if isinstance(short, str) and short:
            text = short
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self.width_for(QFontMetrics(option.font), text)
        return QSize(max(self.min_width, width), size.height())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        fraction = index.data(RAW_ROLE)
        if not isinstance(fraction, float):
            super().paint(painter, option, index)
            return
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, palette.highlight())
        colors = self.colors(palette, fraction)
        rect = option.rect.adjusted(BAR_MARGIN, BAR_MARGIN, -BAR_MARGIN, -BAR_MARGIN)
        filled = QRect(rect)
        filled.setWidth(round(rect.width() * max(0.0, min(fraction, 1.0))))
        empty = QRect(rect)
        empty.setLeft(filled.right() + 1)
        text = self.bar_text(option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(colors.track)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if filled.width() > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.fill)
            painter.drawRoundedRect(QRectF(filled).adjusted(1, 1, -0.5, -1), 2.5, 2.5)
        painter.setFont(option.font)
        for part, color in ((filled, colors.text_on_fill), (empty, colors.text_on_track)):
            if part.width() <= 0:
                continue
            painter.setClipRect(part)
            painter.setPen(color)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class CountSpinBox(QSpinBox):
    """A spin box whose whole number above the maximum is kept while it is typed and
    becomes the maximum when the edit ends (a plain QSpinBox refuses the digit that
    crosses the ceiling: "2000000" was taken as "200000", a number nobody typed).
    While the typed number is above the ceiling the box says so in a tooltip.

    ``fixup`` does the correction, not Qt's ``CorrectToNearestValue``: that mode bounds
    zero, not the typed number (a box's special "no cap" text became 0 with it), so
    other unfinished texts keep Qt's default, the previous value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lineEdit().textEdited.connect(self._say_if_above)
        self.editingFinished.connect(self._hide_note)  # the number is the ceiling now

    def _typed_number(self, text: str) -> int | None:
        """The whole number in ``text`` (prefix, suffix and digit grouping aside)."""
        body = text
        if self.prefix() and body.startswith(self.prefix()):
            body = body[len(self.prefix()) :]
        if self.suffix() and body.endswith(self.suffix()):
            body = body[: -len(self.suffix())]
        body = body.replace(self.locale().groupSeparator(), "")
        body = "".join(body.split())  # spaces of any kind: "2 000 000"
        if not body.isascii() or not body.isdigit():
            return None
        return int(body)

    def above_ceiling(self, text: str) -> bool:
        """Whether ``text`` is a whole number above the maximum."""
        number = self._typed_number(text)
        return number is not None and number > self.maximum()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state, text, pos = super().validate(text, pos)
        if state == QValidator.State.Invalid and self.above_ceiling(text):
            state = QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        if self.above_ceiling(text):
            return self.textFromValue(self.maximum())
        return super().fixup(text)

    def ceiling_note(self) -> str:
        """What the box says when a number above its maximum is typed."""
        return QCoreApplication.translate("CountSpinBox", "At most {count}").format(
            count=number_text(self.maximum())
        )

    def _say_if_above(self, text: str) -> None:
        if self.above_ceiling(text):
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.ceiling_note(), self)
        else:
            self._hide_note()

    def _hide_note(self) -> None:
        if QToolTip.isVisible() and QToolTip.text() == self.ceiling_note():
            QToolTip.hideText()

    def hideEvent(self, event: QHideEvent) -> None:
        self._hide_note()  # an editor closed: its note goes with it
        super().hideEvent(event)


def count_spin(parent: QWidget | None = None, minimum: int = 0) -> CountSpinBox:
    """A spin box for a limit, a daily cap or a weight: ``minimum`` to the services'
    ``MAX_COUNT``, the same ceiling the command line and the importer keep; a number
    typed above it becomes ``MAX_COUNT`` (see ``CountSpinBox``)."""
    spin = CountSpinBox(parent)
    spin.setRange(minimum, MAX_COUNT)
    spin.setAccelerated(True)
    return spin


def count_width(view: QTableView) -> int:
    """The width of a ``view`` column of counts that shows the ceiling whole ("1 000 000"
    as the window's language writes it) and whose ``CountDelegate`` editor has room for
    its seven digits beside the arrows."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    grid = 1 if view.showGrid() else 0  # a cell (and its editor) is the column less the grid
    text = view.fontMetrics().horizontalAdvance(number_text(MAX_COUNT)) + 2 * margin
    editor = count_spin()
    editor.setFrame(False)  # as CountDelegate makes it
    editor.setFont(view.font())
    editor.setStyle(view.style())
    spin = editor.sizeHint().width()
    editor.deleteLater()
    return max(text, spin) + grid


class CountDelegate(QStyledItemDelegate):
    """Edits a count in place with ``count_spin``; ``live`` commits every step (a share
    that follows the weight as it is typed)."""

    def __init__(self, parent: QWidget | None = None, live: bool = False) -> None:
        super().__init__(parent)
        self._live = live

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = count_spin(parent)
        spin.setFrame(False)
        spin.setAutoFillBackground(True)  # the cell's own text must not show by the arrows
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self._live:
            spin.valueChanged.connect(lambda _value: self.commitData.emit(spin))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if not isinstance(editor, QSpinBox) or not isinstance(value, int):
            return
        if editor.value() != value:
            blocked = editor.blockSignals(True)  # the stored value: nothing to commit
            editor.setValue(value)
            editor.blockSignals(blocked)
        if not editor.property("opened"):  # typing replaces the old value
            editor.setProperty("opened", True)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
