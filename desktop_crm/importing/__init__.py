"""Reading contact tables from CSV/TSV/TXT/XLSX files (no Qt, no SQL).

Typical use::

    table = open_table(path)              # detect; UnreadableFile if no table
    preview = table.preview(50)           # the dialog shows this
    table = table.reopen(delimiter=";")   # after the user corrects something
    with table.read(skip=done) as stream: # the importer (NoIdColumn if no id)
        for row in stream:                # ValidRow | Rejection, with .line/.index
            ...
            stream.progress().fraction
"""

from desktop_crm.importing.dates import DateParser
from desktop_crm.importing.encoding import DetectedEncoding, EncodingMethod
from desktop_crm.importing.errors import (
    BrokenRecord,
    EmptyFile,
    FileChanged,
    NoIdColumn,
    NotATable,
    PasswordProtected,
    UnreadableFile,
    UnsupportedFileType,
)
from desktop_crm.importing.fields import (
    FIELD_ALIASES,
    FIELD_KEYS,
    MAX_CHARS,
    Field,
    IdKind,
    NamePart,
)
from desktop_crm.importing.files import FileStamp, NotARegularFile
from desktop_crm.importing.hashing import file_sha256
from desktop_crm.importing.header import classify_header, normalise_header
from desktop_crm.importing.mapping import (
    ColumnMapping,
    IdCandidate,
    describe_mapping,
    find_column,
    map_columns,
)
from desktop_crm.importing.records import Progress, ProgressUnit, RawRecord
from desktop_crm.importing.rejects import RejectsWriter, write_rejects
from desktop_crm.importing.rows import ParsedRow, RejectCode, Rejection, ValidRow
from desktop_crm.importing.table import (
    NO_HEADER,
    SUPPORTED_SUFFIXES,
    Preview,
    ReadOptions,
    RowStream,
    TableFile,
    TableKind,
    open_table,
)

__all__ = [
    "FIELD_ALIASES",
    "FIELD_KEYS",
    "MAX_CHARS",
    "NO_HEADER",
    "SUPPORTED_SUFFIXES",
    "BrokenRecord",
    "ColumnMapping",
    "DateParser",
    "DetectedEncoding",
    "EmptyFile",
    "EncodingMethod",
    "Field",
    "FileChanged",
    "FileStamp",
    "IdCandidate",
    "IdKind",
    "NamePart",
    "NoIdColumn",
    "NotARegularFile",
    "NotATable",
    "ParsedRow",
    "PasswordProtected",
    "Preview",
    "Progress",
    "ProgressUnit",
    "RawRecord",
    "ReadOptions",
    "RejectCode",
    "Rejection",
    "RejectsWriter",
    "RowStream",
    "TableFile",
    "TableKind",
    "UnreadableFile",
    "UnsupportedFileType",
    "ValidRow",
    "classify_header",
    "describe_mapping",
    "file_sha256",
    "find_column",
    "map_columns",
    "normalise_header",
    "open_table",
    "write_rejects",
]
