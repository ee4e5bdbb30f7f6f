"""One `tracker run` per SQLite file: an embedded database has one writer, so a second
daemon would only fetch every feed twice and fight for the write lock.

The lock is an exclusive `flock` on `<database>.lock` beside the file, held for the
daemon's life. The kernel drops it when the process ends in any way (SIGKILL
included), so a stale file never blocks a restart; the file itself stays (it only names
the last holder). PostgreSQL databases are shared by design and take no lock here.
"""

from __future__ import annotations

import fcntl
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine

from tracker.store.engine import StoreError


class AlreadyRunning(StoreError):
    """Another daemon holds the database's lock; str() is the one-line reason."""


def lock_path(engine: Engine) -> Path | None:
    """The lock file of a SQLite file database; None for memory and server databases."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    path = Path(url.database).resolve()
    return path.with_name(path.name + ".lock")


@contextmanager
def daemon_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's daemon lock for the block, or raise AlreadyRunning."""
    path = lock_path(engine)
    if path is None:
        yield
        return
    database = path.with_name(path.name.removesuffix(".lock"))
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot open lock file {path}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 300, 0).decode("utf-8", "replace").split()
        os.close(fd)
        pid, host = [*holder, "?", "?"][:2]
        raise AlreadyRunning(
            f"another tracker run (pid {pid}, host {host}) is using {database}; an embedded"
            " database has one worker — use PostgreSQL for several"
        ) from None
    held = _Held(fd)
    # a forked child (a worker pool) must not keep the lock alive after we die
    os.register_at_fork(after_in_child=held.release)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {socket.gethostname()}\n".encode(), 0)
        yield
    finally:
        held.release()


class _Held:
    """The lock's descriptor until released; releasing twice (or in a child) is harmless,
    and a released one never closes a descriptor number reused since."""

    def __init__(self, fd: int) -> None:
        self.fd: int | None = fd

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)
