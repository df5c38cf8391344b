"""How alike two name tokens are, and why: equal, variant, transliteration, spelling, initial, or different."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from nicknames import NickNamer
from rapidfuzz.distance import Levenshtein

from ingest.resolve.lexicon import canonical
from ingest.resolve.names import Token
from ingest.resolve.phonetic import loose_skeleton, normalise_sounds, skeleton, vowels_agree

EQUAL, VARIANT, TRANSLIT, LOOSE, ARTICLE, SPELLING, INITIAL = 1.0, 0.97, 0.92, 0.85, 0.88, 0.8, 0.75
SHORT_FORM = 0.8  # a hypocorism ("Ted" / "Theodore"): as strong as a spelling slip in a long name
# Same consonants, other inner vowels ("Karimi" / "Karami"): aligned, but too weak to call the names the same.
# In short names one letter or an inner vowel often is the whole difference ("Sarraj"/"Sarraf", "Kemal"/"Kamil").
WEAK = 0.72
LONG = 7


@dataclass(frozen=True)
class TokenMatch:
    """Similarity in [0, 1] and the relation behind it ("variant", "transliteration", ... or "" for none)."""

    score: float
    relation: str


NO_MATCH = TokenMatch(0.0, "")


def _edits_allowed(a: str, b: str) -> int:
    shortest = min(len(a), len(b))
    return 2 if shortest >= 10 else 1 if shortest >= 5 else 0


def _same_first_vowel(a: str, b: str) -> bool:
    """Short names keep their first vowel's class under a slip: "Hasan" vs "Husan" is another name."""
    first = [next((ch for ch in loose_skeleton(s) if ch in "vu"), "") for s in (a, b)]
    return first[0] == first[1]


def _spelling(a: str, b: str) -> bool:
    if not a or not b:  # a lone particle ("Abdul" with nothing after it) leaves an empty stem
        return a == b
    if skeleton(a).endswith("I") != skeleton(b).endswith("I") or normalise_sounds(a)[0] != normalise_sounds(b)[0]:
        return False
    if min(len(a), len(b)) < 8 and not _same_first_vowel(a, b):
        return False
    if min(len(a), len(b)) < 8 and (a.startswith(b) or b.startswith(a)):
        return False  # a letter added at the end makes another name: "Rahma"/"Rahman", "Karim"/"Karima"
    allowed = _edits_allowed(a, b)
    if Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed:
        return True
    sa, sb = normalise_sounds(a), normalise_sounds(b)
    return Levenshtein.distance(sa, sb, score_cutoff=allowed) <= allowed


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def _short_form(a: str, b: str) -> bool:
    """One is a short form of the other in the `nicknames` dataset of English names ("ted" / "theodore").
    Only for names the project's lexicon does not know: "Ali" is a name of its own, not "Alison"."""
    if canonical(a) is not None or canonical(b) is not None:
        return False
    names = _nicknamer()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b)


def _without_article(stem: str) -> str:
    return stem[2:] if stem[:2] in {"al", "el"} and len(stem) > 4 else stem


def _initial(a: Token, b: Token) -> TokenMatch:
    if a.initial and b.initial:
        return TokenMatch(EQUAL, "=") if a.text == b.text else NO_MATCH
    letter, full = (a, b) if a.initial else (b, a)
    return TokenMatch(INITIAL, "initial") if full.text[:1] == letter.text else NO_MATCH


@lru_cache(maxsize=131072)
def token_match(a: Token, b: Token) -> TokenMatch:
    """Compare two tokens; known names from different variant groups never match each other."""
    if a.initial or b.initial:
        return _initial(a, b)
    if a.prefix != b.prefix:
        return NO_MATCH
    if a.stem == b.stem:
        return TokenMatch(EQUAL, "=")
    if a.canon == b.canon:
        return TokenMatch(VARIANT, "variant")
    if _short_form(a.stem, b.stem):
        return TokenMatch(SHORT_FORM, "short form")
    if canonical(a.stem) is not None and canonical(b.stem) is not None:
        return NO_MATCH
    if a.key == b.key:
        if vowels_agree(a.stem, b.stem) or min(len(a.stem), len(b.stem)) >= LONG:
            return TokenMatch(TRANSLIT, "transliteration")
        return TokenMatch(WEAK, "vowels differ")
    if loose_skeleton(a.stem) == loose_skeleton(b.stem) and vowels_agree(a.stem, b.stem):
        return TokenMatch(LOOSE, "transliteration")
    if _spelling(a.stem, b.stem):
        if min(len(a.stem), len(b.stem)) >= LONG:
            return TokenMatch(SPELLING, "spelling")
        return TokenMatch(WEAK, "one letter differs")
    bare_a, bare_b = _without_article(a.stem), _without_article(b.stem)
    if (bare_a, bare_b) != (a.stem, b.stem) and skeleton(bare_a) == skeleton(bare_b):
        return TokenMatch(ARTICLE, "article")
    return NO_MATCH
