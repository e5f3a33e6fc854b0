"""Plain-words explanations of why a contact has no operator."""

from __future__ import annotations

from desktop_crm.domain.distribution import Unassigned
from desktop_crm.errors import QT_TRANSLATE_NOOP

REASON_TEXT: dict[str, str] = {
    Unassigned.NO_OPERATORS: QT_TRANSLATE_NOOP("reasons", "no operators configured for the source"),
    Unassigned.ALL_WEIGHT_0: QT_TRANSLATE_NOOP("reasons", "all operators have weight 0"),
    Unassigned.ALL_INACTIVE: QT_TRANSLATE_NOOP("reasons", "all operators are inactive"),
    Unassigned.ALL_AT_LIMIT: QT_TRANSLATE_NOOP("reasons", "all operators are at their limit"),
    Unassigned.ALL_TIMED_OUT: QT_TRANSLATE_NOOP(
        "reasons", "every operator who could take it missed its reply deadline"
    ),
    Unassigned.ALL_AWAY: QT_TRANSLATE_NOOP("reasons", "all operators are away"),
    Unassigned.ALL_OFF_SHIFT: QT_TRANSLATE_NOOP("reasons", "all operators are off shift"),
    Unassigned.ALL_DAILY_CAP: QT_TRANSLATE_NOOP(
        "reasons", "all operators have reached their daily cap"
    ),
    Unassigned.NO_SKILL: QT_TRANSLATE_NOOP(
        "reasons", "no operator has every tag of the contact among their skills"
    ),
    Unassigned.NONE_ELIGIBLE: QT_TRANSLATE_NOOP(
        "reasons",
        "no eligible operator (inactive, away, off shift, at a cap or limit, "
        "lacking a skill, or weight 0)",
    ),
}


def reason_text(reason: str | None) -> str:
    """English text for a reason code ('' for none); the window translates it."""
    if reason is None:
        return ""
    return REASON_TEXT.get(reason, reason)
