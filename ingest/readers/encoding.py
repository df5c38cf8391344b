"""Bytes of a text-like file to str: BOM first, then UTF-8, then a declared charset, then a guess."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ingest.readers.base import Unreadable

# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text: a BOM wins, then strict UTF-8, then `declared` (e.g. an HTML meta charset), then
    charset-normalizer's best guess. Raises Unreadable when nothing fits (binary content)."""
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise Unreadable(f"text does not match its {encoding} byte-order mark") from exc
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
    best = from_bytes(data).best()
    if best is None:
        raise Unreadable("cannot detect the text encoding (binary content?)")
    return str(best)
