"""The fields an imported row fills, and the app's own size limits for them.

The limits are the domain's (``domain.limits``), the same the services apply
to the intake form and the CLI. A cell over its limit rejects the row instead of reaching
the database (or crashing the CSV reader, whose own limit is raised far above).
"""

from __future__ import annotations

from enum import StrEnum

from desktop_crm.domain.limits import (
    MAX_EXTERNAL_ID_LENGTH,
    MAX_LEAD_NAME_LENGTH,
    MAX_MESSAGE_LENGTH,
    MAX_SOURCE_REFERENCE_LENGTH,
)


class Field(StrEnum):
    """A target field of an imported row."""

    EXTERNAL_ID = "external_id"
    NAME = "name"
    SOURCE = "source"
    MESSAGE = "message"
    CREATED_AT = "created_at"
    OWNER = "owner"  # the operator the exporting system gave the row to
    TAGS = "tags"  # what the contact needs, comma-separated (operators' skills)


class IdKind(StrEnum):
    """What an id-like column holds, judged by its header; earlier = preferred.

    ``ROW_ID`` is an exporting system's own row number ("ID", "№", "Id лида"):
    it names a row, not a person, so it is the lead's id only when the file has
    no person id, phone or e-mail column.
    """

    ID = "id"
    PHONE = "phone"
    EMAIL = "email"
    ROW_ID = "row_id"


ID_KIND_PREFERENCE: tuple[IdKind, ...] = (IdKind.ID, IdKind.PHONE, IdKind.EMAIL, IdKind.ROW_ID)


class NamePart(StrEnum):
    """What part of a person's name a name column holds."""

    FULL = "full"
    FIRST = "first"
    MIDDLE = "middle"
    LAST = "last"


# A name split over columns is joined in this order: "Анна Сергеевна Соколова".
NAME_PART_ORDER: tuple[NamePart, ...] = (NamePart.FIRST, NamePart.MIDDLE, NamePart.LAST)

# The names scripts use for the fields (``--map lead=...``, ``columns`` in --json).
FIELD_KEYS: dict[Field, str] = {
    Field.EXTERNAL_ID: "lead",
    Field.NAME: "name",
    Field.SOURCE: "source",
    Field.MESSAGE: "message",
    Field.CREATED_AT: "created_at",
    Field.OWNER: "owner",
    Field.TAGS: "tags",
}
FIELD_ALIASES: dict[str, Field] = {
    **{key: target for target, key in FIELD_KEYS.items()},
    **{target.value: target for target in Field},
    "date": Field.CREATED_AT,
}

MAX_EXTERNAL_ID_CHARS = MAX_EXTERNAL_ID_LENGTH
MAX_NAME_CHARS = MAX_LEAD_NAME_LENGTH
MAX_SOURCE_CHARS = MAX_SOURCE_REFERENCE_LENGTH
MAX_MESSAGE_CHARS = MAX_MESSAGE_LENGTH
MAX_DATE_CHARS = 64  # longer than any date format we read; keeps the reason text short
MAX_OWNER_CHARS = 255  # an operator's name
MAX_TAGS_CHARS = 1000  # every tag at its longest, with commas and spaces

MAX_CHARS: dict[Field, int] = {
    Field.EXTERNAL_ID: MAX_EXTERNAL_ID_CHARS,
    Field.NAME: MAX_NAME_CHARS,
    Field.SOURCE: MAX_SOURCE_CHARS,
    Field.MESSAGE: MAX_MESSAGE_CHARS,
    Field.CREATED_AT: MAX_DATE_CHARS,
    Field.OWNER: MAX_OWNER_CHARS,
    Field.TAGS: MAX_TAGS_CHARS,
}
