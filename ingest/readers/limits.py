"""Bounds on what reading one file may cost: unpacked size and members of an archive, and time.

A .docx is a zip archive; a small one can unpack to gigabytes (an archive bomb) or hold a million
members. `check_archive` looks at the zip's directory before anything is unpacked (the sizes it
declares bound what Python's zipfile will inflate) and refuses what is over the limits. The time
limit interrupts a reader that runs too long (in the main thread, where signals are delivered).
The limits of the current read are kept in a context variable so every reader sees them, nested
ones (an e-mail's attachments) included.
"""

from __future__ import annotations

import contextlib
import io
import signal
import threading
import zipfile
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType

from ingest.readers.base import Unreadable


@dataclass(frozen=True)
class ReadLimits:
    """What one file may cost to read; the defaults are the settings' defaults."""

    max_unpacked_bytes: int = 64_000_000
    max_members: int = 1_000
    max_seconds: float = 60.0


class ReadTimedOut(BaseException):  # not an Exception: parsers' `except Exception` must not swallow it
    """Raised inside a reader that ran over the time limit."""


_DEFAULT = ReadLimits()
_current: ContextVar[ReadLimits] = ContextVar("read_limits", default=_DEFAULT)


def current_limits() -> ReadLimits:
    return _current.get()


def megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


def check_archive(data: bytes, kind: str) -> None:
    """Refuse a zip whose members are too many or unpack to too much, before unpacking any of them."""
    limits = current_limits()
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a readable zip: the format's reader says so in its own words
    if len(members) > limits.max_members:
        raise Unreadable(f"{kind} archive has {len(members)} members, over the limit of {limits.max_members}")
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked_bytes:
        raise Unreadable(
            f"{kind} unpacks to {megabytes(unpacked)}, over the {megabytes(limits.max_unpacked_bytes)} limit "
            "(an archive bomb?)"
        )


_REFIRE_SECONDS = 0.05


@contextlib.contextmanager
def bounded(limits: ReadLimits) -> Iterator[None]:
    """Read under `limits`: a reader still running after `max_seconds` gets ReadTimedOut.

    The alarm fires again every 50 ms until the read ends, and a read that ends after its alarm has
    fired is refused too: a signal handler's exception raised inside a callback Python cannot
    propagate from (a garbage-collector hook, a destructor) is otherwise lost. Once the read has
    ended the handler does nothing, so a late alarm cannot interrupt the cleanup.
    """
    token = _current.set(limits)
    timed = threading.current_thread() is threading.main_thread() and limits.max_seconds > 0
    previous = None
    state = {"reading": True, "expired": False}
    if timed:

        def expire(_signum: int, _frame: FrameType | None) -> None:
            if state["reading"]:
                state["expired"] = True
                raise ReadTimedOut

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, limits.max_seconds, _REFIRE_SECONDS)
    try:
        yield
    finally:
        try:
            state["reading"] = False
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
            _current.reset(token)
    if state["expired"]:
        raise ReadTimedOut
