"""Linking a new incident to what is known: extract it, find each person, organisation, identifier and
document among the facts the caller may see, score the candidates with reasons, and name the known
networks they lead to. Nothing is written unless the caller commits; then the incident is ingested and
the likely matches are recorded as POSSIBLY_SAME_AS for review.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel, Field
from spacy.language import Language

from graph import keys
from graph.db import Graph
from graph.fulltext import lucene_query
from graph.investigations.base import NodeOut, Provenance, ReportRef
from graph.investigations.lookup import MIN_SCORE, name_score
from graph.visibility import Scope
from ingest.document import SourceDocument
from ingest.extract import extract
from ingest.extraction import Extraction
from ingest.load import ReportMeta, load_report
from ingest.resolve.compare import compare_names

CANDIDATES = 30
SHOWN = 5
IDENTIFIER_LABELS = {
    "phone": "Phone",
    "email": "Email",
    "vehicle_plate": "Vehicle",
    "vessel": "Vessel",
    "account": "Account",
}


class Candidate(BaseModel):
    entity: NodeOut
    score: float
    decision: Literal["same", "unsure", "different"]
    reasons: list[str]


class Match(BaseModel):
    mention: str = Field(description="the name or value as the new incident gives it")
    kind: Literal["person", "organisation", "identifier", "document"]
    candidates: list[Candidate]


class NetworkHit(BaseModel):
    network: NodeOut
    via: list[str] = Field(description="the incident's mentions that lead to this network")
    hops: int = Field(description="ties between the matched entity and the network (1 = member)")
    reports: list[ReportRef]


class LinkResult(BaseModel):
    report_id: str
    extraction: Extraction
    matches: list[Match]
    networks: list[NetworkHit]
    committed: bool
    proposed_same_as: int = 0


def link_incident(graph: Graph, scope: Scope, nlp: Language, doc: SourceDocument, *, commit: bool = False,
                  meta: ReportMeta | None = None) -> LinkResult:  # fmt: skip
    """What a new incident touches in the graph, as the caller may see it."""
    extraction = extract(doc, nlp)
    identifiers = _identifier_matches(graph, scope, extraction)
    held_by = {c.entity.uid: m.mention for m in identifiers for c in m.candidates if c.entity.label != "Phone"}
    matches = identifiers + _name_matches(graph, scope, extraction, held_by)
    networks = _networks(graph, scope, matches)
    result = LinkResult(report_id=doc.id, extraction=extraction, matches=matches, networks=networks, committed=commit)
    if commit:
        load_report(graph, doc, extraction, meta or ReportMeta(originator_agency=scope.viewer.agency))
        result.proposed_same_as = _propose(graph, doc.id, scope.viewer.user, matches, extraction)
    return result


def _identifier_matches(graph: Graph, scope: Scope, ex: Extraction) -> list[Match]:
    wanted = [(i.value, keys.identifier_uid(i.kind, i.value)) for i in ex.identifiers if i.kind in IDENTIFIER_LABELS]
    wanted += [(d.number, keys.document_uid(d.type, d.number, "", 0)) for d in ex.documents if d.number]
    by_uid = dict((uid, value) for value, uid in wanted)
    rows = graph.read("linking/find_identifiers", {**scope.params(), "values": [{"uid": uid} for uid in by_uid]})
    prov = Provenance(graph, scope, [r["identifier"].get("report_ids") for r in rows]
                      + [h.get("report_ids") for r in rows for h in r["holders"]])  # fmt: skip
    matches = []
    for row in rows:
        identifier = prov.node(row["identifier"])
        value = by_uid[identifier.uid]
        same = f"the same {identifier.label.lower()} {value}"
        found = [Candidate(entity=identifier, score=1.0, decision="same", reasons=[f"{same} is known"])]
        found += [Candidate(entity=prov.node(h), score=0.95, decision="same", reasons=[f"uses {same}"])
                  for h in row["holders"]]  # fmt: skip
        matches.append(Match(mention=value, kind="document" if identifier.label == "Document" else "identifier",
                             candidates=found))  # fmt: skip
    return matches


def _name_matches(graph: Graph, scope: Scope, ex: Extraction, held_by: dict[str, str]) -> list[Match]:
    named: list[tuple[str, list[str], Literal["person", "organisation"]]] = [
        (p.name, p.aliases, "person") for p in ex.persons if "migrant" not in p.roles
    ] + [(o.name, [], "organisation") for o in ex.organisations if o.kind != "authority"]
    matches = []
    for name, aliases, kind in named:
        query = "linking/find_person_candidates" if kind == "person" else "linking/find_organisation_candidates"
        rows = graph.read(query, {**scope.params(), "query": lucene_query(" ".join([name, *aliases])),
                                  "limit": CANDIDATES})  # fmt: skip
        prov = Provenance(graph, scope, [row["node"].get("report_ids") for row in rows])
        nodes = [prov.node(row["node"]) for row in rows]
        # A candidate must resemble the mention by what visible reports call it (or share an identifier):
        # the index also holds names and aliases from reports the caller may not see.
        nodes = [n for n in nodes if n.uid in held_by or max(name_score(v, n) for v in (name, *aliases)) >= MIN_SCORE]
        found = [_score(name, aliases, kind, node, held_by) for node in nodes]
        found = sorted((c for c in found if c.decision != "different"), key=lambda c: (-c.score, c.entity.uid))
        matches.append(Match(mention=name, kind=kind, candidates=found[:SHOWN]))
    return matches


def _score(name: str, aliases: list[str], kind: str, node: NodeOut, held_by: dict[str, str]) -> Candidate:
    known = [node.name, *(node.properties.get("aliases") or [])]
    best = max((compare_names(mine, theirs, kind) for mine in (name, *aliases) for theirs in known),
               key=lambda c: c.score)  # fmt: skip
    score, decision, reasons = best.score, best.decision, list(best.reasons)
    if node.uid in held_by and decision != "different":
        score, decision = max(score, 0.95), "same"
        reasons.append(f"also uses {held_by[node.uid]}, which the incident mentions")
    return Candidate(entity=node, score=round(score, 3), decision=decision, reasons=reasons)


def _networks(graph: Graph, scope: Scope, matches: list[Match]) -> list[NetworkHit]:
    via: dict[str, set[str]] = defaultdict(set)
    for match in matches:
        for candidate in match.candidates:
            if candidate.decision == "same" or candidate.entity.label == "Organisation":
                via[candidate.entity.uid].add(match.mention)
    if not via:
        return []
    rows = graph.read("linking/get_networks", {**scope.params(), "uids": sorted(via), "limit": 200})
    prov = Provenance(graph, scope, [r["network"].get("report_ids") for r in rows] + [r["report_ids"] for r in rows])
    hits: dict[str, dict[str, Any]] = {}
    for row in rows:
        hit = hits.setdefault(row["network"]["uid"], {"network": prov.node(row["network"]), "via": set(),
                                                       "hops": row["hops"], "ids": []})  # fmt: skip
        hit["via"] |= via[row["uid"]]
        hit["hops"] = min(hit["hops"], row["hops"])
        hit["ids"] += row["report_ids"]
    return [
        NetworkHit(network=h["network"], via=sorted(h["via"]), hops=h["hops"],
                   reports=list({r.id: r for r in prov.support(sorted(set(h["ids"])))["reports"]}.values()))
        for h in sorted(hits.values(), key=lambda h: (h["hops"], h["network"].uid))
    ]  # fmt: skip


def _propose(graph: Graph, report_id: str, by: str, matches: list[Match], extraction: Extraction) -> int:
    uids = {p.name: keys.person_uid(p.name, p.birth_date) for p in extraction.persons}
    rows = [
        {"src": uids[m.mention], "dst": c.entity.uid, "score": c.score, "reasons": c.reasons}
        for m in matches if m.kind == "person" and m.mention in uids
        for c in m.candidates if c.decision in ("same", "unsure") and c.entity.uid != uids[m.mention]
    ]  # fmt: skip
    if not rows:
        return 0
    return int(
        graph.write("linking/merge_possibly_same_as", {"rows": rows, "report_id": report_id, "by": by})[0]["merged"]
    )
