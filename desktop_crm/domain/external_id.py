"""Normalisation of a lead's external id (phone, e-mail, messenger id).

Two spellings of one phone number must find one lead, so phones become
E.164. The common Russian formats take a fast path of plain string work;
everything else goes through ``phonenumbers``. Imports normalise hundreds of
thousands of ids, so the fast path matters. ``phonenumbers`` and its metadata are
imported only when an id gets that far (it looks like a phone, or a phone is shown):
a bot registering an e-mail or a messenger id never loads them (issue 13).

Ids that look the same are the same: invisible characters (zero-width spaces
and joiners, the byte-order mark, bidi marks; see ``domain.text``) are
removed and the rest is NFC, so a pasted id finds its lead. In a phone, any
Unicode decimal digit is a digit (full-width ``８``, Arabic-Indic ``٨``) and
full-width punctuation is punctuation. A phone has at most 15 digits (E.164):
a longer number is no phone and is kept as a plain id. The national trunk 0 written
after the country code (``+49 0151…``, ``+44 (0)20…``, ``0049 0151…`` where 00 dials
abroad) is dropped, by the phone library's metadata of that country: the same person
typed without it is the same lead. Where the 0 belongs to the number (Italy: ``+39
06…``) it stays, and so does a Russian ``+7 8…`` (``+7 812…``, ``+7 800…``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from desktop_crm.domain.text import strip_invisible

if TYPE_CHECKING:
    import phonenumbers

DEFAULT_REGION = "RU"

_PHONE_CHARS_RE = re.compile(r"^\+?[0-9 ()\-.\u00a0\u2010-\u2014]+$")
_NON_DIGITS_RE = re.compile(r"[^0-9]")
_MIN_PUNCTUATED_DIGITS = 10
MAX_PHONE_DIGITS = 15  # E.164


class EmptyExternalId(ValueError):
    """The id is empty after trimming."""


def normalise_external_id(raw: str, region: str = DEFAULT_REGION, *, plain: bool = False) -> str:
    """Return the canonical form of ``raw``.

    Rules: invisible characters removed, NFC, trimmed; an e-mail is lower-cased;
    a phone becomes E.164 (``region`` decides how a national number is read);
    any other value, including bare digit strings that do not look like a phone
    (messenger user ids) and numbers of more than 15 digits, is kept as it is.
    ``plain``: the id is never read as a phone (the user said it is none).
    Idempotent: a normalised id normalises to itself.
    """
    value = _clean(raw)
    if not value:
        raise EmptyExternalId("the external id is empty")
    if "@" in value:
        return unicodedata.normalize("NFC", value.lower()) if _looks_like_email(value) else value
    if plain:
        return value
    phone = _phone_text(value)
    if phone is None:
        return value
    digits = _NON_DIGITS_RE.sub("", phone)
    if not _is_phone(phone, digits):
        return value
    return _fast_e164(phone, digits, region.upper()) or _slow_e164(phone, region.upper()) or value


def normalise_phone_cell(raw: str, region: str = DEFAULT_REGION) -> str:
    """``normalise_external_id`` for a value from a column known to hold phones.

    There, bare national digits that make a valid number of ``region``
    (``9007654321`` in RU) are a phone too (``+79007654321``); elsewhere bare
    digits are kept as a plain id (messenger user ids).
    """
    value = _clean(raw)
    if value.isdigit() and value.isascii() and len(value) <= MAX_PHONE_DIGITS:
        national = _national_e164(value, region.upper())
        if national is not None:
            return national
    return normalise_external_id(raw, region)


def national_spelling(external_id: str, region: str = DEFAULT_REGION) -> str | None:
    """The bare national digits of an E.164 phone of ``region``'s country
    (``+79007654321`` -> ``9007654321``): the plain-id spelling of the same number."""
    if not external_id.startswith("+") or not external_id[1:].isdigit():
        return None
    import phonenumbers

    try:
        number = phonenumbers.parse(external_id, None)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != phonenumbers.country_code_for_region(region.upper()):
        return None
    return str(number.national_number)


@lru_cache(maxsize=4096)
def _national_e164(digits: str, region: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != phonenumbers.country_code_for_region(region):
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(value: str) -> bool:
    """True for ``+...``, punctuated numbers with >= 10 digits, or 11 digits starting 7/8,
    with at most 15 digits."""
    phone = _phone_text(_clean(value))
    return phone is not None and _is_phone(phone, _NON_DIGITS_RE.sub("", phone))


class IdKind(Enum):
    """What an external id was read as."""

    PHONE = "phone"  # stored in E.164
    EMAIL = "email"  # stored lower-cased
    PLAIN = "plain"  # stored as typed (a messenger id, a user name...)


class PhoneProblem(Enum):
    """Why an id that looks like a phone number is no number of its region."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    UNKNOWN_COUNTRY = "unknown_country"
    LETTERS_FOR_DIGITS = "letters_for_digits"  # "+7 9OO 123-45-67": letters look like digits


