"""What every page needs: the services, the worker pool, the change signal, settings,
the window's undo stack."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_crm.services import Crm
from desktop_crm.ui.bridge import DataBridge
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.undo import UndoHistory


@dataclass
class UiContext:
    crm: Crm
    runner: TaskRunner
    bridge: DataBridge
    preferences: Preferences
    undo: UndoHistory = field(default_factory=UndoHistory)  # Edit > Undo/Redo
