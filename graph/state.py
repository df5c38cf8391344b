"""An entity's full state (labels, properties, relationships) as exact, JSON-safe data.

Merges keep a snapshot of both entities so that a split restores them exactly; Neo4j's temporal
values are tagged in the JSON so that they come back as the same types, not as strings.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction
from neo4j.time import Date, DateTime

from graph.db import Graph


@dataclass
class Rel:
    type: str
    out: bool
    other: str
    props: dict[str, Any]

    @property
    def key(self) -> tuple[str, bool, str]:
        return (self.type, self.out, self.other)


@dataclass
class EntityState:
    uid: str
    labels: list[str]
    props: dict[str, Any]
    rels: list[Rel]

    def to_json(self) -> dict[str, Any]:
        rels = [{"type": r.type, "out": r.out, "other": r.other, "props": encode(r.props)} for r in self.rels]
        return {"uid": self.uid, "labels": self.labels, "props": encode(self.props), "rels": rels}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EntityState:
        rels = [Rel(r["type"], r["out"], r["other"], decode(r["props"])) for r in data["rels"]]
        return cls(data["uid"], data["labels"], decode(data["props"]), rels)

    def fingerprint(self) -> str:
        """A hash of the whole state, to tell whether an entity changed since a snapshot."""
        canonical = json.dumps(self.to_json() | {"rels": sorted(self.to_json()["rels"], key=json.dumps)},
                               sort_keys=True)  # fmt: skip
        return hashlib.sha256(canonical.encode()).hexdigest()


def encode(value: Any) -> Any:
    if isinstance(value, DateTime):
        return {"$datetime": value.iso_format()}
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$date" in value:
            return Date.from_iso_format(value["$date"])
        if "$datetime" in value:
            return DateTime.from_iso_format(value["$datetime"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def read_state(tx: ManagedTransaction, graph: Graph, uid: str) -> EntityState | None:
    rows = [record.data() for record in graph.run_in(tx, "resolution/get_node_state", {"uid": uid})]
    if not rows or rows[0]["labels"] is None:
        return None
    row = rows[0]
    rels = [Rel(r["type"], r["out"], r["other"], r["props"]) for r in row["rels"]]
    return EntityState(uid, row["labels"], row["props"], rels)
