"""Word (.docx): paragraphs and table cells in document order, via python-docx."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ingest.readers.base import Extracted, Unreadable, describe
from ingest.readers.dates import as_date
from ingest.readers.limits import check_archive

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _open(data: bytes) -> Document:
    check_archive(data, "DOCX")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # bad zips, missing parts and broken XML all surface differently
        raise Unreadable(f"corrupt DOCX ({describe(exc)})") from exc


def _cell_text(cell: _Cell) -> str:
    parts = [
        item.text if isinstance(item, Paragraph) else " ".join(_table_lines(item)) for item in cell.iter_inner_content()
    ]
    return " ".join(part.strip() for part in parts if part.strip())


def _table_lines(table: Table) -> Iterator[str]:
    """One line per row, cells joined by " | "; a merged cell is read once, not once per grid column."""
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        yield " | ".join(cells)


def _body_lines(document: Document) -> Iterator[str]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text
        else:
            yield from _table_lines(item)
            yield ""


def _styled_title(document: Document) -> str | None:
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            style = paragraph.style.name if paragraph.style is not None else ""
            return paragraph.text.strip() if style == "Title" else None
    return None


def read_docx(data: bytes) -> Extracted:
    """Read a Word document; title and date from its core properties (title, created), the title
    falling back to an opening paragraph in the Title style."""
    document = _open(data)
    try:
        text = "\n".join(_body_lines(document))
        properties = document.core_properties
        title = properties.title.strip() or _styled_title(document)
        created = properties.created
    except Exception as exc:  # malformed XML inside a valid package
        raise Unreadable(f"corrupt DOCX ({describe(exc)})") from exc
    return Extracted(text=text, media_type=MEDIA_TYPE, title=title, date=as_date(created))
