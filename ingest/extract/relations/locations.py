"""Location mentions in a sentence (gazetteer countries and places, other GPE/LOC/FAC entities)
and the route cue that governs each one ('from', 'via', 'to', ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from ingest.extract.spans import COUNTRIES, PLACES, group, text_of, within

ORIGIN = "origin"
TRANSIT = "transit"
DESTINATION = "destination"

_FILLER = (
    r"(?:\s+(?:the|a|an|(?-i:[A-Z][\w-]+)|border|borders|coast|area|region|city|town|village|port|airport|island|"
    r"islands|capital|near|at|of|in|on|outskirts|north|south|east|west|northern|southern|eastern|western|"
    r"central|part|province|crossing|point|green|land|sea|coastal|shores?|onwards?|"
    r"by|air|road|boat|car|foot|rail|train|"
    r"plane|flight|bus|lorry|truck|van|ferry|dinghy|taxi|taxis))*"
)
_CUE_WORDS = {
    ORIGIN: r"from|departing(?: from)?|departed(?: from)?|leaving|left|out of|embarked in|embarked at",
    TRANSIT: (
        r"via|through|thru|transiting(?: through)?|transited|across|by way of|crossing|"
        r"crossed|transit(?: through)?"
    ),
    DESTINATION: (
        r"to|towards?|into|arrived|arriving|arrive|arrival|onwards? to|for|reach|reached|"
        r"reaching|bound for|destined for|headed for|"
        r"heading for|arriving in|arrived in|arrive in|arrival in|ending in|on to|landed in|landed on|entered|entering"
    ),
}
_CUES = [(re.compile(rf"(?:^|\W)(?:{words}){_FILLER}\s*$", re.I), cue) for cue, words in _CUE_WORDS.items()]
_JOINER = re.compile(r"^\s*(?:,|and|or|/|then|and then|, and|, or|as well as)\s*$", re.I)
ARROW = re.compile(r"^\s*(?:-{1,2}>|->|→|–|—|-|>|=>|/)\s*$")


@dataclass
class Loc:
    """A location mentioned in the text: place name (None for a bare country) and ISO2 country."""

    span: Span
    place: str | None
    country: str | None
    cue: str | None = None


def locations(sent: Span) -> list[Loc]:
    """Gazetteer countries and places in a sentence, plus GPE/LOC/FAC entities the gazetteer lacks."""
    doc = sent.doc
    found = [Loc(s, None, s.kb_id_) for s in within(group(doc, COUNTRIES), sent)]
    found += [Loc(s, s.text, s.kb_id_) for s in within(group(doc, PLACES), sent)]
    taken = [(lo.span.start, lo.span.end) for lo in found]
    for ent in sent.ents:
        overlaps = any(s < ent.end and ent.start < e for s, e in taken)
        if ent.label_ in ("GPE", "LOC", "FAC") and not overlaps and ent.text[:1].isupper() and not ent.text.isupper():
            found.append(Loc(ent, ent.text, None))
    return sorted(found, key=lambda lo: lo.span.start)


def assign_cues(locs: list[Loc], sent_start: int = 0) -> None:
    """Set each location's route cue from the words since the previous location; coordinated
    locations ('via Y and Z', 'to Italy, Germany and Belgium') share the cue of the first."""
    previous: Loc | None = None
    for loc in locs:
        text = text_of(loc.span.doc)
        start = previous.span.end_char if previous else sent_start
        before = text[max(start, loc.span.start_char - 60) : loc.span.start_char]
        loc.cue = next((cue for rx, cue in _CUES if rx.search(before)), None)
        if loc.cue is None and previous is not None and _JOINER.match(before):
            loc.cue = previous.cue
        previous = loc
