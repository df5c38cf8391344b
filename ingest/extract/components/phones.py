"""Phone number normalisation to E.164 (international, 00-prefixed and national formats)."""

from __future__ import annotations

import re

import phonenumbers

PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)[1-9][\d ().\-/]{6,18}\d|(?<![\w+])0[1-9][\d ().\-/]{5,16}\d")
PHONE_CUE = re.compile(r"phone|mobile|tel\b|telephone|number|whatsapp|viber|telegram|signal|contact|sim\b|call", re.I)


def to_e164(raw: str, region: str | None) -> str | None:
    """E.164 form of a written phone number, or None if it is not a plausible phone number.

    Numbers with + or 00 need no region; national numbers (leading 0) are read in `region`.
    """
    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+") and region is None:
        return None
    try:
        number = phonenumbers.parse(text, None if text.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    if not text.startswith("+") and not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
