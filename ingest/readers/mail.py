"""E-mail (.eml): subject, date, the text body, and readable attachments as extra sections."""

from __future__ import annotations

import logging
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from ingest.readers.base import Extracted, Unreadable
from ingest.readers.dates import as_date
from ingest.readers.encoding import decode_bytes
from ingest.readers.html import html_to_text

MEDIA_TYPE = "message/rfc822"
log = logging.getLogger(__name__)

ReadAttachment = Callable[[bytes, str], Extracted | None]
"""Reads one attachment given its bytes and file name; None when its kind is not supported."""


def attachment_heading(name: str) -> str:
    """The line that introduces an attachment's text inside the e-mail's text."""
    return f"--- attachment: {name} ---"


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):
        # An unknown or wrong charset label: decode the raw bytes ourselves.
        payload = part.get_payload(decode=True)
        content = decode_bytes(payload) if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if not isinstance(part, EmailMessage):
        return ""
    text = _part_text(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)[0]
    return text


def _attachment_bytes(part: EmailMessage) -> tuple[str, bytes] | None:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        forwarded = part.get_filename() or "forwarded message.eml"
        return (forwarded, inner.as_bytes(policy=policy.default)) if isinstance(inner, EmailMessage) else None
    payload = part.get_payload(decode=True)
    name = part.get_filename()
    return (name, payload) if name and isinstance(payload, bytes) else None


def _attachments(
    message: EmailMessage, read_attachment: ReadAttachment
) -> tuple[list[tuple[str, str]], list[dict[str, str]]]:
    """(name, text) of each readable attachment, and the name and reason of each one skipped."""
    sections: list[tuple[str, str]] = []
    skipped: list[dict[str, str]] = []
    for part in message.iter_attachments():
        if not isinstance(part, EmailMessage) or (found := _attachment_bytes(part)) is None:
            continue
        name, payload = " ".join(found[0].split()), found[1]
        try:
            extracted = read_attachment(payload, name)
        except Unreadable as exc:
            skipped.append({"name": name, "reason": exc.reason})
            continue
        if extracted is None:
            skipped.append({"name": name, "reason": "unsupported file type"})
        elif extracted.text.strip():
            sections.append((name, extracted.text))
    return sections, skipped


def read_email(data: bytes, read_attachment: ReadAttachment) -> Extracted:
    """Read an e-mail: Subject as title, Date as date, the text body (or the HTML body as text) and,
    after it, each attachment of a supported kind introduced by "--- attachment: NAME ---".
    Attachments that cannot be read are listed in metadata["skipped_attachments"]."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):
        raise Unreadable("not an e-mail message")
    body = _body(message)
    sections, skipped = _attachments(message, read_attachment)
    if not body.strip() and not sections:
        raise Unreadable("e-mail has no readable body (no text part, HTML part or readable attachment)")
    subject = message.get("subject")
    date_header = message.get("date")
    return Extracted(
        text="\n\n".join([body, *(f"{attachment_heading(name)}\n{text}" for name, text in sections)]),
        media_type=MEDIA_TYPE,
        title=str(subject) if subject else None,
        date=as_date(getattr(date_header, "datetime", None)),
        metadata={
            "attachments": [name for name, _ in sections],
            "skipped_attachments": skipped,
        },
    )
