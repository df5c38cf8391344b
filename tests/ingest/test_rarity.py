"""How common a name is, from the records already known: what the resolver's odds rest on."""

from __future__ import annotations

from ingest.resolve.evidence import weigh
from ingest.resolve.names import normalise_person_name
from ingest.resolve.rarity import LONE_PART_NAMESAKES, NameCounts, content_keys, name_keys

CROWD = ["Mohammed Ali Hassan"] * 300 + ["Ahmed Ali Hassan"] * 200 + [f"Tesfay Gebre{i:03d}" for i in range(500)]


def namesakes(counts: NameCounts, a: str, b: str) -> float:
    return counts.expected_namesakes(normalise_person_name(a), normalise_person_name(b))


def test_spellings_of_a_name_count_as_one_and_pairs_are_counted() -> None:
    same = content_keys(normalise_person_name("Muhammad Hasan"))
    assert same == content_keys(normalise_person_name("MOHAMED HASSAN"))
    keys = name_keys("Zabihullah Tahirzai")
    assert len(keys) == 3 and sum("|" in k for k in keys) == 1  # two parts and the pair of them


def test_a_common_name_expects_many_namesakes_and_a_rare_one_few() -> None:
    counts = NameCounts.of_names([*CROWD, "Zabihullah Tahirzai", "Zabiullah Tahirzay"])
    common = namesakes(counts, "Mohammed Ali Hassan", "Muhammad Ali Hasan")
    rare = namesakes(counts, "Zabihullah Tahirzai", "Zabiullah Tahirzay")
    assert common > 50 and rare < 0.1


def test_the_two_records_compared_are_not_their_own_namesakes() -> None:
    alone = NameCounts.of_names(["Zabihullah Tahirzai", "Zabihullah Tahirzai"])
    assert namesakes(alone, "Zabihullah Tahirzai", "Zabihullah Tahirzai") < 0.1


def test_a_single_name_part_in_common_is_never_rare() -> None:
    counts = NameCounts.of_names(["Omar Faruk Demir", "Faruk"])
    assert namesakes(counts, "Omar Faruk Demir", "Faruk") == LONE_PART_NAMESAKES


def test_the_same_two_spellings_merge_when_rare_and_not_when_common() -> None:
    counts = NameCounts.of_names([*CROWD, "Zabihullah Tahirzai", "Zabiullah Tahirzay"])
    assert weigh({"name": "Zabihullah Tahirzai"}, {"name": "Zabiullah Tahirzay"}, counts=counts).decision == "merge"
    common = weigh({"name": "Mohammed Ali Hassan"}, {"name": "Muhammad Ali Hasan"}, counts=counts)
    assert common.decision == "apart" and any("common name" in r for r in common.reasons)
    dated = weigh({"name": "Mohammed Ali Hassan", "birth_date": "1984-03-12"},
                  {"name": "Muhammad Ali Hasan", "birth_date": "1984-03-12"}, counts=counts)  # fmt: skip
    assert dated.decision == "merge" and any("same birth date" in r for r in dated.reasons)


def test_given_and_fathers_names_swapped_weigh_far_less() -> None:
    counts = NameCounts.of_names(["Ali Hassan Omar"] * 40 + ["Hassan Ali Omar"] * 40)
    swapped = weigh({"name": "Ali Hassan Omar"}, {"name": "Hassan Ali Omar"}, counts=counts)
    same_order = weigh({"name": "Ali Hassan Omar"}, {"name": "Ali Hasan Omar"}, counts=counts)
    assert swapped.decision == "apart" and same_order.score > swapped.score
    assert any("another order" in r for r in swapped.reasons)
