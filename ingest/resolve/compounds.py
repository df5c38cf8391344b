"""Compound names as one unit: Abd + name, name + ad-Din, name + Ullah, and the joined article "AlHassan".

"Abdul Rahman", "Abdulrahman", "Abd al-Rahman" and "Abdel Rahman" all become one token with the
prefix "abd" and the stem "rahman"; "Salah ad-Din", "Salahuddin" and "Salaheddine" one token "salahdin".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.resolve.lexicon import canonical, lexicon

if TYPE_CHECKING:
    from ingest.resolve.names import Token
    from ingest.resolve.pieces import Piece

_ABD_WORDS = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdil", "abdur", "abdus", "abdu", "abdou"})
_NOT_ABD = frozenset({"abdi", "abdo", "abdou", "abdu", "abdie"})
_ABD_JOINED = re.compile(r"abd(?P<rest>[a-z]{2,})")
_DIN_WORDS = frozenset({"din", "deen", "dine", "ddin", "eddin", "eddine", "uddin", "addin", "aldin", "eldin", "ettin"})
_DIN_JOINED = re.compile(r"(?P<stem>[a-z]{3,}?)(?:[aeiou]?[dlt])?[dt](?:i|ee|ii)ne?")
_ULLAH_WORDS = frozenset({"ullah", "allah", "ollah", "ulla", "alla", "ulah", "llah", "olla"})
_ULLAH_JOINED = re.compile(r"(?P<stem>[a-z]{3,}?)[aeiou]?llah?")
# Persian and Pashto family-name suffixes make another name: "Ahmadi Nejad" is "Ahmadinejad", not "Ahmadi".
_NAME_SUFFIXES = frozenset(
    {"nejad", "nezhad", "nejhad", "nijad", "pour", "poor", "zadeh", "zada", "zade", "khel", "far"}
)
_CONNECTORS = frozenset({"ad", "ud", "ed", "id", "al", "el", "ul", "et"})
_LEADING_VOWELS = re.compile(r"^[aeiou]+")
_DOUBLE_START = re.compile(r"^(.)\1+")
_ALLAH = frozenset({"a", "ah", "la", "lah", "llah", "allah", "alla", "ullah", "ulla"})
_JOINED_PREFIXES = ("al", "el", "ben", "bin", "ibn")


def abd_stem(rest: str, joined: bool = False) -> str:
    """What follows Abd, without a joined article: "ulrahman" / "urrahman" / "elaziz" -> "rahman" / "aziz"."""
    stem = rest
    if joined:
        stem = _LEADING_VOWELS.sub("", stem)
        if stem.startswith("l") and stem not in _ALLAH:
            stem = stem[1:]
        stem = _DOUBLE_START.sub(r"\1", stem)
    return "ah" if stem in _ALLAH else stem


def _joined_abd(text: str) -> str | None:
    if text in _NOT_ABD or canonical(text) is not None:
        return None
    match = _ABD_JOINED.fullmatch(text)
    return abd_stem(match.group("rest"), joined=True) if match else None


def _suffix_stem(text: str) -> tuple[str, str] | None:
    """("salah", "din") for "salahuddin", ("habib", "ullah") for "habibullah", else None."""
    if len(text) < 7 or canonical(text) is not None:
        return None
    for pattern, suffix in ((_DIN_JOINED, "din"), (_ULLAH_JOINED, "ullah")):
        match = pattern.fullmatch(text)
        if match:
            return match.group("stem"), suffix
    return None


def _strip_joined_article(text: str) -> str:
    """ "alhassan" -> "hassan", "benali" -> "ali" when the rest is a known name; "albert" stays."""
    for prefix in _JOINED_PREFIXES:
        rest = text[len(prefix) :]
        if text.startswith(prefix) and len(rest) >= 3 and canonical(rest) is not None:
            return rest
    return text


def join_compounds(pieces: list[Piece]) -> list[Token]:
    """Tokens of the pieces, compounds joined into one token each."""
    from ingest.resolve.names import make_token

    tokens: list[Token] = []
    articles = lexicon().hyphen_articles
    i = 0
    while i < len(pieces):
        text = pieces[i].text
        nxt = pieces[i + 1].text if i + 1 < len(pieces) else None
        if text in _ABD_WORDS and nxt is not None:
            j = i + 1
            while j < len(pieces) - 1 and pieces[j].text in articles:
                j += 1
            stem = abd_stem(pieces[j].text)
            tokens.append(make_token(f"{text} {pieces[j].text}", prefix="abd", stem=stem))
            i = j + 1
            continue
        if tokens and (text in _DIN_WORDS or text in _ULLAH_WORDS or text in _NAME_SUFFIXES):
            suffix = "din" if text in _DIN_WORDS else "ullah" if text in _ULLAH_WORDS else canonical(text) or text
            tokens[-1] = _with_suffix(tokens[-1], text, suffix)
            i += 1
            continue
        if text in _CONNECTORS and nxt in _DIN_WORDS and tokens:
            i += 1
            continue
        tokens.append(_single(text))
        i += 1
    return tokens


def _with_suffix(token: Token, text: str, suffix: str) -> Token:
    from ingest.resolve.names import make_token

    stem = canonical(token.stem) or token.stem
    return make_token(f"{token.text} {text}", stem=stem + suffix)


def _single(text: str) -> Token:
    from ingest.resolve.names import make_token

    abd = _joined_abd(text)
    if abd is not None:
        return make_token(text, prefix="abd", stem=abd)
    suffixed = _suffix_stem(text)
    if suffixed is not None:
        stem, suffix = suffixed
        return make_token(text, stem=(canonical(stem) or stem) + suffix)
    return make_token(text, stem=_strip_joined_article(text))
