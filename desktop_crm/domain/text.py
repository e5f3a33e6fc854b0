"""Text that looks the same is the same: invisible characters, Unicode forms, names.

Two operator names, two source names or two lead ids that a person cannot tell
apart on the screen must not be two different things. The rules:

- *Invisible* characters are the format characters (Unicode category Cf:
  zero-width space and joiners, the byte-order mark, word joiner, soft hyphen,
  bidi marks, embeddings, overrides and isolates) and the other default-ignorable
  code points (variation selectors, the combining grapheme joiner, Hangul fillers
  U+115F, U+1160, U+3164, U+FFA0), and the braille pattern blank U+2800, which is
  not default-ignorable but shows as nothing all the same.
- A *name* as stored and shown: invisible characters removed (the zero-width
  joiner and non-joiner are kept between visible characters, where some scripts
  and emoji need them), NFC, whitespace trimmed.
- A name's *key*, by which names are compared and looked up: NFKC with case folded
  (``Base`` = ``base`` = ``Ｂａｓｅ``; NFC and NFD forms of ``й`` are one),
  every invisible character removed, each run of whitespace one space, trimmed.

- A *lead's name* (``lead_name``) is a name as above, its tabs and line breaks one
  space each, that holds no other control character (C0, DEL, C1); a *lead's message*
  (``lead_message``) holds none but tab, line feed and carriage return. Either with
  another is refused (``ControlCharacter``): a terminal would act on it (colour, bell,
  cursor moves) instead of showing it. The bidi embeddings, overrides and isolates
  (U+202A-U+202E, U+2066-U+2069), which reorder the text after them on any screen, are
  removed from both (from a name, as every invisible character is).

- A name's *skeleton*: its key with each Cyrillic and Greek letter that looks like a
  Latin one (``а`` ``е`` ``о`` ``р`` ``с`` ``х``..., ``ο`` ``ρ``...) written as that
  Latin letter. Two names with one skeleton but different keys are *look-alikes*
  (``WhatsАpp`` with a Cyrillic А and ``WhatsApp``; ``Cайт`` with a Latin C and
  ``Сайт``): a person cannot tell them apart, so one is almost surely a typo of the other.

Pure functions; nothing from the project is imported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_ZWNJ = "\u200c"
_ZWJ = "\u200d"
_JOINERS = frozenset((_ZWNJ, _ZWJ))

# Default-ignorable code points outside category Cf (DerivedCoreProperties.txt).
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong/jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors, vowel separator
    (0x2800, 0x2800),  # braille pattern blank: a visible cell that shows nothing
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)

# Letters, digits, whitespace and common punctuation hold no invisible character but
# the Hangul fillers (letters by category): the fast path for names and ids.
_PLAIN_RE = re.compile(r"[\w\s.,;:!?'\"()\-/№#&+@*]*")
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")

_WHITESPACE_RUN = re.compile(r"\s+")
# What a terminal would act on instead of showing: C0 controls but the newline, DEL, C1
# controls, bidi marks, embeddings, overrides and isolates, line and paragraph separators.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
_NAMED_ESCAPES = {"\t": "\\t", "\r": "\\r"}
_EDGES = re.compile(r"^[\s\u200c\u200d]+|[\s\u200c\u200d]+$")


def is_invisible(char: str) -> bool:
    """True for a format character (Cf) or another default-ignorable code point."""
    if unicodedata.category(char) == "Cf":
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _IGNORABLE_RANGES)


def strip_invisible(text: str) -> str:
    """``text`` without any invisible character."""
    if text.isascii() or _is_plain(text):
        return text
    return "".join(ch for ch in text if not is_invisible(ch))


def _is_plain(text: str) -> bool:
    """Holds no invisible character, told cheaply (most names and ids)."""
    return _PLAIN_RE.fullmatch(text) is not None and _INVISIBLE_LETTERS.isdisjoint(text)


# Unicode's control characters (category Cc, fixed for good by Unicode's stability
# policy): C0, DEL and C1. One regular expression instead of a lookup per character.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def has_control(text: str) -> bool:
    """True when ``text`` holds a control character (C0, DEL or C1), tab and newline too."""
    return _CONTROL_RE.search(text) is not None


# NUL (PostgreSQL's text cannot hold it) and lone surrogates (no UTF-8 for them): only a
# JSON escape brings either, and no backend stores them the same.
_UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")


def unstorable(text: str) -> bool:
    """True when ``text`` holds a character no database stores as it is (NUL, a lone
    surrogate)."""
    return _UNSTORABLE_RE.search(text) is not None


class ControlCharacter(ValueError):
    """A lead's name or message holds ``char``, a control character it may not hold."""

    def __init__(self, char: str) -> None:
        self.char = char
        super().__init__(f"control character {char!r}")


# A message's lines and tabs stay: every other control character is refused.
_MESSAGE_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Embeddings, overrides and isolates: each reorders the text after it until its end.
_BIDI_FORMATTING_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A tab or line break in a name, with the spaces around it: one space.
_NAME_BREAK_RE = re.compile("[ \t\n\r]*[\t\n\r][ \t\n\r]*")


