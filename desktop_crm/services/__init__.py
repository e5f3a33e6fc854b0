"""Use cases. Each public call is one transaction, returns plain dataclasses and
raises ``CrmError`` subclasses for anything a user can cause.

Where a database is (``DatabaseLocation``, ``resolve_location``) is part of this
facade, so the window opens databases without reaching into ``db/``."""

from desktop_crm.db.location import DatabaseLocation, resolve_location
from desktop_crm.services.crm import Crm, open_crm

__all__ = ["Crm", "DatabaseLocation", "open_crm", "resolve_location"]
