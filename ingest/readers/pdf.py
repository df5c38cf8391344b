"""PDF (.pdf): the text layer, page by page, via pypdf. Scanned images without OCR are refused."""

from __future__ import annotations

import io
import logging

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from ingest.readers.base import Extracted, Unreadable, describe
from ingest.readers.dates import as_date

MEDIA_TYPE = "application/pdf"
log = logging.getLogger(__name__)


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as exc:  # pypdf raises many types for damaged files
        raise Unreadable(f"corrupt PDF ({describe(exc)})") from exc
    if reader.is_encrypted:
        # An owner password alone (empty user password) still lets anyone read the text.
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise Unreadable("PDF is AES-encrypted; opening it needs the 'cryptography' package") from exc
        except NotImplementedError as exc:
            raise Unreadable(f"PDF is encrypted with a method we cannot open ({describe(exc)})") from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise Unreadable("PDF is encrypted (password required)")
    return reader


def _pages_text(reader: PdfReader) -> list[str]:
    try:
        return [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise Unreadable("PDF is encrypted (password required)") from exc
    except Exception as exc:  # damaged page trees and content streams fail in many ways
        raise Unreadable(f"corrupt PDF ({describe(exc)})") from exc


def _metadata(reader: PdfReader) -> tuple[str | None, object]:
    try:
        info = reader.metadata
        if info is None:
            return None, None
        return info.title, info.creation_date
    except (PdfReadError, ValueError, TypeError, KeyError) as exc:
        # Broken metadata is no reason to refuse a readable text layer.
        log.debug("ignoring unreadable PDF metadata: %s", type(exc).__name__)
        return None, None


def read_pdf(data: bytes) -> Extracted:
    """Read a PDF's text layer; title and creation date from its document information."""
    reader = _open(data)
    pages = _pages_text(reader)
    if not any(page.strip() for page in pages):
        raise Unreadable("PDF has no text layer (scanned image?)")
    title, created = _metadata(reader)
    return Extracted(
        text="\n\n".join(pages),
        media_type=MEDIA_TYPE,
        title=title if isinstance(title, str) else None,
        date=as_date(created),
        metadata={"pages": len(pages)},
    )
