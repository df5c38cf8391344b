"""File readers: one module per format, one entry point, `read_document`.

Each format reader turns bytes into raw text plus what the format says about the document (title,
date, metadata). `read_document` picks the reader from the file suffix, or from the content where
the suffix is missing or wrong, and normalises the text once so every span refers to one string.
Anything that cannot be read raises `graph.errors.ReaderError` naming the file and the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from graph.errors import ReaderError
from ingest.document import SourceDocument, normalise_text
from ingest.readers.base import Extracted, Unreadable, Unsupported
from ingest.readers.html import read_html
from ingest.readers.incident import read_incident
from ingest.readers.incident_model import IncidentRecord
from ingest.readers.limits import ReadLimits, ReadTimedOut, bounded
from ingest.readers.mail import read_email
from ingest.readers.markdown import read_markdown
from ingest.readers.pdf import read_pdf
from ingest.readers.sniff import binary_kind, text_kind
from ingest.readers.text import read_text
from ingest.readers.word import read_docx

__all__ = ["SUPPORTED_SUFFIXES", "IncidentRecord", "ReadLimits", "read_document"]

log = logging.getLogger(__name__)

_KIND_BY_SUFFIX = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".eml": "eml",
    ".json": "json",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(_KIND_BY_SUFFIX))
"""The file suffixes `read_document` accepts (lower case, with the dot)."""

_SIGNATURES = {
    "pdf": (b"%PDF-", "corrupt PDF (no PDF header)"),
    "docx": (b"PK\x03\x04", "corrupt DOCX (not a zip package)"),
}
# Formats we will recognise by content alone even under a suffix we do not know.
_SELF_EVIDENT = {"pdf", "docx", "html", "json", "eml"}


def _kind(data: bytes, suffix: str) -> str:
    declared = _KIND_BY_SUFFIX.get(suffix)
    if declared in _SIGNATURES and data.startswith(_SIGNATURES[declared][0]):
        return declared  # the reader itself reports a damaged file of the right kind
    sniffed = binary_kind(data)
    if sniffed is not None:
        return sniffed
    if declared in _SIGNATURES:
        raise Unreadable(_SIGNATURES[declared][1])
    if declared == "text":
        # A .txt that holds an e-mail, a web page or an incident record is read as what it is.
        return "text" if (found := text_kind(data)) == "markdown" else found
    if declared is not None:
        return declared
    found = text_kind(data)
    if suffix and found not in _SELF_EVIDENT:
        raise Unsupported(f"unsupported file type '{suffix}' (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    return found


def _extract(data: bytes, suffix: str) -> Extracted:
    kind = _kind(data, suffix)
    log.debug("reading %d bytes as %s", len(data), kind)
    return _READERS[kind](data)


def _read_attachment(data: bytes, name: str) -> Extracted | None:
    try:
        return _extract(data, Path(name).suffix.lower())
    except Unsupported:
        return None


_READERS: dict[str, Callable[[bytes], Extracted]] = {
    "text": read_text,
    "markdown": read_markdown,
    "html": read_html,
    "pdf": read_pdf,
    "docx": read_docx,
    "eml": lambda data: read_email(data, _read_attachment),
    "json": read_incident,
}


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    if count >= 1_000:
        return f"{count / 1_000:.1f} kB"
    return f"{count} bytes"


def _load(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing, special, empty and oversized files before reading them."""
    try:
        if not path.exists():
            raise ReaderError(path, "file not found")
        if not path.is_file():
            raise ReaderError(path, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise ReaderError(path, f"file is {_size(size)}, over the {_size(max_bytes)} limit")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReaderError(path, f"cannot read file: {exc.strerror or type(exc).__name__}") from exc
    if len(data) > max_bytes:  # the file grew after we looked at its size
        raise ReaderError(path, f"file is over the {_size(max_bytes)} limit")
    if not data:
        raise ReaderError(path, "file is empty")
    return data


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(normalise_text(value).split()) or None


def read_document(path: Path, *, max_bytes: int = 20_000_000, limits: ReadLimits | None = None) -> SourceDocument:
    """Read one report file of a supported kind (see SUPPORTED_SUFFIXES) into a SourceDocument.

    The text is normalised once, here; `source` is the resolved absolute path. Raises ReaderError
    (file name and reason) for a missing, empty, oversized, unsupported, encrypted or damaged file,
    an archive over `limits` (unpacked size, members) and a read that takes longer than they allow.
    """
    limits = limits or ReadLimits()
    try:
        with bounded(limits):
            return _read(path, max_bytes)
    except ReadTimedOut:
        raise ReaderError(path, f"reading took longer than the {limits.max_seconds:g} s limit") from None


def _read(path: Path, max_bytes: int) -> SourceDocument:
    try:
        resolved = Path(path).expanduser().resolve()
    except (OSError, RuntimeError) as exc:  # e.g. a symlink loop
        raise ReaderError(path, f"cannot resolve the path ({type(exc).__name__})") from exc
    data = _load(resolved, max_bytes)
    try:
        extracted = _extract(data, resolved.suffix.lower())
    except Unreadable as exc:
        raise ReaderError(resolved, exc.reason) from exc
    except Exception as exc:  # a parser failing in a way we did not foresee is still a bad file
        raise ReaderError(resolved, f"could not read the file ({type(exc).__name__})") from exc
    text = normalise_text(extracted.text)
    if not text:
        raise ReaderError(resolved, "no text found (only whitespace after extraction)")
    return SourceDocument(
        source=str(resolved),
        text=text,
        media_type=extracted.media_type,
        title=_one_line(extracted.title),
        date=extracted.date,
        metadata=extracted.metadata,
    )
