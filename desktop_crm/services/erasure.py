"""Erasing a person (Russia's 152-FZ and similar laws): the lead stays countable, its
personal data goes everywhere it was stored.

In one write transaction:
- the lead's external id becomes ``erased:<random>`` (a prefix no registered id may
  carry, so it never collides), its name becomes empty;
- every contact of the lead loses its message and its idempotency key (a bot's key
  may hold a phone); source, operator, times and state stay, so counts and
  statistics do not change; the decision trace holds no personal data (operators,
  weights, loads and draws only);
- the import fingerprints of those contacts (hashes of id, source and message) are
  deleted, so re-importing a file that still holds the person registers them again;
- stored import rejects that name the person (a cell or parameter that is the same
  id in any spelling, or, for a phone, any cell whose digits contain its number)
  lose their cells and reason.

Then the database file is rebuilt (VACUUM) and the WAL emptied, so the old values
are in no free page either. A pending rebuild is remembered in the database: when
it could not run (busy, or the process was killed), the next erase runs it.
"""

from __future__ import annotations

import json
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop_crm.db.models import Contact, ImportReject, ImportRow, Lead, Setting
from desktop_crm.db.scrub import scrub_file, set_secure_delete
from desktop_crm.db.storage import Storage
from desktop_crm.domain.external_id import EmptyExternalId, normalise_external_id
from desktop_crm.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.importer import fingerprint
from desktop_crm.services.intake import ERASED_PREFIX
from desktop_crm.services.settings import phone_region, read_setting, write_setting

SCRUB_PENDING = "erasure.scrub_pending"
ERASED_REASON = QT_TRANSLATE_NOOP("errors", "Personal data erased.")
_MIN_PHONE_DIGITS = 7  # shorter numbers would match unrelated digits in a message
_MIN_SUBSTRING = 6  # a shorter id ("17") would match unrelated cells
_REJECT_BATCH = 500


def is_erased_id(external_id: str) -> bool:
    return external_id.casefold().startswith(ERASED_PREFIX)


@dataclass(frozen=True, slots=True)
class ErasureResult:
    lead_id: int
    external_id: str  # the placeholder the lead carries now
    contacts: int  # contacts kept, their messages erased
    rejects: int  # stored import rejects cleared
    already_erased: bool
    file_clean: bool  # False: the file still holds old copies until the next erase


