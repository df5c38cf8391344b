"""sg_identifiers: phones, e-mails, vehicle plates, vessel names, document numbers and IBANs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.identifiers import PHONE_CANDIDATE, PHONE_CUE, compact, to_e164
from ingest.extract.spans import COUNTRIES, IDENTIFIERS, OFFICE_PLACES, PLACES, group, text_of

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PLATE = re.compile(
    r"(?:licen[cs]e plates?|number plates?|registration plates?|registration(?: number)?|plates?"
    r"|registered(?: as| under)?|reg\.(?: no\.)?"
    r"|(?:-registered )?(?:trailer|tractor unit|car|vehicle|van|lorry|truck|minibus))"
    r"(?: of the (?:tractor unit|trailer|vehicle|car))?,?\s*(?:number|no\.?)?\s*:?\s*['\"“(]?"
    r"(?P<v>(?=[A-Z0-9 \-]*\d)(?=[A-Z0-9 \-]*[A-Z])[A-Z0-9]{1,4}(?:[ \-][A-Z0-9]{1,5}){0,3})\b"
)
_BOAT = r"(?:vessel|boat|boats|ship|dinghy|yacht|trawler|ferry|tanker|speedboat|catamaran|cayuco|pirogue|launch|craft)"
VESSEL = re.compile(
    rf"{_BOAT},? (?:named|called|christened|registered as|by the name(?: of)?)\s+['\"“‘]?"
    r"(?P<v>[A-Z][\w\-]*(?: [A-Z0-9][\w\-]*){0,3})['\"”’]?"
    rf"|(?:\b(?:MV|M/V|MS|M/Y|SY|{_BOAT}|{_BOAT},? the|(?:one of them|its name,?) (?:named|called)?|"
    r"[Ii]ts name,)\s*['\"“‘])"
    r"(?P<q>[A-Z][\w\- ]{0,30}?)['\"”’]"
)
DOC_NUMBER = re.compile(
    r"(?:passport|ID card|identity card|id card|document|visa|residence permit|travel document|licence)s?"
    r",?(?: (?:no\.?|nr\.?|number|numbered|#|serial number|serial no\.?))\s*:?\s*"
    r"(?P<v>[A-Z]{0,3}[\- ]?\d[\dA-Z\-]{4,12})\b",
    re.I,
)
IBAN = re.compile(r"\b(?P<v>[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?)\b")


class IdentifierFinder:
    """Finds identifiers in the text; span label = kind, `kb_id_` = normalised value."""

    def __init__(self, name: str, default_region: str | None) -> None:
        self.name = name
        self.default_region = default_region

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        taken: list[tuple[int, int]] = []
        for kind, start, end, value in self._candidates(doc):
            if any(start < e and s < end for s, e in taken):
                continue
            span = doc.char_span(start, end, label=kind, kb_id=value, alignment_mode="expand")
            if span is not None:
                taken.append((start, end))
                found.append(span)
        doc.spans[IDENTIFIERS] = sorted(found, key=lambda s: s.start)
        return doc

    def _candidates(self, doc: Doc) -> Iterator[tuple[str, int, int, str]]:
        text = text_of(doc)
        for m in EMAIL.finditer(text):
            yield "email", m.start(), m.end(), m.group().lower()
        for m in IBAN.finditer(text):
            yield "account", m.start("v"), m.end("v"), compact(m.group("v"))
        for m in DOC_NUMBER.finditer(text):
            yield "document_number", m.start("v"), m.end("v"), compact(m.group("v"))
        for m in PLATE.finditer(text):
            value = compact(m.group("v"))
            if 4 <= len(value) <= 10:
                yield "vehicle_plate", m.start("v"), m.end("v"), value
        for m in VESSEL.finditer(text):
            key = "v" if m.group("v") else "q"
            yield "vessel", m.start(key), m.end(key), m.group(key).strip()
        for m in PHONE_CANDIDATE.finditer(text):
            raw = m.group()
            national = not raw.startswith(("+", "00"))
            if national and not PHONE_CUE.search(text[max(0, m.start() - 60) : m.start()]):
                continue
            regions = self._regions(doc, m.start()) if national else [None]
            e164 = next((found for region in regions if (found := to_e164(raw, region))), None)
            if e164:
                yield "phone", m.start(), m.end(), e164

    def _regions(self, doc: Doc, char: int) -> list[str | None]:
        """The countries a national phone number may be read in, likeliest first: the last country or
        place named before it, then the first one the report names (where it was written, as in
        "ILO Belgrade ... to the Hungarian border ... 064 123 4567"), then the default. The number is
        read in the first where it is a valid number; other countries named are not tried, since a
        number valid somewhere is not evidence that it is from there."""
        spans = group(doc, COUNTRIES) + group(doc, PLACES) + group(doc, OFFICE_PLACES)
        named = sorted((s for s in spans if s.kb_id_), key=lambda s: s.start_char)
        before = [s for s in named if s.end_char <= char]
        regions = [before[-1].kb_id_ if before else None, named[0].kb_id_ if named else None, self.default_region]
        return [r for r in dict.fromkeys(regions) if r is not None] or [None]


@Language.factory(
    "sg_identifiers",
    requires=["doc.spans"],
    assigns=["doc.spans"],
    default_config={"default_region": None},
)
def make_identifiers(nlp: Language, name: str, default_region: str | None) -> IdentifierFinder:
    """Factory for the identifier finder; `default_region` reads national phone numbers with no country nearby."""
    return IdentifierFinder(name, default_region)
