"""The cyclic garbage collector paused while a CLI command starts.

Start-up (the interpreter, typer, SQLAlchemy, the table classes, the config) makes some
hundreds of thousands of objects that live as long as the process. The collector's
passes over them free nothing and cost a sixth of `tracker status` (~0.1-0.2 s of CPU;
docs/performance.md, bench_cli). So the command line pauses it from its first line, and
`resume()` ends the pause once a command has what it needs: what start-up made is frozen
(gc.freeze: kept, never scanned again) and the collector runs as usual for whatever the
command makes after, so the daemon and the dashboard collect their garbage as ever.
Outside the command line (tests, library use) nothing is paused and `resume()` does
nothing. Imports nothing but `gc`: it runs before typer is imported.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop the collector until `resume()`; only if it was running."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """End the pause: freeze what start-up made, collect again. Idempotent: later calls
    (or calls with no pause) change nothing, so a long-running command that opens the
    store many times freezes once."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def end() -> None:
    """The collector on again without freezing (the command is over, e.g. when the CLI
    runs in a test's process): nothing is left paused."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
