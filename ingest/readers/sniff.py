"""Guess a file's format from its first bytes, for files whose suffix is missing or wrong."""

from __future__ import annotations

import io
import json
import re
import zipfile

from ingest.readers.base import Unreadable, Unsupported
from ingest.readers.encoding import bom_encoding, decode_bytes

# Formats we recognise only to refuse them with a clear name.
_FOREIGN = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office file (.doc/.xls/.msg); save it as .docx"),
    (b"\x1f\x8b", "gzip archive"),
    (b"{\\rtf", "RTF document"),
)
_HTML = re.compile(
    r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:")
_MAIL_MARKERS = {"received", "message-id", "mime-version", "content-type", "return-path"}
_MARKDOWN = re.compile(r"\A\s*(#{1,6}\s+\S|.+\n(=+|-+)\s*\n)")


def binary_kind(data: bytes) -> str | None:
    """The kind ("pdf" or "docx") a file signature shows, None for text content.

    Raises Unsupported for binary kinds we recognise only to refuse (images, archives, .doc).
    """
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile as exc:
            raise Unreadable("corrupt zip archive") from exc
        raise Unsupported("unsupported file type: zip archive (not a Word document)")
    for signature, name in _FOREIGN:
        if data.startswith(signature):
            raise Unsupported(f"unsupported file type: {name}")
    if b"\x00" in data[:4096] and bom_encoding(data) is None:
        raise Unsupported("unsupported file type: binary content not recognised")
    return None


def _looks_like_mail(text: str) -> bool:
    names: list[str] = []
    for line in text.split("\n", 60)[:60]:
        if not line.strip():
            break
        if line[:1] in " \t":
            continue  # a folded header line
        if not _HEADER.match(line):
            return False
        names.append(line.split(":", 1)[0].lower())
    return "from" in names and bool(_MAIL_MARKERS.intersection(names))


def text_kind(data: bytes) -> str:
    """The format of text content: "html", "json", "eml", "markdown" or "text"."""
    text = decode_bytes(data).lstrip("\ufeff")
    head = text[:4096]
    if _HTML.match(head):
        return "html"
    if head.lstrip()[:1] in ("{", "["):
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            pass
    if _looks_like_mail(head.replace("\r\n", "\n")):
        return "eml"
    if _MARKDOWN.match(head):
        return "markdown"
    return "text"
