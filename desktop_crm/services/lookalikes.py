"""Names that look like an existing one ("WhatsАpp" with a Cyrillic А for "WhatsApp"):
the words for them, on the domain's skeleton rule (``domain.text.lookalike_name``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from desktop_crm.domain.text import (
    letter_scripts,
    lookalike_name,
    lookalike_tag,
    name_key,
    skeleton,
)
from desktop_crm.errors import QT_TRANSLATE_NOOP, AlreadyExists, InvalidValue, NotFound

NO_SOURCE_MIXED = QT_TRANSLATE_NOOP(
    "errors", "No source {ref!r}; it looks like {lookalike!r} (mixes Latin and Cyrillic letters)."
)
NO_SOURCE_LOOKALIKE = QT_TRANSLATE_NOOP(
    "errors",
    "No source {ref!r}; it looks like {lookalike!r} (letters of another alphabet that "
    "look the same).",
)


def mixes_latin_and_cyrillic(name: str) -> bool:
    return letter_scripts(name) == ("Latin", "Cyrillic")


def lookalikes_among(values: Sequence[str]) -> dict[str, str]:
    """Values of one file that name no source, each that looks like another of them
    and which ("WhatsАpp" beside "WhatsApp"). A value of one alphabet beside one that
    mixes Latin and Cyrillic is the spelling to keep: only the mixed one names the other."""
    by_shape: dict[str, list[str]] = {}
    for value in values:
        by_shape.setdefault(skeleton(value), []).append(value)
    found: dict[str, str] = {}
    for value in values:
        mixed = mixes_latin_and_cyrillic(value)
        for other in by_shape[skeleton(value)]:
            if name_key(other) != name_key(value) and (
                mixed or not mixes_latin_and_cyrillic(other)
            ):
                found[value] = other
                break
    return found


def no_source_like(reference: str, names: Iterable[str]) -> NotFound | None:
    """``NotFound`` for a source value that names no source but looks like one of
    ``names`` (the existing sources), naming it; ``None`` when it looks like none."""
    other = lookalike_name(reference, names)
    if other is None:
        return None
    template = NO_SOURCE_MIXED if mixes_latin_and_cyrillic(reference) else NO_SOURCE_LOOKALIKE
    return NotFound(template, ref=reference.strip(), lookalike=other)


_LOOKS_TAKEN = {
    "operator": QT_TRANSLATE_NOOP(
        "errors",
        "The name {value!r} looks like operator {other!r} (letters of another alphabet "
        "that look the same); use that operator or a clearly different name.",
    ),
    "source": QT_TRANSLATE_NOOP(
        "errors",
        "The name {value!r} looks like source {other!r} (letters of another alphabet "
        "that look the same); use that source or a clearly different name.",
    ),
}


def check_not_lookalike(what: str, name: str, names: Iterable[str]) -> None:
    """A new operator or source (``what``) may not be named like an existing one of
    ``names`` that a person cannot tell from it ("WhatsАpp" beside "WhatsApp")."""
    other = lookalike_name(name, names)
    if other is not None:
        raise AlreadyExists(_LOOKS_TAKEN[what], value=name, other=other)


_SOURCE_LOOKS_LIKE = {
    ("name", "name"): _LOOKS_TAKEN["source"],
    ("name", "code"): QT_TRANSLATE_NOOP(
        "errors",
        "The name {value!r} looks like the code {other!r} of source {source!r} (letters of "
        "another alphabet that look the same); use that source or a clearly different name.",
    ),
    ("code", "name"): QT_TRANSLATE_NOOP(
        "errors",
        "The code {value!r} looks like source {other!r} (letters of another alphabet that "
        "look the same); use a clearly different code.",
    ),
    ("code", "code"): QT_TRANSLATE_NOOP(
        "errors",
        "The code {value!r} looks like the code {other!r} of source {source!r} (letters of "
        "another alphabet that look the same); use a clearly different code.",
    ),
}


def check_source_not_lookalike(
    field: str, value: str, others: Iterable[tuple[str, str | None]]
) -> None:
    """A source's name or code (``field``) may not look like the name or the code of
    another source (``others``: their names and codes): ``--source`` takes either, so
    "Тg" (a Cyrillic Т) beside the code "tg" would be a second source a person cannot
    tell from the first."""
    for name, code in others:
        for kind, other in (("name", name), ("code", code)):
            if other and lookalike_name(value, [other]) is not None:
                raise AlreadyExists(
                    _SOURCE_LOOKS_LIKE[field, kind], value=value, other=other, source=name
                )


_LOOKS_LIKE_SKILL = {
    "tags": QT_TRANSLATE_NOOP(
        "errors",
        "The tag {tag!r} looks like the skill {skill!r} but is not it: its letters "
        "{letters} are of another alphabet than the skill's. The contact would wait for a "
        "skill nobody has. Type {skill!r}, or a clearly different tag.",
    ),
    "skills": QT_TRANSLATE_NOOP(
        "errors",
        "The skill {tag!r} looks like the skill {skill!r} of another operator but is not "
        "it: its letters {letters} are of another alphabet than that skill's. Type "
        "{skill!r}, or a clearly different skill.",
    ),
}


def _looks_like(template: str, field: str, tag: str, skill: str) -> InvalidValue:
    """The refusal of ``tag`` for looking like ``skill``, naming the letters of ``tag``
    that ``skill`` lacks with their code points: on screen the two read the same."""
    letters = ", ".join(f"«{ch}» (U+{ord(ch):04X})" for ch in sorted(set(tag) - set(skill)))
    return InvalidValue(template, field=field, tag=tag, skill=skill, letters=letters)


def check_tags_not_like_skills(tags: Iterable[str], skills: Collection[str], field: str) -> None:
    """A contact's tags (``field`` "tags") or an operator's skills ("skills") may not
    look like one of the operators' ``skills`` without being it ("vіp" with a Cyrillic
    і for "vip"): a person cannot tell them apart, and a contact would wait for a skill
    nobody has. A word of another alphabet ("кз" for "kz") is another tag."""
    known = sorted(skills)
    for tag in sorted(tags):
        if tag in skills:  # someone has exactly this one (stored before this rule, say)
            continue
        other = lookalike_tag(tag, known)
        if other is not None:
            raise _looks_like(_LOOKS_LIKE_SKILL[field], field, tag, other)


_LOOKS_LIKE_TAG = QT_TRANSLATE_NOOP(
    "errors",
    "The skill {tag!r} looks like the tag {skill!r} that active contacts carry ({count}) "
    "but is not it: the letters differ: {letters}. Those contacts would never go to it. "
    "Type {skill!r} as they carry it, or a clearly different skill.",
)


def _letter_pairs(typed: str, stored: str) -> str:
    """The letters of ``typed`` where ``stored`` has another one, each with the other
    ("«i» (U+0069) ≠ «і» (U+0456)"); letters ``stored`` lacks when the two differ in
    length (a combining mark)."""
    if len(typed) != len(stored):
        return ", ".join(f"«{ch}» (U+{ord(ch):04X})" for ch in sorted(set(typed) - set(stored)))
    pairs = dict.fromkeys((a, b) for a, b in zip(typed, stored, strict=True) if a != b)
    return ", ".join(f"«{a}» (U+{ord(a):04X}) ≠ «{b}» (U+{ord(b):04X})" for a, b in pairs)


def check_skills_not_like_tags(
    skills: Iterable[str], tags: Mapping[str, int], field: str = "skills"
) -> None:
    """A new skill may not look like a tag that active contacts carry (``tags``: each
    with how many) without being it: a contact tagged "vіp" (a Cyrillic і, stored
    before anyone had "vip") would never go to an operator given "vip"."""
    known = sorted(tags)
    for skill in sorted(skills):
        if skill in tags:
            continue
        other = lookalike_tag(skill, known)
        if other is not None:
            raise InvalidValue(
                _LOOKS_LIKE_TAG,
                field=field,
                tag=skill,
                skill=other,
                count=tags[other],
                letters=_letter_pairs(skill, other),
            )


_LOOK_ALIKE_PAIR = QT_TRANSLATE_NOOP(
    "errors",
    "The skills {tag!r} and {skill!r} look alike but are not the same: the letters "
    "{letters} are of another alphabet. Keep one of them.",
)


def check_no_lookalike_pair(tags: Collection[str], field: str) -> None:
    """Two of ``tags`` given at once may not look alike either ("vip" and "vіp"). The
    one that mixes alphabets is named first: its letters are the foreign ones."""
    for tag in sorted(tags, key=lambda t: (len(letter_scripts(t)) < 2, t)):
        other = lookalike_tag(tag, sorted(t for t in tags if t != tag))
        if other is not None:
            raise _looks_like(_LOOK_ALIKE_PAIR, field, tag, other)
