"""The text of one source document, normalised once so that every span refers to the same string."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(raw: str) -> str:
    """NFC, unified line ends, runs of spaces folded to one, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def content_id(text: str) -> str:
    """A stable id for a report's content: the first 24 hex digits of the SHA-256 of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class SourceDocument:
    """What a reader hands to extraction: normalised text plus what the file itself says about it.

    `source` names where the document came from (a resolved file path, or a caller-given name);
    a later document with the same source and other content replaces this one's contribution.
    `metadata` holds structured values a format carries (for the JSON incident format: the
    validated record as a dict), never report text for logging.
    """

    source: str
    text: str
    media_type: str
    title: str | None = None
    date: date | None = None
    metadata: dict[str, object] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_id(self.text)
