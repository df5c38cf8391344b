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