def lead_name(text: str) -> str:
    """A lead's name as stored (``clean_name``), a tab or line break with the spaces
    around it one space (a name cell of two lines); ``ControlCharacter`` for any other
    control character in it."""
    if "\t" in text or "\n" in text or "\r" in text:
        text = _NAME_BREAK_RE.sub(" ", text)
    name = clean_name(text)
    found = _CONTROL_RE.search(name)
    if found is not None:
        raise ControlCharacter(found.group())
    return name


def lead_message(text: str) -> str:
    """A lead's message as stored: every line break one LF (CR LF and a bare CR too:
    a file's, a bot's, a form's alike); bidi embeddings, overrides and isolates removed;
    ``ControlCharacter`` for a control character but tab and line breaks."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = _MESSAGE_CONTROL_RE.search(text)
    if found is not None:
        raise ControlCharacter(found.group())
    return text if text.isascii() else _BIDI_FORMATTING_RE.sub("", text)


def clean_name(text: str) -> str:
    """The form a name is stored and shown in (see the module's rules); "" when nothing
    visible is left."""
    if text.isascii():
        return text.strip()
    if _is_plain(text):  # NFC of letters and punctuation exposes nothing invisible
        return _EDGES.sub("", unicodedata.normalize("NFC", text))
    name = text
    while True:  # each step can expose work for another; two rounds at most in practice
        kept = "".join(ch for ch in name if ch in _JOINERS or not is_invisible(ch))
        cleaned = _EDGES.sub("", unicodedata.normalize("NFC", kept))
        if cleaned == name:
            return name
        name = cleaned


def name_key(text: str) -> str:
    """The key two names are compared by: equal keys = the same name."""
    value = strip_invisible(text)
    value = unicodedata.normalize("NFKC", value)
    value = unicodedata.normalize("NFKC", value.casefold())
    value = strip_invisible(value)  # NFKC can expose one (e.g. from a compatibility form)
    return _WHITESPACE_RUN.sub(" ", value).strip()


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: every control character but the newline, and
    every bidi control, shown escaped (``\\x1b``, ``\\r``, ``\\u202e``)."""
    return _TERMINAL_UNSAFE.sub(_escape, text)


# What a window would let act instead of show: control characters but tab and line
# breaks, and the bidi embeddings, overrides and isolates (they reorder what follows).
_SCREEN_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def on_screen(text: str) -> str:
    """``text`` safe to show in the window: what ``lead_name``/``lead_message`` refuse
    or remove (stored before they did) shown escaped (``\\x1b``, ``\\u202e``); tabs,
    line breaks and the bidi marks of right-to-left text stay."""
    return _SCREEN_UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Lower-case (keys are case-folded) Cyrillic and Greek letters that look like a Latin
# letter in upper or lower case (after Unicode's confusables.txt, the common ones).
_LATIN_LOOKALIKES = str.maketrans(
    {
        **dict(zip("авезкмнорстухіјѕԁԛԝһӏ", "abe3kmhopctyxijsdqwhl", strict=True)),
        **dict(zip("αβεηικμνορτυχζ", "abehikmnoptyxz", strict=True)),
    }
)
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def skeleton(text: str) -> str:
    """The form two look-alike names share: the name key with Cyrillic and Greek
    look-alikes of Latin letters written as those letters."""
    return name_key(text).translate(_LATIN_LOOKALIKES)


# How lower-case letters look, where that differs from their capitals' look-alike
# (``skeleton`` reads names, which keep their case: a capital Ν is an N, while the
# lower-case ν a tag is stored as reads as a v), and marks a glance does not see.
_LOWER_LOOKALIKES = str.maketrans({"ν": "v", "ı": "i", "ʋ": "v", "ᴢ": "z", "\u0307": None})


def lowercase_skeleton(text: str) -> str:
    """``skeleton`` of a text shown in lower case (a tag, a skill)."""
    return skeleton(unicodedata.normalize("NFD", text).translate(_LOWER_LOOKALIKES))


def lookalike_tag(tag: str, tags: Iterable[str]) -> str | None:
    """The first of ``tags`` that looks like ``tag`` in lower case without being it."""
    key = name_key(tag)
    shape = lowercase_skeleton(tag)
    for other in tags:
        if name_key(other) != key and lowercase_skeleton(other) == shape:
            return other
    return None


def letter_scripts(text: str) -> tuple[str, ...]:
    """The scripts of ``text``'s letters among Latin, Cyrillic and Greek, in that order
    (``("Latin", "Cyrillic")`` for ``WhatsАpp`` with a Cyrillic А)."""
    found = set()
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "").partition(" ")[0]
            if script in _SCRIPTS:
                found.add(script)
    return tuple(script.title() for script in _SCRIPTS if script in found)


def lookalike_name(name: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that looks like ``name`` without being the same name
    (another key, the same skeleton); ``None`` when there is none."""
    key = name_key(name)
    shape = skeleton(name)
    for other in names:
        if name_key(other) != key and skeleton(other) == shape:
            return other
    return None
