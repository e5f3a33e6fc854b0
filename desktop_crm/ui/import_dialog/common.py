"""What the import dialog's modules share: the choices it offers, and small helpers
(dropped URLs, the rejects file, numbers) that the window's other screens use too."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtWidgets import QWidget

from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.importing import NO_HEADER, SUPPORTED_SUFFIXES, open_table
from desktop_crm.services.importer import RejectedRow, write_rejected_rows
from desktop_crm.ui.models.imports import rejection_reason

PREVIEW_ROWS = 50
REOPEN_DELAY_MS = 400  # the header spin box: wait until the user stops clicking
# Offered besides the detected encoding (Python codec names).
ENCODINGS: tuple[str, ...] = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "cp1251",
    "koi8-r",
    "cp866",
    "latin-1",
)
DELIMITERS: tuple[tuple[str, str], ...] = (
    (",", QT_TRANSLATE_NOOP("ImportDialog", "Comma ( , )")),
    (";", QT_TRANSLATE_NOOP("ImportDialog", "Semicolon ( ; )")),
    ("\t", QT_TRANSLATE_NOOP("ImportDialog", "Tab")),
    ("|", QT_TRANSLATE_NOOP("ImportDialog", "Vertical bar ( | )")),
)
NOT_IMPORTED = -1  # a mapping combo's "(not imported)"
FILE_FILTER = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file()


def split_urls(urls: Iterable[QUrl]) -> tuple[list[Path], list[str]]:
    """Dropped URLs -> (local files we can import, names of everything else)."""
    files: list[Path] = []
    ignored: list[str] = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if is_supported(path):
                files.append(path)
            else:
                ignored.append(path.name or str(path))
        else:
            ignored.append(url.toDisplayString())
    return files, ignored


def rejects_path_for(file_path: Path) -> Path:
    return file_path.with_name(f"{file_path.stem}_rejected.csv")


def save_rejected_rows(
    path: Path, headers: Sequence[str], rows: Sequence[RejectedRow], delimiter: str = ";"
) -> int:
    """Write ``rows`` to a CSV the user can fix and drop again; returns how many.

    Without headers the cells are padded to one width so the reason column lines up.
    """
    width = max((len(row.cells) for row in rows), default=0)
    return write_rejected_rows(path, headers, rows, delimiter, rejection_reason, width)


def file_layout(path: Path) -> tuple[tuple[str, ...], str]:
    """The headers and delimiter of a file imported earlier, for its rejects file
    ((), ";" when it is gone or unreadable now). Runs in a worker."""
    try:
        table = open_table(path)
    except (CrmError, OSError):
        return (), ";"
    headers = table.headers if table.header_line != NO_HEADER else ()
    return headers, table.delimiter or ";"


def count_text(n: int) -> str:
    return QLocale().toString(n)


def same_codec(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False


def while_alive(widget: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback``, skipped once the dialog is gone (a result that arrives after Close)."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
