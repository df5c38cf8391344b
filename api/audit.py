"""Recording each request that reads or writes intelligence in the audit trail, from one place.

An endpoint calls `audited(request, action, params)` before it works; `record_success` and the
app's error handler then append one record with the outcome (the number of results, or the
status of the refusal). A request whose record cannot be written fails (503): nothing is served
unaudited.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import BaseModel

from graph.audit import AuditLog
from graph.settings import Settings
from graph.visibility import Viewer


def open_audit_log(settings: Settings) -> AuditLog:
    key = settings.audit_key.get_secret_value() if settings.audit_key else None
    return AuditLog(settings.audit_file, key=key)


def record_console(settings: Settings, viewer: Viewer, action: str, params: dict[str, Any], results: int) -> None:
    """The audit record of a command run at the console (the local operator, named by the OS user)."""
    open_audit_log(settings).append(viewer.user, viewer.agency, viewer.role, action, params, results, "ok")


def audited(request: Request, action: str, params: dict[str, Any]) -> None:
    """Mark the request as one to audit, with what it asks."""
    request.state.audit = (action, params)


def count_results(result: BaseModel) -> int:
    """How many things an answer holds: the length of its main list (or 1 for a single record)."""
    for value in result.__dict__.values():
        if isinstance(value, list):
            return len(value)
    return 1


def record(request: Request, status: int, results: int | None) -> None:
    """Append the audit record of a marked request (nothing for requests that were not marked)."""
    marked = getattr(request.state, "audit", None)
    viewer: Viewer | None = getattr(request.state, "viewer", None)
    if marked is None or viewer is None:
        return
    action, params = marked
    log: AuditLog = request.app.state.audit
    log.append(viewer.user, viewer.agency, viewer.role, action, params, results, status)
    request.state.audit = None


def record_success(request: Request, result: BaseModel) -> None:
    record(request, 200, count_results(result))
