"""What the import dialog's pages share: one file's import, from loading it to its summary.

The dialog owns one ``ImportState`` and passes it to its pages; a page reads it to show
itself and never reaches into the dialog or another page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_crm.importing import Preview, TableFile
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.services.importer import (
    ImportForecast,
    ImportProgress,
    ImportRecord,
    ImportStatus,
    ImportSummary,
    import_identity,
)
from desktop_crm.ui.models.imports import RUNNING_IMPORTS

# Where the dialog is (ImportDialog.state).
LOADING, FAILED, READY, IMPORTING, FINISHED = (
    "loading",
    "failed",
    "ready",
    "importing",
    "finished",
)


@dataclass(frozen=True)
class LoadedFile:
    """What the worker found: the layout, the preview, and (first time) the rest."""

    table: TableFile
    preview: Preview
    sources: list[SourceInfo] | None = None  # None: unchanged (a reopen)
    previous: ImportRecord | None = None  # the latest import of this content and sheet
    content_hash: str | None = None


@dataclass
class ImportState:
    """One file being imported: where the dialog is, the file's layout, and the results."""

    path: Path
    phase: str = LOADING
    table: TableFile | None = None
    sources: list[SourceInfo] = field(default_factory=list)
    previous: ImportRecord | None = None  # an earlier import of the same content and sheet
    content_hash: str | None = None
    detected_encoding: str | None = None
    summary: ImportSummary | None = None
    error: str | None = None  # why the file or the import failed
    last_progress: ImportProgress | None = None
    forecast: ImportForecast | None = None  # what the import will do, for the whole file
    running: tuple[str, str] | None = None  # the identity of the import running now

    def identity(self) -> tuple[str, str] | None:
        """The content and the sheet shown: what an import of them is recognised by."""
        if self.content_hash is None or self.table is None:
            return None
        return import_identity(self.content_hash, self.table.sheet)

    def resuming(self) -> bool:
        """An interrupted import of this file continues, with the layout chosen then."""
        previous = self.previous
        return previous is not None and previous.status != ImportStatus.DONE

    def running_elsewhere(self) -> bool:
        return (
            self.previous is not None
            and self.previous.status == ImportStatus.RUNNING
            and self.identity() in RUNNING_IMPORTS
        )
