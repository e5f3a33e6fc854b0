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

from desktop_crm.importing.fields import ID_KIND_PREFERENCE, Field, IdKind, NamePart

HEADER_SCAN_RECORDS = 30

# "№" is a word of its own ("№", "№ п/п"); every other non-word character separates.
_SEPARATORS_RE = re.compile(r"(?:[^\w№]|_)+")

_EXACT_WORDS: dict[tuple[Field, IdKind | None], tuple[str, ...]] = {
    (Field.EXTERNAL_ID, IdKind.ID): (
        "lead_external_id", "external_id", "externalid", "external id", "внешний id",
        "внешний идентификатор", "user_id", "userid", "id клиента", "client id",
        "идентификатор", "id пользователя", "telegram id", "tg id", "chat id", "chat_id",
    ),
    # An exporting system's numbering of its own rows: not a person.
    (Field.EXTERNAL_ID, IdKind.ROW_ID): (
        "id", "№", "№ п/п", "lead_id", "lead id", "id лида", "id сделки", "deal id",
        "id контакта", "contact id", "id записи", "record id", "row id",
    ),
    (Field.EXTERNAL_ID, IdKind.PHONE): (
        "phone", "телефон", "тел", "tel", "telephone", "номер", "номер телефона",
        "phone number", "mobile", "мобильный", "мобильный телефон", "сотовый",
        "рабочий телефон", "домашний телефон", "другой телефон", "work phone",
        "home phone", "mobile phone", "cell phone", "cell", "other phone",
    ),
    (Field.EXTERNAL_ID, IdKind.EMAIL): (
        "email", "e-mail", "mail", "почта", "эл. почта", "электронная почта",
        "email address", "e-mail address", "адрес почты",
    ),
    (Field.NAME, None): (
        "lead_name", "name", "имя", "фио", "ф.и.о.", "клиент", "контакт", "full name",
        "имя клиента", "contact", "client", "customer", "фамилия имя", "имя фамилия",
        "фамилия", "отчество", "first name", "first_name", "firstname", "given name",
        "last name", "last_name", "lastname", "surname", "family name", "middle name",
        "middle_name", "полное имя", "основной контакт", "contact name", "customer name",
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
    (Field.OWNER, None): (
        "ответственный", "owner", "assigned to", "assigned", "responsible", "оператор",
        "менеджер", "operator", "manager", "lead owner", "contact owner", "deal owner",
        "responsible person", "responsible user", "ответственный менеджер",
    ),
    # Exactly these: an export's "Теги сделки" (a CRM's own deal tags) are not what a
    # contact needs, and would send every row to the operators with those skills only.
    (Field.TAGS, None): ("tags", "теги", "тег", "tag"),
}  # fmt: skip

# One of these among a cell's words is a weaker match ("Телефон клиента").
_KEYWORDS: dict[str, tuple[Field, IdKind | None]] = {
    **dict.fromkeys(("телефон", "телефона", "phone"), (Field.EXTERNAL_ID, IdKind.PHONE)),
    **dict.fromkeys(("email", "почта", "почты"), (Field.EXTERNAL_ID, IdKind.EMAIL)),
    **dict.fromkeys(("фио", "имя", "name", "фамилия", "отчество"), (Field.NAME, None)),
    **dict.fromkeys(("источник", "source", "канал"), (Field.SOURCE, None)),
    **dict.fromkeys(("сообщение", "комментарий", "message", "comment"), (Field.MESSAGE, None)),
    **dict.fromkeys(("дата", "date", "время"), (Field.CREATED_AT, None)),
    # "Ответственного" too: "Телефон ответственного" is the owner's phone, not the lead's.
    **dict.fromkeys(("ответственный", "ответственного", "owner"), (Field.OWNER, None)),
}

# Which part of a name a name header holds, by its words; two parts at once = a full name.
_NAME_PART_WORDS: dict[str, NamePart] = {
    **dict.fromkeys(("имя", "first", "given", "firstname"), NamePart.FIRST),
    **dict.fromkeys(("отчество", "middle", "patronymic"), NamePart.MIDDLE),
    **dict.fromkeys(("фамилия", "last", "surname", "family", "lastname"), NamePart.LAST),
}
_FULL_NAME_WORDS = frozenset(("фио", "полное", "full"))

EXACT_SCORE = 2
KEYWORD_SCORE = 1


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """What a header cell names; ``score`` 2 = exact word, 1 = keyword among words.
    ``name_part`` says which part of a name a name column holds."""

    field: Field
    id_kind: IdKind | None
    score: int
    name_part: NamePart | None = None


def normalise_header(text: str) -> str:
    """Lower-case, ё -> е, punctuation/underscores/spaces collapsed to single spaces."""
    return _SEPARATORS_RE.sub(" ", text.lower().replace("ё", "е")).strip()


def _name_part(norm: str) -> NamePart:
    words = set(norm.split())
    if words & _FULL_NAME_WORDS or norm == "ф и о":  # "Ф.И.О."
        return NamePart.FULL
    parts = {_NAME_PART_WORDS[word] for word in words if word in _NAME_PART_WORDS}
    if len(parts) == 1:
        part = parts.pop()
        # "Name" alone is a whole name; "First name", "Имя" and "Фамилия" are parts.
        if part is not NamePart.FIRST or "name" not in words or words & {"first", "given"}:
            return part
        return NamePart.FULL
    return NamePart.FULL  # "Фамилия Имя", "Клиент", "Name", "Полное имя"


def _match(field: Field, kind: IdKind | None, score: int, norm: str) -> HeaderMatch:
    part = _name_part(norm) if field is Field.NAME else None
    return HeaderMatch(field, kind, score, part)


_EXACT: dict[str, HeaderMatch] = {
    normalise_header(word): _match(field, kind, EXACT_SCORE, normalise_header(word))
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
    words = norm.replace("e mail", "email").split()  # "Рабочий e-mail"
    found = {_KEYWORDS[word] for word in words if word in _KEYWORDS}
    if len(found) > 1 and all(target is Field.EXTERNAL_ID for target, _ in found):
        # "Телефон / e-mail": one id column holding either; the preferred kind names it.
        found = {min(found, key=lambda item: ID_KIND_PREFERENCE.index(item[1]))}
    if len(found) != 1:
        return None
    field, kind = found.pop()
    return _match(field, kind, KEYWORD_SCORE, norm)


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
