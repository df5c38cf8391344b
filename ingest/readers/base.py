"""What a format reader hands back to the dispatcher, and the one error readers raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class Unreadable(Exception):
    """Raised by a format reader for content it cannot read; the dispatcher adds the file name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unsupported(Unreadable):
    """Raised for content of a kind no reader handles (an image, a spreadsheet, ...)."""


def describe(exc: BaseException) -> str:
    """A parser's complaint, short enough for a one-line error message."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass
class Extracted:
    """Raw (not yet normalised) text of one file plus what the format says about it."""

    text: str
    media_type: str
    title: str | None = None
    date: date | None = None
    metadata: dict[str, object] = field(default_factory=dict)
