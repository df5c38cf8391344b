"""What a nationality word describes: the people it names (migrants or suspects), a document's
issuer, an authority, or a thing (a vehicle's registration, a language)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ingest.extract.spans import sentence_of, text_of

MIGRANT_NOUNS = re.compile(
    r"^(?:kurds|arabs|pashtuns|hazaras|migrants?|refugees?|asylum|passengers?|travell?ers|customers|clients|"
    r"minors|children|families|women|men|boys|girls|people|persons|irregular|"
    r"undocumented|stowaways?|holders?)\b",
    re.I,
)
SUSPECT_NOUNS = re.compile(
    r"^(?:smugglers?|suspects?|drivers?|facilitators?|organi[sz]ers?|leaders?|"
    r"members?|accomplices|skippers?|guides?|recruiters?|forgers?|traffickers?|"
    r"gang|network|group|clan|ringleaders?|criminals?|accused|defendants?|co-driver|"
    r"partner|associate|brother)\b",
    re.I,
)
AUTHORITY_NOUNS = re.compile(
    r"^(?:(?:border|federal|national|state|local|coast|military|judicial)\s+)?(?:police|"
    r"authorities|border|guard|coast ?guard|army|officials?|officers?|court|prosecutors?|"
    r"colleagues|counterparts|navy|gendarmerie|ministry|government|customs|files|"
    r"ilo|embassy|consulate|side|intelligence)\b",
    re.I,
)
VEHICLE_NOUNS = re.compile(
    r"^(?:-?registered|registration|plates?|licen[cs]e|lorry|truck|van|car|vehicle|"
    r"trailer|flag(?:ged)?|-flagged|vessel|company|companies|firm|bank|number|"
    r"sim|mobile|phone|territory|waters|coast|side|border|soil|airport|port|capital|"
    r"language|speaking)\b",
    re.I,
)
DOC_NOUNS = re.compile(
    r"^(?:passports?|id|identity|visas?|residence|travel documents?|driving|documents?|"
    r"birth|marriage|invitation|stamps?)\b",
    re.I,
)
MIGRANT_CONTEXT = re.compile(
    r"intercept|rescu|migrant|smuggled|found|detected|on board|aboard|asylum|"
    r"disembark|apprehended|refugee|travell?ers|nationalities of|arriv|crossed|entered|foreigners|reached|"
    r"fled|travelled|boarded|passengers|were moved|were charged (?:EUR|USD|€|\$|between)|paid|customers",
    re.I,
)
# The words just before a nationality that make its people the smuggled ones:
# 'the group moved Indian ... nationals', 'The migrants, mainly Egyptian ...'.
MIGRANT_BEFORE = re.compile(
    r"(?:\b(?:moved|smuggled|transported|brought|carried|rescued|intercepted|found)\s+(?:\d+\s+)?"
    r"|\b(?:migrants|passengers|travellers|customers|victims),?\s+(?:mainly|mostly|including|all|predominantly)?\s*"
    r"|\bmostly\s+)$",
    re.I,
)
SUSPECT_CONTEXT = re.compile(
    r"arrest|charged with|convicted|sentenced|suspect|smuggler|facilitator|accused|"
    r"organi[sz]|led by|driver|detained .* (?:suspect|smuggler)|defendant|network|"
    r"group",
    re.I,
)


_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# The rest of a list of nationalities: ', 121 Egyptian, 54 Pakistani and 39 Syrian', 'and, increasingly, Bangladeshi'.
LIST_ITEMS = re.compile(
    rf"^(?:\s*(?:,|and|or|/)\s*(?:,?\s*(?:increasingly|mostly|mainly|also),?\s*)?(?:{_COUNT}\s+)?"
    r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?(?:\s*\(\d+\))?)*"
)


def demonym_target(dem: Span) -> str:
    """What a nationality adjective describes: 'issuer', 'authority', 'vehicle', 'migrant',
    'suspect' or 'person' (unclear), read from the words after it and its sentence."""
    doc = dem.doc
    after = text_of(doc)[dem.end_char : dem.end_char + 80]
    after = re.sub(r"^\s*\(\d+\)", "", after)
    after = LIST_ITEMS.sub("", after)
    if re.match(r"^\s*[,;.)(:]|^\s*$|^\s+(?:in|from|who|with|was|had|aged|and)\b", after) and not DOC_NOUNS.match(
        after.lstrip(" ,")
    ):
        return "person"
    after = after.lstrip(" -,")
    after = re.sub(r"^(?:and|or)\s+", "", after)
    after = re.sub(r"^(?:\d+-year-old|young|adult|male|female|national\b(?=.*\bborder))\s*", "", after)
    if re.match(r"^(?:[A-Za-z]+\s+){1,2}(?:visas?|passports?|stamps?|id cards?|residence)\b", after, re.I):
        return "issuer"
    for label, rx in (
        ("issuer", DOC_NOUNS),
        ("authority", AUTHORITY_NOUNS),
        ("vehicle", VEHICLE_NOUNS),
        ("migrant", MIGRANT_NOUNS),
        ("suspect", SUSPECT_NOUNS),
    ):
        if rx.match(after):
            return label
    if dem.text.endswith("s") or re.match(r"^(?:nationals?|citizens?|nationality|origin|descent)\b|^[,;.)(]|^$", after):
        return "person"
    return "thing"


def list_start(before: str) -> str:
    """The text before a list of nationalities ('moved Indian, Nepali and ' -> 'moved ')."""
    return re.sub(r"(?:[A-Z][\w-]+(?: [A-Z][\w-]+)?(?:\s*\(\d+\))?\s*(?:,|and|or)\s*)+$", "", before)


def person_side(dem: Span) -> str | None:
    """For an unclear demonym ('14 Afghan nationals', 'a Bulgarian national'): 'migrant' or
    'suspect' from what the clause after it says, else from the nearer cue in its sentence."""
    sent = sentence_of(dem)
    text, offset = sent.text, dem.start_char - sent.start_char
    following = text[offset : offset + 90]
    if MIGRANT_BEFORE.search(list_start(text[:offset])):
        return "migrant"
    if re.search(r"nationalit", text[:offset], re.I) and not SUSPECT_CONTEXT.search(text[:offset]):
        return "migrant"
    for window in (following, text):
        best: tuple[int, str] | None = None
        for rx, side in ((MIGRANT_CONTEXT, "migrant"), (SUSPECT_CONTEXT, "suspect")):
            for m in rx.finditer(window):
                distance = abs(m.start() - (0 if window is following else offset))
                if best is None or distance < best[0]:
                    best = (distance, side)
        if best:
            return best[1]
    return None
