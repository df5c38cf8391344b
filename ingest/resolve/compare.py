"""Compare two names and decide: `same`, `unsure` or `different`, with a score and the reasons.

The decision is on the names alone; identifiers, dates and places are later evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ingest.resolve.entities import compare_organisations, compare_vessels
from ingest.resolve.names import normalise_person_name
from ingest.resolve.person import Verdict, compare_persons

SAME_AT = 0.8
UNSURE_AT = 0.5
KINDS = ("person", "organisation", "vessel")

Decision = Literal["same", "unsure", "different"]


@dataclass(frozen=True)
class Comparison:
    """The judgement on a pair of names: score in [0, 1], decision, short human-readable reasons."""

    score: float
    decision: Decision
    reasons: list[str] = field(default_factory=list)
    order_swapped: bool = False  # "Ali Hassan Omar" vs "Hassan Ali Omar": maybe another father's son


def normalise_kind(kind: str | None) -> str:
    """The comparison kind for a label: empty or unknown kinds are persons; "org" and "organization" too."""
    value = (kind or "").strip().lower()
    if value in {"organisation", "organization", "org", "company"}:
        return "organisation"
    return "vessel" if value in {"vessel", "ship", "boat"} else "person"


def _decision(verdict: Verdict, same_at: float, unsure_at: float) -> Decision:
    if verdict.decision == "same" and verdict.score >= same_at:
        return "same"
    if verdict.decision == "different" or verdict.score < unsure_at:
        return "different"
    return "unsure"


def compare_names(
    a: str, b: str, kind: str = "person", *, same_at: float = SAME_AT, unsure_at: float = UNSURE_AT
) -> Comparison:
    """Judge whether names `a` and `b` name the same person, organisation or vessel."""
    kind = normalise_kind(kind)
    if kind == "organisation":
        verdict = compare_organisations(a, b, same_at, unsure_at)
    elif kind == "vessel":
        verdict = compare_vessels(a, b, same_at, unsure_at)
    else:
        verdict = compare_persons(normalise_person_name(a), normalise_person_name(b), same_at, unsure_at)
    score = round(min(max(verdict.score, 0.0), 1.0), 3)
    return Comparison(score, _decision(verdict, same_at, unsure_at), list(verdict.reasons), verdict.order_swapped)
