"""Builders for reader fixtures: small real files written at test time, never checked in."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from graph.errors import ReaderError
from ingest.readers import read_document

REPORT = "On 12 March, 14 Afghan nationals were intercepted in a lorry at Kapitan Andreevo."


def read_error(path: Path, **kwargs: int) -> ReaderError:
    """The ReaderError reading `path` raises, after checking it names the file first."""
    with pytest.raises(ReaderError) as caught:
        read_document(path, **kwargs)
    assert caught.value.path == str(path.resolve())
    assert str(caught.value).startswith(f"{path.resolve()}: ")
    return caught.value


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def build_pdf(pages: list[str], title: str | None = None) -> bytes:
    """A minimal PDF with a real Helvetica text layer: one page per string, one text line per line."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [{}] /Count {} >>".format(
            " ".join(f"{4 + 2 * index} 0 R" for index in range(len(pages))), len(pages)
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, page in enumerate(pages):
        shows = " ".join(f"{_pdf_string(line)} Tj T*" for line in page.split("\n"))
        stream = f"BT /F1 12 Tf 16 TL 72 720 Td {shows} ET"
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    if title is not None:
        objects.append(f"<< /Title {_pdf_string(title)} /CreationDate (D:20260314120000Z) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    info = f" /Info {len(objects)} 0 R" if title is not None else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """The same PDF, RC4-encrypted (pypdf needs no extra package for that).

    An empty user password leaves it openable by anyone, as with permission-restricted PDFs.
    """
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf() -> bytes:
    """A PDF whose only page has no text at all, like a scan without OCR."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_docx(
    paragraphs: list[str],
    table: list[list[str]] | None = None,
    title: str = "",
    created: datetime | None = None,
) -> bytes:
    """A Word document: the paragraphs, then an optional table, then a closing paragraph."""
    document = docx.Document()
    document.core_properties.title = title
    if created is not None:
        document.core_properties.created = created
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.add_paragraph("End of report.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_email(
    subject: str | None,
    body: str | None,
    *,
    html: str | None = None,
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    sent: datetime | None = None,
) -> bytes:
    """An e-mail: optional text and HTML bodies, attachments as (file name, bytes, MIME type)."""
    message = EmailMessage()
    message["From"] = "ilo.sofia@example.org"
    message["To"] = "analysis@example.org"
    if subject is not None:
        message["Subject"] = subject
    if sent is not None:
        message["Date"] = format_datetime(sent)
    if body is not None:
        message.set_content(body)
    if html is not None:
        if body is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write bytes (or UTF-8 text) to a file of the given name in tmp_path and return its path."""

    def _write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


# The builders as fixtures, so test modules need not import this conftest by name.
@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    return build_pdf


@pytest.fixture
def make_encrypted_pdf() -> Callable[..., bytes]:
    return encrypt_pdf


@pytest.fixture
def make_blank_pdf() -> Callable[[], bytes]:
    return blank_pdf


@pytest.fixture
def make_docx() -> Callable[..., bytes]:
    return build_docx


@pytest.fixture
def make_email() -> Callable[..., bytes]:
    return build_email
