"""sg_gazetteer: countries, route places and nationality adjectives, with ISO2 codes."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.extract import resources
from ingest.extract.spans import COUNTRIES, DEMONYMS, OFFICE_PLACES, PLACES, text_of

ISO_IN_PARENS = re.compile(r"\((?P<c>[A-Z]{2})\)")
ACRONYM = re.compile(r"[A-Z]{2,5}")


class Gazetteer:
    """Marks countries (sg_countries), places (sg_places) and demonyms (sg_demonyms).

    Every span carries its ISO2 code in `kb_id_`; places carry their kind in `label_` and their
    canonical name in `id_`. Matches are case-sensitive so that 'us' or 'chad' stay words.
    """

    def __init__(self, nlp: Language, name: str, skip_inside_person: bool) -> None:
        self.name = name
        self.skip_inside_person = skip_inside_person
        self.countries = resources.country_names()
        self.places = resources.places()
        self.demonyms = resources.demonyms()
        self.codes = set(self.countries.values())
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key, names in (("COUNTRY", self.countries), ("PLACE", self.places), ("DEMONYM", self.demonyms)):
            spellings = sorted({n for name_ in names for n in (name_, name_.upper())})
            self.matcher.add(key, [nlp.make_doc(s) for s in spellings])

    def __call__(self, doc: Doc) -> Doc:
        matches = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in self.matcher(doc)]
        matches += self._iso_codes(doc)
        around = [(m, self._person_around(m)) for m in filter_spans(matches)]
        found = [m for m, person in around if not (self.skip_inside_person and person is not None)]
        # not places of the report, but where it was written: national phone numbers are read there
        doc.spans[OFFICE_PLACES] = [self._place(m) for m, person in around if m.label_ == "PLACE" and _office(person)]
        doc.spans[COUNTRIES] = [self._country(m) for m in found if m.label_ == "COUNTRY"]
        doc.spans[PLACES] = [self._place(m) for m in found if m.label_ == "PLACE"]
        doc.spans[DEMONYMS] = [self._demonym(m) for m in found if m.label_ == "DEMONYM"]
        return doc

    def _iso_codes(self, doc: Doc) -> list[Span]:
        """ISO codes written in parentheses after a place: 'flight from Athens (GR)'."""
        found = []
        for m in ISO_IN_PARENS.finditer(text_of(doc)):
            code = m.group("c")
            if code in self.codes:
                span = doc.char_span(m.start("c"), m.end("c"))
                if span is not None:
                    found.append(Span(doc, span.start, span.end, label="COUNTRY"))
        return found

    @staticmethod
    def _person_around(span: Span) -> Span | None:
        """The longer name the model calls a person that holds the span ('Paris Hilton', or an office:
        'ILO Belgrade')."""
        return next((e for e in span.doc.ents if e.label_ == "PERSON" and e.start <= span.start
                     and span.end <= e.end and len(e) > len(span)), None)  # fmt: skip

    def _lookup(self, table: dict[str, str], text: str) -> str:
        if text in table:
            return table[text]
        if text in self.codes:
            return text
        return next(code for name, code in table.items() if name.upper() == text)

    def _country(self, span: Span) -> Span:
        code = self._lookup(self.countries, span.text)
        return Span(span.doc, span.start, span.end, label="COUNTRY", kb_id=code)

    def _demonym(self, span: Span) -> Span:
        code = self._lookup(self.demonyms, span.text)
        return Span(span.doc, span.start, span.end, label="DEMONYM", kb_id=code)

    def _place(self, span: Span) -> Span:
        place = self.places.get(span.text) or next(p for name, p in self.places.items() if name.upper() == span.text)
        return Span(span.doc, span.start, span.end, label=place.kind, kb_id=place.country, span_id=place.name)


def _office(person: Span | None) -> bool:
    """Whether a 'person' is the name of an office, which opens with an acronym ('ILO Belgrade', 'NCA Dover')."""
    return person is not None and bool(ACRONYM.fullmatch(person[0].text))


@Language.factory(
    "sg_gazetteer",
    assigns=["doc.spans"],
    default_config={"skip_inside_person": True},
)
def make_gazetteer(nlp: Language, name: str, skip_inside_person: bool) -> Gazetteer:
    """Factory for the country/place/demonym gazetteer."""
    return Gazetteer(nlp, name, skip_inside_person)
