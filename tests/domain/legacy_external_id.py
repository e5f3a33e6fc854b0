"""The lead-id rules before invisible characters, Unicode digits and the 15-digit limit
(verbatim from commit 40abbfd), to check that ids stored by earlier versions keep matching."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "RU"

_PHONE_CHARS_RE = re.compile(r"^\+?[\d ()\-.\u00a0\u2010-\u2014]+$")
_NON_DIGITS_RE = re.compile(r"\D")
_MIN_PUNCTUATED_DIGITS = 10


class EmptyExternalId(ValueError):
    """The id is empty after trimming."""


def normalise_external_id(raw: str, region: str = DEFAULT_REGION) -> str:
    """Return the canonical form of ``raw``.

    Rules: trim; an e-mail is lower-cased; a phone becomes E.164 (``region``
    decides how a national number is read); any other value, including bare
    digit strings that do not look like a phone (messenger user ids), is kept
    as it is.
    """
    value = raw.strip()
    if not value:
        raise EmptyExternalId("the external id is empty")
    if "@" in value:
        return value.lower() if _looks_like_email(value) else value
    if not _PHONE_CHARS_RE.match(value):
        return value
    digits = _NON_DIGITS_RE.sub("", value)
    if not _is_phone(value, digits):
        return value
    return _fast_e164(value, digits, region.upper()) or _slow_e164(value, region.upper()) or value


def looks_like_phone(value: str) -> bool:
    """True for ``+...``, punctuated numbers with >= 10 digits, or 11 digits starting 7/8."""
    return bool(_PHONE_CHARS_RE.match(value)) and _is_phone(value, _NON_DIGITS_RE.sub("", value))


def _is_phone(value: str, digits: str) -> bool:
    """``value`` holds only phone characters; ``digits`` are its digits."""
    if value[0] == "+":
        return bool(digits)
    if len(digits) != len(value):  # punctuated
        return len(digits) >= _MIN_PUNCTUATED_DIGITS
    return len(value) == 11 and value[0] in "78"


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
    if region in ("RU", "KZ") and digits[0] in "78":
        return "+7" + digits[1:]
    return None


@lru_cache(maxsize=4096)
def _slow_e164(value: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_valid_region(region: str) -> bool:
    """True when ``region`` is a two-letter region ``phonenumbers`` knows."""
    return region.upper() in phonenumbers.SUPPORTED_REGIONS
