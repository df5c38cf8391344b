"""Organisation and vessel names: legal forms, group words and vessel prefixes off, numbers exact.

"Al-Noor Travel & Tourism Co. Ltd" and "AL NOUR TRAVEL" meet on the core "noor"; "Sea Star 2"
and "M/V Sea Star 3" never do, because their numbers differ.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from ingest.resolve.align import align
from ingest.resolve.fold import fold, words
from ingest.resolve.names import Token, make_token
from ingest.resolve.person import CONFLICT_COST, EXTRA_COST, Verdict

_DATA = json.loads(resources.files("ingest.resolve.data").joinpath("entities.json").read_text(encoding="utf-8"))
LEGAL = frozenset(_DATA["legal"])
GROUP_WORDS = frozenset(_DATA["group_words"])
SECTOR_OF = {word: sector for sector, group in _DATA["sectors"].items() for word in group}
ACTIVITY = frozenset(SECTOR_OF)
ARTICLES = frozenset({"al", "el"})
VESSEL_PREFIXES = frozenset(_DATA["vessel_prefixes"])
ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
_AMPERSAND = re.compile(r"&")


def _words(name: str) -> list[str]:
    """Folded words with runs of single letters joined: "S.A." -> "sa", "M / V" -> "mv"."""
    out: list[str] = []
    run = ""
    for word in words(fold(_AMPERSAND.sub(" and ", name))):
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    return [*out, run] if run else out


def _score(a: list[str], b: list[str]) -> tuple[float, bool, list[str]]:
    """Weighted token agreement of two cores, whether a core word is contradicted, and the reasons."""
    ta = tuple(make_token(w) for w in a)
    tb = tuple(make_token(w) for w in b)
    alignment = align(ta, tb)
    reasons = [
        f"'{alignment.a[p.i].text}' {'=' if p.match.relation == '=' else '~'} '{alignment.b[p.j].text}'"
        + ("" if p.match.relation == "=" else f" ({p.match.relation})")
        for p in alignment.pairs
    ]
    gained = sum(p.match.score for p in alignment.pairs)
    total = float(len(alignment.pairs))
    conflicts = list(zip(alignment.left_a, alignment.left_b, strict=False))
    total += CONFLICT_COST * len(conflicts)
    reasons += [f"'{alignment.a[i].text}' vs '{alignment.b[j].text}' differ (distinguishing)" for i, j in conflicts]
    extras = len(alignment.left_a) + len(alignment.left_b) - 2 * len(conflicts)
    total += EXTRA_COST * extras
    if extras:
        reasons.append(f"{extras} word(s) only in one name")
    return (gained / total if total else 0.0), bool(conflicts), reasons


def _verdict(score: float, hard: bool, reasons: list[str], same_at: float, unsure_at: float) -> Verdict:
    if hard:
        return Verdict(min(score, unsure_at - 0.05), "different", reasons)
    decision = "same" if score >= same_at else "unsure" if score >= unsure_at else "different"
    return Verdict(score, decision, reasons)


def _org_core(name: str) -> tuple[list[str], set[str], list[str]]:
    """Core words, activity words, and the legal-form/group words that were dropped."""
    all_words = _words(name)
    core = [w for w in all_words if w not in LEGAL | GROUP_WORDS | ACTIVITY | ARTICLES]
    activity = {SECTOR_OF[w] for w in all_words if w in ACTIVITY}
    dropped = [w for w in all_words if w in (LEGAL | GROUP_WORDS) - {"the", "and", "of", "for"}]
    if not core:
        core = [w for w in all_words if w not in LEGAL | ARTICLES] or all_words
    return core, activity, dropped


def compare_organisations(a: str, b: str, same_at: float, unsure_at: float) -> Verdict:
    """Organisation names: compare the cores, ignore legal forms, note different lines of business."""
    core_a, act_a, drop_a = _org_core(a)
    core_b, act_b, drop_b = _org_core(b)
    score, hard, reasons = _core_match(core_a, core_b)
    if act_a and act_b and not act_a & act_b:
        score -= 0.1
        reasons.append(f"business '{'/'.join(sorted(act_a))}' vs '{'/'.join(sorted(act_b))}'")
    forms = sorted(set(drop_a) ^ set(drop_b) | set(drop_a) & set(drop_b))
    if forms:
        reasons.append(f"legal form/group words ignored: {', '.join(forms)}")
    return _verdict(score, hard, reasons, same_at, unsure_at)


def _core_match(a: list[str], b: list[str]) -> tuple[float, bool, list[str]]:
    if not a or not b:
        return 0.0, True, ["no name to compare"]
    if "".join(a) == "".join(b):
        return 1.0, False, [f"core '{' '.join(a)}' = '{' '.join(b)}'"]
    return _score(a, b)


def _is_number(word: str, index: int) -> bool:
    """Digits, a Roman numeral after the first word, or a lone letter ("Blue Sky M"): must match exactly."""
    return word.isdigit() or (index > 0 and (word in ROMAN or len(word) == 1))


def _numbers(core: list[str]) -> tuple[list[str], list[str]]:
    numbers = [ROMAN.get(w, w) for i, w in enumerate(core) if _is_number(w, i)]
    rest = [w for i, w in enumerate(core) if not _is_number(w, i)]
    return numbers, rest


def _vessel_core(name: str) -> list[str]:
    core = _words(name)
    while core and core[0] in VESSEL_PREFIXES:
        core = core[1:]
    return [w for w in core if w != "the"] or _words(name)


def compare_vessels(a: str, b: str, same_at: float, unsure_at: float) -> Verdict:
    """Vessel names: prefixes (MV, F/V, the) and quotes off; any number must match exactly."""
    nums_a, words_a = _numbers(_vessel_core(a))
    nums_b, words_b = _numbers(_vessel_core(b))
    if nums_a != nums_b:
        shown = f"'{' '.join(nums_a) or '-'}' vs '{' '.join(nums_b) or '-'}'"
        return Verdict(0.2, "different", [f"numbers/letters {shown} differ"])
    score, hard, reasons = _core_match(words_a, words_b) if words_a or words_b else (1.0, False, [])
    if nums_a:
        reasons.append(f"number/letter '{' '.join(nums_a)}' matches")
    return _verdict(score, hard, reasons, same_at, unsure_at)


__all__ = ["Token", "compare_organisations", "compare_vessels"]
