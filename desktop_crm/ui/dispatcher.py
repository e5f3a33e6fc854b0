"""Who this person is in the audit log: the name chosen in File › Settings… (a
preference of this person, not of the database), else the OS user's name."""

from __future__ import annotations

import logging

from desktop_crm.errors import CrmError
from desktop_crm.services import Crm
from desktop_crm.services.audit import os_user
from desktop_crm.ui.preferences import Preferences

log = logging.getLogger(__name__)


def apply_dispatcher(crm: Crm, preferences: Preferences) -> None:
    """Tell a newly opened ``Crm`` who makes its changes (once, before any change)."""
    name = preferences.dispatcher
    try:
        crm.set_dispatcher(name or os_user())
    except CrmError:  # a preference edited by hand: the OS user instead
        log.warning("ignoring the stored dispatcher name: it is not a usable name")
        crm.set_dispatcher(os_user())


def choose_dispatcher(crm: Crm, preferences: Preferences, typed: str) -> str:
    """Save the name typed in the settings ('' = the OS user) and use it from now on;
    ``InvalidValue`` (nothing changes) for a name the services refuse."""
    name = typed.strip()
    chosen = crm.set_dispatcher(name or os_user())
    preferences.dispatcher = chosen if name else ""
    return chosen
