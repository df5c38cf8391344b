"""Cleaning and vetting PERSON entity text: titles, punctuation, and words that are not names."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ingest.extract import resources

TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|judge|prosecutor|inspector|officer|sgt|sergeant|captain|capt|"
    r"commissioner|minister|president|general|colonel|col|lt|major|chief|spokesperson|spokesman|"
    r"spokeswoman|defendant|suspect|accused|citizen|national|migrant|driver|skipper)\.?\s+)+",
    re.I,
)
# A full stop after a one-letter initial belongs to the name ('Hawre S.').
TRAILING = re.compile(r"(?:'s|’s|[\s,;:!?\"'“”‘’()\[\]-]|(?<!\b[A-Z])\.)+$")
LEADING = re.compile(r"^[\s,;:\"'“”‘’()\[\]-]+")
PARTICLES = {
    "al",
    "el",
    "bin",
    "ben",
    "ibn",
    "abu",
    "de",
    "del",
    "della",
    "di",
    "da",
    "van",
    "von",
    "der",
    "la",
    "le",
    "du",
    "dos",
    "das",
    "y",
    "ould",
}
SENTENCE_WORDS = {
    "leaving",
    "remarks",
    "holder",
    "subject",
    "note",
    "summary",
    "re",
    "from",
    "to",
    "according",
    "during",
    "after",
    "before",
    "while",
    "since",
    "following",
}
NOT_NAMES = {
    "europol",
    "frontex",
    "eurojust",
    "interpol",
    "hawala",
    "hawaladar",
    "schengen",
    "whatsapp",
    "viber",
    "telegram",
    "facebook",
    "tiktok",
    "signal",
    "instagram",
    "western union",
    "moneygram",
    "eur",
    "euro",
    "police",
    "border police",
    "coast guard",
    "court",
    "ilo",
    "the court",
    "kingpin",
    "leader",
    "the driver",
}


def clean(span: Span) -> tuple[int, int, str] | None:
    """Character offsets and text of a person name without titles and trailing punctuation."""
    text = span.text
    start = span.start_char
    lead = TITLES.match(LEADING.sub("", text)) if text else None
    stripped = LEADING.sub("", text)
    start += len(text) - len(stripped)
    if lead:
        start += lead.end()
        stripped = stripped[lead.end() :]
    name = TRAILING.sub("", stripped)
    if not name:
        return None
    return start, start + len(name), name


def is_name(name: str) -> bool:
    """Whether cleaned text looks like a person's name rather than a place, code or term."""
    if any(ch.isdigit() for ch in name) or "@" in name or len(name) < 2 or "\n" in name or " - " in name:
        return False
    first = name.split()[0]
    if (first.isupper() and len(first) > 1 and len(name.split()) > 1) or first.lower() in SENTENCE_WORDS:
        return False
    if re.search(r"\b(?:turizm|travel|tours|ltd|gmbh|company|agency|police|report|office)\b", name, re.I):
        return False
    lowered = name.lower()
    if lowered in NOT_NAMES or name in resources.country_names() or name in resources.places():
        return False
    if name in resources.data("authorities.json")["authorities"]:
        return False
    if name in resources.demonyms() or name.split()[0] in resources.demonyms():
        return False
    if lowered in resources.all_terms():
        return False
    words = re.split(r"[\s]+", name)
    return all(w[:1].isupper() or w.lower() in PARTICLES or not w[:1].isalpha() for w in words)
