"""What a search query can be as an identifier: the uids it would have in the graph, with the reason."""

from __future__ import annotations

from graph import keys
from graph.identifiers import compact, phone_forms
from graph.taxonomy import codes

MIN_NUMBER = 4  # a compact plate or number shorter than this is too vague to look up


def identifier_uids(query: str) -> dict[str, str]:
    """uid -> why it matched, for each identifier node the typed text could name."""
    text = query.strip()
    found: dict[str, str] = {}
    if "@" in text:
        found[keys.identifier_uid("email", text.lower())] = f"e-mail {text.lower()}"
    for e164, region in phone_forms(text).items():
        read_as = f" (read as a number of {region})" if region else ""
        found[keys.identifier_uid("phone", e164)] = f"phone {e164}{read_as}"
    number = compact(text)
    if len(number) >= MIN_NUMBER and number.isalnum():
        found[keys.identifier_uid("vehicle_plate", number)] = f"plate {number}"
        found[keys.identifier_uid("account", number)] = f"account {number}"
        for doc_type in codes("document_types"):
            found[keys.document_uid(doc_type, number, "", 0)] = f"{doc_type.replace('_', ' ')} number {number}"
    return found
