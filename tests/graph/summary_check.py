"""The invariant every write keeps: each entity's stored per-scope summary is what its statements give."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.summaries import SUMMARY_PROPERTIES, Statement, Summary

_ENTITIES = """
MATCH (n:Entity)
WHERE n.seen_scope IS NOT NULL OR EXISTS { (:Report)-[:MENTIONS]->(n) }
OPTIONAL MATCH (r:Report)-[m:MENTIONS]->(n)
RETURN n.uid AS uid, properties(n) AS props,
       collect(CASE WHEN m IS NULL THEN NULL ELSE [m.scope, m.date, r.uid, m.contribution] END) AS said
"""


def drifted_summaries(graph: Graph) -> dict[str, dict[str, Any]]:
    """Per entity whose stored summary differs from its statements': the stored and the expected lists."""
    drift = {}
    for record in graph.driver.execute_query(_ENTITIES, database_=graph.database).records:
        expected = Summary.of(Statement(*said) for said in record["said"]).props()
        stored = {key: record["props"].get(key) for key in SUMMARY_PROPERTIES}
        if stored != expected:
            drift[record["uid"]] = {"stored": stored, "expected": expected}
    return drift
