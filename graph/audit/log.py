"""The append-only audit file: one JSON line per record, appended under an exclusive lock.

Writers open the file with O_APPEND and never seek, truncate or rewrite it. Each append takes an
exclusive `flock` on the file, reads the last record (for `seq` and `prev`), writes the new line in
one call and fsyncs before releasing the lock, so threads and processes sharing the file keep one
valid chain. Readers take a shared lock only long enough to note the file's size and then read up
to that size, so a long `verify` never holds up the API.

If the last line cannot be read (a crash cut a write short, or someone edited it), `append` refuses
with `AuditTrailBroken` (HTTP 503) rather than start a new chain: a request that cannot be audited
is not served. The operator runs `smugglegraph audit verify` and repairs the file.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from graph.audit.head import Head, read_head, write_head
from graph.audit.record import GENESIS, AuditRecord, canonical_json, parse_line, record_hash
from graph.audit.verify import VerifyResult, verify_lines
from graph.errors import NotFound, Unavailable

_TAIL_CHUNK = 8192


class AuditTrailBroken(Unavailable):
    """The audit file cannot be read or extended; requests that must be audited are refused."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """An append-only, hash-chained audit file with its head next to it (graph.audit.head).

    `key` makes the chain an HMAC chain; `head_required` makes a missing head file a failure of
    `verify` (the settings' log, graph.audit.open, always has both)."""

    def __init__(
        self, path: Path | str, key: bytes | str | None = None, clock: Callable[[], datetime] = _utc_now,
        head_required: bool = False,
    ) -> None:  # fmt: skip
        self.path = Path(path)
        self._key = key.encode() if isinstance(key, str) else key
        self._clock = clock
        self._head_required = head_required

    def append(
        self,
        user: str,
        agency: str | None,
        role: str | None,
        action: str,
        params: Mapping[str, Any] | None = None,
        results: int | None = None,
        status: int | str = "ok",
    ) -> AuditRecord:
        """Add one record at the end of the chain and return it once it is on disk."""
        params = dict(params or {})
        canonical_json(params)  # a value that cannot be written fails here, before the lock is taken
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            last = self._last_record(fd)
            body: dict[str, Any] = {
                "seq": last.seq + 1 if last else 1,
                "at": self._clock().astimezone(UTC).isoformat(timespec="microseconds"),
                "user": user,
                "agency": agency,
                "role": role,
                "action": action,
                "params": params,
                "results": results,
                "status": status,
                "prev": last.hash if last else GENESIS,
            }
            record = AuditRecord(**body, hash=record_hash(body, self._key))
            _write_all(fd, record.to_line())
            os.fsync(fd)
            write_head(self.path, Head(record.seq, record.hash), self._key)
        finally:
            os.close(fd)  # closing releases the lock
        if record.seq == 1:
            _fsync_directory(self.path.parent)
        return record

    def verify(self, anchor: str | None = None) -> VerifyResult:
        """Check the whole chain against its head; with `anchor`, also require a record with that hash."""
        try:
            head = read_head(self.path, self._key)
        except ValueError as exc:
            return VerifyResult(False, 0, reason=f"the head file of {self.path} {exc}")
        if head is not None and head.records and not self.path.exists():
            return VerifyResult(False, 0, reason=f"{self.path} is gone but its head file says {head.records} records")
        return verify_lines(self._lines(), self._key, anchor, head, self._head_required)

    def read(
        self,
        user: str | None = None,
        since: date | datetime | None = None,
        action: str | None = None,
        limit: int | None = None,
    ) -> list[AuditRecord]:
        """Records in chain order, filtered; with `limit`, the last `limit` that match. Does not verify."""
        start = _as_utc(since) if since is not None else None
        found: list[AuditRecord] = []
        for number, raw in enumerate(self._lines(), start=1):
            try:
                _, record = parse_line(raw)
            except ValueError as exc:
                raise AuditTrailBroken(f"line {number} of {self.path} {exc}; run `smugglegraph audit verify`") from None
            if user is not None and record.user != user:
                continue
            if action is not None and record.action != action:
                continue
            if start is not None and record.when < start:
                continue
            found.append(record)
        return found[-limit:] if limit else found

    def _lines(self) -> Iterator[bytes]:
        """The file's lines as they were when the call began; appends made meanwhile are not read."""
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            raise NotFound(f"no audit file at {self.path}") from None
        with handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH)
            remaining = os.fstat(handle.fileno()).st_size
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            for line in handle:
                if remaining <= 0:
                    return
                yield line[:remaining]
                remaining -= len(line)

    def _last_record(self, fd: int) -> AuditRecord | None:
        """The record on the file's last line (None for an empty file), read under the caller's lock."""
        size = os.fstat(fd).st_size
        if size == 0:
            return None
        tail, start = b"", size
        while start > 0 and b"\n" not in tail[:-1]:
            step = min(_TAIL_CHUNK, start)
            start -= step
            tail = os.pread(fd, step, start) + tail
        if not tail.endswith(b"\n"):
            raise AuditTrailBroken(f"{self.path} ends with an incomplete record; run `smugglegraph audit verify`")
        try:
            _, record = parse_line(tail[:-1].rsplit(b"\n", 1)[-1])
        except ValueError as exc:
            raise AuditTrailBroken(f"the last line of {self.path} {exc}; run `smugglegraph audit verify`") from None
        return record


def _as_utc(moment: date | datetime) -> datetime:
    """A date as midnight UTC; a naive datetime as UTC."""
    if not isinstance(moment, datetime):
        return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_directory(directory: Path) -> None:
    """Make a newly created file's directory entry durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
