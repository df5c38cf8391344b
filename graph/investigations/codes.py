"""Parameters that name a country or a fraud technique: a code or a name, read as the code, and an
unknown value refused with the valid ones (never a silent empty answer)."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated

import pycountry
from pydantic import AfterValidator
from rapidfuzz import process

from graph.taxonomy import country_rows, json_resource, taxonomy

_WORDS = re.compile(r"[\s_\-/]+")


def _plain(text: str) -> str:
    return _WORDS.sub(" ", text.strip().lower()).strip()


def country_code(value: str) -> str:
    """ISO 3166-1 alpha-2 of a code (alpha-2 or alpha-3) or an English name: "bg", "BGR", "Bulgaria" -> "BG";
    any country the graph has (Kosovo too)."""
    wanted = value.strip().lower()
    if wanted in _country_keys():
        return _country_keys()[wanted]
    try:
        return str(pycountry.countries.lookup(wanted).alpha_2)
    except LookupError:
        pass
    names = {row["code"]: row["name"] for row in country_rows()}
    close = process.extract(value, names, limit=3, score_cutoff=60)
    hint = ", ".join(f"{code} ({name})" for name, _, code in close)
    raise ValueError(f"unknown country {value!r}: give an ISO 3166 code or an English name"
                     + (f"; did you mean {hint}?" if hint else ", e.g. BG or Bulgaria"))  # fmt: skip


@cache
def _country_keys() -> dict[str, str]:
    """Lower-case code, name and other English name ("Turkey", "Ivory Coast", from the extraction's
    gazetteer data) of every country the graph has -> its code."""
    aliases: dict[str, str] = json_resource("ingest.extract.data", "countries.json")["aliases"]
    keys = {name.lower(): code for name, code in aliases.items()}
    for row in country_rows():
        keys[row["code"].lower()] = keys[row["name"].lower()] = row["code"]
    return keys


def _technique_phrases(code: str, entry: dict[str, str]) -> set[str]:
    quoted = re.findall(r"'([^']+)'", entry.get("cue", ""))
    label_parts = re.split(r"\s*[/(),]\s*", entry.get("label", ""))
    return {_plain(p) for p in [code, entry.get("label", ""), *label_parts, *quoted] if p.strip()}


def technique_code(value: str) -> str:
    """A fraud technique's code from its code, its label or a phrase its taxonomy entry gives:
    "look-alike" -> "impostor"."""
    techniques: dict[str, dict[str, str]] = taxonomy()["fraud_techniques"]
    wanted = _plain(value)
    found = [code for code, entry in techniques.items() if wanted in _technique_phrases(code, entry)]
    if len(found) == 1:
        return found[0]
    valid = "; ".join(f"{code} ({entry['label']})" for code, entry in techniques.items())
    raise ValueError(f"unknown fraud technique {value!r}; valid: {valid}")


def place_or_country(value: str) -> str:
    """A place uid as given, else a country read as its code."""
    return value if value.startswith("plc-") else country_code(value)


CountryCode = Annotated[str, AfterValidator(country_code)]
PlaceOrCountry = Annotated[str, AfterValidator(place_or_country)]
TechniqueCode = Annotated[str, AfterValidator(technique_code)]
