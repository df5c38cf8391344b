"""Recording each request that reads or writes intelligence in the audit trail, from one place.

An endpoint calls `audited(request, action, params)` before it works; `record_success` and the
app's error handler then append one record with the outcome (the number of results, or the
status of the refusal). Refusals before that (401, 403, 422) are recorded too, as
`refused:<method> <route>` with who (when known) and the status, but never the key, the body or
the parameters. A request whose record cannot be written fails (503): nothing is served
unaudited.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import BaseModel

from graph.audit import AuditLog
from graph.audit.open import open_audit_log, record_console
from graph.visibility import Viewer

REFUSALS = (401, 403, 422)  # recorded without the credentials, the body or the parameters
ANONYMOUS = "anonymous"
__all__ = ["audited", "count_results", "open_audit_log", "record", "record_console", "record_success"]


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
    """Append the audit record of a marked request; a refusal (401, 403, 422) is recorded even unmarked."""
    marked = getattr(request.state, "audit", None)
    viewer: Viewer | None = getattr(request.state, "viewer", None)
    log: AuditLog = request.app.state.audit
    if marked is not None and viewer is not None:
        action, params = marked
        log.append(viewer.user, viewer.agency, viewer.role, action, params, results, status)
        request.state.audit = None
    elif status in REFUSALS:
        user, agency, role = (viewer.user, viewer.agency, viewer.role) if viewer else (ANONYMOUS, None, None)
        log.append(user, agency, role, f"refused:{request.method} {_route(request)}", {}, None, status)


def _route(request: Request) -> str:
    """The path template of the route (e.g. /investigations/search), never the values in the URL."""
    route = request.scope.get("route")
    return str(getattr(route, "path", None) or "(no route)")


def record_success(request: Request, result: BaseModel) -> None:
    record(request, 200, count_results(result))
