"""Read a calendar date out of the short strings files carry in headers and metadata."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# Numeric dates are read day first: the reports come from European agencies.
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def _make(year: str, month: str | int, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(value: str) -> date | None:
    """The first date found in `value` (ISO, day-first numeric, "12 March 2026", "March 12, 2026",
    or an RFC 2822 e-mail date), or None when there is none or it is not a real calendar day."""
    value = value.strip()
    if match := _ISO.search(value):
        return _make(*match.groups())
    if match := _NUMERIC.search(value):
        day, month, year = match.groups()
        return _make(year, month, day)
    if match := _DAY_MONTH.search(value):
        day, month_name, year = match.groups()
        if (month := _MONTHS.get(month_name.lower())) is not None:
            return _make(year, month, day)
    if match := _MONTH_DAY.search(value):
        month_name, day, year = match.groups()
        if (month := _MONTHS.get(month_name.lower())) is not None:
            return _make(year, month, day)
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def as_date(value: object) -> date | None:
    """A date from a datetime, a date, or a string, as metadata fields give them."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None
