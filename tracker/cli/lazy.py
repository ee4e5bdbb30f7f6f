"""Commands registered by name and module path, imported only when named.

`tracker --help` lists every command from its one-line summary here, and shell completion
of command names reads the same; a command's module is imported (and typer builds it from
its signature) only when that command runs, is completed into, or is asked for its own
`--help`. Without this, typer imports every command module and evaluates every annotation
before it can print the top-level list.
"""

from __future__ import annotations

from typing import Any, ClassVar

from typer import _click
from typer.core import TyperGroup


class Lazy:
    """One command: `target` is "module:attribute", a command function or a `typer.Typer`
    group. `summary` is what the group's list and shell completion show: one line, so
    listing commands imports none of them (the command's own `--help` shows its docstring).
    A plain class, not a dataclass: `tracker --help` would import dataclasses for it."""

    __slots__ = ("built", "summary", "target")

    def __init__(self, target: str, summary: str) -> None:
        self.target = target
        self.summary = summary
        self.built: Any = None

    def load(self) -> Any:
        """The typer object (function or Typer) the target names."""
        module, _, attribute = self.target.partition(":")
        # __import__, not importlib.import_module: the latter skips `-X importtime`, which
        # tests/integration/test_cli_startup.py reads to see what a command loaded.
        return getattr(__import__(module, fromlist=[attribute]), attribute)


class LazyGroup(TyperGroup):
    """A typer group whose `registry` commands are built on first use."""

    registry: ClassVar[dict[str, Lazy]] = {}

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return [*super().list_commands(ctx), *(n for n in self.registry if n not in self.commands)]

    def get_command(self, ctx: _click.Context, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in self.registry:
            found = self.build(cmd_name)
        return found

    def build(self, name: str) -> Any:
        """Import the command's module and let typer build it, as `app.command()` would."""
        import typer.main
        from typer.models import CommandInfo, TyperInfo

        entry = self.registry[name]
        if entry.built is None:
            target = entry.load()
            options: dict[str, Any] = {
                "pretty_exceptions_short": True,
                "rich_markup_mode": self.rich_markup_mode,
            }
            if isinstance(target, typer.Typer):
                entry.built = typer.main.get_group_from_info(
                    TyperInfo(target, name=name), suggest_commands=True, **options
                )
            else:
                info = CommandInfo(name=name, callback=target)
                entry.built = typer.main.get_command_from_info(info, **options)
            entry.built.short_help = entry.summary
        return entry.built

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        """The list from the summaries, without importing any command."""
        rows = [(name, self.summary(ctx, name)) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def summary(self, ctx: _click.Context, name: str) -> str:
        if name in self.registry:
            return self.registry[name].summary
        command = super().get_command(ctx, name)
        return command.get_short_help_str() if command else ""

    def shell_complete(self, ctx: _click.Context, incomplete: str) -> list[Any]:
        """Command names and summaries for the shell, then the group's options, without
        importing any command (typer's own would build every command for its help)."""
        from typer._click.shell_completion import CompletionItem

        names = [n for n in self.list_commands(ctx) if n.startswith(incomplete)]
        items = [CompletionItem(n, help=self.summary(ctx, n)) for n in names]
        return items + _click.Command.shell_complete(self, ctx, incomplete)

    def resolve_command(self, ctx: _click.Context, args: list[str]) -> Any:
        """As typer's, but close names are suggested from every command, lazy ones too."""
        from difflib import get_close_matches

        from typer._click.exceptions import UsageError

        try:
            return self._click_resolve_command(ctx, args)
        except UsageError as error:
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if self.suggest_commands and matches:
                suggestions = ", ".join(repr(m) for m in matches)
                error.message = f"{error.message.rstrip('.')}. Did you mean {suggestions}?"
            raise
