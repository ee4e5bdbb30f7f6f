"""One leader among the `tracker run` workers of a database: it alone evaluates and
delivers (issue 13). The outbox's claims stay the second guard against a double send.

PostgreSQL: the leader holds a session-level advisory lock (`pg_try_advisory_lock`) on
a connection of its own, kept open. PostgreSQL releases the lock when that session
ends, however the process died: a SIGKILLed leader's socket closes at once, and a host
that vanishes is noticed by the server's TCP keepalives (set on the session below: about
25 s). The other workers try for the lock at each of their evaluation ticks, so one of
them leads again within `evaluate_every` of the lock's release. Before each evaluation
the leader checks that its session still holds the lock (a broken connection means it
no longer leads).

SQLite: there is one daemon per file (tracker.store.daemon_lock), so it always leads.
"""

from __future__ import annotations

import contextlib
import logging

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

log = logging.getLogger("tracker.leader")

# any fixed 64-bit number, the same in every tracker process (not SCHEMA_LOCK's)
LEADER_LOCK = 0x7472_6163_6B6C_6472  # "trackldr"
# server-side keepalives of the leader's session: a leader whose host vanished without
# closing its connection loses the lock after idle + interval * count seconds
KEEPALIVES = {"tcp_keepalives_idle": 10, "tcp_keepalives_interval": 5, "tcp_keepalives_count": 3}


class Leadership:
    """Whether this worker leads, taking the lead when it is free."""

    def __init__(self, engine: Engine) -> None:
        self.shared = engine.dialect.name == "postgresql"
        # a connection of its own, outside the pool: it lives as long as the lead
        self._engine = create_engine(engine.url, poolclass=NullPool) if self.shared else None
        self._conn: Connection | None = None
        self._failing = False

    @property
    def held(self) -> bool:
        """Whether this worker led at the last check (no database round trip)."""
        return self._conn is not None or not self.shared

    def check(self) -> bool:
        """True if this worker leads now: it still holds the lock, or has just taken it."""
        if self._engine is None:
            return True
        if self._conn is not None:
            if self._still_held(self._conn):
                return True
            self._drop()
            log.warning("no longer the leader (its database session ended); trying again")
        return self._take(self._engine)

    def release(self) -> None:
        """At a clean exit: end the session, so another worker leads at once."""
        self._drop()
        if self._engine is not None:
            self._engine.dispose()

    def _take(self, engine: Engine) -> bool:
        try:
            conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except SQLAlchemyError as exc:
            self._warn_once(exc)
            return False
        try:
            for name, value in KEEPALIVES.items():
                conn.execute(text(f"SET {name} = {int(value)}"))
            taken = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LEADER_LOCK})
            got = bool(taken.scalar())
        except SQLAlchemyError as exc:
            conn.close()
            self._warn_once(exc)
            return False
        self._failing = False
        if not got:
            conn.close()
            return False
        self._conn = conn
        log.info("this worker is now the leader: it evaluates and delivers")
        return True

    @staticmethod
    def _still_held(conn: Connection) -> bool:
        query = text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            " AND pid = pg_backend_pid() AND granted"
        )
        try:
            return bool(conn.execute(query).scalar())
        except SQLAlchemyError:
            return False

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(SQLAlchemyError):  # already broken: nothing to release
                conn.close()

    def _warn_once(self, exc: SQLAlchemyError) -> None:
        if not self._failing:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            log.warning("cannot try for the lead: %s", first)
        self._failing = True
