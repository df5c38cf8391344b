"""The vocabulary is declared once: every type the loader writes and every type the schema models
know is in graph/vocabulary.py, and every declared fact type is modelled."""

from __future__ import annotations

import json
import re
from pathlib import Path

from neomodel import RelationshipDefinition

from cypher import load_query
from graph import models
from graph.clusters import TIE_TYPES
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES, STRUCTURE_TYPES
from ingest.extraction import Extraction
from ingest.load_rows import build_plan

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _modelled_types() -> set[str]:
    found = set()
    for cls in vars(models).values():
        if isinstance(cls, type) and issubclass(cls, models.StructuredNode):
            for value in vars(cls).values():
                if isinstance(value, RelationshipDefinition):
                    found.add(value.definition["relation_type"])
    return found


def test_every_modelled_type_is_declared_and_every_fact_type_is_modelled() -> None:
    modelled = _modelled_types()
    assert modelled <= FACT_TYPES | STRUCTURE_TYPES
    assert modelled >= FACT_TYPES


def test_the_loader_writes_only_declared_types_and_labels() -> None:
    written_types, written_labels = set(), set()
    for gold in sorted(CORPUS.glob("*/*.gold.json")):
        plan = build_plan(Extraction.model_validate(json.loads(gold.read_text())), gold.stem)
        written_types |= {row["type"] for row in plan.relationships}
        written_labels |= {row["label"] for row in plan.nodes}
    assert len(written_types) >= 10 and written_types <= FACT_TYPES
    assert written_labels <= set(ENTITY_LABELS)


def test_paths_expand_exactly_the_declared_fact_types() -> None:
    text = (Path(__file__).resolve().parents[2] / "cypher" / "investigations" / "paths.cypher").read_text()
    pattern = re.search(r"allShortestPaths\(\(a\)-\[:([A-Z_|\s]+)\*", text)
    assert pattern is not None, "paths.cypher names the relationship types it expands"
    assert set(re.sub(r"\s", "", pattern.group(1)).split("|")) == FACT_TYPES


def test_every_cluster_query_ties_actors_by_the_same_declared_types() -> None:
    """Kept clusters, their upkeep and the per-call computation must agree on what a tie is."""
    pattern = ":" + "|".join(TIE_TYPES) + "]"
    for name in ("clusters/get_ties_of", "clusters/set_degrees", "clusters/get_all_ties", "investigations/clusters"):
        assert pattern in load_query(name), name
    assert set(TIE_TYPES) <= FACT_TYPES
