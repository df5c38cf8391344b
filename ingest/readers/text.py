"""Plain text (.txt), and the title/date hints a report's first lines may carry."""

from __future__ import annotations

import re
from datetime import date

from ingest.readers.base import Extracted
from ingest.readers.dates import parse_date
from ingest.readers.encoding import decode_bytes

MEDIA_TYPE = "text/plain"
_HEAD_LINES = 10
_TITLE_FIELD = re.compile(r"^\s*(?:title|subject)\s*:\s*(\S.*)$", re.IGNORECASE)
_DATE_FIELD = re.compile(r"^\s*date\s*:\s*(\S.*)$", re.IGNORECASE)
_MAX_TITLE = 120


def _looks_like_title(line: str, next_line: str | None) -> bool:
    """A short first line, not a sentence, standing alone above the body."""
    line = line.strip()
    return 0 < len(line) <= _MAX_TITLE and line[-1] not in ".,;:" and next_line is not None and not next_line.strip()


def head_hints(text: str) -> tuple[str | None, date | None]:
    """Title and date from the top of a text: "Title:"/"Subject:" and "Date:" lines among the first
    few non-blank lines, else a short first line standing alone as the title."""
    lines = text.splitlines()
    title: str | None = None
    found_date: date | None = None
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        if title is None and (match := _TITLE_FIELD.match(line)):
            title = match.group(1).strip()
        elif found_date is None and (match := _DATE_FIELD.match(line)):
            found_date = parse_date(match.group(1))
    if title is None:
        title = _first_line_title(lines)
    return title, found_date


def _first_line_title(lines: list[str]) -> str | None:
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else None
        if _DATE_FIELD.match(line) or not _looks_like_title(line, next_line):
            return None
        return line.strip()
    return None


def read_text(data: bytes) -> Extracted:
    """Read a plain-text report; title and date come from its first lines when they give them."""
    text = decode_bytes(data)
    title, found_date = head_hints(text)
    return Extracted(text=text, media_type=MEDIA_TYPE, title=title, date=found_date)