class ErasureService:
    def __init__(self, storage: Storage, events: EventBus) -> None:
        self._storage = storage
        self._events = events

    def erase(self, reference: str) -> ErasureResult:
        """Erase the lead with this external id (any spelling), its ``erased:…`` id
        (erasing again changes nothing), or ``id:N`` (its row id)."""
        return self._erase_found(lambda: self._find(reference))

    def erase_lead(self, lead_id: int) -> ErasureResult:
        """Erase the lead with this row id (the window's action)."""

        def find() -> Lead:
            lead = Lead.get_or_none(Lead.id == lead_id)
            if lead is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("errors", "Lead #{id} does not exist."), id=lead_id
                )
            return lead

        return self._erase_found(find)

    def _erase_found(self, find: Callable[[], Lead]) -> ErasureResult:
        old_secure = set_secure_delete(self._storage, True)
        try:
            with self._storage.write():
                lead = find()
                result = self._erase(lead)
                write_setting(SCRUB_PENDING, "1")
        except NotFound:
            self.finish_pending()  # an earlier erasure may have been cut short
            raise
        finally:
            set_secure_delete(self._storage, old_secure)
        if not result.already_erased:
            self._events.emit(Change.LEADS, Change.CONTACTS, Change.IMPORTS)
        clean = self.finish_pending()
        return ErasureResult(
            result.lead_id,
            result.external_id,
            result.contacts,
            result.rejects,
            result.already_erased,
            clean,
        )

    def finish_pending(self) -> bool:
        """Rebuild the file if an erasure left old copies in it; True when clean."""
        with self._storage.read():
            pending = read_setting(SCRUB_PENDING, "") == "1"
        if not pending:
            return True
        if not scrub_file(self._storage):
            return False
        with self._storage.write():
            Setting.delete().where(Setting.key == SCRUB_PENDING).execute()
        # The flag's own page went to the WAL: copy it over and empty the WAL again.
        return scrub_file(self._storage)

    # -- inside the write transaction ------------------------------------------------------
    @staticmethod
    def _find(reference: str) -> Lead:
        text = reference.strip()
        lead = None
        if is_erased_id(text):
            lead = Lead.get_or_none(Lead.external_id == text.casefold())
        else:
            try:
                lead = Lead.get_or_none(
                    Lead.external_id == normalise_external_id(text, phone_region())
                )
            except EmptyExternalId:
                lead = None
            if lead is None and text.startswith("id:") and text[3:].isascii():
                number = text[3:]
                if number.isdigit() and len(number) < 19:
                    lead = Lead.get_or_none(Lead.id == int(number))
        if lead is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "No lead with the id {reference!r} (an erased lead is found by its "
                    "erased:… id, or id:N).",
                ),
                reference=reference,
            )
        return lead

    def _erase(self, lead: Lead) -> ErasureResult:
        contacts = list(
            Contact.select(Contact.id, Contact.source, Contact.message, Contact.created_at)
            .where(Contact.lead == lead.id)
            .tuples()
        )
        if is_erased_id(lead.external_id):
            return ErasureResult(lead.id, lead.external_id, len(contacts), 0, True, False)
        original = lead.external_id
        keys: list[int] = []
        for _id, source_id, message, created_at in contacts:
            keys.append(fingerprint(original, source_id, message, None))
            keys.append(fingerprint(original, source_id, message, created_at))
        for start in range(0, len(keys), _REJECT_BATCH):
            chunk = keys[start : start + _REJECT_BATCH]
            ImportRow.delete().where(ImportRow.fingerprint.in_(chunk)).execute()
        rejects = _clear_rejects(original)
        Contact.update(message="", idempotency_key=None).where(Contact.lead == lead.id).execute()
        placeholder = ERASED_PREFIX + secrets.token_hex(12)
        Lead.update(external_id=placeholder, name="", name_folded="").where(
            Lead.id == lead.id
        ).execute()
        return ErasureResult(lead.id, placeholder, len(contacts), rejects, False, False)


def _ascii_digits(text: str) -> str:
    """The decimal digits of ``text`` in any script, as ASCII ("８９" -> "89")."""
    return "".join(str(unicodedata.decimal(c)) for c in text if c.isdecimal())


def _names_person(values: Iterable[object], external_id: str, region: str) -> bool:
    """A reject row names the person: for a phone, a value whose digits contain the
    number (national part); for other ids, a value containing the id (ids shorter
    than ``_MIN_SUBSTRING`` must be the whole value, in any spelling)."""
    digits = _ascii_digits(external_id) if external_id.startswith("+") else ""
    national = digits[1:] if digits.startswith("7") and len(digits) == 11 else digits
    folded = external_id.casefold()
    for value in values:
        text = str(value)
        if not text.strip():
            continue
        if len(national) >= _MIN_PHONE_DIGITS and national in _ascii_digits(text):
            return True
        if len(folded) >= _MIN_SUBSTRING and folded in text.casefold():
            return True
        if len(text) <= 64:
            try:
                if normalise_external_id(text, region) == external_id:
                    return True
            except EmptyExternalId:
                continue
    return False


def _clear_rejects(external_id: str) -> int:
    """Clear the stored rejects that name the person; returns how many."""
    region = phone_region()
    matched: list[tuple[int, int]] = []
    last_id = 0
    while True:
        batch = list(
            ImportReject.select(ImportReject.id, ImportReject.cells, ImportReject.params)
            .where(ImportReject.id > last_id)
            .order_by(ImportReject.id)
            .limit(_REJECT_BATCH)
            .tuples()
        )
        if not batch:
            break
        last_id = batch[-1][0]
        for reject_id, cells_json, params_json in batch:
            cells = _json_values(cells_json)
            params = _json_values(params_json)
            if _names_person([*cells, *params], external_id, region):
                matched.append((reject_id, len(cells)))
    for reject_id, width in matched:
        ImportReject.update(
            cells=json.dumps([""] * width),
            params="{}",
            template=ERASED_REASON,
            reason=ERASED_REASON,
        ).where(ImportReject.id == reject_id).execute()
    return len(matched)


def _json_values(text: str | None) -> list[object]:
    try:
        value = json.loads(text or "null")
    except ValueError:
        return [text]
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, list):
        return value
    return [] if value is None else [value]
