"""Guess a text file's encoding from a bounded sample of its first bytes.

Order: a byte-order mark; UTF-16 without a BOM (zero bytes in every other
position; any other zero byte means binary); UTF-8 when the sample is valid UTF-8,
when nearly all of its non-ASCII bytes form UTF-8-shaped sequences, or when more of
its non-ASCII lines are valid UTF-8 than not (a few stray or invalid bytes: those
lines are rejected by the reader, the rest is read as UTF-8); then a single-byte
encoding that Russian-speaking users' files are written in.
Only cp1251, koi8-r and cp1252 are candidates there: on a short sample
charset-normalizer alone guesses johab, big5 or mac_iceland for a few Cyrillic
words (and the text is stored as CJK noise). Single-byte Cyrillic goes to cp1251
whenever it decodes cleanly and its non-ASCII letters make Cyrillic words (cp1251 is
what Russian Excel writes), to koi8-r only when cp1251 would give words of
miscased letters ("пЕТР") that koi8-r reads as normal words, or, for text in one
letter case, when koi8-r reads clearly more like Russian by its letters' frequencies
(on 30 letters or more: fewer cannot be told safely); Western text whose
accented letters sit inside Latin words ("cafй") is read as cp1252.

Only UTF-8 and single-byte encodings can be told apart reliably, line by line:
valid multi-byte UTF-8 with non-ASCII characters is very unlikely to arise from
a single-byte text. So when a file is read in a single-byte encoding, a line that
is valid UTF-8 with non-ASCII characters is rejected as written in UTF-8 (see
``csv_reader``) instead of being stored as mojibake ("РџС‘С‚СЂ").
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

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
KOI8_R = "koi8_r"
CP1252 = "cp1252"
# What the detector may choose from when the bytes are neither UTF-8 nor UTF-16.
_PLAUSIBLE_SINGLE_BYTE = (CP1251, KOI8_R, CP1252)
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC_WORD_RE = re.compile("[\u0400-\u04ff]+")
# Share of the words with non-ASCII letters that are wholly Cyrillic in a cp1251
# reading of Russian text (Western accents give "Mьller", "cafй").
_MIN_CYRILLIC_WORD_SHARE = 0.8
_LINE_BREAK_RE = re.compile(rb"\r\n|\r|\n")
_MIN_UTF16_ZERO_SHARE = 0.3
# Text has tabs and line breaks but hardly any other C0 control character.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
# A few control characters (ESC, BEL in a cell) never make a small table binary.
_CONTROL_ALLOWANCE = 64
# Lead byte + continuation bytes, valid or not (overlong forms and surrogates too):
# what UTF-8 text with a few bad bytes consists of, and single-byte text hardly ever.
_UTF8_SHAPED_RE = re.compile(
    rb"[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_MIN_UTF8_SHAPED_SHARE = 0.9
# Python codecs that decode bytes to text but are no file encoding.
_NOT_FILE_ENCODINGS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7", "undefined"}
)
_MAX_UNDECODABLE_SHARE = 0.5
# How often each letter occurs in Russian text, per 10,000 letters (the National Corpus
# of the Russian Language). Text in one case, koi8-r read as cp1251 or the reverse, has
# the same words with other letters: "привет" becomes "РТЙЧЕФ", its common letters rare
# ones. A reading is more Russian by the mean log-frequency of its letters.
_RUSSIAN_LETTER_FREQUENCY = {
    "о": 1097,
    "е": 845,
    "а": 801,
    "и": 735,
    "н": 670,
    "т": 626,
    "с": 547,
    "р": 473,
    "в": 454,
    "л": 440,
    "к": 349,
    "м": 321,
    "д": 298,
    "п": 281,
    "у": 262,
    "я": 201,
    "ы": 190,
    "ь": 174,
    "г": 170,
    "з": 165,
    "б": 159,
    "ч": 144,
    "й": 121,
    "х": 97,
    "ж": 94,
    "ш": 73,
    "ю": 64,
    "ц": 48,
    "щ": 36,
    "э": 32,
    "ф": 26,
    "ъ": 4,
    "ё": 4,
}
_RARE_LETTER = 1  # a Cyrillic letter Russian does not use (і, ї, є, ў...)
_LETTER_LOG = {letter: math.log(count) for letter, count in _RUSSIAN_LETTER_FREQUENCY.items()}
# koi8-r is chosen by the frequencies only on this many Cyrillic letters at least, and
# when its reading is this much more Russian (mean natural log per letter) than cp1251's:
# on fewer letters, or a smaller margin, cp1251 files of names and abbreviations ("ЦУМ
# ФСБ ГИБДД") can look like koi8-r ones (tests/importing/test_koi8_letter_frequency.py).
_MIN_FREQUENCY_LETTERS = 30
_MIN_FREQUENCY_MARGIN = 0.35


class EncodingMethod(StrEnum):
    """How the encoding was chosen (for the dialog and for bug reports)."""

    OVERRIDE = "override"
    BOM = "bom"
    UTF8 = "utf-8"
    ZERO_BYTES = "zero-bytes"
    CP1251 = "cp1251-preference"
    KOI8_R = "koi8-r-letter-case"
    KOI8_R_LETTERS = "koi8-r-letter-frequency"
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
    if (
        _is_utf8(sample, complete=complete)
        or _mostly_utf8(sample)
        or _mostly_utf8_lines(sample, complete=complete)
    ):
        return DetectedEncoding(UTF8, EncodingMethod.UTF8)
    if looks_binary(sample.decode("latin-1")):
        return None
    import charset_normalizer  # only here: a UTF-8 file (most of them) never needs it

    best = charset_normalizer.from_bytes(sample, cp_isolation=list(_PLAUSIBLE_SINGLE_BYTE)).best()
    cp1251 = _mostly_decoded(sample, CP1251)
    if cp1251 is not None and (
        best is None
        or best.encoding in _CYRILLIC_CODECS
        or _CYRILLIC_LANGUAGES.intersection([best.language, *best.languages])
        or _mostly_cyrillic(cp1251)
        or _cyrillic_words(cp1251)
    ):
        koi8 = _decode_or_none(sample, KOI8_R)
        if koi8 is not None and _miscased_words(koi8) * 2 < _miscased_words(cp1251):
            return DetectedEncoding(KOI8_R, EncodingMethod.KOI8_R)
        if koi8 is not None and _reads_as_russian(koi8, cp1251):
            return DetectedEncoding(KOI8_R, EncodingMethod.KOI8_R_LETTERS)
        return DetectedEncoding(CP1251, EncodingMethod.CP1251)
    if best is None:
        return None
    return DetectedEncoding(best.encoding, EncodingMethod.DETECTOR)


def resolve_override(name: str, sample: bytes, *, complete: bool = False) -> DetectedEncoding:
    """Check a user-chosen encoding; a BOM in the file still gets dropped.

    Refused: unknown names, codecs that are no text encoding of a file (rot13,
    base64, zlib, idna, punycode...) or cannot read this file at all (UTF-32 without
    a BOM), and an encoding in which most of the sample does not decode.
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", 'Unknown encoding "{value}".'),
            field="encoding",
            value=name,
        ) from None
    codec = info.name
    if not getattr(info, "_is_text_encoding", True) or codec in _NOT_FILE_ENCODINGS:
        raise _unsupported(name)
    bom = bom_encoding(sample)
    # "utf-8" on a file with a BOM must not leave U+FEFF glued to the first header.
    if bom is not None and codecs.lookup(bom).name.split("-")[:2] == codec.split("-")[:2]:
        codec = bom
    try:
        text = codecs.getincrementaldecoder(codec)(errors="replace").decode(sample, final=complete)
    except Exception:
        raise _unsupported(name) from None
    if text.count("\ufffd") > _MAX_UNDECODABLE_SHARE * len(text) or (sample and not text):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", 'The file does not decode in the encoding "{value}".'),
            field="encoding",
            value=name,
        )
    return DetectedEncoding(codec, EncodingMethod.OVERRIDE)


