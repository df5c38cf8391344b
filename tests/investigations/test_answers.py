"""Each investigation's exact answer on the hand-checkable fixture graph (tests/fixtures), with provenance.

Run as the local operator, who sees every report, including the restricted R5.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import BaseModel

from graph import keys
from graph.db import Graph
from graph.errors import InvalidInput
from graph.investigations import parse_params, run_investigation
from graph.visibility import LOCAL_OPERATOR
from tests.fixtures.investigation_reports import PHONE

AL_HASSAN = keys.person_uid("Mohammed Al-Hassan")
DEMIR = keys.person_uid("Yusuf Demir")
KARIMI = keys.person_uid("Omid Karimi")
BLACK_EAGLE = keys.organisation_uid("Black Eagle network")
GOLDEN_CRESCENT = keys.organisation_uid("Golden Crescent group")
NEWEST_REPORT = "2026-11-10"  # R4, the newest report anyone sees


def run(graph: Graph, name: str, **params: Any) -> Any:
    result: BaseModel = run_investigation(graph, LOCAL_OPERATOR, name, parse_params(name, params))
    return result


def titles(item: Any) -> list[str]:
    return sorted(ref.title for ref in item.reports)


def test_search_finds_a_transliteration_and_cites_reports(investigation_graph: Graph) -> None:
    hits = run(investigation_graph, "search", q="Muhamad Al Hasan").hits
    assert hits[0].uid == AL_HASSAN and hits[0].name == "Mohammed Al-Hassan"
    assert titles(hits[0]) == ["ILO Istanbul: Black Eagle network", "RESTRICTED source report"]
    assert str(hits[0].first_seen) == "2026-01-10" and str(hits[0].last_seen) == "2026-05-05"
    organisations = run(investigation_graph, "search", q="crescent", types=["Organisation"]).hits
    assert [h.name for h in organisations] == ["Golden Crescent group"]


def test_search_finds_a_phone_in_any_format_and_says_why(investigation_graph: Graph) -> None:
    for typed in ("+90 532 123 45 67", "0090-532-1234567", "0532 123 4567"):
        hits = run(investigation_graph, "search", q=typed).hits
        assert hits and hits[0].name == PHONE and hits[0].label == "Phone" and hits[0].score == 1.0, typed
        assert hits[0].matched.startswith(f"phone {PHONE}"), hits[0].matched
    national = run(investigation_graph, "search", q="0532 123 4567").hits[0]
    assert national.matched == f"phone {PHONE} (read as a number of TR)"
    assert not run(investigation_graph, "search", q="0532 123 4567", types=["Person"]).hits
    named = run(investigation_graph, "search", q="Muhamad Al Hasan").hits[0]
    assert named.matched == "name 'Mohammed Al-Hassan'"


def test_search_respects_limit_and_skip(investigation_graph: Graph) -> None:
    everyone = run(investigation_graph, "search", q="Mohammed Karim Reza Omid Yusuf Stoyan Samir Ali", limit=50).hits
    assert len(everyone) >= 4
    page = run(investigation_graph, "search", q="Mohammed Karim Reza Omid Yusuf Stoyan Samir Ali", limit=2, skip=1).hits
    assert [h.uid for h in page] == [h.uid for h in everyone[1:3]]


def test_profile_lists_every_fact_with_its_reports(investigation_graph: Graph) -> None:
    profile = run(investigation_graph, "profile", uid=AL_HASSAN)
    facts = {(f.relationship.type, f.other.name) for f in profile.facts}
    assert ("MEMBER_OF", "Black Eagle network") in facts and ("MEMBER_OF", "Golden Crescent group") in facts
    assert ("HAS_PHONE", PHONE) in facts and ("HAS_NATIONALITY", "Iraq") in facts
    assert profile.total_facts == len(profile.facts) == 6
    assert all(f.relationship.reports for f in profile.facts)
    membership = next(f for f in profile.facts if f.other.name == "Golden Crescent group")
    assert titles(membership.relationship) == ["RESTRICTED source report"]


def test_a_time_window_keeps_only_facts_from_reports_dated_inside_it(investigation_graph: Graph) -> None:
    early = run(investigation_graph, "profile", uid=AL_HASSAN, until="2026-03-01")
    assert {f.other.name for f in early.facts if f.relationship.type == "MEMBER_OF"} == {"Black Eagle network"}
    assert str(early.entity.last_seen) == "2026-01-10"
    later = run(investigation_graph, "routes", since="2026-11-01")
    assert [r.route.name for r in later.routes] == ["TR -> GR -> MK"]


def test_network_of_the_forger_reaches_both_networks(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "network", uid=DEMIR, depth=1)
    names = {n.name for n in result.nodes}
    assert {"Black Eagle network", "Golden Crescent group", PHONE, "Türkiye"} <= names
    assert "Mohammed Al-Hassan" not in names  # two hops away
    deeper = run(investigation_graph, "network", uid=DEMIR, depth=2, types=["MEMBER_OF"])
    assert {n.name for n in deeper.nodes} == {
        "Yusuf Demir", "Black Eagle network", "Golden Crescent group", "Mohammed Al-Hassan", "Karim Said",
        "Stoyan Petrov", "Reza Ahmadi", "Omid Karimi", "Samir Haddad",
    }  # fmt: skip
    assert all(e.type == "MEMBER_OF" and e.reports for e in deeper.edges)
    capped = run(investigation_graph, "network", uid=DEMIR, depth=2, limit=3)
    assert capped.truncated and len(capped.nodes) <= 4


def test_paths_take_the_shortest_way_and_can_avoid_countries(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "paths", source=AL_HASSAN, target=KARIMI, avoid=["Country"])
    assert result.length == 2
    assert [[n.name for n in p.nodes] for p in result.paths] == [
        ["Mohammed Al-Hassan", "Golden Crescent group", "Omid Karimi"]
    ]
    one = run(investigation_graph, "paths", source=AL_HASSAN, target=keys.person_uid("Ali Veli"), avoid=["Country"])
    assert one.length is None and one.paths == []
    via_countries = run(investigation_graph, "paths", source=AL_HASSAN, target=keys.person_uid("Ali Veli"))
    assert via_countries.length is not None


def test_shared_identifiers_finds_the_phone_of_several_people(investigation_graph: Graph) -> None:
    shared = run(investigation_graph, "shared-identifiers").identifiers
    assert [s.identifier.name for s in shared] == [PHONE]
    holders = sorted(h.holder.name for h in shared[0].holders)
    assert holders == ["Mohammed Al-Hassan", "Reza Ahmadi", "Samir Haddad", "Yusuf Demir"]
    assert all(h.relationship.reports for h in shared[0].holders)
    assert run(investigation_graph, "shared-identifiers", kinds=["Vehicle"]).identifiers == []
    of_one = run(investigation_graph, "shared-identifiers", uid=keys.person_uid("Reza Ahmadi")).identifiers
    assert [s.identifier for s in of_one] == [s.identifier for s in shared]
    assert sorted(of_one[0].holders, key=lambda h: h.holder.uid) == sorted(
        shared[0].holders, key=lambda h: h.holder.uid
    )
    assert run(investigation_graph, "shared-identifiers", uid=keys.person_uid("Omid Karimi")).identifiers == []
    assert shared[0].holder_count == 4
    capped = run(investigation_graph, "shared-identifiers", max_holders=2).identifiers[0]
    assert (
        capped.holder_count == 4
        and [h.holder.uid for h in capped.holders] == sorted(h.holder.uid for h in shared[0].holders)[:2]
    )


def test_co_offenders_are_ranked_by_what_they_share(investigation_graph: Graph) -> None:
    found = run(investigation_graph, "co-offenders", uid=AL_HASSAN).co_offenders
    ranking = [(c.person.name, c.together) for c in found]
    assert ranking[0] == ("Yusuf Demir", 3)
    assert dict(ranking) == {"Yusuf Demir": 3, "Karim Said": 2, "Samir Haddad": 2, "Stoyan Petrov": 2,
                             "Omid Karimi": 1, "Reza Ahmadi": 1}  # fmt: skip
    assert len(run(investigation_graph, "co-offenders", uid=AL_HASSAN, limit=2).co_offenders) == 2


def test_routes_through_bulgaria_count_incidents_and_migrants(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "routes", through="BG")
    assert [(r.route.name, r.incidents, r.migrants) for r in result.routes] == [("TR -> BG -> RS", 2, 32)]
    assert [(leg.origin, leg.destination, leg.mode, leg.incidents) for leg in result.legs] == [
        ("Bulgaria", "Serbia", "road", 2), ("Türkiye", "Bulgaria", "road", 2),
    ]  # fmt: skip
    assert result.by_mode == {"road": 2}
    assert titles(result.legs[0]) == ["ILO Istanbul: Black Eagle network", "Sofia: lorry interception"]
    window = run(investigation_graph, "routes", through="BG", since="2026-03-01")
    assert [(r.incidents, r.migrants) for r in window.routes] == [(1, 20)]


def test_emerging_routes_find_the_route_of_last_month_only(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "emerging-routes", as_of="2026-11-28", recent_days=30, baseline_days=330)
    legs = {(leg.origin, leg.destination, leg.new, leg.recent_incidents) for leg in result.legs}
    assert legs == {("Türkiye", "Greece", True, 1), ("Greece", "North Macedonia", True, 1)}
    assert all(titles(leg) == ["New footpath route into North Macedonia"] for leg in result.legs)
    # In March, TR-BG-RS had one incident in 30 days against one in the 90 before: three times the daily rate.
    march = {"as_of": "2026-03-31", "recent_days": 30, "baseline_days": 90}
    grown = run(investigation_graph, "emerging-routes", factor=2, **march)
    assert {(leg.origin, leg.destination, leg.new, leg.baseline_incidents) for leg in grown.legs} == {
        ("Türkiye", "Bulgaria", False, 1), ("Bulgaria", "Serbia", False, 1),
    }  # fmt: skip
    assert run(investigation_graph, "emerging-routes", factor=4, **march).legs == []


def test_emerging_routes_end_at_the_newest_visible_report_by_default(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "emerging-routes", recent_days=30, baseline_days=330)
    assert result.ends == "newest report" and str(result.recent[1]) == NEWEST_REPORT
    given = run(investigation_graph, "emerging-routes", as_of=NEWEST_REPORT, recent_days=30, baseline_days=330)
    assert given.ends == "as_of" and given.legs == result.legs and result.legs


def test_countries_and_techniques_are_taken_by_name_or_code(investigation_graph: Graph) -> None:
    by_code = run(investigation_graph, "routes", through="BG")
    assert run(investigation_graph, "routes", through="Bulgaria") == by_code
    assert run(investigation_graph, "routes", through="bgr") == by_code
    fraud = run(investigation_graph, "document-fraud", technique="photo_substitution")
    assert run(investigation_graph, "document-fraud", technique="Photo substitution") == fraud and fraud.documents
    assert run(investigation_graph, "document-fraud", issuing_country="Bulgaria").documents


@pytest.mark.parametrize(("name", "params", "words"), [
    ("routes", {"through": "Bulgarai"}, "did you mean BG (Bulgaria)"),
    ("document-fraud", {"technique": "fake"}, "impostor (Impostor / look-alike)"),
    ("document-fraud", {"issuing_country": "Narnia"}, "unknown country 'Narnia'"),
])  # fmt: skip
def test_an_unknown_country_or_technique_is_refused_with_the_valid_ones(
    name: str, params: dict[str, str], words: str
) -> None:
    with pytest.raises(InvalidInput, match=re.escape(words)):
        parse_params(name, params)


def test_document_fraud_names_the_shared_forger(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "document-fraud")
    tallies = [(t.technique, t.document_type, t.issuing_country, t.documents) for t in result.tallies]
    assert sorted(tallies) == [
        ("counterfeit", "passport", "BG", 1), ("photo_substitution", "residence_permit", "GR", 1),
    ]  # fmt: skip
    assert all([s.supplier.name for s in d.suppliers] == ["Yusuf Demir"] for d in result.documents)
    only = run(investigation_graph, "document-fraud", technique="counterfeit")
    assert [d.document.properties["number"] for d in only.documents] == ["AB1234567"]
    assert run(investigation_graph, "document-fraud", issuing_country="FR").documents == []


def test_organisation_lists_members_leaders_and_routes(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "organisation", uid=BLACK_EAGLE)
    members = {m.person.name: m.roles for m in result.members}
    # "financier" comes only from the restricted R5, which the local operator sees
    assert members == {"Mohammed Al-Hassan": ["financier", "leader"], "Karim Said": ["recruiter"],
                       "Stoyan Petrov": ["transporter"], "Yusuf Demir": ["document_supplier"]}  # fmt: skip
    assert [leader.name for leader in result.leaders] == ["Mohammed Al-Hassan"]
    assert [r.route.name for r in result.routes] == ["TR -> BG -> RS"]
    # R1 (the network and its members), R2 (Demir), R3 (Petrov, Demir), R5 (Al-Hassan)
    assert sorted(str(i.properties["date"]) for i in result.incidents) == [
        "2026-01-10", "2026-02-15", "2026-03-20", "2026-05-05",
    ]  # fmt: skip


def test_key_players_put_the_bridge_first(investigation_graph: Graph) -> None:
    result = run(investigation_graph, "key-players", uid=BLACK_EAGLE)
    assert [p.person.name for p in result.players][:2] == ["Yusuf Demir", "Mohammed Al-Hassan"]
    assert result.players[0].degree == 8 and result.players[0].betweenness > result.players[1].betweenness


def test_timeline_of_a_network_is_dated_and_sourced(investigation_graph: Graph) -> None:
    events = run(investigation_graph, "timeline", uid=BLACK_EAGLE).events
    assert [(e.kind, str(e.date)) for e in events] == [
        ("incident", "2026-01-10"), ("report", "2026-01-10"), ("incident", "2026-02-15"), ("report", "2026-02-15"),
        ("incident", "2026-03-20"), ("report", "2026-03-20"), ("incident", "2026-05-05"), ("report", "2026-05-05"),
    ]  # fmt: skip
    assert all(e.reports for e in events)
    assert len(run(investigation_graph, "timeline", uid=BLACK_EAGLE, limit=3).events) == 3


def test_clusters_join_the_two_networks_through_the_forger(investigation_graph: Graph) -> None:
    clusters = run(investigation_graph, "clusters").clusters
    assert [(c.size, c.persons, c.organisations) for c in clusters] == [(16, 7, 2), (2, 1, 0)]
    assert clusters[0].main_actors[0].name == "Yusuf Demir"
    assert [a.name for a in clusters[1].main_actors] == ["Ali Veli"]
