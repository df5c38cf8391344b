"""The one name folding every layer shares: ASCII, lower case, punctuation to single spaces."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def name_key(name: str) -> str:
    """Lower-case ASCII words of a name, single-spaced: "Muḥammad  AL-Hassan" -> "muhammad al hassan"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return _NON_WORD.sub(" ", folded).strip()
