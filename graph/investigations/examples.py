"""Example parameter values for the API docs, taken from the demo reports so that each one works.

tests/api/test_docs_examples.py ingests the demo corpus and calls every endpoint with these.
"""

from __future__ import annotations

from graph import keys

PERSON_NAME = "Abu Khalid"
PERSON = keys.person_uid(PERSON_NAME)
OTHER_PERSON = keys.person_uid("Hasan Baba")
ORGANISATION = keys.organisation_uid("Guardia Civil")
COUNTRY = "GR"
PHONE = keys.identifier_uid("phone", "+905321234567")  # Abu Khalid's and Hasan Baba's
# the content id of docs/demo-reports/ilo_followup_istanbul_phone_2026_04.txt (the ILO follow-up on that phone)
REPORT = "e71f6428687024061be33af2"
