"""Turning a processed spaCy Doc into the contract's `Extraction`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ingest.document import SourceDocument
from ingest.extract.places import collect_places
from ingest.extract.spans import IDENTIFIERS, group, sentences
from ingest.extraction import (
    CodeMention,
    CountryMention,
    DocumentInfo,
    DocumentMention,
    Extraction,
    Identifier,
    Nationalities,
    Numbers,
    OrganisationMention,
    PersonMention,
    PlaceMention,
    Relation,
    RouteMention,
)
from ingest.readers.dates import parse_date


def _identifiers(doc: Doc) -> list[Identifier]:
    found: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for span in group(doc, IDENTIFIERS):
        found.setdefault((span.label_, span.kb_id_), []).append((span.start_char, span.end_char))
    return [
        Identifier.model_validate({"kind": kind, "value": value, "spans": spans})
        for (kind, value), spans in found.items()
    ]


def _document_info(source: SourceDocument, doc: Doc) -> DocumentInfo:
    when = source.date
    if when is None:
        when = next((d for s in sentences(doc) if (d := parse_date(s.text))), None)
    return DocumentInfo(id=source.id, title=source.title, date=when.isoformat() if when else None, language="en")


def _mention_spans(persons: list[PersonMention], organisations: list[OrganisationMention]) -> list[tuple[int, int]]:
    spans = [tuple(s) for p in persons for s in p.spans] + [tuple(s) for o in organisations for s in o.spans]
    return [(int(s[0]), int(s[1])) for s in spans]


def _route(route: dict[str, Any]) -> RouteMention:
    return RouteMention.model_validate({k: route[k] for k in ("stops", "modes", "named_route")})


def to_extraction(source: SourceDocument, doc: Doc) -> Extraction:
    """The Extraction for one report from the Doc the pipeline produced."""
    persons = [PersonMention.model_validate(p) for p in doc._.sg_persons or []]
    organisations = [
        OrganisationMention.model_validate({k: v for k, v in o.items() if k != "quoted"})
        for o in doc._.sg_organisations or []
    ]
    skip = {p.name for p in persons} | {o.name for o in organisations} | {a for p in persons for a in p.aliases}
    skip |= {word for p in persons for word in p.name.split()}
    return Extraction(
        document=_document_info(source, doc),
        persons=persons,
        organisations=organisations,
        places=[
            PlaceMention.model_validate(p) for p in collect_places(doc, skip, _mention_spans(persons, organisations))
        ],
        countries=[CountryMention.model_validate(c) for c in doc._.sg_countries or []],
        routes=[_route(r) for r in doc._.sg_routes or []],
        fraud_techniques=[CodeMention.model_validate(c) for c in doc._.sg_fraud_techniques or []],
        documents=[DocumentMention.model_validate(d) for d in doc._.sg_documents or []],
        modus_operandi=[CodeMention.model_validate(c) for c in doc._.sg_modus_operandi or []],
        identifiers=_identifiers(doc),
        nationalities=Nationalities.model_validate(doc._.sg_nationalities or {}),
        numbers=Numbers.model_validate(doc._.sg_numbers or {}),
        relations=[Relation.model_validate(r) for r in doc._.sg_relations or []],
    )
