"""The audit log of the settings: their trail file and their key, generated on first use.

Keyed by default: `SMUGGLEGRAPH_AUDIT_KEY` when set (e.g. from a secrets manager), else the key in
`SMUGGLEGRAPH_AUDIT_KEY_FILE` (default `~/.config/smugglegraph/audit.key`), which the first write
generates with mode 0600, away from the trail, so that whoever can edit the trail cannot rebuild
its hashes. Checking a trail never generates a key: without the key it was written with it cannot
be checked.
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from graph.audit.log import AuditLog
from graph.errors import NotFound
from graph.secrets_file import ensure_secret, read_secret
from graph.settings import Settings
from graph.visibility import LOCAL_OPERATOR, Viewer


def audit_key(settings: Settings, create: bool = True) -> bytes:
    """The HMAC key of the trail: configured, or stored in the key file (made when `create`)."""
    if settings.audit_key:
        return settings.audit_key.get_secret_value().encode()
    path = settings.audit_key_file
    secret = ensure_secret(path) if create else read_secret(path)
    if secret is None:
        raise NotFound(f"no audit key at {path} (SMUGGLEGRAPH_AUDIT_KEY_FILE); a trail is checked with its own key")
    return secret.encode()


def open_audit_log(settings: Settings, path: Path | None = None, create_key: bool = True) -> AuditLog:
    """The settings' audit log (or the one at `path`), keyed."""
    return AuditLog(path or settings.audit_file, key=audit_key(settings, create_key), head_required=True)


def console_operator() -> Viewer:
    """The local operator at the console, named by the OS user (`console:<user>`)."""
    return replace(LOCAL_OPERATOR, user=f"console:{getpass.getuser()}")


def console_viewer(agency: str | None, role: str = "analyst") -> Viewer:
    """Who a console command acts as: the local operator, or with `agency` a user of that agency with
    `role`; named by the OS user either way."""
    operator = console_operator()
    return Viewer(user=operator.user, agency=agency, role=role) if agency else operator


def record_console(settings: Settings, viewer: Viewer, action: str, params: dict[str, Any], results: int | None,
                   status: int | str = "ok") -> None:  # fmt: skip
    """The audit record of a command run at the console (the local operator, named by the OS user)."""
    open_audit_log(settings).append(viewer.user, viewer.agency, viewer.role, action, params, results, status)


@contextlib.contextmanager
def console_audit(settings: Settings, action: str, params: dict[str, Any], results: Callable[[], int | None]
                  ) -> Iterator[None]:  # fmt: skip
    """Record a console command when it ends: "ok", or "error" when it stopped on an error."""
    status = "error"
    try:
        yield
        status = "ok"
    finally:
        record_console(settings, console_operator(), action, params, results(), status)
