"""Originator control, differentially: on generated graphs, an agency that the restricted reports were
not released to gets, from every investigation (in every export format), search, linking (dry run)
and the review queue, exactly the answers of a graph where those reports were never loaded.

The hidden agency's reviewer also judges two persons the same, a judgement no other agency may see.
Reports are loaded in a random interleaved order, with entity resolution off and on: resolution
weighs in the view of each report's release scope, so its merges and network-wide proposals rest on
released statements only, and what restricted reports make likely is proposed to their readers only.
A few seeds run in `make test`; `SMUGGLEGRAPH_DIFF_SEEDS=N` runs N more.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import zipfile
from collections.abc import Callable
from typing import Any, cast

import pytest
from pydantic import BaseModel
from spacy.language import Language

from graph import provenance
from graph.db import Graph
from graph.errors import NotFound
from graph.investigations import parse_params, run_investigation
from graph.investigations.base import GraphOut
from graph.investigations.export import as_graph, to_csv_zip, to_graphml
from graph.investigations.lookup import Profile
from graph.merge import split_entities
from graph.visibility import Scope, Viewer, scope_for
from ingest.document import SourceDocument
from ingest.extract import build_pipeline
from ingest.extraction import Extraction
from ingest.link import link_incident
from ingest.load import ReportMeta, load_report
from ingest.resolve.resolver import resolve_report
from ingest.resolve.review import candidates, confirm, proposals_of
from tests.investigations import differential as gen

OTHER = Viewer(user="analyst-gr", agency=gen.OTHER_AGENCY, role="admin")
SEEDS = [1, 2, 3, *list(range(100, 100 + int(os.environ.get("SMUGGLEGRAPH_DIFF_SEEDS", "0"))))]
LINK_TEXTS = (
    "Police arrested Mohammed Al-Hassan, alias Abu Khalid, who used +905321234567.",
    "Karim Said and Reza Ahmadi of the Black Eagle network drove the van; passport AB1234567.",
)
GRAPH_ANSWERS = {"network", "paths", "co-offenders", "organisation", "shared-identifiers"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _doc(report: gen.Report) -> SourceDocument:
    title = report.extraction["document"].get("title")
    return SourceDocument(source=report.source, text=f"{title}. Source: {report.source}.", media_type="text/plain")


def _load(graph: Graph, reports: list[gen.Report], resolve: bool = False) -> None:
    graph.write("graph/delete_all_facts")
    for report in reports:
        extraction = Extraction.model_validate(report.extraction)
        doc = _doc(report)
        extraction = extraction.model_copy(update={"document": extraction.document.model_copy(update={"id": doc.id})})
        load_report(graph, doc, extraction, ReportMeta(**report.meta))
        if resolve:
            resolve_report(graph, doc.id)


def canonical(value: Any) -> Any:
    """A value with every list sorted, so answers compare up to ordering."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items() if k != "at"}
    if isinstance(value, list):
        return sorted((canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, default=str))
    return value


def _cases(graph: Graph) -> list[tuple[str, dict[str, Any]]]:
    """Every investigation, with parameters drawn from the entities anyone may see (and a hidden one)."""
    rows = graph.driver.execute_query(
        "MATCH (n:Entity) WHERE n:Person OR n:Organisation RETURN n.uid AS uid, n:Person AS person ORDER BY uid"
    ).records
    persons = [r["uid"] for r in rows if r["person"]][:5]
    orgs = [r["uid"] for r in rows if not r["person"]][:3]
    cases: list[tuple[str, dict[str, Any]]] = [
        ("shared-identifiers", {}), ("routes", {}), ("clusters", {}), ("document-fraud", {}),
        ("emerging-routes", {"as_of": "2026-11-30", "recent_days": 120, "baseline_days": 200}),
        ("routes", {"since": "2026-03-01", "until": "2026-08-31"}),
        ("emerging-routes", {}),  # its default window ends at the newest report the caller may see
    ]  # fmt: skip
    cases += [("routes", {"through": c}) for c in ("BG", "GR", "TR")]
    cases += [("document-fraud", {"issuing_country": c}) for c in ("BG", "TR", "RS")]
    cases += [("document-fraud", {"technique": t}) for t in gen.STATUSES]
    cases += [("search", {"q": q}) for q in [*gen.PERSONS, *gen.ALIASES, *(o for o, _ in gen.ORGANISATIONS)]]
    cases += [("search", {"q": "0" + phone[4:]}) for phone in gen.PHONES]  # by identifier, national format
    for uid in persons:
        cases += [("profile", {"uid": uid}), ("network", {"uid": uid, "depth": 2}), ("co-offenders", {"uid": uid}),
                  ("timeline", {"uid": uid}), ("key-players", {"uid": uid}), ("shared-identifiers", {"uid": uid}),
                  ("profile", {"uid": uid, "since": "2026-06-01"})]  # fmt: skip
    for uid in orgs:
        cases += [("organisation", {"uid": uid}), ("timeline", {"uid": uid}), ("network", {"uid": uid, "depth": 3})]
    cases += [("paths", {"source": a, "target": b}) for a, b in itertools.pairwise(persons)]
    return cases


