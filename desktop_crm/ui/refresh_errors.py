"""A refresh after a change of the data that meets a user error (``CrmError``: the
database busy, its server restarted or gone) is no bug: the window says so in its status
bar, keeps what it shows, and the bridge announces a change again at its next poll, so the
views try again by themselves. Only other exceptions reach the crash dialog.

Every slot of ``DataBridge.changed`` that asks the services on the GUI thread is wrapped
with ``refresh_slot``."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.texts import error_text

log = logging.getLogger(__name__)

MESSAGE_MS = 10_000  # the next successful poll usually comes long before


class Refreshing(Protocol):
    ctx: UiContext

    def window(self) -> QWidget: ...


W = TypeVar("W", bound=Refreshing)
P = ParamSpec("P")


def refresh_slot(slot: Callable[Concatenate[W, P], None]) -> Callable[Concatenate[W, P], None]:
    """``slot`` with a ``CrmError`` reported by ``refresh_failed`` instead of raised."""

    @functools.wraps(slot)
    def guarded(self: W, /, *args: P.args, **kwargs: P.kwargs) -> None:
        try:
            slot(self, *args, **kwargs)
        except CrmError as error:
            refresh_failed(self, error)

    return guarded


def refresh_failed(widget: Refreshing, error: CrmError) -> None:
    """Say why the data shown may be old, and have the refresh tried again."""
    log.warning("a refresh failed: %s", error)
    widget.ctx.bridge.announce_again()
    window = widget.window()
    if isinstance(window, QMainWindow):
        text = QCoreApplication.translate("RefreshErrors", "Cannot refresh: {error}").format(
            error=error_text(error)
        )
        window.statusBar().showMessage(text, MESSAGE_MS)
