"""What every page needs: the services, the worker pool, the change signal, settings."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.services import Crm
from desktop_crm.ui.bridge import DataBridge
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.tasks import TaskRunner


@dataclass
class UiContext:
    crm: Crm
    runner: TaskRunner
    bridge: DataBridge
    preferences: Preferences
