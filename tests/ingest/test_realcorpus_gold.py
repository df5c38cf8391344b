"""The committed gold of the real-text corpus (tests/realcorpus) follows the contract and the taxonomy.

Only the gold files and sources.json are committed; the third-party texts are not, so these tests
check what CI has. Where a text happens to be present (a developer who restored texts/), its length
and sha256 are checked against sources.json.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pycountry
import pytest

from graph.taxonomy import codes, extraction_schema
from ingest.extraction import Extraction
from tests.conftest import REPO_ROOT

CORPUS = REPO_ROOT / "tests" / "realcorpus"
SOURCES: dict[str, dict[str, Any]] = json.loads((CORPUS / "sources.json").read_text(encoding="utf-8"))
GOLDS = sorted(CORPUS.glob("*/*.gold.json"))
COUNTRIES = {c.alpha_2 for c in pycountry.countries} | {"XK"}


def _stem(path: Path) -> str:
    return path.name.removesuffix(".gold.json")


def test_every_source_has_one_gold_file_in_its_split_and_the_split_follows_the_rule() -> None:
    assert len(GOLDS) >= 44
    assert sorted(_stem(g) for g in GOLDS) == sorted(SOURCES)
    for gold in GOLDS:
        entry = SOURCES[_stem(gold)]
        assert gold.parent.name == entry["split"]
        digest = int(hashlib.sha256(entry["url"].encode("utf-8")).hexdigest(), 16)
        assert entry["split"] == ("dev" if digest % 5 < 3 else "heldout"), _stem(gold)
        assert len(entry["sha256"]) == 64 and entry["chars"] > 0
    assert len({e["url"] for e in SOURCES.values()}) == len(SOURCES)


@pytest.mark.parametrize("gold", GOLDS, ids=_stem)
def test_gold_validates_against_the_contract_and_uses_taxonomy_codes(gold: Path) -> None:
    payload = json.loads(gold.read_text(encoding="utf-8"))
    jsonschema.validate(payload, extraction_schema())
    ex = Extraction.model_validate(payload)
    assert ex.document.id == _stem(gold) and ex.document.language == "en"
    assert {p.kind for p in ex.places} <= set(codes("place_kinds"))
    assert {o.kind for o in ex.organisations} <= set(codes("organisation_kinds"))
    assert {r for p in ex.persons for r in p.roles} <= set(codes("person_roles"))
    assert {t.code for t in ex.fraud_techniques} <= set(codes("fraud_techniques"))
    assert {m.code for m in ex.modus_operandi} <= set(codes("modus_operandi"))
    assert {d.type for d in ex.documents} <= set(codes("document_types"))
    assert {d.status for d in ex.documents} <= set(codes("document_status"))
    assert {m for r in ex.routes for m in r.modes} <= set(codes("transport_modes"))
    assert {r.named_route for r in ex.routes} - {None} <= set(codes("named_routes"))
    listed = [c.code for c in ex.countries]
    assert len(listed) == len(set(listed)), "a country listed twice"
    iso = [*listed, *ex.nationalities.suspects, *ex.nationalities.migrants]
    iso += [s.country for r in ex.routes for s in r.stops if s.country]
    iso += [x.country for x in (*ex.places, *ex.organisations) if x.country]
    iso += [p.nationality for p in ex.persons if p.nationality]
    iso += [d.issuing_country for d in ex.documents if d.issuing_country]
    assert set(iso) <= COUNTRIES, set(iso) - COUNTRIES
    assert all(len(r.stops) >= 2 for r in ex.routes)
    assert all(c.roles for c in ex.countries)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_restored_text_matches_its_recorded_length_and_sha256(name: str) -> None:
    entry = SOURCES[name]
    text_path = CORPUS / "texts" / entry["split"] / f"{name}.txt"
    if not text_path.exists():
        pytest.skip("third-party text not restored (see tests/realcorpus/README.md)")
    text = text_path.read_text(encoding="utf-8")
    assert len(text) == entry["chars"]
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == entry["sha256"]
