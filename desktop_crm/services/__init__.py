"""Use cases. Each public call is one transaction, returns plain dataclasses and
raises ``CrmError`` subclasses for anything a user can cause.

Where a database is (``DatabaseLocation``, ``resolve_location``) is part of this
facade, so the window opens databases without reaching into ``db/``.

The names load on first use (PEP 562): importing one service module (``services.dto``,
``services.audit``) does not open the whole facade, so a command loads only what it
runs (issue 13)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_crm.db.location import DatabaseLocation, resolve_location
    from desktop_crm.services.crm import Crm, open_crm

__all__ = ["Crm", "DatabaseLocation", "open_crm", "resolve_location"]

_HOME = {
    "Crm": "desktop_crm.services.crm",
    "open_crm": "desktop_crm.services.crm",
    "DatabaseLocation": "desktop_crm.db.location",
    "resolve_location": "desktop_crm.db.location",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # asked once
    return value