@dataclass(frozen=True, slots=True)
class IdReading:
    """How an external id is read: what would be stored, as what, and whether it looks
    like a phone number that is none (``problem``; it is then stored as a plain id)."""

    value: str
    kind: IdKind
    problem: PhoneProblem | None = None
    region: str = ""  # the phone's region (its country's, or the default for national)
    # LETTERS_FOR_DIGITS: each distinct letter that stands where a digit would, and that digit
    lookalikes: tuple[tuple[str, str], ...] = ()


MIN_PHONE_LIKE_DIGITS = 5  # fewer digits with spaces or dashes read as no phone at all


def read_external_id(raw: str, region: str = DEFAULT_REGION) -> IdReading:
    """Read ``raw`` as ``normalise_external_id`` stores it, and say whether it looks
    like a phone number that is too short or too long for its region ("8 900 12"):
    text of phone characters with a leading ``+`` or with spaces, dashes, dots or
    brackets between at least five digits. Bare digits are messenger ids and never
    doubtful. Raises ``EmptyExternalId`` for an empty id."""
    value = normalise_external_id(raw, region)
    cleaned = _clean(raw)
    if "@" in cleaned and _looks_like_email(cleaned):
        return IdReading(value, IdKind.EMAIL)
    phone = _phone_text(cleaned)
    if phone is None:
        lookalikes = digit_lookalikes(cleaned)
        if lookalikes:
            return IdReading(value, IdKind.PLAIN, PhoneProblem.LETTERS_FOR_DIGITS, "", lookalikes)
        return IdReading(value, IdKind.PLAIN)
    if value.startswith("+") and value[1:].isdigit() and _is_possible(value):
        return IdReading(value, IdKind.PHONE, region=_region_of(value, region))
    digits = _NON_DIGITS_RE.sub("", phone)
    punctuated = len(digits) != len(phone)
    if not (phone.startswith("+") or (punctuated and len(digits) >= MIN_PHONE_LIKE_DIGITS)):
        return IdReading(value, IdKind.PLAIN)
    problem, its_region = _phone_problem(phone, region.upper())
    return IdReading(value, IdKind.PLAIN, problem, its_region if problem else "")


# Letters (and a bar) that people and OCR put where a digit belongs: Latin, Cyrillic and
# Greek O for 0; l, I, |, Cyrillic/Ukrainian I and palochka for 1; Cyrillic Ze for 3, Che
# for 4, be for 6.
_DIGIT_LOOKALIKES = {
    **dict.fromkeys("OoОоΟο", "0"),
    **dict.fromkeys("lI|Ііӏ", "1"),
    **dict.fromkeys("Зз", "3"),
    **dict.fromkeys("Ч", "4"),
    **dict.fromkeys("б", "6"),
}
_MAX_LOOKALIKES = 3  # "a few": more letters than that is a word, not a mistyped number


