"""The one way user or report text becomes a query of the full-text index (`entity_names`).

Lucene's query parser reads `AND`, `OR`, `NOT`, `TO`, `+`, `-`, quotes, brackets, `*`, `?`, `~`,
`:` and more as syntax, so a name such as "Hasan OR" or a search for "NOT Hasan" either fails to
parse (a 500) or means something else. `lucene_query` makes every word literal: special characters
are escaped and the words are lower-cased (the parser's operators are upper case only, and the
index's analyzer lower-cases anyway), so the index is only ever asked "any of these words".
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/<>=])')
_SEPARATORS = re.compile(r"[\s\-]+")
FUZZY_FROM = 4  # words this long or longer also match one or two letters off
MATCH_NOTHING = '""'  # an empty phrase: a valid query that finds nothing


def lucene_query(text: str) -> str:
    """`text` as a Lucene query of literal words, longer ones fuzzy; never a syntax error."""
    words = [_SPECIAL.sub(r"\\\1", word.lower()) for word in _SEPARATORS.split(text) if word]
    return " ".join(f"{word}~" if len(word) >= FUZZY_FROM else word for word in words) or MATCH_NOTHING
