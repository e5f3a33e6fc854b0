"""Use cases. Each public call is one transaction, returns plain dataclasses and
raises ``CrmError`` subclasses for anything a user can cause."""

from desktop_crm.services.crm import Crm, open_crm

__all__ = ["Crm", "open_crm"]
