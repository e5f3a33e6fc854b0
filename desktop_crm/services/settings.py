"""Settings every process must agree on, stored in the database."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from desktop_crm.db.models import Setting
from desktop_crm.db.storage import Storage
from desktop_crm.domain.external_id import DEFAULT_REGION, is_valid_region
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.audit import Action, AuditTrail
from desktop_crm.services.config_cache import ConfigSnapshot
from desktop_crm.services.events import Change, EventBus

PHONE_REGION = "phone_region"
TIMEZONE = "timezone"
FALLBACK_ZONE = "UTC"
_ZONE_NAME_RE = re.compile(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*")
_ZONEINFO_DIR = "zoneinfo/"


_VARIANT_FOLDERS = ("posix/", "right/")  # copies of the zones (right/: with leap seconds)
_MACHINE_ZONES = ("localtime", "posixrules")  # what each machine's set-up makes them
# The old one-word names and the Area/Location zone each is a link to (tz's `backward`
# file, 2024b: CET, EST and the like became links then). A closed list: tz adds no new
# one-word names.
ONE_WORD_ZONES = {
    "CET": "Europe/Brussels",
    "CST6CDT": "America/Chicago",
    "Cuba": "America/Havana",
    "EET": "Europe/Athens",
    "EST": "America/Panama",
    "EST5EDT": "America/New_York",
    "Egypt": "Africa/Cairo",
    "Eire": "Europe/Dublin",
    "GB": "Europe/London",
    "GB-Eire": "Europe/London",
    "GMT": "Etc/GMT",
    "GMT+0": "Etc/GMT",
    "GMT-0": "Etc/GMT",
    "GMT0": "Etc/GMT",
    "Greenwich": "Etc/GMT",
    "HST": "Pacific/Honolulu",
    "Hongkong": "Asia/Hong_Kong",
    "Iceland": "Atlantic/Reykjavik",
    "Iran": "Asia/Tehran",
    "Israel": "Asia/Jerusalem",
    "Jamaica": "America/Jamaica",
    "Japan": "Asia/Tokyo",
    "Kwajalein": "Pacific/Kwajalein",
    "Libya": "Africa/Tripoli",
    "MET": "Europe/Brussels",
    "MST": "America/Phoenix",
    "MST7MDT": "America/Denver",
    "NZ": "Pacific/Auckland",
    "NZ-CHAT": "Pacific/Chatham",
    "Navajo": "America/Denver",
    "PRC": "Asia/Shanghai",
    "PST8PDT": "America/Los_Angeles",
    "Poland": "Europe/Warsaw",
    "Portugal": "Europe/Lisbon",
    "ROC": "Asia/Taipei",
    "ROK": "Asia/Seoul",
    "Singapore": "Asia/Singapore",
    "Turkey": "Europe/Istanbul",
    "UCT": "UTC",
    "Universal": "UTC",
    "W-SU": "Europe/Moscow",
    "WET": "Europe/Lisbon",
    "Zulu": "UTC",
}
_ONE_WORD_FOLDED = {name.casefold(): zone for name, zone in ONE_WORD_ZONES.items()}


def is_area_location(name: str) -> bool:
    """An IANA ``Area/Location`` name (``Europe/Moscow``, ``Etc/GMT+3``) or ``UTC``: the
    same zone on every machine. ``localtime`` and ``posixrules`` follow each machine's
    setup, ``Factory`` is tz's placeholder for "not set", ``posix/…`` and ``right/…`` are
    variants of the zone files, and the old one-word links (``Japan``) have an
    Area/Location name (``ONE_WORD_ZONES``)."""
    return name == FALLBACK_ZONE or ("/" in name and not name.lower().startswith(_VARIANT_FOLDERS))


def _loads(name: str) -> bool:
    if not _ZONE_NAME_RE.fullmatch(name):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def detect_system_zone(environ: Mapping[str, str] = os.environ, etc: Path = Path("/etc")) -> str:
    """The IANA name of the system's time zone: ``$TZ`` (``:Europe/Berlin`` too), then
    ``/etc/timezone``, then where the ``/etc/localtime`` link points; else UTC (also on
    Windows, whose zone names are not IANA's: set it with ``settings --timezone``)."""
    candidates = [environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError, UnicodeError):
        candidates.append((etc / "timezone").read_text(encoding="utf-8").strip())
    try:
        target = os.readlink(etc / "localtime")
    except OSError:
        target = ""
    if _ZONEINFO_DIR in target:
        candidates.append(target.rsplit(_ZONEINFO_DIR, 1)[1])
    for name in candidates:
        if name and is_area_location(name) and _loads(name):
            return name
    return FALLBACK_ZONE


@lru_cache(maxsize=1)
def system_zone() -> str:
    """``detect_system_zone`` once per process."""
    return detect_system_zone()


def zone_name() -> str:
    """The configured time zone (the system's until one is set); inside a transaction."""
    return read_setting(TIMEZONE, "") or system_zone()


def zone() -> ZoneInfo:
    """The zone that shifts, absences typed as wall times and daily caps are read in.
    A stored name this machine cannot load (no tz data) is read as UTC."""
    name = zone_name()
    return ZoneInfo(name) if _loads(name) else ZoneInfo(FALLBACK_ZONE)


def settled_zone() -> ZoneInfo:
    """``zone()`` inside a write transaction that decides by it. When no zone is stored
    yet, the system's is stored now: every process using this database then reads
    shifts, absences and days alike (a bot's cron under UTC beside a window in Moscow
    would otherwise read one shift two ways)."""
    if not read_setting(TIMEZONE, ""):
        write_setting(TIMEZONE, system_zone())
    return zone()


def check_zone(name: str) -> str:
    """An IANA Area/Location zone name (``is_area_location``) as stored (its proper
    spelling), or ``InvalidValue``."""
    name = name.strip()
    folded: str | None = name
    if not _loads(name):
        folded = {zone.casefold(): zone for zone in available_timezones()}.get(name.casefold())
    if folded is not None and _loads(folded):
        if is_area_location(folded):
            return folded
        _refuse_zone(name, folded)
    raise InvalidValue(
        QT_TRANSLATE_NOOP(
            "errors", "Unknown time zone {zone!r} (use an IANA name, e.g. Europe/Moscow)."
        ),
        field="timezone",
        zone=name,
    )


def _refuse_zone(name: str, found: str) -> NoReturn:
    """``InvalidValue`` for ``name`` (as typed), a zone that loads as ``found`` but is no
    Area/Location name: what is wrong with it and what to type instead."""
    variant = found.lower().startswith(_VARIANT_FOLDERS)
    plain = found.split("/", 1)[1] if variant else found
    plain = _ONE_WORD_FOLDED.get(plain.casefold(), plain)
    if variant and is_area_location(plain) and _loads(plain):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The time zone {zone!r} is a variant of the zone files; use the zone's own "
                "name, {plain!r}.",
            ),
            field="timezone",
            zone=name,
            plain=plain,
        )
    if found.casefold() in _ONE_WORD_FOLDED and _loads(plain):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The time zone {zone!r} is an old one-word name; use its Area/Location "
                "name, {plain!r}.",
            ),
            field="timezone",
            zone=name,
            plain=plain,
        )
    if found.casefold() in _MACHINE_ZONES:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The time zone {zone!r} follows each machine's own set-up (two machines "
                "would read one shift two ways); use an Area/Location name, e.g. "
                "Europe/Moscow, or UTC.",
            ),
            field="timezone",
            zone=name,
        )
    raise InvalidValue(
        QT_TRANSLATE_NOOP(
            "errors",
            "The time zone {zone!r} is not an IANA Area/Location name; use one, e.g. "
            "Europe/Moscow, or UTC.",
        ),
        field="timezone",
        zone=name,
    )


