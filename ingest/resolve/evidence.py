"""Evidence that two person (or organisation) records are one, combined into one score with reasons.

Persons are weighed as odds. The names set the prior: if the names agree, the odds that the records
are one person are the person's other records against the namesakes expected (`rarity.py`: "Mohammed
Ali" has many, "Zabihullah Tahirzai" few), less when the comparator is only unsure. Every other fact multiplies the odds
by how much likelier it is for one person than for two: an equal birth date (much less when it is a
1 January placeholder), a shared phone, e-mail, plate, vessel or document number, a shared organisation,
the same nationality. A birth date that conflicts vetoes; a nationality that conflicts nearly does.
Names that differ are kept apart, unless a shared identifier makes the pair worth a reviewer's look
(members of one network share phones). The score is the probability, odds / (1 + odds).

Organisations are weighed on the names (legal forms aside), kind, country and shared members.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ingest.resolve.compare import Comparison, compare_names
from ingest.resolve.names import normalise_person_name
from ingest.resolve.rarity import NameCounts

PLACEHOLDER_DAY = "-01-01"  # a guessed birth date ("born 1 January 1990"): equal ones say little
OTHER_RECORDS = 3.0  # a person named in one record is named in about three others: the rivals of his namesakes
UNSURE_NAME = 0.1  # the names may not be one name at all
SAME_BIRTH_DATE = 5000.0  # one person in ~16,000 of a 45-year span is born on a given day; dates are often estimated
SAME_PLACEHOLDER_DATE = 100.0  # 1 January of a year: one person in a few hundred
ORDER_SWAPPED = 0.02  # given and father's names swapped: usually another father's son
OTHER_NAME = 0.002  # the comparator calls the names different: a typo it cannot place, or a brother
OTHER_NAME_FLOOR = 0.3  # ... and below this name score nothing but the names themselves is weighed
SHARED_IDENTIFIER = 500.0  # near-certain with alike names; networks share phones, but rarely across namesakes
SHARED_ORGANISATION = 10.0
SAME_NATIONALITY = 2.0
OTHER_NATIONALITY = 0.02
MAX_ODDS = 1e6
MERGE_AT = 0.8  # persons: merge at this probability or above (SMUGGLEGRAPH_RESOLVE_MERGE_AT)
REVIEW_AT = 0.5  # persons: propose for review at this probability or above (SMUGGLEGRAPH_RESOLVE_REVIEW_AT)
ORGANISATION_MERGE_AT = 0.85  # organisations: on the adjusted name score
ORGANISATION_REVIEW_AT = 0.6
NATIONALITY_PENALTY = 0.25  # organisations: a different country lowers the name score by this much
ORGANISATION_BONUS = 0.05  # organisations: shared members raise it by this much

Decision = Literal["merge", "review", "apart"]
VOCABULARY: dict[Decision, Literal["same", "unsure", "different"]] = {
    "merge": "same", "review": "unsure", "apart": "different"}  # fmt: skip
"""Resolution's decisions in the words `link` and `resolve compare` answer with."""


@dataclass(frozen=True)
class Evidence:
    score: float
    decision: Decision
    reasons: list[str] = field(default_factory=list)


def names_of(person: dict[str, Any]) -> list[str]:
    return [n for n in [person.get("name"), *(person.get("aliases") or [])] if n]


def _best_names(a: dict[str, Any], b: dict[str, Any]) -> tuple[str, str, Comparison]:
    pairs = ((x, y, compare_names(x, y)) for x in names_of(a) for y in names_of(b))
    return max(pairs, key=lambda pair: pair[2].score)


def _kunya_against_name(x: str, y: str) -> bool:
    """One name is only a kunya ("Abu Khalid") the other does not carry: the names say nothing either way."""
    a, b = normalise_person_name(x), normalise_person_name(y)
    return (not a.tokens or not b.tokens) and a.kunya_key != b.kunya_key


def _birth_day_overrules(a: dict[str, Any], b: dict[str, Any], name: Comparison) -> bool:
    """Names the comparator calls different, yet alike in part, of people born on the same (real) day."""
    born = a.get("birth_date")
    return (name.decision == "different" and name.score >= OTHER_NAME_FLOOR and born is not None
            and str(born) == str(b.get("birth_date")) and not str(born).endswith(PLACEHOLDER_DAY))  # fmt: skip


