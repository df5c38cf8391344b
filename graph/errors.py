"""The errors smugglegraph raises on purpose: each carries one clear line and the HTTP status it maps to.

The API maps them once in the app factory; the CLI prints the message and exits non-zero.
Neither routes nor commands carry their own try/except boilerplate.
"""

from __future__ import annotations


class SmuggleGraphError(Exception):
    """Base class: `message` is one line naming the thing and the reason."""

    status_code = 500
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(SmuggleGraphError):
    status_code = 404


class Unauthorized(SmuggleGraphError):
    """No credentials, or credentials that are wrong, unknown or revoked."""

    status_code = 401


class Forbidden(SmuggleGraphError):
    """Known caller, but the role does not allow this."""

    status_code = 403


class InvalidInput(SmuggleGraphError):
    status_code = 422
    exit_code = 2


class Conflict(SmuggleGraphError):
    status_code = 409


class Unavailable(SmuggleGraphError):
    """The database (or another service we need) cannot be reached or did not answer in time."""

    status_code = 503


class ReaderError(InvalidInput):
    """A file could not be read as a report; names the file and the reason."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