def _answer(graph: Graph, name: str, params: dict[str, Any]) -> Any:
    try:
        result = run_investigation(graph, OTHER, name, parse_params(name, params))
    except NotFound as missing:
        return {"404": missing.message}
    answer: dict[str, Any] = {"json": canonical(result.model_dump(mode="json"))}
    if name in GRAPH_ANSWERS:
        chart: GraphOut = as_graph(result)
        answer["graphml"] = sorted(to_graphml(chart).splitlines())
        with zipfile.ZipFile(io.BytesIO(to_csv_zip(chart))) as tables:
            answer["csv"] = {name: sorted(tables.read(name).decode().splitlines()) for name in tables.namelist()}
    return answer


def _or_404(read: Callable[..., BaseModel], *args: Any) -> Any:
    try:
        return canonical(read(*args).model_dump(mode="json"))
    except NotFound as missing:
        return {"404": missing.message}


def _provenance(graph: Graph, scope: Scope, uids: list[str], report_ids: list[str]) -> dict[str, Any]:
    """The sentences behind each entity and each of its ties, and every report opened (hidden ones too)."""
    answers = {}
    for uid in uids:
        answers[f"provenance of {uid}"] = _or_404(provenance.node_evidence, graph, scope, uid)
        try:
            found = run_investigation(graph, OTHER, "profile", parse_params("profile", {"uid": uid}))
        except NotFound:
            continue
        for fact in cast(Profile, found).facts:
            rel = fact.relationship
            answers[f"provenance of {rel.source} {rel.type} {rel.target}"] = _or_404(
                provenance.edge_evidence, graph, scope, rel.source, rel.target, rel.type
            )
    for rid in report_ids:
        answers[f"report {rid}"] = _or_404(provenance.open_report, graph, scope, rid)
    return answers


def _answers(graph: Graph, nlp: Language, cases: list[tuple[str, dict[str, Any]]],
             reports: list[gen.Report]) -> dict[str, Any]:  # fmt: skip
    answers = {f"{name} {json.dumps(params, sort_keys=True)}": _answer(graph, name, params) for name, params in cases}
    scope = scope_for(graph, OTHER)
    uids = sorted({params["uid"] for _, params in cases if "uid" in params})
    answers |= _provenance(graph, scope, uids, sorted(_doc(r).id for r in reports))
    answers["review candidates"] = canonical(candidates(graph, scope))
    for uid in uids:
        found = proposals_of(graph, scope, uid)
        answers[f"proposals of {uid}"] = canonical([{**r, "other": r["other"].model_dump(mode="json")} for r in found])
    for text in LINK_TEXTS:
        linked = link_incident(graph, scope, nlp, SourceDocument(source="link.txt", text=text, media_type="text/plain"))
        answers[f"link {text}"] = canonical(linked.model_dump(mode="json", exclude={"report_id"}))
    return answers