def _name_odds(x: str, y: str, name: Comparison, counts: NameCounts) -> tuple[float, list[str]]:
    namesakes = counts.expected_namesakes(normalise_person_name(x), normalise_person_name(y))
    reasons = [f"name: {r}" for r in name.reasons]
    reasons.append(f"{'common' if namesakes >= 1 else 'rare'} name: about {namesakes:.2g} namesakes expected "
                   f"among {counts.population:,} known persons")  # fmt: skip
    odds = OTHER_RECORDS / max(namesakes, OTHER_RECORDS / MAX_ODDS)
    if name.decision == "unsure":
        odds *= UNSURE_NAME
    if name.order_swapped:
        odds *= ORDER_SWAPPED
        reasons.append("the names stand in another order: perhaps another father's son")
    return odds, reasons


def _birth_dates(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, str | None]:
    born_a, born_b = a.get("birth_date"), b.get("birth_date")
    if not (born_a and born_b):
        return 1.0, None
    if str(born_a) != str(born_b):
        return 0.0, f"born {born_a} vs {born_b}: different people"
    if str(born_a).endswith(PLACEHOLDER_DAY):
        return SAME_PLACEHOLDER_DATE, f"same birth date {born_a} (1 January: often a placeholder)"
    return SAME_BIRTH_DATE, f"same birth date {born_a}"


def _facts(a: dict[str, Any], b: dict[str, Any], shared: list[str]) -> tuple[float, list[str]]:
    """The factor the facts besides the names put on the odds, and the reasons."""
    factor, reason = _birth_dates(a, b)
    reasons = [reason] if reason else []
    if shared:
        factor *= SHARED_IDENTIFIER
        reasons.append(f"both use {', '.join(shared)}")
    nat_a, nat_b = a.get("nationality"), b.get("nationality")
    if nat_a and nat_b:
        factor *= SAME_NATIONALITY if nat_a == nat_b else OTHER_NATIONALITY
        reasons.append(f"both {nat_a}" if nat_a == nat_b else f"nationality {nat_a} vs {nat_b}")
    if set(a.get("organisations") or []) & set(b.get("organisations") or []):
        factor *= SHARED_ORGANISATION
        reasons.append("members of the same organisation")
    return factor, reasons


def weigh(a: dict[str, Any], b: dict[str, Any], merge_at: float = MERGE_AT, review_at: float = REVIEW_AT,
          counts: NameCounts | None = None) -> Evidence:  # fmt: skip
    """How surely two persons (as begin_report.cypher gives them) are one, given name `counts`."""
    shared = sorted(set(a.get("identifiers") or []) & set(b.get("identifiers") or []))
    factor, facts = _facts(a, b, shared)
    if factor == 0.0:  # a birth date that conflicts settles it, whatever the names
        return Evidence(0.0, "apart", facts)
    x, y, name = _best_names(a, b)
    misspelt = _birth_day_overrules(a, b, name)
    if not misspelt and (name.decision == "different" or _kunya_against_name(x, y)):
        reasons = [f"name: {r}" for r in name.reasons]
        if shared:  # network members share phones: with unlike names (or a kunya alone) it is for a reviewer
            return Evidence(round(review_at, 3), "review", [*reasons, f"both use {', '.join(shared)}, "
                                                            "but the names are not alike"])  # fmt: skip
        return Evidence(0.0, "apart", reasons)
    odds, reasons = _name_odds(x, y, name, counts or NameCounts())
    if misspelt:
        factor *= OTHER_NAME
        reasons.append("the names differ, but the same birth date makes a misspelling likely")
    odds = min(odds * factor, MAX_ODDS)
    return _decide(odds / (1.0 + odds), [*reasons, *facts], merge_at, review_at)


def weigh_organisations(a: dict[str, Any], b: dict[str, Any], merge_at: float = ORGANISATION_MERGE_AT,
                        review_at: float = ORGANISATION_REVIEW_AT) -> Evidence:  # fmt: skip
    """How surely two organisations are one: names (legal forms and group words aside), same kind
    required, countries that conflict lower, shared members raise. The score is the name score, adjusted."""
    if a.get("kind") and b.get("kind") and a["kind"] != b["kind"]:
        return Evidence(0.0, "apart", [f"a {a['kind']} is not a {b['kind']}"])
    best = max((compare_names(x, y, "organisation") for x in names_of(a) for y in names_of(b)), key=lambda c: c.score)
    score, reasons = best.score, [f"name: {r}" for r in best.reasons]
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        score -= NATIONALITY_PENALTY
        reasons.append(f"based in {a['country']} vs {b['country']}")
    if set(a.get("members") or []) & set(b.get("members") or []):
        score += ORGANISATION_BONUS
        reasons.append("shared members")
    return _decide(score, reasons, merge_at, review_at)


def _decide(score: float, reasons: list[str], merge_at: float, review_at: float) -> Evidence:
    score = round(min(max(score, 0.0), 1.0), 3)
    decision: Decision = "merge" if score >= merge_at else "review" if score >= review_at else "apart"
    return Evidence(score, decision, reasons)
