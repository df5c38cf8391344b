"""Phonetic skeletons: keys that are equal for transliteration variants of one name.

A key keeps the consonant skeleton (sound classes merged, doubles collapsed, vowels dropped) and the
class of the first vowel only: later vowels are the least stable part of a transliteration
("Husain", "Hussein", "Hüseyin"), while the first one still separates different names ("Hasan" vs "Husain").
"""

from __future__ import annotations

import re
from functools import lru_cache

# Order matters: digraphs before the single letters they contain.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"ou|oo|uu", "u"),
        (r"ee|ii|ie", "i"),
        (r"aa", "a"),
        (r"kh|q|ck|x", "k"),
        (r"gh|g", "k"),
        (r"c(?=[ei])", "j"),
        (r"ch|tsh|tch", "C"),
        (r"c", "k"),
        (r"sh|sch", "s"),
        (r"th", "s"),
        (r"dh|zh", "z"),
        (r"ph", "f"),
        (r"dzh|dj", "j"),
        (r"v", "w"),
        (r"(?<=[a-z])y", "i"),
        (r"(?<=[aeiou])h$", ""),
        (r"(.)\1+", r"\1"),
    )
)
_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u"}
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=65536)
def normalise_sounds(token: str) -> str:
    """The token with sound classes merged but vowels kept: "khaled" -> "kaled", "youssef" -> "yusef"."""
    for pattern, repl in _RULES:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Phonetic key: consonant skeleton with the first vowel's class ("hussein" -> "husn", "hasan" -> "hasn")."""
    sounds = normalise_sounds(token)
    # A final -i after a consonant is the nisba of a family name ("Karimi", "Hosseini"): keep it.
    nisba = len(sounds) > 2 and sounds[-1] == "i" and sounds[-2] not in _VOWELS
    # A final -a after a consonant is mostly feminine ("Samira", "Amina"): keep it too.
    feminine = len(sounds) > 2 and sounds[-1] == "a" and sounds[-2] not in _VOWELS
    out: list[str] = []
    first_vowel_done = False
    for ch in sounds:
        if ch in _VOWELS:
            if not first_vowel_done:
                out.append(_VOWEL_CLASS[ch])
                first_vowel_done = True
            continue
        out.append(ch)
    return "".join(out) + ("I" if nisba else "A" if feminine else "")


def loose_skeleton(token: str) -> str:
    """The skeleton with 'a' and 'e/i' as first vowel merged ("mehdi" ~ "mahdi", "rehman" ~ "rahman")."""
    return skeleton(token).replace("a", "v").replace("i", "v")


_COMPATIBLE = frozenset({frozenset("ae"), frozenset("ei"), frozenset("ou")})
_VOWEL_RUN = re.compile(r"[aeiou]+")


def inner_vowels(token: str) -> list[str]:
    """The letters of the first vowel run, then the first letter of each later run except one ending the word."""
    sounds = normalise_sounds(token)
    runs = [(m.group(), m.end() == len(sounds)) for m in _VOWEL_RUN.finditer(sounds)]
    if not runs:
        return []
    first = list(runs[0][0]) if len(runs[0][0]) > 1 else ["-"]
    return first + [run[0] for run, final in runs[1:] if not final]


def vowels_agree(a: str, b: str) -> bool:
    """Whether the inner vowels are alike, with a~e and e~i and o~u taken as alike ("Kemal" vs "Kamil": no)."""
    return all(
        x == y or frozenset((x, y)) in _COMPATIBLE for x, y in zip(inner_vowels(a), inner_vowels(b), strict=False)
    )


def consonants(token: str) -> str:
    """Consonant skeleton only, for blocking: every vowel dropped."""
    return "".join(ch for ch in skeleton(token) if ch not in _VOWELS).lower()
