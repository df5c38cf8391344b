"""The controlled vocabularies (taxonomy.json) and the extraction contract, as the project carries them.

The files in graph/contract/ are the project's own copies of the shared contract; the codes in
them must stay identical to the shared ones (tests/graph/test_contract.py checks the shape).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import pycountry


def json_resource(package: str, name: str) -> dict[str, Any]:
    """A JSON file shipped inside a package, parsed."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _load(name: str) -> dict[str, Any]:
    return json_resource("graph.contract", name)


@cache
def taxonomy() -> dict[str, Any]:
    """The whole taxonomy document."""
    return _load("taxonomy.json")


@cache
def extraction_schema() -> dict[str, Any]:
    """The JSON schema that `smugglegraph extract --format json` output follows."""
    return _load("extraction.schema.json")


def codes(vocabulary: str) -> list[str]:
    """The codes of one vocabulary, e.g. codes("fraud_techniques")."""
    value = taxonomy()[vocabulary]
    if isinstance(value, dict):
        return list(value)
    return list(value)


EXTRA_COUNTRIES = [{"code": "XK", "name": "Kosovo"}]


@cache
def country_rows() -> list[dict[str, str]]:
    """Every ISO 3166-1 country (common name where it has one) plus Kosovo: the graph's Country nodes."""
    rows = [{"code": c.alpha_2, "name": getattr(c, "common_name", None) or c.name} for c in pycountry.countries]
    return rows + EXTRA_COUNTRIES


def vocabulary_rows(vocabulary: str) -> list[dict[str, str]]:
    """One vocabulary's codes with their labels (a code is its own label where the taxonomy gives none)."""
    entries = taxonomy()[vocabulary]
    if not isinstance(entries, dict):
        return [{"code": str(code), "label": str(code).replace("_", " ")} for code in entries]
    return [{"code": code, "label": value["label"] if isinstance(value, dict) else value}
            for code, value in entries.items()]  # fmt: skip
