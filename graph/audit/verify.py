"""Walk the chain of an audit file and name the first record that breaks it.

What the chain detects: a changed field (the record's hash no longer matches), a removed or
reordered record (sequence numbers jump, or `prev` no longer names the record before), a line that
is not a record. What it cannot detect on its own: records cut from the END of the file, because
what is left is still a valid chain. `VerifyResult` therefore reports the number of records and the
hash of the last one; an operator who notes them (or passes an earlier hash as `anchor`) sees a
truncation as a smaller count or a missing anchor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph.audit.record import GENESIS, AuditRecord, parse_line, record_hash


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of checking a chain. `records` counts the sound records before the first bad one."""

    ok: bool
    records: int
    head: str = GENESIS
    reason: str | None = None
    line: int | None = None
    first_bad_seq: int | None = None

    def describe(self) -> str:
        """One line for an operator: the count and last hash when intact, otherwise the reason."""
        if self.ok:
            return f"audit trail intact: {self.records} records; last hash {self.head}"
        return self.reason or "audit trail broken"


def verify_lines(lines: Iterable[bytes], key: bytes | None = None, anchor: str | None = None) -> VerifyResult:
    """Check every line of an audit file in order; stop at the first one that breaks the chain."""
    prev_seq, prev_hash, anchor_seen = 0, GENESIS, anchor is None
    for number, raw in enumerate(lines, start=1):
        try:
            data, record = parse_line(raw)
        except ValueError as exc:
            return VerifyResult(False, prev_seq, prev_hash, f"line {number} {exc}", number)
        reason = _break_in_chain(data, record, prev_seq, prev_hash, key)
        if reason:
            return VerifyResult(False, prev_seq, prev_hash, reason, number, record.seq)
        prev_seq, prev_hash = record.seq, record.hash
        anchor_seen = anchor_seen or record.hash == anchor
    if not anchor_seen:
        reason = f"no record has hash {anchor}; the trail was truncated or rewritten after it"
        return VerifyResult(False, prev_seq, prev_hash, reason)
    return VerifyResult(True, prev_seq, prev_hash)


def _break_in_chain(
    data: dict[str, Any], record: AuditRecord, prev_seq: int, prev_hash: str, key: bytes | None
) -> str | None:
    """Why `record` cannot follow the record (`prev_seq`, `prev_hash`), or None when it can."""
    seq = record.seq
    after = f"record {prev_seq}" if prev_seq else "the start of the trail"
    if record_hash(data, key) != record.hash:
        return f"record {seq} was altered (hash mismatch)"
    if seq > prev_seq + 1:
        gap = seq - prev_seq - 1
        removed = "a record was removed" if gap == 1 else f"{gap} records were removed"
        return f"record {seq} does not follow {after} ({removed})"
    if seq <= prev_seq:
        return f"record {seq} does not follow {after} (a record was repeated or moved)"
    if record.prev != prev_hash:
        return f"record {seq} does not chain to {after} (a record was replaced)"
    return None
