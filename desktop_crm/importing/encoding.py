"""Guess a text file's encoding from a bounded sample of its first bytes.

Order: a byte-order mark; UTF-16 without a BOM (zero bytes in every other
position; any other zero byte means binary); strict UTF-8; charset-normalizer.
Single-byte Cyrillic goes to cp1251 whenever it decodes cleanly: on short
samples detectors confuse cp1251, koi8-r and mac-cyrillic, and cp1251 is what
Russian Excel writes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum

import charset_normalizer

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue

# Codec names Python reads with; the BOM-aware ones drop the mark themselves.
UTF8 = "utf-8"
UTF8_SIG = "utf-8-sig"
UTF16 = "utf-16"
UTF32 = "utf-32"
CP1251 = "cp1251"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE starts with the UTF-16 LE mark, so it is tested first.
    (codecs.BOM_UTF32_LE, UTF32),
    (codecs.BOM_UTF32_BE, UTF32),
    (codecs.BOM_UTF8, UTF8_SIG),
    (codecs.BOM_UTF16_LE, UTF16),
    (codecs.BOM_UTF16_BE, UTF16),
)
_CYRILLIC_CODECS = frozenset(
    {"cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5", "kz1048", "ptcp154"}
)
_CYRILLIC_LANGUAGES = frozenset(
    {"Russian", "Ukrainian", "Bulgarian", "Serbian", "Belarusian", "Kazakh", "Macedonian"}
)
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_LETTER_RE = re.compile(r"[^\W\d_]")
# Below this share of Cyrillic among letters, cp1251 would turn Western text
# (e.g. cp1252 "é" -> "й") into Cyrillic noise.
_MIN_CYRILLIC_SHARE = 0.3
_MIN_UTF16_ZERO_SHARE = 0.3
# Text has tabs and line breaks but hardly any other C0 control character.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01


class EncodingMethod(StrEnum):
    """How the encoding was chosen (for the dialog and for bug reports)."""

    OVERRIDE = "override"
    BOM = "bom"
    UTF8 = "utf-8"
    ZERO_BYTES = "zero-bytes"
    CP1251 = "cp1251-preference"
    DETECTOR = "charset-normalizer"


@dataclass(frozen=True, slots=True)
class DetectedEncoding:
    """``name`` is a Python codec name, ready for ``open(..., encoding=name)``."""

    name: str
    method: EncodingMethod


def bom_encoding(sample: bytes) -> str | None:
    """The BOM-aware codec for a sample that starts with a byte-order mark."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    return None


def detect_encoding(sample: bytes, *, complete: bool) -> DetectedEncoding | None:
    """Guess the encoding of ``sample``; ``complete`` = the sample is the whole file.

    Returns None for content that is not text (binary); the caller refuses it.
    """
    bom = bom_encoding(sample)
    if bom is not None:
        return DetectedEncoding(bom, EncodingMethod.BOM)
    if b"\x00" in sample:
        # No text table holds NUL; BOM-less UTF-16 does, in every other byte
        # (and ASCII-range UTF-16 would even pass for valid UTF-8).
        utf16 = _utf16_without_bom(sample)
        return None if utf16 is None else DetectedEncoding(utf16, EncodingMethod.ZERO_BYTES)
    if _is_utf8(sample, complete=complete):
        return DetectedEncoding(UTF8, EncodingMethod.UTF8)
    if looks_binary(sample.decode("latin-1")):
        return None
    best = charset_normalizer.from_bytes(sample).best()
    cp1251 = _decode_or_none(sample, CP1251)
    if cp1251 is not None and (
        best is None
        or best.encoding in _CYRILLIC_CODECS
        or _CYRILLIC_LANGUAGES.intersection([best.language, *best.languages])
        or _mostly_cyrillic(cp1251)
    ):
        return DetectedEncoding(CP1251, EncodingMethod.CP1251)
    if best is None:
        return None
    return DetectedEncoding(best.encoding, EncodingMethod.DETECTOR)


def resolve_override(name: str, sample: bytes) -> DetectedEncoding:
    """Check a user-chosen encoding; a BOM in the file still gets dropped."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", 'Unknown encoding "{value}".'),
            field="encoding",
            value=name,
        ) from None
    bom = bom_encoding(sample)
    # "utf-8" on a file with a BOM must not leave U+FEFF glued to the first header.
    if bom is not None and codecs.lookup(bom).name.split("-")[:2] == codec.split("-")[:2]:
        codec = bom
    return DetectedEncoding(codec, EncodingMethod.OVERRIDE)


def looks_binary(text: str) -> bool:
    """True when decoded text holds a NUL or more than a trace of control characters."""
    if "\x00" in text:
        return True
    return len(_CONTROL_RE.findall(text)) > _MAX_CONTROL_SHARE * len(text)


def _is_utf8(sample: bytes, *, complete: bool) -> bool:
    # The sample may end inside a multibyte sequence: an incremental decoder
    # keeps those bytes pending instead of failing, unless this is the end.
    try:
        codecs.getincrementaldecoder(UTF8)().decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(sample: bytes) -> str | None:
    even = sample[0::2]
    odd = sample[1::2]
    # Mostly-ASCII UTF-16 text has a zero in every other byte.
    if odd.count(0) >= _MIN_UTF16_ZERO_SHARE * len(odd) and not even.count(0):
        name = "utf-16-le"
    elif even.count(0) >= _MIN_UTF16_ZERO_SHARE * len(even) and not odd.count(0):
        name = "utf-16-be"
    else:
        return None
    try:
        codecs.getincrementaldecoder(name)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return name


def _decode_or_none(sample: bytes, encoding: str) -> str | None:
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_cyrillic(text: str) -> bool:
    letters = len(_LETTER_RE.findall(text))
    return bool(letters) and len(_CYRILLIC_RE.findall(text)) >= _MIN_CYRILLIC_SHARE * letters
