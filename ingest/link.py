"""Linking a new incident to what is known: extract it, find each person, organisation, identifier and
document among the facts the caller may see, score the candidates with reasons, and name the known
networks they lead to. Nothing is written unless the caller commits; then the incident is ingested and
resolved exactly as `smugglegraph ingest` resolves a report (merges, and POSSIBLY_SAME_AS for review).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel, Field
from spacy.language import Language

from graph import keys
from graph.db import Graph
from graph.errors import InvalidInput
from graph.fulltext import lucene_query
from graph.investigations.base import NodeOut, Provenance, ReportRef
from graph.investigations.lookup import MIN_SCORE, name_score
from graph.visibility import Scope
from graph.vocabulary import IDENTIFIER_LABELS
from ingest import link_judgements
from ingest.document import SourceDocument
from ingest.extract import extract
from ingest.extraction import Extraction
from ingest.link_judgements import Judgement
from ingest.load import ReportMeta, load_report
from ingest.resolve.evidence import VOCABULARY, names_of, weigh, weigh_organisations
from ingest.resolve.resolver import describe, name_counts, resolve_report

CANDIDATES = 30
SHOWN = 5


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
    proposed_same_as: int = Field(0, description="possible matches recorded for review when committed")
    merged: int = Field(0, description="entities merged by resolution when committed")
    judged: int = Field(0, description="the caller's judgements on the matches recorded when committed")


def link_incident(graph: Graph, scope: Scope, nlp: Language, doc: SourceDocument, *, commit: bool = False,
                  meta: ReportMeta | None = None, judgements: list[Judgement] | None = None) -> LinkResult:  # fmt: skip
    """What a new incident touches in the graph, as the caller may see it; with `commit`, also ingest it,
    recording the caller's judgements on its matches (link_judgements.py)."""
    judgements = judgements or []
    if judgements and not commit:
        raise InvalidInput("judgements on the matches are recorded only when the incident is committed")
    extraction = extract(doc, nlp)
    identifiers = _identifier_matches(graph, scope, extraction)
    held_by = {c.entity.uid: m.mention for m in identifiers for c in m.candidates if c.entity.label != "Phone"}
    named = _name_matches(graph, scope, extraction, held_by)
    offered = {(m.mention, c.entity.uid): uid for m, uid in named for c in m.candidates}
    link_judgements.check(judgements, offered)
    matches = identifiers + [m for m, _ in named]
    networks = _networks(graph, scope, matches)
    result = LinkResult(report_id=doc.id, extraction=extraction, matches=matches, networks=networks, committed=commit)
    if commit:
        by = scope.viewer.user
        load_report(graph, doc, extraction, meta or ReportMeta(originator_agency=scope.viewer.agency))
        result.judged = link_judgements.record_different(graph, judgements, offered, by)
        resolved = resolve_report(graph, doc.id)  # the incident is resolved as ingest resolves a report
        result.merged, result.proposed_same_as = resolved.merged, resolved.proposed
        result.judged += link_judgements.record_same(graph, scope, judgements, offered, by)
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


def _mentions(ex: Extraction) -> list[tuple[dict[str, Any], Literal["person", "organisation"]]]:
    """The incident's persons and organisations as resolution describes them (begin_report.cypher)."""

    def tied(subject: str, predicates: tuple[str, ...]) -> list[str]:
        return [r.object for r in ex.relations if r.subject == subject and r.predicate in predicates]

    kinds = {i.value: i.kind for i in ex.identifiers}
    documents = {d.number: keys.document_uid(d.type, d.number, "", 0) for d in ex.documents if d.number}
    found: list[tuple[dict[str, Any], Literal["person", "organisation"]]] = []
    for p in ex.persons:
        if "migrant" in p.roles:
            continue
        used = tied(p.name, ("uses_identifier", "used_document"))
        identifiers = [keys.identifier_uid(kinds[v], v) for v in used if v in kinds] + [
            documents[v] for v in used if v in documents
        ]
        found.append(({"uid": keys.person_uid(p.name, p.birth_date), "name": p.name, "aliases": p.aliases,
                       "nationality": p.nationality, "birth_date": p.birth_date, "identifiers": identifiers,
                       "organisations": [keys.organisation_uid(o) for o in tied(p.name, ("member_of", "leads"))]},
                      "person"))  # fmt: skip
    for o in ex.organisations:
        if o.kind != "authority":
            members = [keys.person_uid(r.subject) for r in ex.relations if r.object == o.name
                       and r.predicate in ("member_of", "leads")]  # fmt: skip
            found.append(({"uid": keys.organisation_uid(o.name), "name": o.name, "kind": o.kind,
                           "country": o.country, "members": members}, "organisation"))  # fmt: skip
    return found


def _name_matches(graph: Graph, scope: Scope, ex: Extraction, held_by: dict[str, str]) -> list[tuple[Match, str]]:
    """Known persons and organisations like the incident's, weighed exactly as ingest's resolution weighs
    them, on the statements the caller may see; each with the uid the mention is loaded under."""
    matches = []
    for mine, kind in _mentions(ex):
        query = "linking/find_person_candidates" if kind == "person" else "linking/find_organisation_candidates"
        rows = graph.read(query, {**scope.params(), "query": lucene_query(" ".join(names_of(mine))),
                                  "limit": CANDIDATES})  # fmt: skip
        prov = Provenance(graph, scope, [row["node"].get("report_ids") for row in rows])
        nodes = [prov.node(row["node"]) for row in rows]
        nodes = [n for n in nodes if n.uid in held_by or max(name_score(v, n)[0] for v in names_of(mine)) >= MIN_SCORE]
        found = _weigh(graph, scope, mine, kind, nodes)
        found = sorted((c for c in found if c.decision != "different"), key=lambda c: (-c.score, c.entity.uid))
        matches.append((Match(mention=mine["name"], kind=kind, candidates=found[:SHOWN]), mine["uid"]))
    return matches


def _weigh(graph: Graph, scope: Scope, mine: dict[str, Any], kind: str, nodes: list[NodeOut]) -> list[Candidate]:
    described = {entity["uid"]: entity for entity in describe(graph, scope, [n.uid for n in nodes])}
    nodes = [n for n in nodes if n.uid in described]
    theirs = [described[n.uid] for n in nodes]  # as resolution describes them, from the caller's statements
    counts = name_counts(graph, [mine, *theirs], scope.scopes) if kind == "person" and nodes else None
    found = []
    for node, other in zip(nodes, theirs, strict=True):
        evidence = weigh(mine, other, counts=counts) if kind == "person" else weigh_organisations(mine, other)
        found.append(Candidate(entity=node, score=evidence.score, decision=VOCABULARY[evidence.decision],
                               reasons=evidence.reasons))  # fmt: skip
    return found


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
