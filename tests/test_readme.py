"""The README's two commands are the ones that set up and run the demo and the tests; CI runs the second."""

from __future__ import annotations

import re

from tests.conftest import REPO_ROOT


def _readme_commands() -> list[str]:
    text = (REPO_ROOT / "README.md").read_text()
    return re.findall(r"^```(?:sh|bash|console)\n(.+?)\n```", text, flags=re.MULTILINE | re.DOTALL)


def test_readme_gives_exactly_two_commands() -> None:
    assert _readme_commands() == ["make demo", "make test"]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci_lines = [line.strip() for line in (REPO_ROOT / ".ci" / "run").read_text().splitlines()]
    assert _readme_commands()[1] in ci_lines


def test_makefile_targets_exist_for_both_commands() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert re.search(r"^demo: setup$", makefile, flags=re.MULTILINE)
    assert re.search(r"^test: setup\b", makefile, flags=re.MULTILINE)
