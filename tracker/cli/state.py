"""What the root command hands every command: the global options and the exit codes.

Exit codes: 0 done; 1 unexpected error; 2 bad usage or bad config; 3 done, but some
feeds or deliveries failed (details printed); 4 the database cannot be used.

Kept apart from context.py so that `tracker --help` imports nothing but this beside
typer (context.py brings datetime and dataclasses: a third of what tracker adds to
typer's own start-up).
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL, EXIT_STORE = 0, 1, 2, 3, 4


class State:
    """The root's options (--config, --verbose), as `ctx.find_root().obj`."""

    __slots__ = ("config_path", "verbose")

    def __init__(self, config_path: Path | None = None, verbose: bool = False) -> None:
        self.config_path = config_path
        self.verbose = verbose

    def __repr__(self) -> str:
        return f"State(config_path={self.config_path!r}, verbose={self.verbose!r})"
