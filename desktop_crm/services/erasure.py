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
  lose their cells and reason;
- the import records (file name, path, header row, sheet) and the journal's import
  entries keep the rest of their text: only the parts that name the person (the id
  in any spelling, a phone's digits, a word of the lead's name) read ``[erased]``.

Then the database file is rebuilt (VACUUM) and the WAL emptied, so the old values
are in no free page either. A pending rebuild is remembered in the database: when
it could not run (busy, or the process was killed), the next erase runs it.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from desktop_crm.db.models import (
    AuditEntry,
    Contact,
    ImportReject,
    ImportRow,
    ImportRun,
    Lead,
    Setting,
    tuples,
)
from desktop_crm.db.storage import Storage
from desktop_crm.domain.audit import ObjectKind
from desktop_crm.domain.external_id import (
    EmptyExternalId,
    national_spelling,
    normalise_external_id,
)
from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseDamaged, NotFound, StoppedPartWay
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.importer import ImportStatus, fingerprint
from desktop_crm.services.intake import ERASED_PREFIX
from desktop_crm.services.settings import phone_region, read_setting, write_setting

SCRUB_PENDING = "erasure.scrub_pending"
ERASED_REASON = QT_TRANSLATE_NOOP("errors", "Personal data erased.")
_MIN_PHONE_DIGITS = 7  # shorter numbers would match unrelated digits in a message
_NON_DIGITS = re.compile(r"\D+")
_MIN_SUBSTRING = 6  # a shorter id ("17") would match unrelated cells
ERASED_TEXT = "[erased]"  # what replaces the person's part of a file name or a journal label
# A run of digits as people write a phone: "+7 (900) 555-12-34", "8_900_5551234".
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s\-\u2010-\u2015.()_\u00ad\u200b-\u200f\u2060\ufeff]*\d)*")
_PATH_PARTS = re.compile(r"([/\\])")
_MIN_NAME_WORD = 3  # shorter words of a name ("Ян") would match unrelated text


def scrub_file(storage: Storage) -> bool:
    """Remove the old copies of erased data (``Storage.scrub``); the seam tests patch."""
    return storage.scrub()


_REJECT_BATCH = 500
_Prescan = tuple[int, str, list[tuple[int, int]], int]  # lead id, its id, matches, last reject


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
    # The other leads erased with it (a phone's bare-digit twin): (row id, new id) each;
    # ``contacts`` and ``rejects`` count theirs too.
    others: tuple[tuple[int, str], ...] = ()


