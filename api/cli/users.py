"""`smugglegraph users ...`: create users with API keys, list them, revoke keys."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from graph import users
from graph.audit.open import console_operator, record_console
from graph.schema import connect_ready
from graph.settings import get_settings

users_app = typer.Typer(help="Users of the API: their agency, role and API keys.")
console = Console(soft_wrap=True)


@users_app.command("create")
def create(
    name: str = typer.Argument(..., help="user name"),
    agency: str = typer.Option(..., help="the user's agency code, e.g. DE-BPOL"),
    role: str = typer.Option("analyst", help="analyst (read), ilo (read, submit and link incidents) or admin"),
) -> None:
    """Create a user and print their first API key (shown once, stored only as a hash)."""
    settings = get_settings()
    with connect_ready(settings) as graph:
        key = users.create_user(graph, name, agency, role)
    record_console(settings, console_operator(), "users:create", {"name": name, "agency": agency, "role": role,
                   "key_id": key.key_id}, None)  # fmt: skip
    console.print(f"user {name} ({role}, {agency}) created; API key (shown once): {key.token}")


@users_app.command("add-key")
def add_key(name: str = typer.Argument(..., help="user name")) -> None:
    """Give a user another API key."""
    settings = get_settings()
    with connect_ready(settings) as graph:
        key = users.create_key(graph, name)
    record_console(settings, console_operator(), "users:add-key", {"name": name, "key_id": key.key_id}, None)
    console.print(f"new API key for {name} (shown once): {key.token}")


@users_app.command("list")
def list_users() -> None:
    """List users, their agency, role and keys (ids only)."""
    with connect_ready(get_settings()) as graph:
        rows = users.list_users(graph)
    table = Table(title="users")
    for column in ("user", "agency", "role", "keys (id: state)"):
        table.add_column(column)
    for row in rows:
        keys = ", ".join(f"{k['key_id']}: {'revoked' if k['revoked_at'] else 'active'}" for k in row["keys"])
        table.add_row(row["name"], row["agency"], row["role"], keys)
    console.print(table)


@users_app.command("revoke")
def revoke(key_id: str = typer.Argument(..., help="the key id (the 16 hex digits after sgk_)")) -> None:
    """Revoke an API key; requests with it get 401 from then on."""
    settings = get_settings()
    with connect_ready(settings) as graph:
        user = users.revoke_key(graph, key_id)
    record_console(settings, console_operator(), "users:revoke", {"name": user, "key_id": key_id}, None)
    console.print(f"API key {key_id} of {user} revoked")
