"""Why a whole file is refused. Raised before any row is yielded (or, for a
broken record deep in a file, instead of the next row)."""

from __future__ import annotations

from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError


class UnreadableFile(CrmError):
    """The file cannot be imported at all; the message names the file and the reason."""

    @classmethod
    def cannot_open(cls, name: str, error: OSError) -> UnreadableFile:
        return cls(
            QT_TRANSLATE_NOOP("errors", 'Cannot read "{name}": {error}.'),
            name=name,
            error=error.strerror or str(error),
        )


class UnsupportedFileType(UnreadableFile):
    def __init__(self, name: str, suffix: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}": files of type "{suffix}" cannot be imported; '
                "use CSV, TSV, TXT or XLSX (save an old .xls workbook as .xlsx).",
            ),
            name=name,
            suffix=suffix or "?",
        )


class PasswordProtected(UnreadableFile):
    """An encrypted workbook: Excel stores it as an OLE compound file, not a zip."""

    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}" is a password-protected workbook: open it in Excel, save it '
                "without a password (as .xlsx) and import that copy.",
            ),
            name=name,
        )


class EmptyFile(UnreadableFile):
    def __init__(self, name: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", '"{name}" is empty.'), name=name)


class NotATable(UnreadableFile):
    """Binary content, an undecodable text, or a damaged workbook."""

    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}" is not a table: expected CSV/TSV/TXT text or an XLSX workbook.',
            ),
            name=name,
        )


class NoIdColumn(UnreadableFile):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}": no column holds the lead\'s id (phone, e-mail or id). '
                "Choose the id column or the header line.",
            ),
            name=name,
        )


class BrokenRecord(UnreadableFile):
    """A record the CSV parser cannot finish, e.g. a quote that never closes.

    Reading stops here: after an unbalanced quote nothing that follows can be
    trusted, so skipping ahead would import garbage.
    """

    def __init__(self, name: str, line: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}", line {line}: a quoted field never ends; check the quotes on that line.',
            ),
            name=name,
            line=line,
        )


class FileChanged(UnreadableFile):
    """The file changed on disk while it was imported (cut, re-saved, synced): what was
    read after the change cannot be trusted, nor the end of the file it reached."""

    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}" changed while it was imported; nothing read after the change was '
                "imported. Importing the file again resumes when its content is as it was, "
                "or imports it as a new file.",
            ),
            name=name,
        )
