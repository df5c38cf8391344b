"""The graph's vocabulary, declared once: labels, relationship types and identifier kinds.

The loader, the parameter models and the schema derive from these; a test checks that every type
the loader writes is declared here.
"""

from __future__ import annotations

from typing import Literal, get_args

FactType = Literal[
    "MEMBER_OF", "HAS_NATIONALITY", "INVOLVED_IN", "HAS_PHONE", "HAS_EMAIL", "USES_VEHICLE", "USES_VESSEL",
    "HAS_ACCOUNT", "USED_DOCUMENT", "SUPPLIED_DOCUMENT", "SHOWS_TECHNIQUE", "ISSUED_BY", "OCCURRED_AT",
    "OCCURRED_IN", "ALONG", "INVOLVED_DOCUMENT", "USED_METHOD", "USES_METHOD", "MIGRANT_NATIONALITY",
    "SUSPECT_NATIONALITY", "OPERATES", "IN_COUNTRY", "BASED_IN", "SAME_AS",
]  # fmt: skip
"""Relationship types that reports assert; each carries its statements (report, scope, date, what it says).
`SAME_AS` is an agency reviewer's judgement that two entities are one, asserted by a judgement report
(ingest/resolve/judgement.py)."""

FACT_TYPES: frozenset[str] = frozenset(get_args(FactType))
STRUCTURE_TYPES = frozenset({"MENTIONS", "STOP", "POSSIBLY_SAME_AS"})
"""Relationship types that are not facts: provenance, a route's ordered stops, review proposals."""

EntityLabel = Literal["Person", "Organisation", "Place", "Route", "Incident", "Document",
                      "Phone", "Email", "Vehicle", "Vessel", "Account"]  # fmt: skip
ENTITY_LABELS: tuple[str, ...] = get_args(EntityLabel)
"""Labels whose nodes come from reports and carry provenance."""

REFERENCE_LABELS = ("Reference", "Country", "FraudTechnique", "ModusOperandi")
"""Labels seeded from the taxonomy and ISO 3166; shared by every report, never deleted by one."""

IDENTIFIER_LABELS: dict[str, str] = {"phone": "Phone", "email": "Email", "vehicle_plate": "Vehicle",
                                     "vessel": "Vessel", "account": "Account"}  # fmt: skip
"""Identifier kinds of the extraction contract and the label of their nodes."""

OWNER_RELATIONSHIPS: dict[str, FactType] = {"Phone": "HAS_PHONE", "Email": "HAS_EMAIL", "Vehicle": "USES_VEHICLE",
                                            "Vessel": "USES_VESSEL", "Account": "HAS_ACCOUNT"}  # fmt: skip
"""How an actor holds an identifier of each label."""
