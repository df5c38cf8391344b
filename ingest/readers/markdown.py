"""Markdown (.md): markup syntax stripped, the words and the line structure kept."""

from __future__ import annotations

import re

from ingest.readers.base import Extracted
from ingest.readers.dates import parse_date
from ingest.readers.encoding import decode_bytes
from ingest.readers.text import head_hints

MEDIA_TYPE = "text/markdown"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(title|date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_QUOTE = re.compile(r"^\s*(>\s?)+")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")

_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    # Single underscores only at word edges, so snake_case and file_names survive.
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
# Backslash-escaped punctuation is parked in a private-use plane while the markup is stripped.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_PARKED = re.compile("[\U000f0000-\U000f007f]")


def _inline(line: str) -> str:
    line = _ESCAPED.sub(lambda match: chr(0xF0000 + ord(match.group(1))), line)
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return _PARKED.sub(lambda match: chr(ord(match.group()) - 0xF0000), line)


def _table_row(line: str) -> str:
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1):
        return line
    return " | ".join(cell.strip() for cell in stripped[1:-1].split("|"))


def strip_markdown(source: str) -> tuple[str, str | None]:
    """Plain text of a Markdown source, line for line, and its heading when the source opens with
    one (a title candidate)."""
    out: list[str] = []
    heading: str | None = None
    in_code = False
    content_lines = 0
    for line in source.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            out.append("")
        elif in_code:
            out.append(line)
        elif match := _ATX.match(line):
            out.append(_inline(match.group(2)))
            heading = out[-1] if content_lines == 0 else heading
        elif out and out[-1].strip() and _SETEXT.match(line):
            heading = out[-1] if content_lines == 1 else heading
            out.append("")
        elif _RULE.match(line) or _REF_DEF.match(line) or ("|" in line and _TABLE_RULE.match(line)):
            out.append("")
        else:
            line = _LIST.sub(r"\1", _QUOTE.sub("", line))
            out.append(_inline(_table_row(line)))
        content_lines += bool(out[-1].strip())
    return "\n".join(out), heading


def read_markdown(data: bytes) -> Extracted:
    """Read a Markdown report: title from front matter or the first heading, date from front
    matter or a "Date:" line near the top."""
    source = decode_bytes(data).lstrip("\ufeff")
    fields: dict[str, str] = {}
    if match := _FRONT_MATTER.match(source):
        fields = {key.lower(): value.strip("'\"") for key, value in _FRONT_FIELD.findall(match.group(1))}
        source = source[match.end() :]
    text, heading = strip_markdown(source)
    hint_title, hint_date = head_hints(text)
    title = fields.get("title") or heading or hint_title
    found_date = parse_date(fields["date"]) if "date" in fields else None
    return Extracted(text=text, media_type=MEDIA_TYPE, title=title, date=found_date or hint_date)
