"""How identifiers are written in the graph, shared by extraction and search: phones in E.164 (from
international, 00-prefixed and national formats), compact upper-case plates and numbers, lower-case e-mail."""

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


def compact(value: str) -> str:
    """A plate, document number or account number as stored: no spaces or dashes, upper case."""
    return re.sub(r"[\s\-]", "", value).upper()


def phone_forms(raw: str) -> dict[str, str]:
    """Every E.164 number a typed phone number can be, with the region it was read in ("" for an
    international one): a national number such as "064 123 4567" is tried in every region."""
    text = raw.strip()
    if international := to_e164(text, None):
        return {international: ""}
    forms: dict[str, str] = {}
    if sum(ch.isdigit() for ch in text) < 6:
        return forms
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        e164 = to_e164(text, region)
        if e164:
            forms.setdefault(e164, region)
    return forms
