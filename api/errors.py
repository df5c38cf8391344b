"""Error responses, mapped once: the project's errors and FastAPI's validation errors.

Every refusal is recorded in the audit trail (api.audit.record). A validation error names the
field and what is wrong, with at most a short excerpt of the value it got, so a 24 MB text sent to
a field that takes 20 kB does not come back as a 24 MB answer.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.audit import record
from graph.errors import SmuggleGraphError

EXCERPT = 60  # characters of an invalid value echoed back
MAX_ERRORS = 20
MAX_MESSAGE = 1000  # characters of one error message (a list of valid values fits)


def excerpt(value: Any) -> Any:
    """A short, JSON-safe stand-in for an invalid input value."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if len(value) <= EXCERPT else f"{value[:EXCERPT]}... ({len(value)} characters)"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, dict):
        return f"an object with {len(value)} key(s)"
    return type(value).__name__


def validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    """FastAPI's list of errors with every `input` cut to an excerpt and no `ctx` or `url`."""
    details = []
    for error in exc.errors()[:MAX_ERRORS]:
        item = {
            "type": error.get("type"),
            "loc": list(error.get("loc", ())),
            "msg": str(error.get("msg", ""))[:MAX_MESSAGE],
        }
        if "input" in error:
            item["input"] = excerpt(error["input"])
        details.append(item)
    return details


def _respond(request: Request, status: int, content: dict[str, Any]) -> JSONResponse:
    if status != 503:  # with the database (or the trail) gone, there is nothing to record
        try:
            record(request, status, None)
        except SmuggleGraphError as exc:  # the trail cannot be written: refuse as for any request
            return JSONResponse(status_code=exc.status_code, content={"detail": exc.message})
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(status_code=status, content=content, headers=headers)


def map_errors(app: FastAPI) -> None:
    """Install the handlers on the app."""

    @app.exception_handler(SmuggleGraphError)
    async def project_error(request: Request, exc: SmuggleGraphError) -> JSONResponse:
        return _respond(request, exc.status_code, {"detail": exc.message})

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _respond(request, 422, {"detail": validation_details(exc)})