def is_single_byte(encoding: str) -> bool:
    """True for an encoding that reads each byte as one character (cp1251, koi8-r,
    latin-1...): one that UTF-8 lines can be told apart from."""
    return _is_single_byte(codecs.lookup(encoding).name)


@lru_cache(maxsize=64)
def _is_single_byte(codec: str) -> bool:
    if codec.startswith("utf"):
        return False
    probe = "Пё".encode(UTF8)
    try:
        return len(probe.decode(codec, errors="replace")) == len(probe)
    except Exception:
        return False


def _unsupported(name: str) -> InvalidValue:
    return InvalidValue(
        QT_TRANSLATE_NOOP(
            "errors", 'Unsupported encoding "{value}": choose a text encoding such as UTF-8.'
        ),
        field="encoding",
        value=name,
    )


def looks_binary(text: str) -> bool:
    """True when decoded text holds a NUL or more than a trace of control characters
    (1 % of the text, and always more than a few dozen)."""
    if "\x00" in text:
        return True
    limit = max(_MAX_CONTROL_SHARE * len(text), _CONTROL_ALLOWANCE)
    return len(_CONTROL_RE.findall(text)) > limit


def _is_utf8(sample: bytes, *, complete: bool) -> bool:
    # The sample may end inside a multibyte sequence: an incremental decoder
    # keeps those bytes pending instead of failing, unless this is the end.
    try:
        codecs.getincrementaldecoder(UTF8)().decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(sample: bytes) -> bool:
    """Nearly every non-ASCII byte sits in a UTF-8-shaped sequence: UTF-8 with a few
    bad bytes, not a single-byte encoding (whose letters follow each other)."""
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if not high:
        return False
    shaped = sum(len(match) for match in _UTF8_SHAPED_RE.findall(sample))
    return shaped >= _MIN_UTF8_SHAPED_SHARE * high


