"""Reading counts and amounts written in digits ('5 000', '5,000', '5.000') or words ('twenty-five')."""

from __future__ import annotations

import re

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * i for i, w in enumerate(_TENS) if w != "_"}
WORDS |= {"a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100}

_WORD_RE = "|".join(sorted(WORDS, key=len, reverse=True))
NUMBER = (
    r"(?:\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    rf"|(?:{_WORD_RE})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?)"
)
_SCALE = re.compile(r"\s*(thousand|k)\b", re.I)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or English words, None if it is neither."""
    raw = text.strip().lower()
    if not raw:
        return None
    if raw[0].isdigit():
        return _parse_digits(raw)
    total = 0
    for part in re.split(r"[- ]", raw.replace("a dozen", "dozen").replace("a hundred", "hundred")):
        if part not in WORDS:
            return None
        total += WORDS[part]
    return float(total)


def _parse_digits(raw: str) -> float | None:
    # A separator followed by exactly three digits groups thousands ('5 000', '5,000', '5.000');
    # otherwise a comma or point is a decimal mark ('3.5').
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+", raw):
        return float(re.sub(r"[ ,.]", "", raw))
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def parse_count(text: str) -> int | None:
    """A whole count (people, arrests), None if the text is not one."""
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def scaled(value: float, following: str) -> float:
    """Apply a 'thousand' / 'k' written right after a number."""
    return value * 1000 if _SCALE.match(following) else value