@pytest.mark.parametrize("resolve", [False, True], ids=["as loaded", "resolved"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_hidden_report_changes_no_answer(graph: Graph, nlp: Language, seed: int, resolve: bool) -> None:
    reports = gen.generate(seed)
    _load(graph, [r for r in reports if not r.restricted], resolve)
    cases = _cases(graph)
    cases += [("profile", {"uid": "per-0000000000000000"})]
    expected = _answers(graph, nlp, cases, reports)
    _load(graph, reports, resolve)
    judged = _judge_as_hidden_agency(graph, cases)
    seen = _answers(graph, nlp, cases, reports)
    for case, answer in seen.items():
        assert answer == expected[case], f"seed {seed}: {case} shows a trace of a restricted report"
    with pytest.raises(NotFound) as caught:
        split_entities(graph, judged, "analyst-gr", scope_for(graph, OTHER))
    assert caught.value.message == f"no merge decision with id {judged!r}"


def _judge_as_hidden_agency(graph: Graph, cases: list[tuple[str, dict[str, Any]]]) -> str:
    """The hidden agency's reviewer judges two released persons the same: a judgement of its own,
    which its network shows and no other agency's answer may."""
    a, b = [params["uid"] for name, params in cases if name == "timeline"][:2]
    reviewer = scope_for(graph, Viewer(user="ilo-de", agency=gen.HIDDEN_AGENCY, role="admin"))
    decision = confirm(graph, a, b, "ilo-de", judged_for=reviewer)
    mine = run_investigation(graph, reviewer.viewer, "network", parse_params("network", {"uid": a}))
    assert "SAME_AS" in {edge.type for edge in as_graph(mine).edges}, "the judgement is not the agency's to see"
    return decision


def _restricted_only(reports: list[gen.Report]) -> set[str]:
    """Names, aliases and phones that only restricted reports give."""

    def said(report: gen.Report) -> set[str]:
        ex = report.extraction
        return (
            {p["name"] for p in ex["persons"]}
            | {a for p in ex["persons"] for a in p.get("aliases", [])}
            | {i["value"] for i in ex["identifiers"]}
        )

    hidden = set().union(*(said(r) for r in reports if r.restricted))
    return hidden - set().union(*(said(r) for r in reports if not r.restricted))


@pytest.mark.parametrize("seed", SEEDS)
def test_with_resolution_nothing_only_a_hidden_report_says_shows(graph: Graph, nlp: Language, seed: int) -> None:
    reports = gen.generate(seed)
    secret = _restricted_only(reports)
    _load(graph, reports, resolve=True)
    answers = json.dumps(list(_answers(graph, nlp, _cases(graph), reports).values()))
    secret = {value for value in secret if not any(value in text for text in LINK_TEXTS)}  # the caller's own words
    assert secret, f"seed {seed} gives the restricted reports nothing of their own"
    for value in secret:
        assert value not in answers, f"seed {seed}: {value!r}, which only a restricted report gives, shows"


@pytest.mark.parametrize("seed", SEEDS[:1])
def test_resolution_in_restricted_views_is_proposed_to_their_readers_only(graph: Graph, seed: int) -> None:
    """No merge rests on a restricted statement; what restricted reports make likely is proposed to
    those who may read them, and unknown to everyone else (its decision ids included)."""
    _load(graph, gen.generate(seed, released=4, restricted=6), resolve=True)
    hidden = graph.driver.execute_query(
        "MATCH (d:Decision) WHERE any(s IN d.requires WHERE s <> 'net') RETURN d.uid AS uid"
    ).records
    assert not hidden, "a merge rests on a restricted statement"
    proposals = graph.driver.execute_query(
        "MATCH ()-[s:POSSIBLY_SAME_AS]->() WHERE any(x IN s.requires WHERE x <> 'net') RETURN count(s) AS n"
    ).records[0]["n"]
    assert proposals, f"seed {seed} gives resolution nothing to propose in a restricted view"
    originator = scope_for(graph, Viewer(user="ilo-de", agency=gen.HIDDEN_AGENCY, role="admin"))

    def restricted(scope: Scope) -> list[dict[str, Any]]:
        return [c for c in candidates(graph, scope) if set(c["requires"]) - {"net"}]

    assert restricted(originator) and not restricted(scope_for(graph, OTHER))
    hidden_pairs = {frozenset((c["a"]["uid"], c["b"]["uid"])) for c in restricted(originator)}
    ends = set().union(*hidden_pairs)

    def charted(scope: Scope) -> set[frozenset[str]]:
        return {frozenset((r["source"], r["target"])) for uid in ends for r in proposals_of(graph, scope, uid)}

    assert hidden_pairs <= charted(originator), "the reader's chart misses proposals it may see"
    assert not hidden_pairs & charted(scope_for(graph, OTHER)), "another agency's chart shows a hidden proposal"
    with pytest.raises(NotFound) as caught:
        split_entities(graph, "dec-doesnotexist00", "analyst-gr", scope_for(graph, OTHER))
    assert caught.value.message == "no merge decision with id 'dec-doesnotexist00'"


def test_the_generator_restricts_what_it_claims(graph: Graph) -> None:
    """The test is only worth something if restricted reports do add what others must not see."""
    reports = gen.generate(SEEDS[0])
    _load(graph, reports)
    everything = json.dumps(_answer(graph, "clusters", {})) + json.dumps(
        [_answer(graph, "search", {"q": q}) for q in gen.ALIASES]
    )
    operator = Viewer(user="ilo-de", agency=gen.HIDDEN_AGENCY)
    mine = json.dumps(
        [
            run_investigation(graph, operator, "search", parse_params("search", {"q": q})).model_dump(mode="json")
            for q in gen.ALIASES
        ]
    )
    restricted_aliases = {
        a for r in reports if r.restricted for p in r.extraction["persons"] for a in p.get("aliases", [])
    }
    released_aliases = {
        a for r in reports if not r.restricted for p in r.extraction["persons"] for a in p.get("aliases", [])
    }
    assert restricted_aliases - released_aliases, "seed gives the restricted reports no alias of their own"
    for alias in restricted_aliases - released_aliases:
        assert alias in mine and alias not in everything
