"""The chain's head, kept in a second file next to the trail: how many records, and the last one's hash.

A valid chain cut short at its end is still a valid chain, so the trail alone cannot show that
records were removed from its end, or that it was emptied. Every append therefore also rewrites
`<trail>.head` (atomically, under the trail's lock) with the count and last hash, sealed with the
audit key, so `verify` catches a trail shorter than its head without an `--anchor`. Someone who
holds the key, or who kept an old head file and puts it back with the matching prefix, can still
cut the end: ship heads to storage the service cannot write to where that matters.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Head:
    """What the trail held after its last append."""

    records: int
    hash: str


def head_path(trail: Path) -> Path:
    return trail.with_name(trail.name + ".head")


def _seal(records: int, last_hash: str, key: bytes | None) -> str:
    payload = f"smugglegraph-audit-head:{records}:{last_hash}".encode()
    if key:
        return hmac.new(key, payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


def write_head(trail: Path, head: Head, key: bytes | None) -> None:
    """Replace the head file in one step (a crash leaves the old head or the new one)."""
    body = {"records": head.records, "hash": head.hash, "seal": _seal(head.records, head.hash, key)}
    staging = trail.with_name(f".{trail.name}.head.tmp")
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, json.dumps(body, sort_keys=True).encode() + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(staging, head_path(trail))


def read_head(trail: Path, key: bytes | None) -> Head | None:
    """The head next to `trail` (None when there is none); ValueError when it is damaged or forged."""
    try:
        data = json.loads(head_path(trail).read_bytes())
    except FileNotFoundError:
        return None
    except ValueError:
        raise ValueError("is not valid JSON") from None
    try:
        head = Head(int(data["records"]), str(data["hash"]))
        sealed = hmac.compare_digest(str(data["seal"]), _seal(head.records, head.hash, key))
    except (KeyError, TypeError, ValueError):
        raise ValueError("is not a head record") from None
    if not sealed:
        raise ValueError("was altered (its seal does not match)")
    return head