def digit_lookalikes(raw: str) -> tuple[tuple[str, str], ...]:
    """The letters standing where digits would in text shaped like a phone number
    ("+7 9OO 123-45-67": ``(("O", "0"),)``), each once in order of appearance; ``()``
    when the text is no such thing. Shaped like a phone: with those letters read as
    digits it holds only phone characters and has a leading ``+`` or separators between
    at least five digits; it has at most three such letters and more real digits than
    them. E-mails, messenger handles and names are never such text."""
    value = _clean(raw)
    if "@" in value or not any(ch in _DIGIT_LOOKALIKES for ch in value):
        return ()
    found: dict[str, str] = {}
    count = 0
    chars: list[str] = []
    for ch in value:
        digit = _DIGIT_LOOKALIKES.get(ch)
        if digit is None:
            chars.append(ch)
        else:
            found.setdefault(ch, digit)
            count += 1
            chars.append(digit)
    phone = _phone_text("".join(chars))
    if phone is None or count > _MAX_LOOKALIKES:
        return ()
    digits = _NON_DIGITS_RE.sub("", phone)
    if len(digits) - count <= count or len(digits) > MAX_PHONE_DIGITS:
        return ()
    punctuated = len(digits) != len(phone)
    if not (phone.startswith("+") or (punctuated and len(digits) >= MIN_PHONE_LIKE_DIGITS)):
        return ()
    return tuple(found.items())


