"""Settings every process must agree on, stored in the database."""

from __future__ import annotations

from desktop_crm.db.models import Setting
from desktop_crm.db.storage import Storage
from desktop_crm.domain.external_id import DEFAULT_REGION, is_valid_region
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.audit import Action, AuditTrail
from desktop_crm.services.events import Change, EventBus

PHONE_REGION = "phone_region"


def read_setting(key: str, default: str) -> str:
    """Inside the caller's transaction."""
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def write_setting(key: str, value: str) -> None:
    """Inside the caller's write transaction."""
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def phone_region() -> str:
    return read_setting(PHONE_REGION, DEFAULT_REGION)


class SettingsService:
    def __init__(self, storage: Storage, events: EventBus, trail: AuditTrail) -> None:
        self._storage = storage
        self._events = events
        self._trail = trail

    def phone_region(self) -> str:
        with self._storage.read():
            return phone_region()

    def set_phone_region(self, region: str) -> str:
        """The region that national phone numbers are read in (ISO code, e.g. RU)."""
        region = region.strip().upper()
        if not is_valid_region(region):
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", "Unknown phone region {region!r} (use e.g. RU, KZ)."),
                field="phone_region",
                region=region,
            )
        with self._storage.write():
            old = phone_region()
            write_setting(PHONE_REGION, region)
            self._trail.changed(Action.PHONE_REGION, None, PHONE_REGION, "value", old, region)
        self._events.emit(Change.SETTINGS)
        return region
