"""The loader a first version would write with neomodel: every object read and saved on its own.

It is the yardstick of `bench.ingestion`'s loading comparison (issue 14 names it), not part of the
product. Per report it saves the Report, then for each of the plan's rows (the very rows `ingest.load`
writes) gets the node or tie by its key, adds the report's statement to it and saves it, each call in
a transaction of its own as neomodel does by default: a round trip or two per object, and a report
is not written atomically. It writes the same nodes and ties (the benchmark checks the counts),
without the summaries and kept clusters the real loader also maintains, so the comparison favours it.
"""

from __future__ import annotations

from typing import Any

from neomodel import StructuredNode, StructuredRel, db

from graph import models
from graph.db import Graph
from ingest.load import Loadable, Prepared

NODE_CLASSES: dict[str, type[models.Entity]] = {
    cls.__name__: cls for cls in (models.Person, models.Organisation, models.Place, models.Phone, models.Email,
                                  models.Vehicle, models.Vessel, models.Account, models.Document, models.Route,
                                  models.Incident)
}  # fmt: skip
REPORT_FIELDS = set(models.Report.defined_properties(aliases=False, rels=False))


def connect(graph: Graph) -> None:
    """Point neomodel at the graph's server."""
    db.set_connection(driver=graph.driver)
    db._database_name = graph.database


def load(item: Loadable) -> None:
    """Write one report, object by object, in one transaction."""
    ready = Prepared.of(item)
    report = models.Report(**{k: v for k, v in ready.report.items() if k in REPORT_FIELDS}).save()
    nodes = {row["uid"]: _node(row) for row in ready.rows("nodes")}
    for row in ready.rows("mentions"):
        said = {"evidence": row["evidence"], "confidence": row["confidence"], "contribution": row["contribution"],
                "names": row["names"], "kind": row["kind"], "scope": row["scope"], "date": row["date"],
                "key": row["uid"]}  # fmt: skip
        report.mentions.connect(nodes[row["uid"]], said)
    for row in ready.rows("relationships"):
        _tie(nodes[row["src"]], nodes.get(row["dst"]) or _reference(row["dst"]), row)
    for row in ready.rows("stops"):
        stop = nodes.get(row["stop"]) or _reference(row["stop"])
        route = nodes[row["route"]]
        manager = route.stops_at if isinstance(stop, models.Place) else route.stops_in
        if manager.relationship(stop) is None:
            manager.connect(stop, {"position": row["position"]})


def _node(row: dict[str, Any]) -> models.Entity:
    cls = NODE_CLASSES[row["label"]]
    node = cls.nodes.get_or_none(uid=row["uid"])
    if node is None:
        node = cls(uid=row["uid"], confidence=row["confidence"])
    for key, value in row["props"].items():
        if getattr(node, key, None) is None:
            setattr(node, key, value)
    for key, values in row["lists"].items():
        had = getattr(node, key, None) or []
        setattr(node, key, [*had, *[v for v in values if v not in had]])
    if row["report_id"] not in node.report_ids:
        _append(node, report_ids=row["report_id"], scopes=row["scope"], dates=row["date"])
    _seen(node, row)
    return node.save()


def _reference(uid: str) -> StructuredNode:
    for cls in (models.Country, models.FraudTechnique, models.ModusOperandi):
        if (found := cls.nodes.get_or_none(uid=uid)) is not None:
            return found
    raise LookupError(f"no reference node {uid}")


def _tie(src: StructuredNode, dst: StructuredNode, row: dict[str, Any]) -> None:
    manager = _manager(src, row["type"], dst)
    tie = manager.relationship(dst)
    if tie is None:
        tie = manager.connect(dst, {"confidence": row["confidence"]})
    _append(tie, report_ids=row["report_id"], scopes=row["scope"], dates=row["date"], said=row["said"],
            src_keys=row["src"], dst_keys=row["dst"])  # fmt: skip
    tie.evidence = [*tie.evidence, *[e for e in row["evidence"] if e not in tie.evidence]]
    _seen(tie, row)
    tie.save()


def _manager(src: StructuredNode, rel_type: str, dst: StructuredNode) -> Any:
    for name, definition in type(src).defined_properties(properties=False, aliases=False, rels=True).items():
        target = definition._raw_class
        target = getattr(models, target) if isinstance(target, str) else target
        if definition.definition["relation_type"] == rel_type and isinstance(dst, target):
            return getattr(src, name)
    raise LookupError(f"graph/models.py declares no {rel_type} from {type(src).__name__} to {type(dst).__name__}")


def _append(item: StructuredNode | StructuredRel, **entries: Any) -> None:
    """Add one statement's entries to the item's aligned lists."""
    for key, value in entries.items():
        setattr(item, key, [*getattr(item, key), value])


def _seen(item: StructuredNode | StructuredRel, row: dict[str, Any]) -> None:
    seen = row["seen"]
    item.confidence = max(item.confidence or 0.0, row["confidence"])
    if seen is not None:
        item.first_seen = seen if item.first_seen is None or seen < item.first_seen else item.first_seen
        item.last_seen = seen if item.last_seen is None or seen > item.last_seen else item.last_seen
