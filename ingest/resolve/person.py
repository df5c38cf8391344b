"""Person-name comparison: align tokens, weigh them by rarity, let distinguishing mismatches veto.

Matched tokens add their weight times their similarity; a token the other name contradicts
(a different father's or family name) costs twice its weight and forbids `same`; a token the
other name simply lacks (a dropped middle name) costs a fraction of its weight.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ingest.resolve.align import Alignment, align, order_swapped
from ingest.resolve.lexicon import GIVEN_NAME_BELOW, canonical
from ingest.resolve.names import ParsedName, Token

CONFLICT_COST = 2.0
EXTRA_COST = 0.4
SOFT_CONFLICT_RATIO = 75.0
WEAK_BELOW = 0.75
SOFT_CREDIT = 0.5


@dataclass(frozen=True)
class Verdict:
    """A score in [0, 1], the decision and the reasons, before packaging."""

    score: float
    decision: str
    reasons: list[str]
    order_swapped: bool = False  # aligned tokens stand in another order, after any "SURNAME, Given" is undone


def _role(tokens: tuple[Token, ...], index: int) -> str:
    if len(tokens) < 2:
        return "name"
    return "family name" if index == len(tokens) - 1 else "given name" if index == 0 else "name"


def _show(token: Token) -> str:
    return f"{token.text.upper()}." if token.initial else token.text


def _pair_reason(alignment: Alignment, i: int, j: int, relation: str) -> str:
    a, b = alignment.a[i], alignment.b[j]
    if relation == "initial":
        letter, full = (a, b) if a.initial else (b, a)
        return f"initial '{_show(letter)}' fits '{full.text}'"
    sign = "=" if relation in ("=", "variant") else "~"
    suffix = "" if relation == "=" else f" ({relation})"
    return f"{_role(alignment.a, i)} '{a.text}' {sign} '{b.text}'{suffix}"


def _is_soft(a: Token, b: Token) -> bool:
    """A mismatch that may still be an unseen spelling: similar letters, not two known different names."""
    if a.initial or b.initial or (canonical(a.stem) is not None and canonical(b.stem) is not None):
        return False
    return fuzz.ratio(a.stem, b.stem) >= SOFT_CONFLICT_RATIO


def _kunya_only(a: ParsedName, b: ParsedName, same_at: float, unsure_at: float) -> Verdict:
    if a.kunya_key is not None and a.kunya_key == b.kunya_key:
        return Verdict(max(same_at, 0.9), "same", [f"kunya '{a.kunya}' = '{b.kunya}'"])
    if a.tokens or b.tokens:
        return Verdict((same_at + unsure_at) / 2 - 0.1, "unsure", ["kunya only"])
    return Verdict(0.1, "different", [f"kunya '{a.kunya}' vs '{b.kunya}' differ"])


def compare_persons(a: ParsedName, b: ParsedName, same_at: float, unsure_at: float) -> Verdict:
    """Score and decide whether two parsed person names are the same name."""
    if not a.tokens or not b.tokens:
        if a.kunya or b.kunya:
            return _kunya_only(a, b, same_at, unsure_at)
        return Verdict(0.0, "different", ["no name to compare"])
    alignment = align(a.tokens, b.tokens)
    reasons: list[str] = []
    gained = total = 0.0
    for pair in alignment.pairs:
        ta, tb = alignment.a[pair.i], alignment.b[pair.j]
        weight = min(ta.weight, tb.weight) if (ta.initial or tb.initial) else max(ta.weight, tb.weight)
        gained += weight * pair.match.score
        total += weight
        reasons.append(_pair_reason(alignment, pair.i, pair.j, pair.match.relation))
    hard = soft = False
    for i, j in zip(alignment.left_a, alignment.left_b, strict=False):
        ta, tb = alignment.a[i], alignment.b[j]
        is_soft = _is_soft(ta, tb)
        weight = max(ta.weight, tb.weight)
        total += weight if is_soft else CONFLICT_COST * weight
        gained += SOFT_CREDIT * weight if is_soft else 0.0
        soft, hard = soft or is_soft, hard or not is_soft
        reasons.append(f"'{_show(ta)}' vs '{_show(tb)}' {'look alike' if is_soft else 'differ (distinguishing)'}")
    paired = min(len(alignment.left_a), len(alignment.left_b))
    for side, left in ((alignment.a, alignment.left_a[paired:]), (alignment.b, alignment.left_b[paired:])):
        for k in left:
            total += EXTRA_COST * side[k].weight
            reasons.append(f"'{_show(side[k])}' only in one name")
    if a.kunya_key and b.kunya_key:
        same_kunya = a.kunya_key == b.kunya_key
        gained += 1.0 if same_kunya else 0.0
        total += 1.0
        reasons.append(f"kunya '{a.kunya}' {'=' if same_kunya else 'vs'} '{b.kunya}'")
    swapped = order_swapped(alignment)
    if swapped or (a.reordered != b.reordered and len(alignment.pairs) > 1):
        reasons.append("order swapped")
    if swapped and a.reordered == b.reordered and _all_given_names(alignment):
        # "Ahmed Ali" (Ahmed son of Ali) vs "Ali Ahmed": with no surname marked, the order is the only clue.
        soft = True
        reasons.append("no surname marked to explain the order")
    score = gained / total if total else 0.0
    return Verdict(*_decide(score, alignment, hard, soft, same_at, unsure_at), reasons, swapped)


def _all_given_names(alignment: Alignment) -> bool:
    """Whether every aligned token is a common given name (not a rare or nisba family name)."""
    tokens = [alignment.a[p.i] for p in alignment.pairs]
    return all(t.weight < GIVEN_NAME_BELOW for t in tokens)


def _decide(
    score: float, alignment: Alignment, hard: bool, soft: bool, same_at: float, unsure_at: float
) -> tuple[float, str]:
    if hard:
        return min(score, unsure_at - 0.05), "different"
    full_matches = [p for p in alignment.pairs if p.match.relation != "initial"]
    soft = soft or any(p.match.score < WEAK_BELOW for p in full_matches)
    lone = min(len(alignment.a), len(alignment.b)) == 1 and max(len(alignment.a), len(alignment.b)) > 1
    if soft or lone or not full_matches:
        score = min(score, same_at - 0.05)
    if score >= same_at:
        return score, "same"
    return score, "unsure" if score >= unsure_at else "different"
