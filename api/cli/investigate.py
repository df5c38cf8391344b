"""`smugglegraph investigate NAME --param k=v`: any investigation from the terminal, as a table or JSON."""

from __future__ import annotations

import typing
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from api.audit import count_results, record_console
from graph.audit.open import console_viewer
from graph.errors import InvalidInput
from graph.investigations import INVESTIGATIONS, Investigation, parse_params, run_investigation
from graph.schema import connect_ready
from graph.settings import get_settings

console = Console(soft_wrap=True)


class Output(StrEnum):
    table = "table"
    json = "json"


def _raw_params(name: str, pairs: list[str]) -> dict[str, Any]:
    investigation = INVESTIGATIONS.get(name)
    if investigation is None:
        raise InvalidInput(f"no investigation named {name!r} (known: {', '.join(sorted(INVESTIGATIONS))})")
    fields = investigation.params.model_fields
    raw: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in fields:
            raise InvalidInput(f"--param {pair!r}: expected NAME=VALUE with NAME one of {', '.join(fields)}")
        if typing.get_origin(fields[key].annotation) is list:
            raw.setdefault(key, []).extend(v for v in value.split(",") if v)
        else:
            raw[key] = value
    return raw


def _names(value: Any, found: dict[str, str]) -> dict[str, str]:
    """uid -> name of every node anywhere in an answer, to show ties by their ends' names."""
    if isinstance(value, dict):
        if value.get("uid") and value.get("name"):
            found[str(value["uid"])] = str(value["name"])
        for item in value.values():
            _names(item, found)
    elif isinstance(value, list):
        for item in value:
            _names(item, found)
    return found


def _cell(value: Any, names: dict[str, str]) -> str:
    if isinstance(value, dict):
        if value.get("source") and value.get("target") and value.get("type"):
            ends = (names.get(value["source"], value["source"]), names.get(value["target"], value["target"]))
            return f"{ends[0]} -{value['type'].lower()}-> {ends[1]}"
        if value.get("name") or value.get("title"):
            return str(value.get("name") or value.get("title"))
        nested = next((v for v in value.values() if isinstance(v, dict) and v.get("name")), None)
        return str(nested["name"]) if nested else str(value.get("uid") or value.get("id") or "")
    if isinstance(value, list):
        return ", ".join(_cell(v, names) for v in value[:6]) + (" ..." if len(value) > 6 else "")
    return "" if value is None else str(value)


ENDS = ("source", "target")  # columns that hold a node's uid: shown by its name


def _tables(result: BaseModel) -> list[Table]:
    data = result.model_dump(mode="json")
    names = _names(data, {})
    tables = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            columns = [c for c in value[0] if c not in ("properties",)]
            table = Table(title=key)
            for column in columns:
                table.add_column(column)
            for item in value:
                cells = (names.get(item[c], item[c]) if c in ENDS else _cell(item.get(c), names) for c in columns)
                table.add_row(*cells)
            tables.append(table)
        elif isinstance(value, dict) and value:
            console.print(f"{key}: " + ", ".join(f"{names.get(k, k)} {v}" for k, v in value.items()))
        elif not isinstance(value, list | dict):
            console.print(f"{key}: {value}")
    return tables


def _parameters_help(investigation: Investigation) -> str:
    """The investigation's parameters, one line each, for its --help."""
    lines = []
    for field_name, info in investigation.params.model_fields.items():
        default = "required" if info.is_required() else f"default {info.get_default(call_default_factory=True)!r}"
        lines.append(f"{field_name} ({default}): {info.description or ''}".rstrip(": "))
    return "Parameters, given as -p NAME=VALUE (lists by commas):\n\n" + "\n\n".join(lines)


def run_and_print(name: str, param: list[str], output: Output, agency: str | None) -> None:
    """Parse the parameters, run the investigation as the console's viewer, audit it, print it."""
    params = parse_params(name, _raw_params(name, param))
    viewer = console_viewer(agency)
    settings = get_settings()
    with connect_ready(settings) as graph:
        result = run_investigation(graph, viewer, name, params)
    record_console(settings, viewer, f"investigation:{name}", params.model_dump(mode="json", exclude_defaults=True),
                   count_results(result))  # fmt: skip
    if output is Output.json:
        typer.echo(result.model_dump_json(indent=2))
        return
    for table in _tables(result):
        console.print(table)


def _command(name: str) -> Callable[..., None]:
    def command(
        param: list[str] = typer.Option([], "--param", "-p", help="a parameter as NAME=VALUE (repeat)"),
        output: Output = typer.Option(Output.table, "--format", help="table or json"),
        agency: str | None = typer.Option(None, help="see only what is released to this agency (default: everything)"),
    ) -> None:
        run_and_print(name, param, output, agency)

    return command


investigate_app = typer.Typer(
    help="Run a canned investigation and print the answer with the reports behind it "
    "(`investigate NAME --help` lists its parameters).",
    no_args_is_help=True,
)
for _name, _investigation in INVESTIGATIONS.items():
    investigate_app.command(
        _name, help=f"{_investigation.summary.capitalize()}.", epilog=_parameters_help(_investigation)
    )(_command(_name))
