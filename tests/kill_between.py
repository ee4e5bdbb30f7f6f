"""A test helper process: `python -m tracker` that SIGKILLs itself right after a batch of
entries is written and before their findings are, the moment an older version lost
findings at. Used only by tests/integration/test_stored_whole.py."""

from __future__ import annotations

import os
import signal
from typing import Any

from tracker.cli import main
from tracker.store import repo

_add_entries = repo.add_entries


def _add_then_die(*args: Any, **kwargs: Any) -> list[repo.StoredEntry | None]:
    stored = _add_entries(*args, **kwargs)
    if any(stored):
        os.kill(os.getpid(), signal.SIGKILL)
    return stored


if __name__ == "__main__":
    repo.add_entries = _add_then_die  # type: ignore[assignment]
    main()