def _mostly_utf8_lines(sample: bytes, *, complete: bool) -> bool:
    """More lines with non-ASCII bytes are valid UTF-8 than not: a UTF-8 file with a
    few bad lines (``\\xff\\xfe`` pasted in), whose valid lines a single-byte
    reading would turn into mojibake. (A cp1251 line is valid UTF-8 only by chance:
    its lower-case letters never are.)"""
    lines = _LINE_BREAK_RE.split(sample)
    if not complete:
        lines.pop()  # it may be cut inside a character
    good = bad = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode(UTF8)
        except UnicodeDecodeError:
            bad += 1
        else:
            good += 1
    return good > bad


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


def _cyrillic_words(text: str) -> bool:
    """The words with non-ASCII letters are nearly all Cyrillic: Russian names and
    messages among English headers and ids, not Western accents in Latin words."""
    words = [word for word in _WORD_RE.findall(text) if not word.isascii()]
    cyrillic = sum(1 for word in words if _CYRILLIC_WORD_RE.fullmatch(word))
    return bool(words) and cyrillic >= _MIN_CYRILLIC_WORD_SHARE * len(words)


def _miscased_words(text: str) -> int:
    """Cyrillic words that are neither lower case, upper case nor capitalised: what
    koi8-r text read as cp1251 (or cp1251 read as koi8-r) consists of ("пЕТР")."""
    return sum(
        1
        for word in _CYRILLIC_WORD_RE.findall(text)
        if not (word.islower() or word.isupper() or word.istitle())
    )


def _russian_score(text: str) -> tuple[float, int]:
    """The mean log-frequency of the text's Cyrillic letters in Russian, and their count."""
    total = 0.0
    count = 0
    rare = math.log(_RARE_LETTER)
    for word in _CYRILLIC_WORD_RE.findall(text):
        for letter in word.lower():
            total += _LETTER_LOG.get(letter, rare)
            count += 1
    return (total / count if count else 0.0), count


def _reads_as_russian(koi8: str, cp1251: str) -> bool:
    """Text in one letter case (which ``_miscased_words`` cannot tell): the koi8-r
    reading is clearly more Russian than the cp1251 one, on enough letters."""
    koi8_score, _ = _russian_score(koi8)
    cp1251_score, letters = _russian_score(cp1251)
    return letters >= _MIN_FREQUENCY_LETTERS and (koi8_score - cp1251_score > _MIN_FREQUENCY_MARGIN)


def _mostly_decoded(sample: bytes, encoding: str) -> str | None:
    """The sample's text when nearly all of its non-ASCII bytes decode (a stray byte
    that the encoding lacks, cp1251's 0x98, rejects only its own line)."""
    text = sample.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad and bad * 10 > len(sample) - len(sample.translate(None, _HIGH_BYTES)):
        return None
    return text


def _mostly_cyrillic(text: str) -> bool:
    letters = len(_LETTER_RE.findall(text))
    return bool(letters) and len(_CYRILLIC_RE.findall(text)) >= _MIN_CYRILLIC_SHARE * letters
