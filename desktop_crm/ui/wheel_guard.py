"""A mouse wheel never changes a value by accident: one rule for the whole application.

Qt's combo and spin boxes take the wheel whenever the pointer is over them, focused or
not, so scrolling a page past a Strategy box or a weight changed (and saved) it. The
guard, installed once on the application, gives every combo and spin box the focus
policy ``StrongFocus`` (the wheel no longer focuses it) and hands a wheel over an
unfocused box to the widget under it (the page or list around it scrolls instead).
A box the user clicked or tabbed into takes the wheel as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

BOXES = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """The application's event filter (``install_wheel_guard``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, BOXES):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif (
            kind == QEvent.Type.Wheel
            and isinstance(watched, BOXES)
            and isinstance(event, QWheelEvent)
            and not watched.hasFocus()
        ):
            _pass_on(watched, event)
            return True
        return False


def _pass_on(box: QWidget, event: QWheelEvent) -> None:
    """Offer the wheel to the box's parents, nearest first, until one takes it: what Qt
    does with a wheel a widget ignores (Qt does not pass on an event sent by hand)."""
    position = event.position().toPoint()
    widget = box
    while not widget.isWindow() and not widget.testAttribute(
        Qt.WidgetAttribute.WA_NoMousePropagation
    ):
        position = widget.mapToParent(position)
        parent = widget.parentWidget()
        if parent is None:
            break
        passed = QWheelEvent(
            QPointF(position),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(parent, passed)
        if passed.isAccepted() or isinstance(parent, BOXES):  # a box passes it on itself
            event.accept()
            return
        widget = parent
    event.ignore()


def install_wheel_guard(app: QObject | None = None) -> None:
    """Install the guard on the application, once (later calls do nothing)."""
    app = app if app is not None else QApplication.instance()
    if app is None or app.findChild(WheelGuard) is not None:
        return
    app.installEventFilter(WheelGuard(app))
