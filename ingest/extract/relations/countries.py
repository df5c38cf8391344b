"""sg_country_roles: each country's roles in the report, and the nationalities of suspects and migrants."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.relations.locations import DESTINATION, ORIGIN, assign_cues, locations
from ingest.extract.relations.nationality_words import demonym_target, list_start, person_side
from ingest.extract.spans import COUNTRIES, DEMONYMS, PLACES, ensure_extensions, group, sentences, text_of

ROLE_ORDER = ["origin", "transit", "destination", "location", "nationality", "issuer", "other"]


MIGRANTS_FROM = re.compile(
    r"\b(?:migrants|refugees|asylum[- ]seekers|irregular migrants|foreigners|nationals|people|persons)"
    r"(?:,? (?:mainly|mostly|including|all|predominantly))? (?:originating |coming )?from\s+$",
    re.I,
)


class CountryRoles:
    """Sets `doc._.sg_countries` ({code, roles}) and `doc._.sg_nationalities` ({suspects, migrants})."""

    def __init__(self, name: str) -> None:
        self.name = name
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        roles: dict[str, set[str]] = {}
        sides: dict[str, list[str]] = {"suspects": [], "migrants": []}

        def add(code: str | None, role: str) -> None:
            if code:
                roles.setdefault(code, set()).add(role)

        def side(code: str, which: str | None) -> None:
            if which in ("suspect", "migrant") and code not in sides[which + "s"]:
                sides[which + "s"].append(code)

        routed: set[tuple[int, int]] = set()
        for route in doc._.sg_routes or []:
            countries = [s["country"] for s in route["stops"]]
            for i, code in enumerate(countries):
                add(code, "origin" if i == 0 else "destination" if i == len(countries) - 1 else "transit")
            routed |= {tuple(span) for span in route.get("loc_spans", [])}
        for document in doc._.sg_documents or []:
            add(document["issuing_country"], "issuer")
        for person, status in zip(doc._.sg_persons or [], doc._.sg_person_status or [], strict=False):
            if person["nationality"]:
                add(person["nationality"], "nationality")
                side(person["nationality"], status)
        for dem in group(doc, DEMONYMS):
            target = demonym_target(dem)
            if target == "issuer":
                add(dem.kb_id_, "issuer")
            elif target == "authority":
                add(dem.kb_id_, "location")
            elif target in ("vehicle", "thing"):
                add(dem.kb_id_, "other")
            else:
                add(dem.kb_id_, "nationality")
                side(dem.kb_id_, target if target != "person" else person_side(dem))
        cued = self._lone_cues(doc, routed)
        for span in group(doc, COUNTRIES):
            before = text_of(doc)[max(0, span.start_char - 120) : span.start_char]
            if (span.start_char, span.end_char) not in routed and MIGRANTS_FROM.search(list_start(before)):
                # 'migrants from Egypt and Bangladesh' says who they are; 'smuggled migrants from Libya to
                # Italy' (a route) says where they left
                add(span.kb_id_, "nationality")
                side(span.kb_id_, "migrant")
            if (span.start_char, span.end_char) in cued:
                add(span.kb_id_, cued[(span.start_char, span.end_char)])
            elif (span.start_char, span.end_char) not in routed:
                self._country_mention(span, add, side)
        for place in group(doc, PLACES):
            key = (place.start_char, place.end_char)
            if key not in routed:
                add(place.kb_id_, cued.get(key, "location"))
        doc._.sg_countries = [
            {"code": code, "roles": [r for r in ROLE_ORDER if r in found and (r != "other" or len(found) == 1)]}
            for code, found in roles.items()
        ]
        doc._.sg_nationalities = sides
        return doc

    @staticmethod
    def _lone_cues(doc: Doc, routed: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """Origin/destination stated outside any route ('flight from Athens', 'travel on to Austria')."""
        cued: dict[tuple[int, int], str] = {}
        for sent in sentences(doc):
            locs = locations(sent)
            assign_cues(locs, sent.start_char)
            for loc in locs:
                key = (loc.span.start_char, loc.span.end_char)
                if key not in routed and loc.cue in (ORIGIN, DESTINATION):
                    cued[key] = loc.cue
        return cued

    def _country_mention(self, span: Span, add: Any, side: Any) -> None:
        doc = span.doc
        before = text_of(doc)[max(0, span.start_char - 25) : span.start_char]
        target = demonym_target(span)
        if target in ("migrant", "suspect", "person") and re.match(
            r"^\s*(?:citizens?|nationals?)\b", text_of(doc)[span.end_char :]
        ):
            add(span.kb_id_, "nationality")
            side(span.kb_id_, target if target != "person" else person_side(span))
        elif re.search(r"\b(?:citizens?|nationals?) of\s+$|\b\d+ of\s+$", before):
            add(span.kb_id_, "nationality")
            side(span.kb_id_, person_side(span))
        elif target == "issuer":
            add(span.kb_id_, "issuer")
        elif re.search(r"\b(?:in|at|near|inside|within|across|throughout|of)\s+(?:the\s+)?(?:\w+\s+)?$", before, re.I):
            add(span.kb_id_, "location")
        else:
            add(span.kb_id_, "other")


@Language.factory(
    "sg_country_roles",
    requires=["doc.spans", "doc._.sg_routes", "doc._.sg_documents", "doc._.sg_persons"],
    assigns=["doc._.sg_countries", "doc._.sg_nationalities"],
)
def make_country_roles(nlp: Language, name: str) -> CountryRoles:
    """Factory for country roles and suspect/migrant nationalities."""
    return CountryRoles(name)
