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


class IdKind(StrEnum):
    """What an id-like column holds, judged by its header; earlier = preferred."""

    ID = "id"
    PHONE = "phone"
    EMAIL = "email"


ID_KIND_PREFERENCE: tuple[IdKind, ...] = (IdKind.ID, IdKind.PHONE, IdKind.EMAIL)

MAX_EXTERNAL_ID_CHARS = MAX_EXTERNAL_ID_LENGTH
MAX_NAME_CHARS = MAX_LEAD_NAME_LENGTH
MAX_SOURCE_CHARS = MAX_SOURCE_REFERENCE_LENGTH
MAX_MESSAGE_CHARS = MAX_MESSAGE_LENGTH
MAX_DATE_CHARS = 64  # longer than any date format we read; keeps the reason text short

MAX_CHARS: dict[Field, int] = {
    Field.EXTERNAL_ID: MAX_EXTERNAL_ID_CHARS,
    Field.NAME: MAX_NAME_CHARS,
    Field.SOURCE: MAX_SOURCE_CHARS,
    Field.MESSAGE: MAX_MESSAGE_CHARS,
    Field.CREATED_AT: MAX_DATE_CHARS,
}
