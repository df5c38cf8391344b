"""First pass over a raw person name: order it given-names-first and cut it into folded pieces.

"AL-HASSAN, Mohammed" and "AL-HASSAN Mohammed" (surname in capitals) both come out as
mohammed / al- / hassan, with a flag saying the order was changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.resolve.fold import fold

_SPACES = re.compile(r"\s+")
_PIECE = re.compile(r"[a-z0-9]+(?:\.|-)?")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Piece:
    """One folded word piece; `hyphened` when a hyphen joined it to the next piece ("al-" in "al-Hassan")."""

    text: str
    hyphened: bool = False
    dotted: bool = False


def _is_caps(word: str) -> bool:
    letters = "".join(_LETTERS.findall(word))
    return len(letters) >= 2 and letters.isupper()


def order_words(name: str) -> tuple[list[str], bool]:
    """Words of the name, given names first; True when the input was "SURNAME, Given" or had a capitalised surname."""
    if "," in name:
        family, _, given = name.partition(",")
        if given.strip() and family.strip():
            return _SPACES.split(f"{given.strip()} {family.strip()}"), True
    raw = [w for w in _SPACES.split(name.strip()) if w]
    caps = [w for w in raw if _is_caps(w)]
    if caps and len(caps) < len(raw) and not _is_caps(raw[-1]):
        rest = [w for w in raw if not _is_caps(w)]
        return rest + caps, True
    return raw, False


def split_pieces(words: list[str]) -> list[Piece]:
    """Folded pieces of the words: hyphens and dots split words and are remembered on the piece before them."""
    pieces: list[Piece] = []
    for word in words:
        for match in _PIECE.finditer(fold(word)):
            text = match.group()
            pieces.append(Piece(text.rstrip(".-"), hyphened=text.endswith("-"), dotted=text.endswith(".")))
    return pieces
