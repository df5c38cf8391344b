"""Synthetic identities: names with a Zipf skew, nationality, birth date, phones, and smuggling networks.

Identities come in networks of 2-10 members. Some members are brothers (same father's and family name, a
different given name), and some networks share a phone between several members: evidence that links
different people, which a resolver must not read as identity.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bench.er.namedata import ORIGINS, STEMS, VIET_MIDDLE, Origin

ZIPF_S = 1.0
GENERATED_FAMILY_RATE = 0.45  # the long tail: family names built from a stem and a suffix
DEFAULT_DATE_RATE = 0.12  # people registered as born on 1 January of a guessed year
SIBLING_RATE = 0.25
SHARED_PHONE_RATE = 0.35
DIAL_CODES = {"SY": "963", "IQ": "964", "SD": "249", "EG": "20", "LY": "218", "MA": "212", "DZ": "213", "TN": "216",
              "YE": "967", "IR": "98", "AF": "93", "PK": "92", "TR": "90", "ER": "291", "ET": "251", "AL": "355",
              "XK": "383", "VN": "84"}  # fmt: skip
KUNYA_SONS = ("Khalid", "Ahmed", "Omar", "Ali", "Hamza", "Yusuf", "Bakr", "Mohammed", "Hassan", "Ibrahim", "Jafar")


@dataclass(frozen=True)
class Identity:
    """One real person: name parts in display order, which part is the family name, kunya, facts, phones."""

    entity_id: int
    origin: str
    parts: tuple[str, ...]
    family_index: int | None
    kunya: str | None
    nationality: str
    birth_date: str
    phones: tuple[str, ...]
    network: int = 0


class Zipf:
    """Draws from a sequence with probability proportional to 1 / rank**s."""

    def __init__(self, items: Sequence[str], s: float = ZIPF_S) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(len(items))))

    def draw(self, rng: random.Random) -> str:
        """One item, common ones more often."""
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]


_GIVEN = {o.name: Zipf(o.given) for o in ORIGINS}
_FAMILY = {o.name: Zipf(o.family) for o in ORIGINS if o.family}
_MIDDLE = Zipf(VIET_MIDDLE, 1.5)
_STEMS = Zipf(STEMS, 0.5)
_ORIGIN_CUM = list(itertools.accumulate(o.share for o in ORIGINS))


def _origin(rng: random.Random) -> Origin:
    return ORIGINS[bisect.bisect(_ORIGIN_CUM, rng.random() * _ORIGIN_CUM[-1])]


def _family_name(origin: Origin, rng: random.Random) -> str:
    if origin.suffixes and rng.random() < GENERATED_FAMILY_RATE:
        stem, suffix = _STEMS.draw(rng), rng.choice(origin.suffixes)
        return (stem + suffix).capitalize()
    return _FAMILY[origin.name].draw(rng)


def _given_other_than(origin: Origin, taken: str, rng: random.Random) -> str:
    for _ in range(20):
        name = _GIVEN[origin.name].draw(rng)
        if name != taken:
            return name
    return rng.choice([g for g in origin.given if g != taken])


def _name(origin: Origin, rng: random.Random, brother_of: Identity | None) -> tuple[tuple[str, ...], int | None]:
    """Name parts in the order a clean record writes them, and the index of the family name (None if none)."""
    if origin.family_first:
        family = brother_of.parts[0] if brother_of else _FAMILY[origin.name].draw(rng)
        middle = brother_of.parts[1] if brother_of else _MIDDLE.draw(rng)
        given = _given_other_than(origin, brother_of.parts[-1], rng) if brother_of else _GIVEN[origin.name].draw(rng)
        return (family, middle, given), 0
    if brother_of:
        given = _given_other_than(origin, brother_of.parts[0], rng)
        return (given, *brother_of.parts[1:]), brother_of.family_index
    given = _GIVEN[origin.name].draw(rng)
    father = _given_other_than(origin, given, rng)
    if origin.father_as_family:  # given + father + grandfather; records treat the grandfather as the surname
        return (given, father, _GIVEN[origin.name].draw(rng)), 2
    if origin.name == "pashto" and rng.random() < 0.5:  # often a single name and a tribe name
        return (given, _family_name(origin, rng)), 1
    return (given, father, _family_name(origin, rng)), 2


def _birth_date(rng: random.Random) -> str:
    year = rng.randint(1962, 2006)
    if rng.random() < DEFAULT_DATE_RATE:
        return f"{year}-01-01"
    return (date(year, 1, 1) + timedelta(days=rng.randrange(365))).isoformat()


def _phone(nationality: str, rng: random.Random) -> str:
    return f"+{DIAL_CODES[nationality]}{rng.randrange(10**8, 10**9)}"


def identity(entity_id: int, rng: random.Random, brother_of: Identity | None = None, network: int = 0) -> Identity:
    """A new person; a brother shares origin, nationality, father's and family name."""
    origin = next(o for o in ORIGINS if o.name == brother_of.origin) if brother_of else _origin(rng)
    parts, family_index = _name(origin, rng, brother_of)
    nationality = brother_of.nationality if brother_of else rng.choice(origin.nationalities)
    kunya = f"Abu {rng.choice(KUNYA_SONS)}" if rng.random() < origin.kunya_rate else None
    n_phones = rng.choices((0, 1, 2), (0.3, 0.5, 0.2))[0]
    phones = tuple(_phone(nationality, rng) for _ in range(n_phones))
    return Identity(entity_id, origin.name, parts, family_index, kunya, nationality, _birth_date(rng), phones, network)


def _with_phone(person: Identity, phone: str) -> Identity:
    phones = (*person.phones[:1], phone) if phone not in person.phones else person.phones
    return Identity(
        person.entity_id, person.origin, person.parts, person.family_index,
        person.kunya, person.nationality, person.birth_date, phones, person.network,
    )  # fmt: skip


def networks(rng: random.Random) -> Iterator[Identity]:
    """Identities without end, network by network, numbered from 0."""
    ids = itertools.count()
    for network in itertools.count():
        members: list[Identity] = []
        for _ in range(rng.randint(2, 10)):
            sibling = members[-1] if members and rng.random() < SIBLING_RATE else None
            members.append(identity(next(ids), rng, sibling, network))
        if rng.random() < SHARED_PHONE_RATE:  # a network phone used by 2-4 members
            hub = _phone(members[0].nationality, rng)
            for i in rng.sample(range(len(members)), min(len(members), rng.randint(2, 4))):
                members[i] = _with_phone(members[i], hub)
        yield from members
