"""Person names parsed for comparison: titles and particles off, kunya apart, compounds joined, tokens weighed.

`normalise_person_name` turns "Sheikh Abu Khalid Abdul Rahman AL-HASSAN" into the tokens
abd+rahman and hassan, the kunya "abu khalid" and the title "sheikh"; `blocking_keys` gives the
phonetic keys of its rarest tokens for candidate retrieval.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ingest.resolve.compounds import join_compounds
from ingest.resolve.lexicon import canonical, lexicon, weight
from ingest.resolve.phonetic import consonants, skeleton
from ingest.resolve.pieces import Piece, order_words, split_pieces

INITIAL_WEIGHT = 0.3


@dataclass(frozen=True)
class Token:
    """One name token: `text` as folded, `canon` its variant-group head, `stem` what spelling checks compare."""

    text: str
    canon: str
    key: str
    stem: str
    weight: float
    initial: bool = False
    prefix: str = ""


@dataclass(frozen=True)
class ParsedName:
    """A person name taken apart: comparable tokens (given names first), kunya, removed titles, order flag."""

    original: str
    tokens: tuple[Token, ...]
    kunya: str | None = None
    kunya_key: str | None = None
    titles: tuple[str, ...] = ()
    reordered: bool = False


def make_token(text: str, prefix: str = "", stem: str | None = None) -> Token:
    """A token for a folded word (or a compound's stem under `prefix`, as in abd+rahman)."""
    stem = text if stem is None else stem
    if len(stem) == 1 and stem.isalpha():
        return Token(text, stem, stem, stem, INITIAL_WEIGHT, initial=True)
    canon = prefix + (canonical(stem) or stem)
    return Token(text, canon, prefix + skeleton(canonical(stem) or stem), stem, weight(canon), prefix=prefix)


def _is_title(pieces: list[Piece], i: int) -> bool:
    """A title word, unless it ends the name or follows "el-"/"al-": then it is a family name ("El-Sayed")."""
    if pieces[i].text not in lexicon().titles or i == len(pieces) - 1:
        return False
    return not (i > 0 and pieces[i - 1].hyphened and pieces[i - 1].text in lexicon().hyphen_articles)


def _strip_titles(pieces: list[Piece]) -> tuple[list[Piece], tuple[str, ...]]:
    flags = [_is_title(pieces, i) for i in range(len(pieces))]
    kept = [p for p, title in zip(pieces, flags, strict=True) if not title]
    if not kept:
        return pieces, ()
    return kept, tuple(p.text for p, title in zip(pieces, flags, strict=True) if title)


def _take_kunya(pieces: list[Piece]) -> tuple[list[Piece], str | None]:
    lex = lexicon()
    for i, piece in enumerate(pieces[:-1]):
        if piece.text not in lex.kunya_markers:
            continue
        if i > 0:  # "Yasser Abu Shanab": after a given name, Abu X is a family name, written "Abushanab" too
            return [*pieces[:i], Piece(piece.text + pieces[i + 1].text), *pieces[i + 2 :]], None
        j = i + 1
        while j < len(pieces) - 1 and (pieces[j].text in lex.hyphen_articles and pieces[j].hyphened):
            j += 1
        if pieces[j].text in lex.kunya_names:
            joined = Piece("abu" + pieces[j].text)
            return [*pieces[:i], joined, *pieces[j + 1 :]], None
        marker = "umm" if piece.text.startswith(("u", "o")) and piece.text != "abou" else "abu"
        return [*pieces[:i], *pieces[j + 1 :]], f"{marker} {pieces[j].text}"
    return pieces, None


def _drop_particles(pieces: list[Piece]) -> list[Piece]:
    lex = lexicon()
    kept = []
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        if not last and (piece.text in lex.particles or (piece.hyphened and piece.text in lex.hyphen_articles)):
            continue
        if piece.text == "ben" and 0 < i < len(pieces) - 1:
            continue
        kept.append(piece)
    return kept or pieces


@lru_cache(maxsize=65536)
def normalise_person_name(name: str) -> ParsedName:
    """Parse a person name into comparable tokens; cached, so parsing a name twice costs nothing."""
    words, reordered = order_words(name)
    pieces, titles = _strip_titles(split_pieces(words))
    pieces, kunya = _take_kunya(pieces)
    tokens = join_compounds(_drop_particles(pieces) if pieces else [])
    kunya_key = None
    if kunya:
        marker, _, who = kunya.partition(" ")
        kunya_key = f"{marker} {make_token(who).key}"
    return ParsedName(name, tuple(tokens), kunya, kunya_key, titles, reordered)


def blocking_keys(name: str, limit: int = 2) -> set[str]:
    """Consonant skeletons of the name's rarest tokens (and its kunya): names that may match share one."""
    parsed = normalise_person_name(name)
    full = sorted((t for t in parsed.tokens if not t.initial), key=lambda t: (t.weight, len(t.stem)), reverse=True)
    keys = {t.prefix + consonants(canonical(t.stem) or t.stem) for t in full[:limit]}
    if parsed.kunya_key:
        keys.add(parsed.kunya_key)
    return keys
