"""JSON incident records (.json): validated, then rendered as plain English for the text extractor."""

from __future__ import annotations

import json

from pydantic import ValidationError

from ingest.readers.base import Extracted, Unreadable
from ingest.readers.encoding import decode_bytes
from ingest.readers.incident_model import IncidentRecord, Person, Place, RouteStop, TravelDocument

MEDIA_TYPE = "application/json"


def _words(code: str) -> str:
    return code.replace("_", " ")


def _place(place: Place | RouteStop) -> str:
    name = place.name if isinstance(place, Place) else place.place
    if name and place.country:
        return f"{name} ({place.country})"
    return name or place.country or ""


def _person(person: Person) -> str:
    parts = [person.name]
    if person.aliases:
        parts.append("alias " + ", ".join(person.aliases))
    if person.nationality:
        parts.append(f"nationality {person.nationality}")
    if person.birth_date:
        parts.append(f"born {person.birth_date.isoformat()}")
    if person.roles:
        parts.append("role " + ", ".join(_words(role) for role in person.roles))
    if person.phones:
        parts.append("phone " + ", ".join(person.phones))
    if person.emails:
        parts.append("e-mail " + ", ".join(person.emails))
    return "Person: " + "; ".join(parts) + "."


def _document(document: TravelDocument) -> str:
    parts = [_words(document.type)]
    if document.issuing_country:
        parts.append(f"issued by {document.issuing_country}")
    if document.number:
        parts.append(f"number {document.number}")
    if document.status:
        parts.append(f"status {document.status}")
    if document.fraud_technique:
        parts.append(f"fraud technique {_words(document.fraud_technique)}")
    return "Document: " + ", ".join(parts) + "."


def _migrants(record: IncidentRecord) -> list[str]:
    migrants = record.migrants
    if migrants is None or (migrants.count is None and not migrants.nationalities):
        return []
    count = "Migrants" if migrants.count is None else f"{migrants.count} migrant{'s' * (migrants.count != 1)}"
    nationalities = f" ({', '.join(migrants.nationalities)})" if migrants.nationalities else ""
    return [f"{count}{nationalities}."]


def _listing(label: str, values: list[str], separator: str = ", ") -> list[str]:
    return [f"{label}: {separator.join(values)}."] if values else []


def render_incident(record: IncidentRecord) -> str:
    """The record as short English lines, one fact per line, followed by the free-text narrative."""
    lines = [
        record.title,
        "",
        f"Incident on {record.date.isoformat()} at {_place(record.place)}: {_words(record.incident_kind)}.",
    ]
    if record.reporting_agency:
        lines.append(f"Reported by {record.reporting_agency}.")
    lines += _migrants(record)
    lines += [_person(person) for person in record.persons]
    lines += [
        f"Organisation: {org.name}" + (f" ({_words(org.kind)})." if org.kind else ".") for org in record.organisations
    ]
    lines += [_document(document) for document in record.documents]
    lines += _listing("Vehicles", record.vehicles)
    lines += _listing("Vessels", record.vessels)
    lines += _listing("Route", [_place(stop) for stop in record.route], " -> ")
    if record.named_route:
        lines.append(f"Named route: {_words(record.named_route)}.")
    lines += _listing("Transport", [_words(mode) for mode in record.transport_modes])
    lines += _listing("Modus operandi", [_words(code) for code in record.modus_operandi])
    if record.narrative and record.narrative.strip():
        lines += ["", record.narrative]
    return "\n".join(lines)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(".")
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"invalid incident record: {where or 'record'}: {message}"


def parse_incident(text: str) -> IncidentRecord:
    """Parse and validate one incident record from JSON text; Unreadable names the first problem."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if isinstance(value, list):
        raise Unreadable(f"one incident per file: found a list of {len(value)} records")
    if not isinstance(value, dict):
        raise Unreadable(f"an incident record must be a JSON object, not {type(value).__name__}")
    try:
        return IncidentRecord.model_validate(value)
    except ValidationError as exc:
        raise Unreadable(_first_error(exc)) from exc


def read_incident(data: bytes) -> Extracted:
    """Read a JSON incident record: rendered text, title and date from the record, and the validated
    record (JSON-ready dict) in metadata["incident"]."""
    record = parse_incident(decode_bytes(data))
    return Extracted(
        text=render_incident(record),
        media_type=MEDIA_TYPE,
        title=record.title,
        date=record.date,
        metadata={"incident": record.model_dump(mode="json")},
    )
