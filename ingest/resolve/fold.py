"""ASCII folding of names: diacritics, special letters and in-word apostrophes go, case folds."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into ASCII, and the apostrophes/ayn marks that transliterations
# put inside words ("Ja'far", "Sa‘ad") and that other spellings simply leave out.
_SPECIAL = str.maketrans(
    {
        "ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ə": "e",
        "'": "", "’": "", "‘": "", "`": "", "´": "", "ʿ": "", "ʾ": "", "ʼ": "", "ʻ": "",
    }
)  # fmt: skip
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII with marks removed and punctuation kept: "Hüseyin Ja'far" -> "huseyin jafar"."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "ignore").decode("ascii")


def words(text: str) -> list[str]:
    """The alphanumeric words of an already folded text."""
    return [w for w in _NON_ALNUM.split(text) if w]