class ErasureService:
    def __init__(self, storage: Storage, events: EventBus) -> None:
        self._storage = storage
        self._events = events

    def erase(self, reference: str) -> ErasureResult:
        """Erase the lead with this external id (any spelling), its ``erased:…`` id
        (erasing again changes nothing), or ``id:N`` (its row id).

        A phone also erases the lead stored under the bare national digits of the
        same number (``9007654321`` for ``+79007654321``), which ``contact add``
        keeps as a plain id: both are the same person.
        """
        finds = [lambda: self._find(reference)]
        twin = self._bare_digit_twin(reference)
        if twin is not None:
            finds.append(functools.partial(self._find_exact, twin))
        return self._erase_found(finds)

    def _bare_digit_twin(self, reference: str) -> str | None:
        """The bare national digits of the phone ``reference`` names, when a lead is
        stored under them."""
        text = reference.strip()
        if is_erased_id(text) or text.startswith("id:"):
            return None
        with self._storage.read():
            region = phone_region()
            try:
                normalised = normalise_external_id(text, region)
            except EmptyExternalId:
                return None
            twin = national_spelling(normalised, region)
            if twin is None or twin == normalised:
                return None
            return twin if Lead.get_or_none(Lead.external_id == twin) is not None else None

    @staticmethod
    def _find_exact(external_id: str) -> Lead:
        lead = Lead.get_or_none(Lead.external_id == external_id)
        if lead is None:
            raise _no_lead(external_id)
        return lead

    def erase_lead(self, lead_id: int) -> ErasureResult:
        """Erase the lead with this row id (the window's action)."""

        def find() -> Lead:
            lead = Lead.get_or_none(Lead.id == lead_id)
            if lead is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("errors", "Lead #{id} does not exist."), id=lead_id
                )
            return lead

        return self._erase_found([find])

    def _erase_found(self, finds: Sequence[Callable[[], Lead]]) -> ErasureResult:
        """Erase the leads ``finds`` find (a phone and its bare-digit twin) in one write
        transaction: both or neither. ``NotFound`` (the first one's) when none is found;
        one found alone (the other erased or gone) is erased alone."""
        try:
            # Looking through the stored rejects takes a while on a big database: do it
            # on a snapshot first, so the write lock is held only for the rejects added
            # since and for the updates.
            with self._storage.read():
                prescans = {
                    lead.id: (
                        None
                        if is_erased_id(lead.external_id)
                        else (lead.id, lead.external_id, *_matching_rejects(lead.external_id))
                    )
                    for lead in _found(finds)
                }
            # The erasure ends by rebuilding the whole file: a damaged file would fail
            # there, after the data change was committed. Find damage before writing.
            self._storage.refuse_if_damaged()
            self._storage.assert_sound()
            old_secure = self._storage.secure_delete(True)
            try:
                with self._storage.write():
                    results = [self._erase(lead, prescans.get(lead.id)) for lead in _found(finds)]
                    write_setting(SCRUB_PENDING, "1")
            finally:
                self._storage.secure_delete(old_secure)
        except NotFound:
            self.finish_pending()  # an earlier erasure may have been cut short
            raise
        result = ErasureResult(
            results[0].lead_id,
            results[0].external_id,
            sum(r.contacts for r in results),
            sum(r.rejects for r in results),
            all(r.already_erased for r in results),
            False,
            tuple((r.lead_id, r.external_id) for r in results[1:]),
        )
        if not result.already_erased:
            self._events.emit(Change.LEADS, Change.CONTACTS, Change.IMPORTS)
        try:
            with self._storage.file_errors():
                clean = self.finish_pending()
        except DatabaseDamaged as error:  # the data change is committed: say so
            raise StoppedPartWay(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The lead was erased (its id is now {external_id}), but the file could "
                    "not be cleaned of old copies: {reason}",
                ),
                cause=error,
                committed=1,
                result=result,
                external_id=result.external_id,
            ) from error
        return dataclasses.replace(result, file_clean=clean)

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
        # The flag's own page went to the WAL (no personal data in it): empty the WAL again.
        return self._storage.checkpoint()

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
            raise _no_lead(reference if len(reference) <= 80 else reference[:79] + "…")
        return lead

    def _erase(self, lead: Lead, prescan: _Prescan | None) -> ErasureResult:
        contacts = list(
            tuples(
                Contact.select(
                    Contact.id, Contact.source, Contact.message, Contact.created_at
                ).where(Contact.lead == lead.id)
            )
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
        if prescan is not None and prescan[:2] == (lead.id, original):
            matched, scanned_up_to = prescan[2], prescan[3]
        else:  # the lead changed in between: look again, under the lock
            matched, scanned_up_to = [], 0
        more, _ = _matching_rejects(original, after=scanned_up_to)
        rejects = _clear_rejects(matched + more)
        _redact_import_records(_person_redactor(original, lead.name, phone_region()))
        Contact.update(message="", idempotency_key=None, idempotency_payload=None).where(
            Contact.lead == lead.id
        ).execute()
        placeholder = ERASED_PREFIX + secrets.token_hex(8)  # 64 random bits: never collides
        Lead.update(external_id=placeholder, name="", name_folded="").where(
            Lead.id == lead.id
        ).execute()
        return ErasureResult(lead.id, placeholder, len(contacts), rejects, False, False)


def _found(finds: Sequence[Callable[[], Lead]]) -> list[Lead]:
    """The leads ``finds`` find, each once; the first ``NotFound`` when none is."""
    leads: dict[int, Lead] = {}
    missing: NotFound | None = None
    for find in finds:
        try:
            lead = find()
        except NotFound as error:
            missing = missing or error
            continue
        leads.setdefault(lead.id, lead)
    if leads:
        return list(leads.values())
    if missing is None:
        raise ValueError("no lead to look for")
    raise missing


def _digits(text: str) -> str:
    """The decimal digits of ``text`` in any script, as ASCII ("８９" -> "89")."""
    digits = _NON_DIGITS.sub("", text)
    if digits.isascii():
        return digits
    return "".join(str(unicodedata.decimal(c)) for c in digits)


def _national_number(external_id: str) -> str:
    """The national significant number of a phone id ('' for other ids): what every
    spelling of the phone contains ("+79005550001" -> "9005550001")."""
    if not external_id.startswith("+"):
        return ""
    import phonenumbers  # only for a phone: its metadata costs a bot's command time

    try:
        number = phonenumbers.parse(external_id, None)
    except phonenumbers.NumberParseException:
        return ""
    national = str(number.national_number)
    return national if len(national) >= _MIN_PHONE_DIGITS else ""


def _person_matcher(external_id: str, region: str) -> Callable[[Iterable[object]], bool]:
    """Whether a reject's values name the person: for a phone, a value whose digits
    contain its national number (any spelling, also inside a message); for other ids,
    a value containing the id (an id shorter than ``_MIN_SUBSTRING`` must be the whole
    value, in any spelling)."""
    national = _national_number(external_id)
    folded = external_id.casefold()
    long_id = len(folded) >= _MIN_SUBSTRING

    def matches(values: Iterable[object]) -> bool:
        for value in values:
            text = value if isinstance(value, str) else str(value)
            if not text or text.isspace():
                continue
            if national and national in _digits(text):
                return True
            if long_id and folded in text.casefold():
                return True
            if not national and not long_id and len(text) <= 64:
                try:
                    if normalise_external_id(text, region) == external_id:
                        return True
                except EmptyExternalId:
                    continue
        return False

    return matches


def _person_redactor(external_id: str, name: str, region: str) -> Callable[[str], str]:
    """``text`` with every part that names the person replaced by ``ERASED_TEXT``.

    - A phone (or an id of 7 or more bare digits): each run of digits, with the spaces,
      dashes, dots, brackets and underscores people write between them, that holds its
      national number or its last 7 or more digits; a folder or file name whose digits
      still hold the number (split by letters) goes whole.
    - Another id: the id in any case; one shorter than ``_MIN_SUBSTRING`` only as a
      whole word.
    - Each word of 3 or more characters of the lead's name, as a word or with up to 3
      more letters (its declined forms: "Иванов" also in "Иванова", "Пётр" in
      "Петром"), in any case, ё and е alike.
    """
    national = _national_number(external_id)
    if not national and external_id.isdecimal() and len(external_id) >= _MIN_PHONE_DIGITS:
        national = _digits(external_id)  # bare digits: a phone's twin, as digits go too
    patterns = [
        re.compile(r"(?<!\w)" + _any_yo(word) + r"\w{0,3}(?!\w)", re.IGNORECASE)
        for word in _name_words(name)
    ]
    short_id = ""
    if not national:
        if len(external_id) >= _MIN_SUBSTRING:
            patterns.insert(0, re.compile(re.escape(external_id), re.IGNORECASE))
        else:
            short_id = external_id

    def digits_name_the_phone(match: re.Match[str]) -> str:
        digits = _digits(match.group())
        if national in digits or (len(digits) >= _MIN_PHONE_DIGITS and national.endswith(digits)):
            return ERASED_TEXT
        return match.group()

    def short_word(match: re.Match[str]) -> str:
        try:
            same = normalise_external_id(match.group(), region) == short_id
        except EmptyExternalId:
            same = False
        return ERASED_TEXT if same else match.group()

    def redact_part(text: str) -> str:
        if national:
            text = _DIGIT_RUN.sub(digits_name_the_phone, text)
            if national in _digits(text):
                return ERASED_TEXT
        for pattern in patterns:
            text = pattern.sub(ERASED_TEXT, text)
        if short_id:
            text = re.sub(r"[^\s/\\]+", short_word, text)
        return text

    def redact(text: str) -> str:
        if not text:
            return text
        composed = unicodedata.normalize("NFC", text)  # a macOS file name comes decomposed
        # each folder of a path on its own: the rest of the path stays
        result = "".join(redact_part(part) for part in _PATH_PARTS.split(composed))
        if national and national in _digits(result):
            return ERASED_TEXT
        return text if result == composed else result

    return redact


def _name_words(name: str) -> list[str]:
    """The words of a lead's name long enough to look for (with a letter in them)."""
    words: list[str] = []
    for word in re.findall(r"\w+", unicodedata.normalize("NFC", name)):
        if len(word) >= _MIN_NAME_WORD and not word.isdigit() and word.casefold() not in words:
            words.append(word.casefold())
    return words


def _any_yo(word: str) -> str:
    """A pattern for ``word`` in which ё and е stand for each other."""
    return "".join("[её]" if ch in "её" else re.escape(ch) for ch in word)


def _redact_import_records(redact: Callable[[str], str]) -> None:
    """Apply ``redact`` to what the import records and the journal's import entries
    keep of a file: its name, path, header row and sheet, and the entries' labels.
    An unfinished import keeps its sheet's name: the next import of that sheet finishes
    it (a finished one is still recognised by its ``sheet_key``, a digest)."""
    runs = ImportRun.select(
        ImportRun.id, ImportRun.file_name, ImportRun.file_path, ImportRun.options, ImportRun.status
    )
    for run_id, file_name, file_path, options, status in list(tuples(runs)):
        changed = {
            "file_name": redact(file_name),
            "file_path": redact(file_path),
            "options": _redact_options(options, redact, sheet=status == ImportStatus.DONE),
        }
        if (changed["file_name"], changed["file_path"], changed["options"]) != (
            file_name,
            file_path,
            options,
        ):
            ImportRun.update(**changed).where(ImportRun.id == run_id).execute()
    entries = AuditEntry.select(AuditEntry.id, AuditEntry.label, AuditEntry.details).where(
        AuditEntry.object_kind == ObjectKind.IMPORT.value
    )
    for entry_id, label, details in list(tuples(entries)):
        new_label, new_details = redact(label), _redact_json(details, redact)
        if (new_label, new_details) != (label, details):
            AuditEntry.update(label=new_label, details=new_details).where(
                AuditEntry.id == entry_id
            ).execute()


def _redact_options(options: str, redact: Callable[[str], str], sheet: bool) -> str:
    try:
        data = json.loads(options or "{}")
    except ValueError:
        return redact(options)
    if not isinstance(data, dict):
        return options
    new = dict(data)
    if isinstance(data.get("headers"), list):
        new["headers"] = [redact(h) if isinstance(h, str) else h for h in data["headers"]]
    if sheet and isinstance(data.get("sheet"), str):
        new["sheet"] = redact(data["sheet"])
    return options if new == data else json.dumps(new, ensure_ascii=False)


def _redact_json(text: str, redact: Callable[[str], str]) -> str:
    """Every string inside the JSON ``text`` redacted (the text itself when not JSON)."""
    try:
        data = json.loads(text or "null")
    except ValueError:
        return redact(text)

    def walk(value: object) -> object:
        if isinstance(value, str):
            return redact(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    new = walk(data)
    return text if new == data else json.dumps(new, ensure_ascii=False)


def _matching_rejects(external_id: str, after: int = 0) -> tuple[list[tuple[int, int]], int]:
    """(id, number of cells) of the stored rejects after ``after`` that name the
    person, and the last reject id looked at."""
    matches = _person_matcher(external_id, phone_region())
    matched: list[tuple[int, int]] = []
    last_id = after
    while True:
        query = (
            ImportReject.select(ImportReject.id, ImportReject.cells, ImportReject.params)
            .where(ImportReject.id > last_id)
            .order_by(ImportReject.id)
            .limit(_REJECT_BATCH)
        )
        batch = list(tuples(query))
        if not batch:
            return matched, last_id
        last_id = batch[-1][0]
        for reject_id, cells_json, params_json in batch:
            cells = _json_values(cells_json)
            params = _json_values(params_json)
            if matches([*cells, *params]):
                matched.append((reject_id, len(cells)))


def _clear_rejects(matched: list[tuple[int, int]]) -> int:
    """Clear the given rejects' cells and reason; returns how many."""
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


def _no_lead(reference: str) -> NotFound:
    return NotFound(
        QT_TRANSLATE_NOOP(
            "errors",
            "No lead with the id {reference!r} (an erased lead is found by its "
            "erased:… id, or id:N).",
        ),
        reference=reference,
    )
