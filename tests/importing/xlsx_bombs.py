# ruff: noqa: E501 - XML boilerplate reads best on one line
"""Generate hostile .xlsx files small on disk: huge cells, millions of rows.

Written straight with zipfile (streamed, so generating a bomb holds no more
than a chunk); the parts are the minimum Excel and the reader need.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Лиды" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def inline(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def row_xml(number: int, cells: Iterable[str]) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def write_xlsx_parts(
    path: Path, sheet_chunks: Iterable[str], shared_chunks: Iterable[str] = ()
) -> Path:
    """A workbook whose sheet XML (inside <sheetData>) and shared strings (the
    <si> elements) are given as chunks of text, streamed into the zip."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(
                b'<?xml version="1.0" encoding="UTF-8"?>'
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            for chunk in shared_chunks:
                part.write(chunk.encode())
            part.write(b"</sst>")
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(_SHEET_HEAD.encode())
            for chunk in sheet_chunks:
                part.write(chunk.encode())
            part.write(_SHEET_TAIL.encode())
    return path


def _repeat(text: str, total_chars: int, piece: int = 1 << 20) -> Iterator[str]:
    block = text * (piece // len(text))
    left = total_chars
    while left > 0:
        yield block[:left]
        left -= len(block)


def huge_cell_xlsx(path: Path, cell_chars: int, *, shared: bool = False) -> Path:
    """Header phone/name/message; row 2 holds a message of ``cell_chars`` characters
    (inline, or as a shared string); row 3 is an ordinary row."""

    def sheet() -> Iterator[str]:
        yield row_xml(
            1, [inline("A", 1, "phone"), inline("B", 1, "name"), inline("C", 1, "message")]
        )
        head = f'<row r="2">{inline("A", 2, "+79000000001")}{inline("B", 2, "Бомба")}'
        if shared:
            yield head + '<c r="C2" t="s"><v>0</v></c></row>'
        else:
            yield head + '<c r="C2" t="inlineStr"><is><t>'
            yield from _repeat("бомба ", cell_chars)
            yield "</t></is></c></row>"
        yield row_xml(
            3, [inline("A", 3, "+79000000002"), inline("B", 3, "Анна"), inline("C", 3, "ok")]
        )

    def strings() -> Iterator[str]:
        if shared:
            yield "<si><t>"
            yield from _repeat("бомба ", cell_chars)
            yield "</t></si>"

    return write_xlsx_parts(path, sheet(), strings())


def many_idless_rows_xlsx(path: Path, rows: int) -> Path:
    """Header phone/name, then ``rows`` rows with a name (shared string) and no phone."""

    def sheet() -> Iterator[str]:
        yield row_xml(1, ['<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>'])
        batch = []
        for number in range(2, rows + 2):
            batch.append(f'<row r="{number}"><c r="B{number}" t="s"><v>2</v></c></row>')
            if len(batch) == 10_000:
                yield "".join(batch)
                batch.clear()
        yield "".join(batch)

    return write_xlsx_parts(
        path, sheet(), ["<si><t>phone</t></si><si><t>name</t></si><si><t>Без id</t></si>"]
    )
