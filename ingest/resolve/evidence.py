"""Evidence that two person nodes are one person, combined into one score with reasons.

Names (the comparator) set the base; a shared phone, e-mail, plate, vessel or document number is
near-certain evidence when the names are alike, and a reason for review when they are not (members
of one network share phones); birth dates that conflict veto, equal ones
raise; nationalities that conflict lower; a shared organisation raises a little.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ingest.resolve.compare import compare_names

STRONG_IDENTIFIER_SCORE = 0.95
NAMES_ALIKE = 0.7  # a shared identifier makes names this alike (e.g. "Hasan B." / "Hasan Baba") one person
BIRTH_DATE_BONUS = 0.1
NATIONALITY_PENALTY = 0.25
ORGANISATION_BONUS = 0.05


@dataclass(frozen=True)
class Evidence:
    score: float
    decision: Literal["merge", "review", "apart"]
    reasons: list[str] = field(default_factory=list)


def names_of(person: dict[str, Any]) -> list[str]:
    return [n for n in [person.get("name"), *(person.get("aliases") or [])] if n]


def weigh(a: dict[str, Any], b: dict[str, Any], merge_at: float = 0.85, review_at: float = 0.6) -> Evidence:
    """How surely two persons (as get_report_persons.cypher describes them) are one."""
    best = max((compare_names(x, y) for x in names_of(a) for y in names_of(b)), key=lambda c: c.score)
    score, reasons = best.score, [f"name: {r}" for r in best.reasons]
    shared = sorted(set(a.get("identifiers") or []) & set(b.get("identifiers") or []))
    if shared and best.score >= NAMES_ALIKE:
        score = max(score, STRONG_IDENTIFIER_SCORE)
        reasons.append(f"both use {', '.join(shared)}")
    elif shared:
        # Members of one network share phones: with unlike names (or a kunya alone) it is for a reviewer.
        reasons.append(f"both use {', '.join(shared)}, but the names are not alike")
        score = max(score, review_at)
    born_a, born_b = a.get("birth_date"), b.get("birth_date")
    if born_a and born_b and born_a != born_b:
        return Evidence(0.0, "apart", [*reasons, f"born {born_a} vs {born_b}: different people"])
    if born_a and born_b:
        score += BIRTH_DATE_BONUS
        reasons.append(f"same birth date {born_a}")
    nat_a, nat_b = a.get("nationality"), b.get("nationality")
    if nat_a and nat_b and nat_a != nat_b:
        score -= NATIONALITY_PENALTY
        reasons.append(f"nationality {nat_a} vs {nat_b}")
    if set(a.get("organisations") or []) & set(b.get("organisations") or []):
        score += ORGANISATION_BONUS
        reasons.append("members of the same organisation")
    return _decide(score, reasons, merge_at, review_at)


def weigh_organisations(a: dict[str, Any], b: dict[str, Any], merge_at: float = 0.85,
                        review_at: float = 0.6) -> Evidence:  # fmt: skip
    """How surely two organisations are one: names (legal forms and group words aside), same kind
    required, countries that conflict lower, shared members raise."""
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
    decision: Literal["merge", "review", "apart"] = (
        "merge" if score >= merge_at else "review" if score >= review_at else "apart"
    )
    return Evidence(score, decision, reasons)
