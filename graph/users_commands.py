"""`smugglegraph users ...`: create users with API keys, list them, revoke keys."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from graph import users
from graph.db import connect
from graph.schema import install_schema
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
    with connect(get_settings()) as graph:
        install_schema(graph)
        key = users.create_user(graph, name, agency, role)
    console.print(f"user {name} ({role}, {agency}) created; API key (shown once): {key.token}")


@users_app.command("add-key")
def add_key(name: str = typer.Argument(..., help="user name")) -> None:
    """Give a user another API key."""
    with connect(get_settings()) as graph:
        key = users.create_key(graph, name)
    console.print(f"new API key for {name} (shown once): {key.token}")


@users_app.command("list")
def list_users() -> None:
    """List users, their agency, role and keys (ids only)."""
    with connect(get_settings()) as graph:
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
    with connect(get_settings()) as graph:
        user = users.revoke_key(graph, key_id)
    console.print(f"API key {key_id} of {user} revoked")
