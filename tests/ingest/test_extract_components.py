"""Each sg_* component on a blank English pipeline: what it marks and how it normalises."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import ingest.extract  # noqa: F401  (registers the sg_* factories)
from ingest.extract.components.organisations import kind_of
from ingest.extract.spans import COUNTRIES, DEMONYMS, IDENTIFIERS, PLACES


def _blank(*names: str) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in names:
        nlp.add_pipe(name)
    return nlp


def test_gazetteer_knows_common_country_names_and_kosovo() -> None:
    doc = _blank("sg_gazetteer")("They came via Türkiye, Turkey, the UK, Ivory Coast, DRC and Kosovo.")
    codes = [s.kb_id_ for s in doc.spans[COUNTRIES]]
    assert codes == ["TR", "TR", "GB", "CI", "CD", "XK"]


def test_gazetteer_gives_places_their_kind_and_country() -> None:
    doc = _blank("sg_gazetteer")(
        "Stopped at Kapitan Andreevo, then Horgos; flights from Istanbul Airport to Las Palmas."
    )
    places = {s.text: (s.label_, s.kb_id_) for s in doc.spans[PLACES]}
    assert places["Kapitan Andreevo"] == ("border_crossing_point", "BG")
    assert places["Horgos"] == ("border_crossing_point", "RS")
    assert places["Istanbul Airport"] == ("airport", "TR")  # the longer name wins over "Istanbul"
    assert places["Las Palmas"][1] == "ES"


def test_gazetteer_reads_demonyms_singular_and_plural() -> None:
    doc = _blank("sg_gazetteer")("Afghans and Iraqis travelled with a Kosovar driver and two Chinese nationals.")
    assert [(s.text, s.kb_id_) for s in doc.spans[DEMONYMS]] == [
        ("Afghans", "AF"),
        ("Iraqis", "IQ"),
        ("Kosovar", "XK"),
        ("Chinese", "CN"),
    ]


def test_gazetteer_does_not_mistake_lower_case_words_for_countries() -> None:
    doc = _blank("sg_gazetteer")("Let us chad the turkey in jordan.")
    assert list(doc.spans[COUNTRIES]) == []


def test_taxonomy_matcher_marks_codes_per_vocabulary() -> None:
    doc = _blank("sg_taxonomy")(
        "The driver used a stolen blank ID card and look-alike passports; migrants crossed in rubber dinghies."
    )
    assert [s.label_ for s in doc.spans["sg_fraud_techniques"]] == ["stolen_blank", "impostor"]
    assert {s.label_ for s in doc.spans["sg_document_types"]} == {"id_card", "passport"}
    assert next(s.label_ for s in doc.spans["sg_person_roles"]) == "transporter"
    assert "small_boat_crossing" in {s.label_ for s in doc.spans["sg_modus_operandi"]}


def test_identifiers_normalise_phones_in_every_format() -> None:
    nlp = _blank("sg_gazetteer", "sg_identifiers")
    doc = nlp("Numbers: +359 88 123 4567, 0049 170 1234567, and in Bulgaria his mobile 0888 123 456.")
    phones = [s.kb_id_ for s in doc.spans[IDENTIFIERS] if s.label_ == "phone"]
    assert phones == ["+359881234567", "+491701234567", "+359888123456"]


def test_identifiers_without_a_country_leave_national_numbers_alone() -> None:
    doc = _blank("sg_identifiers")("Call him on phone 0888 123 456.")
    assert [s for s in doc.spans[IDENTIFIERS] if s.label_ == "phone"] == []


def test_identifiers_emails_plates_vessels_and_document_numbers() -> None:
    doc = _blank("sg_identifiers")(
        "Write to Ahmed.K@Gmail.com. A van with registration plate CB 1234 AX and a car registered as PB-5678-KK. "
        'The boat named "Sea Star" left. He held passport no. AB 1234567.'
    )
    found = {(s.label_, s.kb_id_) for s in doc.spans[IDENTIFIERS]}
    assert ("email", "ahmed.k@gmail.com") in found
    assert ("vehicle_plate", "CB1234AX") in found
    assert ("vehicle_plate", "PB5678KK") in found
    assert ("vessel", "Sea Star") in found
    assert ("document_number", "AB1234567") in found


def test_numbers_read_fee_ranges_in_euro_only() -> None:
    nlp = _blank("sg_numbers")
    assert nlp("They charged EUR 5 000 to 6 000 per person.")._.sg_numbers["fee_eur_min"] == 5000
    assert nlp("They charged EUR 5 000 to 6 000 per person.")._.sg_numbers["fee_eur_max"] == 6000
    ranged = nlp("Each migrant paid 5,000-6,000 euros.")._.sg_numbers
    assert (ranged["fee_eur_min"], ranged["fee_eur_max"]) == (5000, 6000)
    assert nlp("Each paid €3,500 for the crossing.")._.sg_numbers["fee_eur_max"] == 3500
    assert nlp("They paid USD 3,000 each.")._.sg_numbers["fee_eur_min"] is None


def test_numbers_count_arrests_and_migrants_in_words_or_digits() -> None:
    nlp = _blank("sg_numbers")
    numbers = nlp("Police rescued 45 migrants. Five suspects were detained.")._.sg_numbers
    assert (numbers["migrants"], numbers["arrests"]) == (45, 5)
    assert nlp("A 34-year-old man was questioned.")._.sg_numbers["migrants"] is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [("District Anti-Mafia Directorate", "authority"), ("Anti-Smuggling Unit", "authority"),
     ("Black Eagle network", "criminal_network"), ("Guardia Civil", "authority")],
)  # fmt: skip
def test_an_authority_against_crime_is_not_a_network(name: str, kind: str) -> None:
    assert kind_of(name, "") == kind
