"""Key players on a large network: betweenness is estimated from a fixed sample of sources, the estimate
does not depend on the order the graph was read in, and the bridge between two cells still comes first."""

from __future__ import annotations

import random

from graph.investigations.networks import EXACT_BETWEENNESS, SAMPLED_SOURCES, rank_persons


def _two_cells(size: int) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
    """Two cells of `size` persons, each person with a phone and the cell's organisation, joined by one
    person who belongs to both."""
    nodes: dict[str, str | None] = {"org:a": "Organisation", "org:b": "Organisation", "person:bridge": "Person"}
    ties = [("person:bridge", "org:a"), ("person:bridge", "org:b")]
    for cell in "ab":
        for n in range(size):
            person, phone = f"person:{cell}{n:04d}", f"phone:{cell}{n:04d}"
            nodes |= {person: "Person", phone: "Phone"}
            ties += [(person, f"org:{cell}"), (person, phone)]
    return nodes, ties


def test_a_large_network_is_ranked_from_a_sample_the_same_way_whatever_the_order() -> None:
    nodes, ties = _two_cells(300)
    assert len(nodes) > EXACT_BETWEENNESS
    first = rank_persons(nodes, ties)
    shuffled_nodes = list(nodes.items())
    random.Random(7).shuffle(shuffled_nodes)
    random.Random(8).shuffle(ties)
    again = rank_persons(dict(shuffled_nodes), [(b, a) if i % 2 else (a, b) for i, (a, b) in enumerate(ties)])
    assert first.sources == SAMPLED_SOURCES
    assert again.persons == first.persons and again.betweenness == first.betweenness
    assert first.persons[0] == "person:bridge"


def test_a_small_network_is_ranked_exactly() -> None:
    nodes, ties = _two_cells(20)
    ranking = rank_persons(nodes, ties)
    assert ranking.sources is None
    assert ranking.persons[0] == "person:bridge" and ranking.betweenness["person:bridge"] > 0.5
