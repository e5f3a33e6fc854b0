"""Tags: a contact's (what it needs: ``kz``, ``ru``, ``vip``) and an operator's skills.

One pair of functions for both: ``parse_tags`` reads what a person typed (several
values, each possibly comma-separated) and ``tags_text`` gives the canonical text
stored in ``contact.tags`` / ``operator.skills``; ``tags_of`` reads that back.

A tag as stored: NFKC, case folded, invisible characters refused, runs of
whitespace one space, trimmed; no comma (the separator), no control character; at
most ``MAX_TAG_LENGTH`` characters and ``MAX_TAGS`` tags. Empty items (``ru,,kz``,
a trailing comma) are ignored; duplicates are one tag. Canonical text: sorted and
comma-joined, '' for none. A contact's tags are given one value at a time (a ``--tag``,
an item of the pipe's list, the form's field, an import cell that is not blank): a
value that names no tag at all (``""``, ``"  "``, ``","``) is a mistake, refused by
``parse_given_tags`` (an operator's skills set to ``""`` are cleared instead).

Pure functions; nothing from the project is imported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop_crm.domain.text import has_control, is_invisible

MAX_TAG_LENGTH = 32
MAX_TAGS = 20
SEPARATOR = ","
NO_TAGS: frozenset[str] = frozenset()
_WHITESPACE_RUN = re.compile(r"\s+")


class TagError(ValueError):
    """``kind``: ``control`` (a control or invisible character), ``too_long``,
    ``too_many``, ``empty`` (a value that names no tag); ``tag``: the item at fault (as
    given)."""

    def __init__(self, kind: str, tag: str) -> None:
        self.kind = kind
        self.tag = tag
        super().__init__(f"{kind}: {tag!r}")


def _one(item: str) -> str:
    if has_control(item) or any(is_invisible(ch) for ch in item):
        raise TagError("control", item)
    # No code point folds into a control or invisible one (checked over all of them in
    # tests/domain/test_tags.py): the folded value needs no second check.
    value = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", item).casefold())
    value = _WHITESPACE_RUN.sub(" ", value).strip()
    if SEPARATOR in value:  # a compatibility comma (U+FF0C) folds to one
        raise TagError("control", item)
    if len(value) > MAX_TAG_LENGTH:
        raise TagError("too_long", item)
    return value


def parse_tags(values: Iterable[str] | str) -> frozenset[str]:
    """The tags in ``values`` (one text, or several; each comma-separated)."""
    if isinstance(values, str):
        values = (values,)
    found: set[str] = set()
    for value in values:
        for item in value.split(SEPARATOR):
            tag = _one(item)
            if tag:
                found.add(tag)
    if len(found) > MAX_TAGS:
        raise TagError("too_many", str(len(found)))
    return frozenset(found)


def parse_given_tags(values: Iterable[str]) -> frozenset[str]:
    """``parse_tags`` of a contact's tags given one value at a time, each of which must
    name at least one tag (``TagError`` ``empty`` for ``""``, ``"  "``, ``","``)."""
    values = tuple(values)
    found = parse_tags(values)
    for value in values:
        if not value.replace(SEPARATOR, "").strip():
            raise TagError("empty", value)
    return found


def tags_text(tags: Iterable[str]) -> str:
    """The canonical text of already parsed tags: sorted, comma-joined."""
    return SEPARATOR.join(sorted(tags))


def tags_of(text: str) -> frozenset[str]:
    """Tags from their canonical text (as stored): no checks."""
    return frozenset(text.split(SEPARATOR)) if text else NO_TAGS


def canonical_tags(values: Iterable[str] | str) -> str:
    """What a person typed, as stored (``TagError`` for a bad tag)."""
    return tags_text(parse_tags(values))
