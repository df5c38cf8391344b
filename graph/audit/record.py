"""One audit record and the hash that chains it to the one before.

A record's `hash` is SHA-256 (or HMAC-SHA-256 when a key is given) over the canonical JSON of the
record without `hash`: keys sorted, no spaces, UTF-8. Every other field, `prev` included, is covered,
so changing any of them, or the order of the records, breaks the chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

GENESIS = "0" * 64
FIELDS = ("seq", "at", "user", "agency", "role", "action", "params", "results", "status", "prev", "hash")


def canonical_json(value: Any) -> bytes:
    """`value` as canonical JSON: sorted keys, no spaces, UTF-8; NaN and infinities are refused."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def record_hash(body: dict[str, Any], key: bytes | None = None) -> str:
    """The hex digest of a record's fields other than `hash`, keyed with HMAC when `key` is given."""
    payload = canonical_json({name: value for name, value in body.items() if name != "hash"})
    if key:
        return hmac.new(key, payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


@dataclass(frozen=True)
class AuditRecord:
    """Who did what, when, with which parameters and how many results; one line of the audit file."""

    seq: int
    at: str
    user: str
    agency: str | None
    role: str | None
    action: str
    params: dict[str, Any] = field(default_factory=dict)
    results: int | None = None
    status: int | str = "ok"
    prev: str = GENESIS
    hash: str = ""

    @property
    def when(self) -> datetime:
        """`at` as an aware datetime (UTC)."""
        return datetime.fromisoformat(self.at)

    def to_dict(self) -> dict[str, Any]:
        """The record's fields as written to the file."""
        return asdict(self)

    def to_line(self) -> bytes:
        """The record as one line of the audit file, newline included."""
        return canonical_json(self.to_dict()) + b"\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AuditRecord:
        """A record from a parsed line; raises ValueError naming the missing or extra fields."""
        missing = [name for name in FIELDS if name not in data]
        extra = sorted(set(data) - set(FIELDS))
        if missing or extra:
            problems = ([f"missing {', '.join(missing)}"] if missing else []) + (
                [f"unexpected {', '.join(extra)}"] if extra else []
            )
            raise ValueError(f"not an audit record ({'; '.join(problems)})")
        if not isinstance(data["seq"], int) or isinstance(data["seq"], bool) or not isinstance(data["hash"], str):
            raise ValueError("not an audit record (seq must be an integer, hash a string)")
        if not isinstance(data["params"], dict):
            raise ValueError("not an audit record (params must be an object)")
        return cls(**{name: data[name] for name in FIELDS})


def parse_line(raw: bytes) -> tuple[dict[str, Any], AuditRecord]:
    """A line of the audit file as parsed JSON and as a record; ValueError says why it is neither."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise ValueError("is not valid JSON") from None
    if not isinstance(data, dict):
        raise ValueError("is not an audit record (not a JSON object)")
    try:
        return data, AuditRecord.from_dict(data)
    except ValueError as exc:
        raise ValueError(f"is {exc}") from None
