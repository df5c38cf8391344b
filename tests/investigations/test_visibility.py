"""Originator control: an agency that R5 was not released to sees no trace of it, in any investigation.

For every investigation the answer GR-HP gets from the full graph must equal, byte for byte, the
answer from a graph into which R5 was never loaded: no fact, no count, no path, no ranking, no date
and no error message may differ. R5's originator, DE-BPOL, does see it.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph import keys
from graph.db import Graph
from graph.errors import NotFound
from graph.investigations import INVESTIGATIONS, parse_params, run_investigation
from graph.visibility import LOCAL_OPERATOR, Viewer
from tests.fixtures import investigation_reports as fixture

OTHER = Viewer(user="analyst-gr", agency=fixture.OTHER_AGENCY)
ORIGINATOR = Viewer(user="ilo-de", agency=fixture.HIDDEN_AGENCY)
AL_HASSAN = keys.person_uid("Mohammed Al-Hassan")
BLACK_EAGLE = keys.organisation_uid("Black Eagle network")
GOLDEN_CRESCENT = keys.organisation_uid("Golden Crescent group")

CASES: list[tuple[str, dict[str, Any]]] = [
    ("search", {"q": "Mohammed Samir Haddad Al-Hassan"}),
    ("search", {"q": "Abu Khalid"}),
    ("profile", {"uid": AL_HASSAN}),
    ("network", {"uid": AL_HASSAN, "depth": 3}),
    ("paths", {"source": AL_HASSAN, "target": keys.person_uid("Omid Karimi"), "avoid": ["Country"]}),
    ("shared-identifiers", {}),
    ("shared-identifiers", {"uid": AL_HASSAN}),
    ("co-offenders", {"uid": AL_HASSAN}),
    ("routes", {}),
    ("emerging-routes", {"as_of": "2026-11-28", "recent_days": 30, "baseline_days": 330}),
    ("document-fraud", {}),
    ("organisation", {"uid": GOLDEN_CRESCENT}),
    ("key-players", {"uid": BLACK_EAGLE, "depth": 3}),
    ("timeline", {"uid": BLACK_EAGLE}),
    ("clusters", {}),
]
HIDDEN = fixture.REPORTS[-1]


def test_every_investigation_has_a_case() -> None:
    assert {name for name, _ in CASES} == set(INVESTIGATIONS)


def _answers(graph: Graph, viewer: Viewer) -> dict[str, str]:
    return {f"{name} {params}": run_investigation(graph, viewer, name, parse_params(name, params)).model_dump_json()
            for name, params in CASES}  # fmt: skip


def test_answers_without_the_hidden_report_are_identical(graph: Graph) -> None:
    fixture.load(graph, [r for r in fixture.REPORTS if r is not HIDDEN])
    expected = _answers(graph, LOCAL_OPERATOR)
    fixture.load(graph, [HIDDEN])
    seen_by_other = _answers(graph, OTHER)
    for case, answer in seen_by_other.items():
        assert answer == expected[case], f"{case} shows a trace of the restricted report"
    everything = " ".join(seen_by_other.values())
    assert "Samir Haddad" not in everything and "RESTRICTED" not in everything and "Abu Khalid" not in everything


def test_the_originator_does_see_its_report(investigation_graph: Graph) -> None:
    answers = " ".join(_answers(investigation_graph, ORIGINATOR).values())
    assert "Samir Haddad" in answers and "RESTRICTED source report" in answers and "Abu Khalid" in answers


def test_hidden_entity_and_unknown_entity_get_the_same_404(investigation_graph: Graph) -> None:
    hidden = keys.person_uid("Samir Haddad")
    for uid in (hidden, "per-doesnotexist0000"):
        with pytest.raises(NotFound) as caught:
            run_investigation(investigation_graph, OTHER, "profile", parse_params("profile", {"uid": uid}))
        assert caught.value.message == f"no entity with id {uid!r}"
    visible = run_investigation(investigation_graph, ORIGINATOR, "profile", parse_params("profile", {"uid": hidden}))
    assert visible.entity.name == "Samir Haddad"


def test_released_to_a_list_of_agencies(graph: Graph) -> None:
    released = dict(HIDDEN, meta={"originator_agency": fixture.HIDDEN_AGENCY, "releasability": "agencies",
                                  "release_to": (fixture.OTHER_AGENCY,)})  # fmt: skip
    fixture.load(graph, [released])
    search = parse_params("search", {"q": "Samir Haddad"})
    assert [h.name for h in run_investigation(graph, OTHER, "search", search).hits] == ["Samir Haddad"]
    third = Viewer(user="x", agency="IT-PS")
    assert run_investigation(graph, third, "search", search).hits == []
