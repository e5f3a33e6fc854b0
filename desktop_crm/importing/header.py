"""Recognise header cells ("Телефон", "e-mail", "lead_external_id") and find the header row.

A cell matches exactly (its whole normalised text is a known word) or, more
weakly, by one keyword among its words ("Телефон клиента"). Exports often
start with a title line or blank lines, so the header is the record among the
first few whose cells match best.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_crm.importing.fields import Field, IdKind

HEADER_SCAN_RECORDS = 30

_SEPARATORS_RE = re.compile(r"[\W_]+")

_EXACT_WORDS: dict[tuple[Field, IdKind | None], tuple[str, ...]] = {
    (Field.EXTERNAL_ID, IdKind.ID): (
        "lead_external_id", "external_id", "externalid", "external id", "внешний id",
        "внешний идентификатор", "id", "user_id", "userid", "lead_id", "id лида",
        "id клиента", "client id", "идентификатор", "id пользователя", "telegram id",
        "tg id", "chat id", "chat_id",
    ),
    (Field.EXTERNAL_ID, IdKind.PHONE): (
        "phone", "телефон", "тел", "tel", "telephone", "номер", "номер телефона",
        "phone number", "mobile", "мобильный", "мобильный телефон", "сотовый",
    ),
    (Field.EXTERNAL_ID, IdKind.EMAIL): (
        "email", "e-mail", "mail", "почта", "эл. почта", "электронная почта",
        "email address", "e-mail address", "адрес почты",
    ),
    (Field.NAME, None): (
        "lead_name", "name", "имя", "фио", "ф.и.о.", "клиент", "контакт", "full name",
        "имя клиента", "contact", "client", "customer", "фамилия имя", "имя фамилия",
    ),
    (Field.SOURCE, None): (
        "source_id", "source", "источник", "бот", "канал", "source code", "source name",
        "код источника", "id источника", "channel", "bot",
    ),
    (Field.MESSAGE, None): (
        "message", "сообщение", "комментарий", "текст", "text", "comment", "текст сообщения",
        "примечание", "вопрос", "note", "notes",
    ),
    (Field.CREATED_AT, None): (
        "date", "дата", "created", "created_at", "время", "дата создания", "datetime",
        "date time", "timestamp", "дата и время", "дата время", "time", "дата обращения",
        "created date", "date created",
    ),
}  # fmt: skip

# One of these among a cell's words is a weaker match ("Телефон клиента").
_KEYWORDS: dict[str, tuple[Field, IdKind | None]] = {
    **dict.fromkeys(("телефон", "телефона", "phone"), (Field.EXTERNAL_ID, IdKind.PHONE)),
    **dict.fromkeys(("email", "почта", "почты"), (Field.EXTERNAL_ID, IdKind.EMAIL)),
    **dict.fromkeys(("фио", "имя", "name"), (Field.NAME, None)),
    **dict.fromkeys(("источник", "source", "канал"), (Field.SOURCE, None)),
    **dict.fromkeys(("сообщение", "комментарий", "message", "comment"), (Field.MESSAGE, None)),
    **dict.fromkeys(("дата", "date", "время"), (Field.CREATED_AT, None)),
}

EXACT_SCORE = 2
KEYWORD_SCORE = 1


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """What a header cell names; ``score`` 2 = exact word, 1 = keyword among words."""

    field: Field
    id_kind: IdKind | None
    score: int


def normalise_header(text: str) -> str:
    """Lower-case, ё -> е, punctuation/underscores/spaces collapsed to single spaces."""
    return _SEPARATORS_RE.sub(" ", text.lower().replace("ё", "е")).strip()


_EXACT: dict[str, HeaderMatch] = {
    normalise_header(word): HeaderMatch(field, kind, EXACT_SCORE)
    for (field, kind), words in _EXACT_WORDS.items()
    for word in words
}


def classify_header(text: str) -> HeaderMatch | None:
    """The field a header cell names, or None (unknown, or keywords of two fields)."""
    norm = normalise_header(text)
    if not norm:
        return None
    exact = _EXACT.get(norm)
    if exact is not None:
        return exact
    found = {_KEYWORDS[word] for word in norm.split() if word in _KEYWORDS}
    if len(found) != 1:
        return None
    field, kind = found.pop()
    return HeaderMatch(field, kind, KEYWORD_SCORE)


def header_score(cells: Sequence[str]) -> int:
    """How header-like a record is: the sum of its cells' match scores."""
    total = 0
    for cell in cells:
        match = classify_header(cell)
        if match is not None:
            total += match.score
    return total


def find_header(records: Iterable[tuple[int, Sequence[str]]]) -> tuple[int, int]:
    """Return (line, score) of the best header among ``records`` ((line, cells) pairs).

    Ties go to the earlier record. With no header word anywhere, the first
    non-blank record is taken (score 0), as most files put the header first.
    Returns (0, 0) when every record is blank.
    """
    best_line, best_score = 0, 0
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        score = header_score(cells)
        if best_line == 0 or score > best_score:
            best_line, best_score = line, score
    return best_line, best_score
