"""Bytes of a text-like file to str: BOM first, then UTF-8, then a declared charset, then a guess.

Never garbled: bytes that are mostly UTF-8 but not valid UTF-8 (a damaged file, or one pasted
together from two encodings) are refused with one line rather than guessed as a one-byte encoding,
which would turn every accented letter of a name into two wrong ones ("HÃ¼seyin").
"""

from __future__ import annotations

import codecs
import re

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


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences (one-byte encodings rarely do)."""
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(match) for match in _UTF8_SEQUENCE.findall(data))
    return high > 0 and in_sequences * 2 > high


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
        except UnicodeDecodeError as exc:
            if mostly_utf8(data):
                raise Unreadable(
                    f"text is UTF-8 with invalid bytes (first at byte {exc.start}): damaged or mixed encodings; "
                    "save it again as UTF-8"
                ) from None
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
    return _guess(data)


# Code pages reports are written in; DOS and Mac pages also "fit" most short Latin texts, wrongly.
_PLAUSIBLE = {f"cp{n}" for n in range(1250, 1259)} | {f"iso8859_{n}" for n in (1, 2, 5, 6, 7, 9, 13, 15, 16)}
_PLAUSIBLE |= {"koi8_r", "koi8_u", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "ascii"}
_CLEAR_LEAD = 0.1  # coherence (how much the text reads as a language) by which a guess must beat a rival


def _guess(data: bytes) -> str:
    """charset-normalizer's guess among plausible encodings, only when it is unambiguous."""
    results = list(from_bytes(data))
    if not results:
        raise Unreadable("cannot detect the text encoding (binary content?)")
    matches = [m for m in results if _PLAUSIBLE & {m.encoding, *m.could_be_from_charset}]
    if not matches:
        raise Unreadable(f"cannot tell the text encoding (it looks like {results[0].encoding}); save it as UTF-8")
    least = min(m.chaos for m in matches)
    rivals = sorted((m for m in matches if m.chaos <= least + 0.01), key=lambda m: -m.coherence)
    texts = {str(m) for m in rivals}
    if len(texts) == 1 or rivals[0].coherence - rivals[1].coherence >= _CLEAR_LEAD:
        return str(rivals[0])
    raise Unreadable(
        f"cannot tell the text encoding ({rivals[0].encoding} or {rivals[1].encoding} read it differently); "
        "save it as UTF-8"
    )
