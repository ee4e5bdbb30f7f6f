"""The docs cover every command and every config key (so they cannot silently drift)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
import typer.main

from tracker import config_schema as schema
from tracker.cli import COMMANDS as REGISTERED
from tracker.cli import app

DOCS = Path(__file__).resolve().parents[2] / "docs"
GROUPS = {"feeds", "alerts", "correct", "db"}  # documented by their own sections' subcommands
COMMANDS = sorted(set(REGISTERED) - GROUPS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_section_in_cli_docs(command: str) -> None:
    assert f"## tracker {command}" in (DOCS / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    group = typer.main.get_command(app)
    cmd = group.get_command(typer.Context(group), command)  # type: ignore[attr-defined]
    assert cmd.help and "Example: tracker" in cmd.help


def _config_keys() -> list[str]:
    """Every key the schema accepts, read from its tables (a role's {title, since, until}
    is documented in the `roles` row)."""
    tables = [
        t for t in vars(schema).values() if isinstance(t, type) and issubclass(t, schema.Table)
    ]
    keys = {
        field.alias or name
        for table in tables
        if table is not schema.RoleTable
        for name, field in table.model_fields.items()
    }
    return sorted(keys - {"defaults", "feeds", "officials", "email"})


KEYS = _config_keys()


def test_the_key_list_is_read_from_the_loader() -> None:
    assert {"threshold", "password_env", "evaluate_every"} <= set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_every_config_key_is_documented(key: str) -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    row = rf"\| `{key}` \|"  # a key is a row of a table ...
    section = (
        rf"`\[(?:\[)?(?:\w+\.)?{key}\](?:\])?`"  # ... or a section: `[alerts]`, `[alerts.adaptive]`
    )
    assert re.search(row, text) or re.search(section, text)