def read_setting(key: str, default: str) -> str:
    """Inside the caller's transaction."""
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def write_setting(key: str, value: str) -> None:
    """Inside the caller's write transaction."""
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def phone_region(config: ConfigSnapshot | None = None) -> str:
    """The region national phone numbers are read in; ``config``: as kept between
    transactions (``config_cache``), read once per revision."""
    if config is not None:
        return config.get(("setting", PHONE_REGION), phone_region)
    return read_setting(PHONE_REGION, DEFAULT_REGION)


class SettingsService:
    def __init__(
        self,
        storage: Storage,
        events: EventBus,
        trail: AuditTrail,
        on_zone_change: Callable[[], object] = lambda: None,
    ) -> None:
        """``on_zone_change``: after a new time zone is committed (shifts and days move:
        capacity may appear, the queue is told)."""
        self._storage = storage
        self._events = events
        self._trail = trail
        self._on_zone_change = on_zone_change

    def phone_region(self) -> str:
        with self._storage.read():
            return phone_region()

    def timezone(self) -> str:
        with self._storage.read():
            return zone_name()

    @staticmethod
    def known_timezones() -> list[str]:
        """Every IANA Area/Location name this machine can load, sorted (what a window
        offers: what ``set_timezone`` takes)."""
        return sorted(zone for zone in available_timezones() if is_area_location(zone))

    def set_timezone(self, name: str) -> str:
        """The time zone of operators' hours, absences and daily caps (an IANA name)."""
        name = check_zone(name)
        with self._storage.write():
            old = zone_name()
            write_setting(TIMEZONE, name)
            self._trail.changed(Action.TIMEZONE, None, TIMEZONE, "value", old, name)
        self._events.emit(Change.SETTINGS)
        if name != old:
            self._on_zone_change()
        return name

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
