"""The cyclic garbage collector paused while a CLI command starts, and a quick end for
the short read commands.

Start-up (the interpreter, typer, SQLAlchemy, the table classes, the config) makes some
hundreds of thousands of objects that live as long as the process. The collector's
passes over them free nothing and cost a sixth of `tracker status` (~0.1-0.2 s of CPU;
docs/performance.md, bench_cli). So the command line pauses it from its first line, and
`resume()` ends the pause once a command has what it needs: what start-up made is frozen
(gc.freeze: kept, never scanned again) and the collector runs as usual for whatever the
command makes after, so the daemon and the dashboard collect their garbage as ever.
Outside the command line (tests, library use) nothing is paused and `resume()` does
nothing.

The end: after `status`, `history`, `check` (and `--help`, `--version`), the interpreter's
teardown frees every object one by one, module by module: ~0.1 s of CPU for `status` at
1,000 officials, twice what the command itself does with its database at 10k findings.
Those commands leave nothing to finish (no thread, no child process, no file being
written), so `finish()` flushes the output, closes what was registered (the database
connections), and ends the process at once with `os._exit`, the way Instagram ends its
gc-frozen workers. Every other command exits as usual. Imports nothing but `gc`, `os`
and `sys`: it runs before typer is imported.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import NoReturn

_paused = False
_quick = False
_closers: list[Callable[[], object]] = []


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


def allow_quick_exit() -> None:
    """This command leaves nothing to finish: `finish()` may skip the teardown."""
    global _quick
    _quick = True


def before_quick_exit(close: Callable[[], object]) -> None:
    """Run `close` (e.g. an engine's dispose) before a quick exit; a normal exit leaves
    it to the teardown, as ever."""
    _closers.append(close)


def finish(code: str | int | None = 0) -> NoReturn:
    """End the process with `code` (SystemExit's): at once after a command that allowed
    it and left no other thread running, else through the usual teardown."""
    threading = sys.modules.get("threading")
    alone = threading is None or threading.active_count() == 1
    if not (_quick and alone and (code is None or isinstance(code, int))):
        sys.exit(code)
    try:
        for close in _closers:
            close()
        logging = sys.modules.get("logging")
        if logging is not None:
            logging.shutdown()  # flush and close the handlers, as at a normal exit
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # e.g. a closed pipe: the usual exit reports it
        sys.exit(code)
    os._exit(code or 0)
