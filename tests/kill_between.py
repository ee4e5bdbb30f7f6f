"""A test helper process: `python -m tracker` that SIGKILLs itself right after a batch of
entries is written and before their findings are, the moment an older version lost
findings at. Used only by tests/integration/test_stored_whole.py."""

from __future__ import annotations

import os
import signal
from typing import Any

from tracker.cli import main
from tracker.store import repo

_store_entries = repo.store_entries


def _store_then_die(*args: Any, **kwargs: Any) -> list[repo.StoredEntry | None]:
    stored = _store_entries(*args, **kwargs)
    if any(stored):
        os.kill(os.getpid(), signal.SIGKILL)
    return stored


if __name__ == "__main__":
    repo.store_entries = _store_then_die  # type: ignore[assignment]
    main()
