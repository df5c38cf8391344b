"""How one report's extraction maps onto nodes and relationships, before any database is involved."""

from __future__ import annotations

import json

import pytest

from graph import keys
from ingest.extraction import CodeMention, DocumentInfo, DocumentMention, Extraction
from ingest.load_rows import build_plan


def _links(plan_rows: list[dict[str, object]], rel_type: str) -> set[tuple[object, object]]:
    return {(row["src"], row["dst"]) for row in plan_rows if row["type"] == rel_type}


def test_with_several_documents_each_technique_goes_to_the_documents_it_describes() -> None:
    extraction = Extraction(
        document=DocumentInfo(id="r"),
        documents=[DocumentMention(type="passport", issuing_country="BG", status="counterfeit", number="P1"),
                   DocumentMention(type="residence_permit", issuing_country="GR", status="forged", number="R1")],
        fraud_techniques=[CodeMention(code="counterfeit"), CodeMention(code="photo_substitution")],
    )  # fmt: skip
    plan = build_plan(extraction, "r")
    passport, permit = keys.document_uid("passport", "P1", "r", 0), keys.document_uid("residence_permit", "R1", "r", 1)
    assert _links(plan.relationships, "SHOWS_TECHNIQUE") >= {
        (passport, "technique:counterfeit"), (permit, "technique:photo_substitution"),
    }  # fmt: skip
    assert (passport, "technique:photo_substitution") not in _links(plan.relationships, "SHOWS_TECHNIQUE")
    assert (permit, "technique:counterfeit") not in _links(plan.relationships, "SHOWS_TECHNIQUE")


def test_relations_become_typed_relationships_with_evidence() -> None:
    extraction = Extraction.model_validate({
        "document": {"id": "r"},
        "persons": [{"name": "Reza Ahmadi"}],
        "organisations": [{"name": "Golden Crescent group", "kind": "criminal_network"}],
        "identifiers": [{"kind": "phone", "value": "+905321234567"}],
        "relations": [
            {"subject": "Reza Ahmadi", "predicate": "leads", "object": "Golden Crescent group", "spans": [[0, 11]]},
            {"subject": "REZA AHMADI", "predicate": "uses_identifier", "object": "+905321234567"},
            {"subject": "Nobody Known", "predicate": "member_of", "object": "Golden Crescent group"},
        ],
    })  # fmt: skip
    plan = build_plan(extraction, "r")
    member = next(row for row in plan.relationships if row["type"] == "MEMBER_OF")
    assert json.loads(member["said"])["lists"] == {"roles": ["leader"]} and member["evidence"] == ["r:0-11"]
    assert _links(plan.relationships, "HAS_PHONE") == {
        (keys.person_uid("Reza Ahmadi"), keys.identifier_uid("phone", "+905321234567"))
    }
    assert len([row for row in plan.relationships if row["type"] == "MEMBER_OF"]) == 1  # unknown subject dropped


def test_the_loader_refuses_a_relationship_type_it_does_not_know() -> None:
    plan = build_plan(Extraction(document=DocumentInfo(id="r")), "r")
    with pytest.raises(ValueError, match=r"not declared in graph/vocabulary\.py"):
        plan.link("a", "DROP_DATABASE", "b", "r")
