"""Mentions of synthetic identities, each a noisy record of one person, with the true entity id kept.

    python -m bench.er.generate --mentions 1000000 --seed 1 --out /tmp/mentions.csv

Each mention writes the person's name as some record would: another transliteration, the middle name dropped,
"SURNAME, Given" order, capitals, a one-letter typo, a kunya ("Abu Khalid") in front of the name or alone;
nationality, birth date and phone are sometimes missing. A person's birth date never conflicts across mentions.
The output depends only on `n_mentions` and `seed`; the first n mentions of a larger run are the same mentions.
"""

from __future__ import annotations

import argparse
import csv
import random
import string
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from bench.er.namedata import VARIANT_GROUPS
from bench.er.population import Identity, networks

MENTIONS_PER_IDENTITY = (0.34, 0.22, 0.14, 0.1, 0.08, 0.05, 0.04, 0.03)  # 1..8 mentions, mean about 2.8
TRANSLITERATE = 0.35  # per token
DROP_MIDDLE = 0.25
SWAP_ORDER = 0.2
UPPER = 0.15
TYPO = 0.12
KUNYA_USE = 0.35  # of mentions of a person who has a kunya
KUNYA_ALONE = 0.3  # of those
MISSING_NATIONALITY = 0.3
MISSING_BIRTH_DATE = 0.35
PHONE_GIVEN = 0.5
NETWORK_NAMED = 0.4  # the report says which network the person works for
LATIN_SCRIPT = frozenset({"turkish", "albanian", "vietnamese"})  # spelled natively: only diacritics vary
CSV_HEADER = ("mention_id", "entity_id", "name", "nationality", "birth_date", "phone", "organisation")

_VARIANTS = {spelling.lower(): group for group in VARIANT_GROUPS for spelling in group}
# Rule-based transliteration for names outside the table: one spelling habit applied at a time.
_RULES = (("ou", "u"), ("u", "ou"), ("oo", "u"), ("ee", "i"), ("i", "ee"), ("q", "k"), ("k", "kh"), ("ai", "ay"),
          ("y", "i"), ("e", "a"), ("a", "e"), ("dh", "d"), ("ss", "s"), ("s", "ss"), ("j", "dj"),
          ("w", "v"))  # fmt: skip


class Mention(NamedTuple):
    """One record naming a person; `entity_id` is the ground truth the resolver must recover."""

    mention_id: int
    entity_id: int
    name: str
    nationality: str | None
    birth_date: str | None
    phone: str | None
    organisation: str | None = None


def transliterate(token: str, rng: random.Random, rules: bool = True) -> str:
    """Another Latin spelling of `token`: from the variant table if it is there, else (`rules`) by a spelling rule."""
    group = _VARIANTS.get(token.lower())
    if group:
        return rng.choice([g for g in group if g.lower() != token.lower()] or [token])
    lower = token.lower()
    # The first and last letters rarely change between spellings; inner vowels and consonant clusters do.
    fitting = [(a, b) for a, b in _RULES if a in lower[1:-1]] if rules else []
    if not fitting:
        return token
    a, b = rng.choice(fitting)
    at = lower.index(a, 1)
    return token[0] + lower[1:at] + b + lower[at + len(a) :]


def typo(token: str, rng: random.Random) -> str:
    """`token` with one edit (substitute, insert, delete or swap two letters) after its first letter."""
    if len(token) < 4:
        return token
    i = rng.randrange(1, len(token) - 1)
    kind = rng.randrange(4)
    letter = rng.choice(string.ascii_lowercase)
    if kind == 0:
        return token[:i] + letter + token[i + 1 :]
    if kind == 1:
        return token[:i] + letter + token[i:]
    if kind == 2:
        return token[:i] + token[i + 1 :]
    return token[:i] + token[i + 1] + token[i] + token[i + 2 :]


def variant_name(person: Identity, rng: random.Random) -> str:
    """One way a record may write this person's name."""
    if person.kunya and rng.random() < KUNYA_USE and rng.random() < KUNYA_ALONE:
        return person.kunya.upper() if rng.random() < UPPER else person.kunya
    rules = person.origin not in LATIN_SCRIPT
    parts = [transliterate(p, rng, rules) if rng.random() < TRANSLITERATE else p for p in person.parts]
    family = person.family_index
    if len(parts) >= 3 and rng.random() < DROP_MIDDLE:
        del parts[1]
        family = None if family is None else family - (family > 1)
    if rng.random() < TYPO:
        i = rng.randrange(len(parts))
        parts[i] = typo(parts[i], rng)
    if person.kunya and rng.random() < KUNYA_USE:
        parts.insert(0, person.kunya)
        family = None if family is None else family + 1
    if family is not None and rng.random() < SWAP_ORDER:  # "AL-HASSAN, Mohammed Ali"
        rest = parts[:family] + parts[family + 1 :]
        return f"{parts[family].upper()}, {' '.join(rest)}"
    name = " ".join(parts)
    return name.upper() if rng.random() < UPPER else name


def iter_mentions(n_mentions: int, seed: int) -> Iterator[Mention]:
    """The first `n_mentions` mentions for `seed`, generated lazily (constant memory per network)."""
    rng = random.Random(seed)
    made = 0
    for person in networks(rng):
        count = rng.choices(range(1, 9), MENTIONS_PER_IDENTITY)[0]
        for _ in range(count):
            if made == n_mentions:
                return
            nationality = None if rng.random() < MISSING_NATIONALITY else person.nationality
            birth = None if rng.random() < MISSING_BIRTH_DATE else person.birth_date
            phone = rng.choice(person.phones) if person.phones and rng.random() < PHONE_GIVEN else None
            network = f"network {person.network}" if rng.random() < NETWORK_NAMED else None
            yield Mention(made, person.entity_id, variant_name(person, rng), nationality, birth, phone, network)
            made += 1
        if made == n_mentions:
            return


def generate(n_mentions: int, seed: int) -> list[Mention]:
    """`n_mentions` mentions with known ground truth, the same list for the same seed."""
    return list(iter_mentions(n_mentions, seed))


def write_csv(mentions: Iterator[Mention], path: Path) -> int:
    """Stream mentions to a CSV file (empty cells for missing values); returns how many were written."""
    written = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for m in mentions:
            writer.writerow((m.mention_id, m.entity_id, m.name, m.nationality or "", m.birth_date or "", m.phone or "",
                             m.organisation or ""))  # fmt: skip
            written += 1
    return written


def read_csv(path: Path) -> Iterator[Mention]:
    """Mentions back from a CSV written by `write_csv`."""
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield Mention(
                int(row["mention_id"]), int(row["entity_id"]), row["name"],
                row["nationality"] or None, row["birth_date"] or None, row["phone"] or None,
                row["organisation"] or None,
            )  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    """Command line: write `--mentions` mentions for `--seed` to `--out` as CSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    written = write_csv(iter_mentions(args.mentions, args.seed), args.out)
    print(f"wrote {written} mentions to {args.out}")


if __name__ == "__main__":
    main()
