"""Status-bar messages that follow the data: a message about a refusal ("Cannot undo
…: Nothing was changed.") goes with the next change of the data, whatever makes it,
or after its timeout, whichever comes first. A message must not outlive what it says."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from desktop_crm.ui.bridge import DataBridge


class StatusMessages(QObject):
    """Shows messages in ``bar``; ``show_until_change`` ones go with the next change."""

    def __init__(self, bar: QStatusBar, bridge: DataBridge) -> None:
        super().__init__(bar)
        self._bar = bar
        self._bridge = bridge
        self._until_change: str | None = None
        bridge.changed.connect(self._data_changed)

    def show(self, text: str, msecs: int) -> None:
        """``text`` for ``msecs``, replacing any message."""
        self._until_change = None
        self._bar.showMessage(text, msecs)

    def show_until_change(self, text: str, msecs: int) -> None:
        """``text`` until the data next changes (at most ``msecs``). Changes made before
        it and not yet announced (this process's workers' commits included, which the
        bridge sees by polling) are announced first, so they do not take it away."""
        self._bridge.poll()
        self._bridge.flush_now()
        self._until_change = text
        self._bar.showMessage(text, msecs)

    def _data_changed(self, _changes: object) -> None:
        if self._until_change is None:
            return
        if self._bar.currentMessage() == self._until_change:
            self._bar.clearMessage()
        self._until_change = None
