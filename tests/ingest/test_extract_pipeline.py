"""The whole extraction pipeline on realistic report sentences, and its output contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from spacy.language import Language

from graph.taxonomy import codes, extraction_schema
from ingest.document import SourceDocument, normalise_text
from ingest.extract import build_pipeline, extract, extract_many
from ingest.extraction import Extraction

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    yield build_pipeline()


def _run(nlp: Language, text: str) -> Extraction:
    return extract(SourceDocument(source="test", text=normalise_text(text), media_type="text/plain"), nlp)


def test_pipeline_is_the_model_plus_named_components_without_what_nothing_reads() -> None:
    nlp = build_pipeline()
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names  # no component reads lemmas (bench/extraction.py)
    assert [n for n in nlp.pipe_names if n.startswith("sg_")] == [
        "sg_gazetteer",
        "sg_taxonomy",
        "sg_identifiers",
        "sg_numbers",
        "sg_persons",
        "sg_organisations",
        "sg_routes",
        "sg_documents",
        "sg_techniques",
        "sg_country_roles",
        "sg_relations",
    ]


def test_route_stops_keep_the_stated_order(nlp: Language) -> None:
    result = _run(nlp, "The migrants travelled from Kabul via Tehran and Istanbul to Sofia by bus.")
    assert [(s.place, s.country) for s in result.routes[0].stops] == [
        ("Kabul", "AF"),
        ("Tehran", "IR"),
        ("Istanbul", "TR"),
        ("Sofia", "BG"),
    ]
    assert result.routes[0].modes == ["road"]
    roles = {c.code: c.roles for c in result.countries}
    assert roles["AF"] == ["origin"] and roles["IR"] == ["transit"] and roles["BG"] == ["destination"]


def test_destination_stated_before_origin_still_ends_the_route(nlp: Language) -> None:
    result = _run(nlp, "Migrants were smuggled to Italy from Zuwara in rubber dinghies.")
    assert [s.country for s in result.routes[0].stops] == ["LY", "IT"]
    assert result.routes[0].named_route == "central_mediterranean"


def test_explicit_named_route_wins(nlp: Language) -> None:
    result = _run(nlp, "On the Western Balkans route, groups travel from Greece through North Macedonia to Serbia.")
    assert result.routes[0].named_route == "western_balkans"
    assert [s.country for s in result.routes[0].stops] == ["GR", "MK", "RS"]


def test_person_nationality_role_and_alias_from_appositions(nlp: Language) -> None:
    result = _run(
        nlp,
        'The network was led by Karim Haddad, alias "Abu Omar", a 41-year-old Iraqi national born on '
        "3 May 1982. Bulgarian national Ivan Petrov, the skipper, was arrested. Haddad collected payments.",
    )
    people = {p.name: p for p in result.persons}
    assert set(people) == {"Karim Haddad", "Ivan Petrov"}  # "Haddad" alone is the same person
    haddad = people["Karim Haddad"]
    assert haddad.aliases == ["Abu Omar"]
    assert (haddad.nationality, haddad.birth_date) == ("IQ", "1982-05-03")
    assert "leader" in haddad.roles
    assert len(haddad.spans) == 3
    assert (people["Ivan Petrov"].nationality, people["Ivan Petrov"].roles) == ("BG", ["transporter"])


def test_a_suspect_without_a_stated_role_is_a_facilitator(nlp: Language) -> None:
    result = _run(nlp, "Stefan Dimitrov was also charged with smuggling migrants.")
    assert [(p.name, p.roles) for p in result.persons] == [("Stefan Dimitrov", ["facilitator"])]


def test_phones_are_normalised_to_e164(nlp: Language) -> None:
    result = _run(nlp, "He used the Serbian number +381 64 123 4567 and an Austrian number, 0043 660 123 4567.")
    assert {i.value for i in result.identifiers if i.kind == "phone"} == {"+381641234567", "+436601234567"}


def test_fee_range_in_euro(nlp: Language) -> None:
    result = _run(nlp, "The migrants were charged EUR 5 000 to 6 000 per person, depending on the destination.")
    assert (result.numbers.fee_eur_min, result.numbers.fee_eur_max) == (5000, 6000)


def test_migrant_and_suspect_nationalities_are_kept_apart(nlp: Language) -> None:
    result = _run(
        nlp,
        "On 12 March, 14 Afghan nationals were intercepted in a lorry at the Kapitan Andreevo border crossing. "
        "The driver, a Bulgarian national, was arrested.",
    )
    assert result.nationalities.migrants == ["AF"]
    assert result.nationalities.suspects == ["BG"]
    assert result.numbers.migrants == 14
    assert result.document.date is None  # "12 March" has no year: no full date to report
    assert {c.code: c.roles for c in result.countries}["BG"] == ["location", "nationality"]


def test_document_type_issuer_status_and_technique(nlp: Language) -> None:
    result = _run(
        nlp,
        "Border police detected six counterfeit Bulgarian ID cards and two Romanian passports with "
        "substituted photographs.",
    )
    documents = {(d.type, d.issuing_country, d.status) for d in result.documents}
    assert documents == {("id_card", "BG", "counterfeit"), ("passport", "RO", "forged")}
    assert {f.code for f in result.fraud_techniques} == {"counterfeit", "photo_substitution"}
    assert {c.code: c.roles for c in result.countries}["RO"] == ["issuer"]


def test_organisations_get_kind_and_country(nlp: Language) -> None:
    result = _run(nlp, 'The Serbian Border Police and Europol dismantled the "Black Eagles" network.')
    kinds = {o.name: (o.kind, o.country) for o in result.organisations}
    assert kinds["Serbian Border Police"] == ("authority", "RS")
    assert kinds["Europol"] == ("authority", None)
    assert kinds["Black Eagles"][0] == "criminal_network"


def test_document_date_falls_back_to_the_first_date_in_the_text(nlp: Language) -> None:
    result = _run(nlp, "Report of 14 February 2026. Nothing else happened on 2 March 2026.")
    assert result.document.date == "2026-02-14"


def test_extract_many_keeps_input_order(nlp: Language) -> None:
    texts = ["Migrants came from Libya to Italy.", "Afghan migrants were found.", "Calais to Dover by dinghy."]
    docs = [SourceDocument(source=str(i), text=t, media_type="text/plain") for i, t in enumerate(texts)]
    results = list(extract_many(docs, nlp, batch_size=2))
    assert [(doc.id, r.document.id) for doc, r in results] == [(d.id, d.id) for d in docs]


def test_extract_many_in_several_processes_gives_the_same_result(nlp: Language) -> None:
    texts = [
        "The driver, a Bulgarian national, was arrested. 14 Afghan nationals were found in the lorry.",
        'Yusuf Demir, alias "Usta", supplied counterfeit Greek visas; call +90 532 123 45 67.',
    ]
    docs = [SourceDocument(source=str(i), text=t, media_type="text/plain") for i, t in enumerate(texts)]
    assert list(extract_many(docs, nlp, batch_size=1, n_process=2)) == list(extract_many(docs, nlp))


def _dev_documents() -> list[Path]:
    return sorted(p for p in DEV.glob("*") if p.suffix in (".txt", ".md"))


@pytest.mark.skipif(not _dev_documents(), reason="no dev corpus")
def test_output_on_dev_reports_validates_and_uses_taxonomy_codes(nlp: Language) -> None:
    sources = [
        SourceDocument(source=str(p), text=normalise_text(p.read_text(encoding="utf-8")), media_type="text/plain")
        for p in _dev_documents()[:6]
    ]
    for source, (paired, result) in zip(sources, extract_many(sources, nlp), strict=True):
        assert paired is source
        payload = json.loads(result.model_dump_json())
        jsonschema.validate(payload, extraction_schema())
        assert {f["code"] for f in payload["fraud_techniques"]} <= set(codes("fraud_techniques"))
        assert {m["code"] for m in payload["modus_operandi"]} <= set(codes("modus_operandi"))
        assert {r for p in payload["persons"] for r in p["roles"]} <= set(codes("person_roles"))
        assert {o["kind"] for o in payload["organisations"]} <= set(codes("organisation_kinds"))
        assert {p["kind"] for p in payload["places"]} <= set(codes("place_kinds"))
        assert {d["status"] for d in payload["documents"]} <= set(codes("document_status"))
        for person in payload["persons"]:
            names = [person["name"], *person["aliases"], *person["name"].split()]
            assert all(source.text[start:end] in names for start, end in person["spans"])
        for mention in payload["places"] + payload["organisations"]:
            assert all(source.text[start:end] == mention["name"] for start, end in mention["spans"][:1])


def test_relations_tie_people_to_networks_phones_documents_and_routes(nlp: Language) -> None:
    result = _run(
        nlp,
        'The "Black Eagles" network smuggled migrants from Turkey via Bulgaria to Germany. '
        "Karim Haddad, the leader of the Black Eagles network, used the number +359 88 123 4567. "
        "Yusuf Demir, a member of the Black Eagles network, supplied counterfeit Bulgarian passports. "
        "Ahmed Ali used passport no. AB1234567 at Sofia Airport.",
    )
    triples = {(r.subject, r.predicate, r.object) for r in result.relations}
    assert triples == {
        ("Karim Haddad", "leads", "Black Eagles"),
        ("Karim Haddad", "uses_identifier", "+359881234567"),
        ("Yusuf Demir", "member_of", "Black Eagles"),
        ("Yusuf Demir", "supplied_document", "passport"),
        ("Ahmed Ali", "used_document", "AB1234567"),
        ("Black Eagles", "operates_route", "route:0"),
    }
    assert all(r.spans for r in result.relations)


def test_an_empty_report_gives_an_empty_valid_extraction(nlp: Language) -> None:
    result = _run(nlp, "")
    jsonschema.validate(json.loads(result.model_dump_json()), extraction_schema())
    assert (result.persons, result.routes, result.countries, result.identifiers) == ([], [], [], [])
    assert result.numbers.arrests is None and result.numbers.fee_eur_min is None


def test_a_national_phone_number_is_read_where_the_report_was_written(nlp: Language) -> None:
    # the nearest country named before the number is Hungary, where 064 ... is no number; the
    # report was written by the ILO office in Belgrade, and Belgrade is not a place of the report
    found = _run(nlp, "ILO Belgrade, 3 May 2026. Marko Jovic took Afghan and Syrian migrants to Hungary. "
                      "His phone number, 064 123 4567, was used by the group.")  # fmt: skip
    assert [(i.kind, i.value) for i in found.identifiers] == [("phone", "+381641234567")]
    assert [p.name for p in found.places] == []
    # a number that is valid only in some other country the report names is not read there
    other = _run(nlp, "Report from Canterbury. His phone number 07700 914 382 was found. He then drove to Germany.")
    assert [i.value for i in other.identifiers if i.kind == "phone"] == []


def test_a_nickname_inside_a_name_is_an_alias_of_the_whole_name(nlp: Language) -> None:
    found = _run(nlp, 'On 3 May 2026 police arrested Zoran "Zoki" Petrovic, a Serbian national, in Subotica.')
    assert [(p.name, p.aliases) for p in found.persons] == [("Zoran Petrovic", ["Zoki"])]
    kunya = _run(nlp, 'Police said Mohammed "Abu Ali" Saleh organised the crossings from Libya.')
    assert [(p.name, p.aliases) for p in kunya.persons] == [("Mohammed Saleh", ["Abu Ali"])]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Ahmed Khalil Hassan and his brother, Mahmoud Khalil Hassan, in Athens.",
        "The network was led by Ahmed Khalil Hassan, whose brother Mahmoud Khalil Hassan handled payments.",
    ],
)
def test_brothers_who_share_a_patronymic_and_surname_are_two_persons(nlp: Language, text: str) -> None:
    found = _run(nlp, text)
    assert sorted((p.name, p.aliases) for p in found.persons) == [
        ("Ahmed Khalil Hassan", []), ("Mahmoud Khalil Hassan", []),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Mohammed Saleh, who also uses the name Hamid Rahimi, in Athens.",
        "Police arrested Mohammed Saleh, travelling under the name Hamid Rahimi, in Athens.",
        "Mohammed Saleh, going by Hamid Rahimi, was arrested.",
    ],
)
def test_another_name_given_in_the_same_sentence_is_an_alias(nlp: Language, text: str) -> None:
    assert [(p.name, p.aliases) for p in _run(nlp, text).persons] == [("Mohammed Saleh", ["Hamid Rahimi"])]


def test_a_real_name_given_for_an_alias_joins_the_two(nlp: Language) -> None:
    found = _run(nlp, "Hamid Rahimi, whose real name is Mohammed Saleh, was arrested in Athens.")
    assert [(p.name, p.aliases) for p in found.persons] == [("Hamid Rahimi", ["Mohammed Saleh"])]


def test_a_stopped_vehicle_is_the_drivers_not_the_polices(nlp: Language) -> None:
    found = _run(nlp, "On 4 May 2026 the Serbian Border Police stopped a van with registration plate BG 1234 AB near "
                      "Horgos. The driver, Dragan Ilic, a Serbian national, was arrested.")  # fmt: skip
    assert "Serbian Border Police" in [o.name for o in found.organisations if o.kind == "authority"]
    uses = [(r.subject, r.object) for r in found.relations if r.predicate == "uses_identifier"]
    assert uses == [("Dragan Ilic", "BG1234AB")]


def test_onward_travel_to_several_countries_branches_the_route(nlp: Language) -> None:
    found = _run(nlp, "The migrants were taken from Turkey to Greece. From there they travelled on to Germany, France "
                      "and Belgium.")  # fmt: skip
    assert sorted([s.country for s in r.stops] for r in found.routes) == [
        ["TR", "GR", "BE"], ["TR", "GR", "DE"], ["TR", "GR", "FR"],
    ]  # fmt: skip


def test_a_list_of_documents_shares_the_words_that_open_it(nlp: Language) -> None:
    found = _run(nlp, "Officers seized forged Bulgarian passports, ID cards and residence permits in the flat.")
    assert sorted((d.type, d.issuing_country, d.status) for d in found.documents) == [
        ("id_card", "BG", "forged"), ("passport", "BG", "forged"), ("residence_permit", "BG", "forged"),
    ]  # fmt: skip
    own = _run(nlp, "He carried a genuine passport and a forged Bulgarian ID card.")
    assert sorted((d.type, d.issuing_country, d.status) for d in own.documents) == [
        ("id_card", "BG", "forged"), ("passport", None, "genuine"),
    ]  # fmt: skip


def test_migrants_from_countries_are_of_those_nationalities_unless_it_is_a_route(nlp: Language) -> None:
    found = _run(nlp, "Police intercepted 30 migrants, mostly from Syria, Iraq and Afghanistan, near the border.")
    assert found.nationalities.migrants == ["SY", "IQ", "AF"]
    assert _run(nlp, "The group smuggled migrants from Libya to Italy.").nationalities.migrants == []
