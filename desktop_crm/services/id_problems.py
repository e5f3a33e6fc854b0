"""The words for an id that looks like a phone number but is none, in one place: the
import's rejection and the intake form's flag (the same rule,
``domain.external_id.read_external_id``; each says the way out where it is said). Such
rows are rejected unless the import is told to take them as plain ids (``plain_ids``);
the form registers such an id only as a plain id, on purpose."""

from __future__ import annotations

from desktop_crm.domain.external_id import PhoneProblem, read_external_id
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue

# The import's rejection. Stored with each rejected row and shown translated from there:
# reworded, the rows stored before would lose their translation.
_TEMPLATES = {
    PhoneProblem.TOO_SHORT: QT_TRANSLATE_NOOP(
        "errors",
        "{id!r} looks like a phone number but is too short for one ({region}). Correct "
        "it, or import such ids as plain ids.",
    ),
    PhoneProblem.TOO_LONG: QT_TRANSLATE_NOOP(
        "errors",
        "{id!r} looks like a phone number but is too long for one ({region}). Correct "
        "it, or import such ids as plain ids.",
    ),
    PhoneProblem.UNKNOWN_COUNTRY: QT_TRANSLATE_NOOP(
        "errors",
        "{id!r} looks like a phone number but its country code is unknown. Correct it, "
        "or import such ids as plain ids.",
    ),
    PhoneProblem.LETTERS_FOR_DIGITS: QT_TRANSLATE_NOOP(
        "errors",
        "{id!r} looks like a phone number but has letters where digits would be: "
        "{letters}. Correct it, or import such ids as plain ids.",
    ),
}
TEMPLATES = frozenset(_TEMPLATES.values())  # the reasons a forecast counts as such ids

# The intake form's flag, while the id is typed: the window translates these ("errors")
# and formats them with ``id``, ``region`` and ``letters`` (``LOOKALIKE`` joined by ", ").
FORM_TEMPLATES = {
    PhoneProblem.TOO_SHORT: QT_TRANSLATE_NOOP(
        "errors",
        "“{id}” looks like a phone number but is too short for one ({region}). Correct it, "
        "or register it as a plain id.",
    ),
    PhoneProblem.TOO_LONG: QT_TRANSLATE_NOOP(
        "errors",
        "“{id}” looks like a phone number but is too long for one ({region}). Correct it, "
        "or register it as a plain id.",
    ),
    PhoneProblem.UNKNOWN_COUNTRY: QT_TRANSLATE_NOOP(
        "errors",
        "“{id}” looks like a phone number but its country code is unknown. Correct it, or "
        "register it as a plain id.",
    ),
    PhoneProblem.LETTERS_FOR_DIGITS: QT_TRANSLATE_NOOP(
        "errors",
        "“{id}” looks like a phone number but has letters where digits would be: "
        "{letters}. Correct it, or register it as a plain id.",
    ),
}
LOOKALIKE = QT_TRANSLATE_NOOP("errors", "“{letter}” for {digit}")  # one of the form's letters


def phone_like_problem(raw: str, normalised: str, region: str) -> InvalidValue | None:
    """Why ``raw`` (stored as ``normalised``) looks like a phone number but is none, as
    the import's rejection; ``None`` for a phone, an e-mail or an ordinary plain id."""
    if normalised[:1] == "+" and normalised[1:].isdigit():
        return None  # a phone after all (E.164)
    if "@" in normalised:
        return None  # an e-mail or a messenger handle
    reading = read_external_id(raw, region)
    if reading.problem is None:
        return None
    letters = ", ".join(f"“{letter}”→{digit}" for letter, digit in reading.lookalikes)
    return InvalidValue(
        _TEMPLATES[reading.problem],
        field="external_id",
        id=reading.value,
        region=reading.region,
        letters=letters,
    )
