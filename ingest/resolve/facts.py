"""Two names with facts about each (`resolve compare --a born=... --b phone=...`), weighed as ingest weighs them.

Each side becomes the record that resolution describes a mention with (`begin_report.cypher`), and the
pair goes through `evidence.weigh` (persons) or `evidence.weigh_organisations`, the code ingest and `link`
decide with. The answer is in their words: same (ingest would merge), unsure (it would propose for
review), different.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph import keys
from graph.errors import InvalidInput
from graph.identifiers import to_e164
from graph.taxonomy import taxonomy
from ingest.extract.resources import country_names, demonyms
from ingest.resolve.compare import Comparison
from ingest.resolve.evidence import VOCABULARY, weigh, weigh_organisations
from ingest.resolve.rarity import NameCounts

PERSON_FACTS = ("alias", "born", "nationality", "phone", "email", "plate", "vessel", "document", "organisation")
ORGANISATION_FACTS = ("alias", "kind", "country", "member")
_IDENTIFIERS = ("phone", "email", "plate", "vessel", "document")


def _country(value: str) -> str:
    text = value.strip()
    if len(text) == 2 and text.upper() in country_names().values():
        return text.upper()
    found = country_names().get(text) or demonyms().get(text) or demonyms().get(text.title())
    if found is None:
        raise InvalidInput(f"{value!r} is not a country, an ISO code or a nationality")
    return found


def _identifier(kind: str, value: str) -> str:
    if kind == "phone":
        phone = to_e164(value, None)
        if phone is None:
            raise InvalidInput(f"phone {value!r} is not an international number (+ or 00 and the country code)")
        return f"phone {phone}"
    folded = value.strip().lower() if kind == "email" else "".join(value.split()).upper()
    return f"{kind} {folded}"


def _split(fact: str, allowed: tuple[str, ...]) -> tuple[str, str]:
    key, sep, value = fact.partition("=")
    key = key.strip().lower()
    if not sep or not value.strip():
        raise InvalidInput(f"fact {fact!r} is not KEY=VALUE")
    if key not in allowed:
        raise InvalidInput(f"fact {key!r} is not one of {', '.join(allowed)}")
    return key, value.strip()


def person_record(name: str, facts: list[str]) -> dict[str, Any]:
    """The record resolution would describe a person named `name` with, from facts like 'born=1990-04-01'."""
    record: dict[str, Any] = {"name": name, "aliases": [], "identifiers": [], "organisations": []}
    for fact in facts:
        key, value = _split(fact, PERSON_FACTS)
        if key == "alias":
            record["aliases"].append(value)
        elif key == "born":
            try:
                record["birth_date"] = date.fromisoformat(value).isoformat()
            except ValueError:
                raise InvalidInput(f"born {value!r} is not a date (YYYY-MM-DD)") from None
        elif key == "nationality":
            record["nationality"] = _country(value)
        elif key == "organisation":
            record["organisations"].append(keys.organisation_uid(value))
        else:
            record["identifiers"].append(_identifier(key, value))
    return record


def organisation_record(name: str, facts: list[str]) -> dict[str, Any]:
    """The record resolution would describe an organisation named `name` with, from facts like 'country=TR'."""
    record: dict[str, Any] = {"name": name, "aliases": [], "members": []}
    for fact in facts:
        key, value = _split(fact, ORGANISATION_FACTS)
        if key == "alias":
            record["aliases"].append(value)
        elif key == "country":
            record["country"] = _country(value)
        elif key == "member":
            record["members"].append(keys.person_uid(value))
        elif value.lower() not in taxonomy()["organisation_kinds"]:
            raise InvalidInput(f"kind {value!r} is not one of {', '.join(taxonomy()['organisation_kinds'])}")
        else:
            record["kind"] = value.lower()
    return record


def weigh_with_facts(name_a: str, name_b: str, kind: str, facts_a: list[str], facts_b: list[str],
                     counts: NameCounts | None = None) -> Comparison:  # fmt: skip
    """Ingest's judgement on the pair, in the comparator's words; `counts` are the known persons' names."""
    if kind == "person":
        found = weigh(person_record(name_a, facts_a), person_record(name_b, facts_b), counts=counts)
    elif kind == "organisation":
        found = weigh_organisations(organisation_record(name_a, facts_a), organisation_record(name_b, facts_b))
    else:
        raise InvalidInput("facts are weighed for persons and organisations; vessels are compared on names")
    return Comparison(found.score, VOCABULARY[found.decision], found.reasons)
