"""The relating components (routes, documents, techniques, persons, organisations, country roles)
on a blank English pipeline with hand-set entities where a statistical model would set them."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import ingest.extract  # noqa: F401  (registers the sg_* factories)


def _blank(*names: str) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in ("sg_gazetteer", "sg_taxonomy", "sg_identifiers", *names):
        nlp.add_pipe(name)
    return nlp


def _with_ents(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Run the pipeline on a doc whose entities are set by hand (as the NER would)."""
    doc = nlp.make_doc(text)
    spans, after = [], 0
    for entity, label in ents:
        start, end = _token_range(doc, entity, after)
        spans.append(Span(doc, start, end, label=label))
        after = doc[end - 1].idx + len(doc[end - 1])
    doc.ents = spans
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _token_range(doc: Doc, text: str, after: int) -> tuple[int, int]:
    start = doc.text.index(text, after)
    span = doc.char_span(start, start + len(text))
    assert span is not None
    return span.start, span.end


def test_routes_from_arrows_keep_the_written_order() -> None:
    doc = _blank("sg_routes")("He charges EUR 3 500 for the leg Belgrade - Horgos - Budapest - Vienna.")
    route = doc._.sg_routes[0]
    assert [s["place"] for s in route["stops"]] == ["Belgrade", "Horgos", "Budapest", "Vienna"]
    assert route["named_route"] == "western_balkans"


def test_a_border_pair_in_parentheses_is_not_a_route() -> None:
    doc = _blank("sg_routes")("At the Kapitan Andreevo border crossing point (Bulgaria-Türkiye), a lorry was stopped.")
    assert doc._.sg_routes == []


def test_coordinated_destinations_make_one_route_each() -> None:
    doc = _blank("sg_routes")(
        "Migrants reached Greece by sea from Türkiye and flew onwards to Italy, Germany and Belgium."
    )
    assert [[s["country"] for s in r["stops"]] for r in doc._.sg_routes] == [
        ["TR", "GR", "IT"],
        ["TR", "GR", "DE"],
        ["TR", "GR", "BE"],
    ]


def test_a_later_sentence_continues_the_route() -> None:
    doc = _blank("sg_routes")(
        "The boat left Nouadhibou and reached El Hierro. From there they were flown onwards to Madrid."
    )
    stops = [s["place"] for s in doc._.sg_routes[0]["stops"]]
    assert stops == ["Nouadhibou", "El Hierro", "Madrid"]
    assert doc._.sg_routes[0]["named_route"] == "western_african_atlantic"


def test_documents_take_issuer_status_and_number() -> None:
    doc = _blank("sg_documents")(
        "Officers found a counterfeit Bulgarian passport no. 385127744 and genuine Greek ID cards."
    )
    assert doc._.sg_documents == [
        {"type": "passport", "issuing_country": "BG", "status": "counterfeit", "number": "385127744"},
        {"type": "id_card", "issuing_country": "GR", "status": "genuine", "number": None},
    ]


def test_documents_read_the_technique_stated_after_them() -> None:
    doc = _blank("sg_documents")(
        "Lithuanian ID card no. 39018422. The original photograph replaced (photo substitution)."
    )
    assert doc._.sg_documents[0]["status"] == "forged"


def test_techniques_tell_supporting_documents_from_travel_documents() -> None:
    doc = _blank("sg_techniques")("The network provided forged Moroccan birth certificates to the grooms.")
    assert [t["code"] for t in doc._.sg_fraud_techniques] == ["false_supporting_documents"]
    assert "document_fraud" not in [m["code"] for m in doc._.sg_modus_operandi]


def test_techniques_make_document_fraud_the_main_method_for_impostors() -> None:
    doc = _blank("sg_techniques")("He travelled on a borrowed passport as a look-alike.")
    assert [t["code"] for t in doc._.sg_fraud_techniques] == ["impostor"]
    assert [m["code"] for m in doc._.sg_modus_operandi] == ["document_fraud"]


def test_persons_merge_surnames_and_read_appositions() -> None:
    nlp = _blank("sg_persons")
    text = 'The organiser, Vasile Rusu, alias "Vasea", a Moldovan citizen, coordinated the crossings. Rusu was paid.'
    doc = _with_ents(nlp, text, [("Vasile Rusu", "PERSON"), ("Rusu", "PERSON")])
    [person] = doc._.sg_persons
    assert (person["name"], person["aliases"], person["nationality"]) == ("Vasile Rusu", ["Vasea"], "MD")
    assert "leader" in person["roles"]
    assert len(person["spans"]) == 3


def test_persons_drop_places_the_model_called_people() -> None:
    nlp = _blank("sg_persons")
    doc = _with_ents(nlp, "Searches took place in Duisburg, Essen and Bochum.", [("Essen", "PERSON")])
    assert doc._.sg_persons == []


def test_official_quoted_in_a_report_is_not_a_suspect() -> None:
    nlp = _blank("sg_persons")
    doc = _with_ents(nlp, "Prosecutor Maria Lopez said the migrants paid EUR 4,000.", [("Maria Lopez", "PERSON")])
    assert doc._.sg_person_status == ["official"]
    assert doc._.sg_persons[0]["roles"] == []


def test_organisations_keep_authorities_and_drop_places_and_apps() -> None:
    nlp = _blank("sg_organisations")
    text = (
        "The Serbian Border Police and Frontex found chats on WhatsApp; the group used Euro Express Transfer in Vranje."
    )
    doc = _with_ents(
        nlp,
        text,
        [("Serbian Border Police", "ORG"), ("WhatsApp", "ORG"), ("Euro Express Transfer", "ORG"), ("Vranje", "ORG")],
    )
    found = {o["name"]: (o["kind"], o["country"]) for o in doc._.sg_organisations}
    assert found == {
        "Serbian Border Police": ("authority", "RS"),
        "Euro Express Transfer": ("front_business", None),
        "Frontex": ("authority", None),
    }


def test_country_roles_from_route_demonyms_and_documents() -> None:
    nlp = _blank("sg_persons", "sg_routes", "sg_documents", "sg_country_roles")
    doc = nlp("Afghan migrants travelled from Türkiye into Bulgaria. They carried counterfeit Romanian passports.")
    roles = {c["code"]: c["roles"] for c in doc._.sg_countries}
    assert roles == {"TR": ["origin"], "BG": ["destination"], "RO": ["issuer"], "AF": ["nationality"]}
    assert doc._.sg_nationalities == {"suspects": [], "migrants": ["AF"]}


def test_techniques_read_fraud_words_around_nationalities() -> None:
    nlp = _blank("sg_techniques")
    stamps = nlp("They held genuine Moroccan passports bearing counterfeit Spanish entry stamps.")
    assert [t["code"] for t in stamps._.sg_fraud_techniques] == ["counterfeit_stamp"]
    loose = nlp("Two of them carried false Spanish ID cards.")
    assert [t["code"] for t in loose._.sg_fraud_techniques] == ["false_document_unspecified"]


def test_a_stated_alteration_replaces_the_generic_forgery() -> None:
    doc = _blank("sg_techniques")("Police seized a forged Bulgarian passport with an altered date of birth.")
    assert [t["code"] for t in doc._.sg_fraud_techniques] == ["data_alteration"]