def _is_possible(e164: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return False


def _region_of(e164: str, default: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return default.upper()
    return _number_region(number, default.upper())


def _number_region(number: phonenumbers.PhoneNumber, default: str) -> str:
    """The default region when the number is of its country (+7: RU or KZ), else the
    main region of the number's country code."""
    import phonenumbers

    code = number.country_code or 0
    if code == phonenumbers.country_code_for_region(default):
        return default
    return phonenumbers.region_code_for_country_code(code)


def _phone_problem(phone: str, region: str) -> tuple[PhoneProblem | None, str]:
    """Why ``phone`` (phone characters only) is no number of its region, and that
    region; ``None`` when it is a possible number after all."""
    import phonenumbers

    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException as error:
        if error.error_type in (
            phonenumbers.NumberParseException.TOO_SHORT_NSN,
            phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD,
        ):
            return PhoneProblem.TOO_SHORT, region
        if error.error_type == phonenumbers.NumberParseException.TOO_LONG:
            return PhoneProblem.TOO_LONG, region
        return PhoneProblem.UNKNOWN_COUNTRY, region
    its_region = _number_region(number, region)
    if len(_NON_DIGITS_RE.sub("", phone)) > MAX_PHONE_DIGITS:
        return PhoneProblem.TOO_LONG, its_region
    result = phonenumbers.is_possible_number_with_reason(number)
    reasons = phonenumbers.ValidationResult
    if result == reasons.IS_POSSIBLE:
        return None, its_region
    if result in (reasons.TOO_SHORT, reasons.IS_POSSIBLE_LOCAL_ONLY):
        return PhoneProblem.TOO_SHORT, its_region
    if result == reasons.TOO_LONG:
        return PhoneProblem.TOO_LONG, its_region
    if result == reasons.INVALID_COUNTRY_CODE:
        return PhoneProblem.UNKNOWN_COUNTRY, its_region
    # INVALID_LENGTH: between two lengths the region uses (RU: 10 and 14); longer than
    # the usual one reads as too long
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(its_region)
    lengths = metadata.general_desc.possible_length if metadata and metadata.general_desc else ()
    length = len(phonenumbers.national_significant_number(number))
    if lengths and length < min(lengths):
        return PhoneProblem.TOO_SHORT, its_region
    return PhoneProblem.TOO_LONG, its_region


def _clean(raw: str) -> str:
    """Without invisible characters, NFC, trimmed (stable: cleaning again changes nothing)."""
    if raw.isascii():
        return raw.strip()
    value = raw
    while True:
        cleaned = unicodedata.normalize("NFC", strip_invisible(value)).strip()
        if cleaned == value:
            return value
        value = cleaned


def _phone_text(value: str) -> str | None:
    """``value`` in ASCII digits and punctuation when it holds only phone characters
    (any Unicode decimal digit, full-width forms too); otherwise ``None``. A ``tel:``
    link (RFC 3966, as web pages and vCards give a phone) is the number it dials."""
    if value[:4].lower() == "tel:":
        value = value[4:].lstrip()
        if not value:
            return None
    if not value.isascii():
        folded = unicodedata.normalize("NFKC", value)
        value = "".join(
            str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch
            for ch in folded
        )
    return value if _PHONE_CHARS_RE.match(value) else None


def _is_phone(value: str, digits: str) -> bool:
    """``value`` holds only phone characters; ``digits`` are its digits. E.164's 15
    digits do not count the international prefix ``00`` nor a national trunk 0 written
    after the country code (``0049 0151 23456789``): the library drops them, or reads
    the number as none."""
    if len(digits) > MAX_PHONE_DIGITS + _dialling_digits(value):
        return False
    if value[0] == "+":
        return bool(digits)
    if len(digits) != len(value):  # punctuated
        return len(digits) >= _MIN_PUNCTUATED_DIGITS
    return len(value) == 11 and value[0] in "78"


def _dialling_digits(value: str) -> int:
    """How many digits of ``value`` may be no part of the number: the international
    prefix 00 and a trunk 0 written as such (``0049 (0)…``, ``+44 (0)20…``)."""
    return (2 if value.startswith("00") else 0) + (1 if "(0)" in value else 0)


def _looks_like_email(value: str) -> bool:
    local, _, domain = value.rpartition("@")
    return bool(local) and bool(domain) and " " not in value


def _fast_e164(value: str, digits: str, region: str) -> str | None:
    """The formats most contacts arrive in, without ``phonenumbers``.

    Only numbers of country code 7 in a region whose national prefix is 8
    (RU, KZ), where the answer is certain: ``+7`` and ten digits, or eleven
    digits starting with 7 or 8.
    """
    if len(digits) != 11:
        return None
    if value.startswith("+"):
        return "+" + digits if digits[0] == "7" else None
    if region in _NATIONAL_EIGHT and digits[0] in "78":
        return "+7" + digits[1:]
    return None


_NATIONAL_EIGHT = ("RU", "KZ")  # country code 7, national prefix 8


def dialled_from_abroad(digits: str, region: str) -> str | None:
    """The digits of a number typed with the national prefix 8 (``8900…``) as they are
    stored, after the country code 7 (``7900…``): where ``region`` dials that way; else
    None. For finding a number by its first digits."""
    if region.upper() in _NATIONAL_EIGHT and digits.startswith("8"):
        return "7" + digits[1:]
    return None


@lru_cache(maxsize=4096)
def _slow_e164(value: str, region: str) -> str | None:
    import phonenumbers

    digits = _NON_DIGITS_RE.sub("", value)
    if digits.startswith("00") and not value.startswith("+"):
        # 00 is how most of the world, and every mobile, dials abroad; no national
        # number starts with it. So 00 and a number is that country's number, whatever
        # the region dials abroad with (Russia: 8 10), never a national one.
        return _slow_e164("+" + digits[2:], region)
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    # Only a number that reads back as itself: libphonenumber drops a leading 0 after
    # some country codes (+49 0...) on every parse, and an id must not change each time.
    # Such a number written with + is kept as its digits (spaces and dashes do not make
    # another lead); without +, as typed.
    again = phonenumbers.parse(e164, None)
    if phonenumbers.format_number(again, phonenumbers.PhoneNumberFormat.E164) != e164:
        return "+" + _NON_DIGITS_RE.sub("", value) if value.startswith("+") else None
    return e164


@lru_cache(maxsize=8192)
def display_external_id(external_id: str) -> str:
    """A stored id as people read it: an E.164 phone in the international format
    (``+79001234567`` -> ``+7 900 123-45-67``), anything else as it is. Display only:
    ``normalise_external_id`` of the result is ``external_id`` again."""
    if not external_id.startswith("+") or not external_id[1:].isdigit():
        return external_id
    import phonenumbers

    try:
        number = phonenumbers.parse(external_id, None)
    except phonenumbers.NumberParseException:
        return external_id
    if not phonenumbers.is_possible_number(number):
        return external_id
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return shown if _NON_DIGITS_RE.sub("", shown) == external_id[1:] else external_id


def is_valid_region(region: str) -> bool:
    """True when ``region`` is a two-letter region ``phonenumbers`` knows."""
    import phonenumbers

    return region.upper() in phonenumbers.SUPPORTED_REGIONS
