"""`resolve compare` with facts answers as ingest's resolver decides: the same weighing, in link's words."""

from __future__ import annotations

import json

import pytest

from graph import keys
from graph.errors import InvalidInput
from ingest.resolve.compare import compare_names
from ingest.resolve.evidence import REVIEW_AT, VOCABULARY, weigh
from ingest.resolve.facts import weigh_with_facts
from tests.ingest.test_cli import _run


def test_a_kunya_and_a_phone_in_two_formats_is_for_review_as_ingest_decides() -> None:
    result = weigh_with_facts("Abu Khalid", "Khalid Rahimi", "person", ["phone=+90 532 123 45 67"],
                              ["phone=0090 532 1234567"])  # fmt: skip
    assert (result.decision, result.score) == ("unsure", REVIEW_AT)
    assert "both use phone +905321234567, but the names are not alike" in result.reasons
    phone = keys.identifier_uid("phone", "+905321234567")
    ingest = weigh({"name": "Abu Khalid", "identifiers": [phone]}, {"name": "Khalid Rahimi", "identifiers": [phone]})
    assert (VOCABULARY[ingest.decision], ingest.score) == (result.decision, result.score)
    assert compare_names("Abu Khalid", "Khalid Rahimi").score != result.score  # the names alone say otherwise


def test_facts_move_the_decision_both_ways() -> None:
    names = ("Ahmad Rahimi", "Ahmed Rahimi")
    born = weigh_with_facts(*names, "person", ["born=1988-02-03", "nationality=Afghan"],
                            ["born=1988-02-03", "nationality=AF"])  # fmt: skip
    assert born.decision == "same" and "both AF" in born.reasons
    other = weigh_with_facts(*names, "person", ["born=1988-02-03"], ["born=1990-07-11"])
    assert (other.decision, other.score) == ("different", 0.0)
    assert other.reasons == ["born 1988-02-03 vs 1990-07-11: different people"]


def test_organisations_of_two_kinds_are_different() -> None:
    result = weigh_with_facts("Yildiz Travel", "Yildiz Travel Ltd", "organisation", ["kind=front_business"],
                              ["kind=criminal_network"])  # fmt: skip
    assert (result.decision, result.score) == ("different", 0.0)


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        (["colour=red"], "fact 'colour' is not one of alias, born"),
        (["born=1988-13-03"], "born '1988-13-03' is not a date"),
        (["phone=532 123"], "phone '532 123' is not an international number"),
        (["nationality=Atlantis"], "'Atlantis' is not a country"),
        (["phone"], "fact 'phone' is not KEY=VALUE"),
    ],
)
def test_a_bad_fact_is_named_with_the_reason(facts: list[str], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        weigh_with_facts("Ahmad Rahimi", "Ahmed Rahimi", "person", facts, [])


def test_the_command_prints_the_decision_or_one_line() -> None:
    done = _run("resolve", "compare", "Abu Khalid", "Khalid Rahimi", "--a", "phone=+905321234567",
                "--b", "phone=00905321234567", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert (answer["decision"], answer["score"]) == ("unsure", REVIEW_AT)
    bad = _run("resolve", "compare", "A B", "A B", "--kind", "vessel", "--a", "alias=C")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "vessels are compared on names" in bad.stderr
