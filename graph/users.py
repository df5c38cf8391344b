"""Users, agencies and API keys: creating, listing, revoking, and checking a bearer token.

A key is shown once, at creation, as `sgk_<key id>.<secret>`; the graph keeps the key id and
the SHA-256 of the secret only. A key of 32 random bytes needs no slow hash: there is nothing
to guess from its hash that is easier than guessing the key.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any, Literal

from neo4j.exceptions import ConstraintError

from graph.db import Graph
from graph.errors import Conflict, InvalidInput, NotFound
from graph.visibility import Viewer

Role = Literal["analyst", "ilo", "admin"]
ROLES: tuple[Role, ...] = ("analyst", "ilo", "admin")
_TOKEN = re.compile(r"^sgk_([0-9a-f]{16})\.([A-Za-z0-9_\-]{20,100})$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@\-]{1,63}$")


@dataclass(frozen=True)
class NewKey:
    user: str
    key_id: str
    token: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _check_name(kind: str, value: str) -> None:
    if not _NAME.match(value):
        raise InvalidInput(f"{kind} {value!r}: use 2-64 letters, digits, '.', '_', '-' or '@'")


def create_agency(graph: Graph, code: str, name: str | None = None) -> None:
    _check_name("agency", code)
    graph.write("access/merge_agency", {"code": code, "name": name})


def create_user(graph: Graph, name: str, agency: str, role: str) -> NewKey:
    """A new user of an (existing or new) agency, with a first API key."""
    _check_name("user", name)
    if role not in ROLES:
        raise InvalidInput(f"role {role!r}: use one of {', '.join(ROLES)}")
    create_agency(graph, agency)
    try:
        graph.write("access/create_user", {"name": name, "agency": agency, "role": role})
    except ConstraintError:
        raise Conflict(f"a user named {name!r} already exists") from None
    return create_key(graph, name)


def create_key(graph: Graph, user: str) -> NewKey:
    key_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
    rows = graph.write("access/create_api_key", {"user": user, "key_id": key_id, "secret_hash": _hash(secret)})
    if not rows:
        raise NotFound(f"no user named {user!r}")
    return NewKey(user=user, key_id=key_id, token=f"sgk_{key_id}.{secret}")


def revoke_key(graph: Graph, key_id: str) -> str:
    """Revoke a key; returns the user it belonged to."""
    rows = graph.write("access/revoke_api_key", {"key_id": key_id})
    if not rows:
        raise NotFound(f"no API key with id {key_id!r}")
    return str(rows[0]["user"])


def list_users(graph: Graph) -> list[dict[str, Any]]:
    return graph.read("access/get_users")


def authenticate(graph: Graph, token: str) -> Viewer | None:
    """The viewer a bearer token stands for, or None for a malformed, unknown or revoked key."""
    match = _TOKEN.match(token)
    if match is None:
        return None
    key_id, secret = match.groups()
    rows = graph.read("access/get_api_key", {"key_id": key_id})
    if not rows or rows[0]["revoked"] or not hmac.compare_digest(rows[0]["secret_hash"], _hash(secret)):
        return None
    row = rows[0]
    return Viewer(user=row["user"], agency=row["agency"], role=row["role"])
