"""Walk the chain of an audit file, compare it with its head, and name the first record that is wrong.

What is detected, and said: a changed field (the record was edited: its hash no longer matches), a
removed record (sequence numbers jump and the missing ones appear nowhere), records swapped or
moved (the missing number appears later, or a number comes again), a replaced record (`prev` no
longer names the record before), a line that is not a record, and, with the head file (see
graph.audit.head), records cut from the end or a trail emptied. `anchor` (a hash noted earlier)
still works as an extra check.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph.audit.head import Head
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


def verify_lines(
    lines: Iterable[bytes],
    key: bytes | None = None,
    anchor: str | None = None,
    head: Head | None = None,
    head_required: bool = False,
) -> VerifyResult:
    """Check every line of an audit file in order; stop at the first one that breaks the chain.

    With `head`, the trail must reach the head's count with the head's hash at that record; with
    `head_required` and no head, a non-empty trail fails (the head file was deleted).
    """
    parsed: list[tuple[dict[str, Any], AuditRecord] | str] = []
    for raw in lines:
        try:
            parsed.append(parse_line(raw))
        except ValueError as exc:
            parsed.append(str(exc))
    last_line = {item[1].seq: number for number, item in enumerate(parsed, start=1) if not isinstance(item, str)}
    prev_seq, prev_hash, anchor_seen = 0, GENESIS, anchor is None
    for number, item in enumerate(parsed, start=1):
        if isinstance(item, str):
            return VerifyResult(False, prev_seq, prev_hash, f"line {number} {item}", number)
        data, record = item
        reason = _break_in_chain(data, record, prev_seq, prev_hash, key, last_line.get(prev_seq + 1, 0) > number)
        if reason:
            return VerifyResult(False, prev_seq, prev_hash, f"record {record.seq} (line {number}) {reason}", number,
                                record.seq)  # fmt: skip
        if head is not None and record.seq == head.records and record.hash != head.hash:
            reason = f"record {record.seq} (line {number}) is not the record the head file names (it was replaced)"
            return VerifyResult(False, prev_seq, prev_hash, reason, number, record.seq)
        prev_seq, prev_hash = record.seq, record.hash
        anchor_seen = anchor_seen or record.hash == anchor
    if head is not None and head.records > prev_seq:
        cut = head.records - prev_seq
        reason = (f"the trail is empty but its head file says {head.records} records (it was emptied)" if not prev_seq
                  else f"the trail ends at record {prev_seq} but its head file says {head.records}: "
                  f"{cut} record{'s' if cut > 1 else ''} cut from the end (truncated)")  # fmt: skip
        return VerifyResult(False, prev_seq, prev_hash, reason, None, prev_seq + 1)
    if head is None and head_required and prev_seq:
        reason = "the head file is missing, so records cut from the end could not be detected (was it deleted?)"
        return VerifyResult(False, prev_seq, prev_hash, reason)
    if not anchor_seen:
        reason = f"no record has hash {anchor}; the trail was truncated or rewritten after it"
        return VerifyResult(False, prev_seq, prev_hash, reason)
    return VerifyResult(True, prev_seq, prev_hash)


def _break_in_chain(
    data: dict[str, Any], record: AuditRecord, prev_seq: int, prev_hash: str, key: bytes | None, next_is_later: bool
) -> str | None:
    """Why `record` cannot follow the record (`prev_seq`, `prev_hash`), or None when it can.

    `next_is_later`: the record that should come next (`prev_seq` + 1) is further down the file."""
    seq = record.seq
    after = f"record {prev_seq}" if prev_seq else "the start of the trail"
    if record_hash(data, key) != record.hash:
        return "was edited (its hash does not match its content)"
    if seq > prev_seq + 1:
        if next_is_later:
            return f"is out of order: record {prev_seq + 1} comes after it (records were swapped or moved)"
        gap = seq - prev_seq - 1
        removed = "a record was removed" if gap == 1 else f"{gap} records were removed"
        return f"does not follow {after} ({removed})"
    if seq <= prev_seq:
        return f"comes after record {prev_seq} (records were swapped, moved or repeated)"
    if record.prev != prev_hash:
        return f"does not chain to {after} (a record was replaced)"
    return None
